//! "Toutes les idées" over HTTP, on the demo consultation (36 published ideas,
//! 4 pending): pages, theme and zone filters, the three orders checked against
//! the open-data scores, the search (accents, plurals, every word, the last one
//! as a prefix), never a pending or refused idea, and an idea's fate.

use crate::common::{spawn_app, Engine, TestApp, CONSULTATION, MODERATOR};
use serde_json::Value;

const SLUG: &str = CONSULTATION;

fn ideas_path(query: &str) -> String {
    format!("/consultations/{SLUG}/ideas{query}")
}

/// The ideas listed on a page, in order (their links carry a site token).
fn listed(html: &str) -> Vec<i64> {
    let Some(start) = html.find("class=\"ideas\"") else {
        return Vec::new();
    };
    let list = &html[start..start + html[start..].find("</ol>").unwrap()];
    list.split(&format!("/consultations/{SLUG}/proposals/"))
        .skip(1)
        .map(|rest| rest.split('?').next().unwrap().parse().unwrap())
        .collect()
}

async fn page(app: &TestApp, query: &str) -> String {
    let (status, html) = app.get_html(&app.html_client(), &ideas_path(query)).await;
    assert_eq!(status, 200, "{query}: {html}");
    html
}

/// Every idea the list shows for `query` (no `page`), following the pages.
async fn all_listed(app: &TestApp, query: &str) -> Vec<i64> {
    let mut out = Vec::new();
    for n in 1..=20 {
        let sep = if query.is_empty() { "?" } else { "&" };
        let html = page(app, &format!("{query}{sep}page={n}")).await;
        out.extend(listed(&html));
        if !html.contains("rel=\"next\"") {
            return out;
        }
    }
    panic!("more pages than expected");
}

/// The published ideas with their zones and scores, as open data says.
async fn open_data(app: &TestApp) -> Vec<Value> {
    let json: Value = reqwest::get(app.url(&format!("/api/consultations/{SLUG}/results.json")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    json["results"].as_array().unwrap().clone()
}

fn ids(results: &[&Value]) -> Vec<i64> {
    results.iter().map(|r| r["id"].as_i64().unwrap()).collect()
}

async fn theme_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM themes WHERE name = $1")
        .bind(name)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// Proposes `body` and, with `accept`, publishes it; returns its id.
async fn propose(app: &TestApp, body: &str, key: &str, accept: bool) -> i64 {
    let participant = app.api_client();
    let form = [
        ("consultation", SLUG),
        ("body", body),
        ("author_name", "Inès"),
        ("charter", "on"),
        ("idempotency_key", key),
    ];
    let (s, answer) = app
        .post_api(&participant, "consultation/propose", &form)
        .await;
    assert_eq!(s, 200, "{answer}");
    let id: i64 = answer.trim().parse().unwrap();
    if accept {
        let moderator = app.logged_in(MODERATOR).await;
        let (s, answer) = app
            .post_api(
                &moderator,
                "staff/moderation/decide",
                &[("proposal_id", &id.to_string()), ("decision", "accept")],
            )
            .await;
        assert_eq!(s, 200, "{answer}");
    }
    id
}

async fn pages_cover_every_published_idea_once(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let published = open_data(&app).await;
    assert_eq!(published.len(), 36);
    let first = page(&app, "").await;
    assert!(first.contains("36 idées trouvées"), "{engine:?}");
    assert!(first.contains("id=\"ideas-count\" role=\"status\""));
    assert!(first.contains("Toutes les idées, page 1 sur 2"));
    assert!(first.contains(&format!("href=\"{}\"", ideas_path("?page=2"))));
    let one = listed(&first);
    assert_eq!(one.len(), 20, "{first}");
    let second = page(&app, "?page=2").await;
    assert!(second.contains("page 2 sur 2") && second.contains("rel=\"prev\""));
    assert!(!second.contains("rel=\"next\""));
    let two = listed(&second);
    assert_eq!(two.len(), 16);
    let mut all: Vec<i64> = one.iter().chain(&two).copied().collect();
    all.sort();
    all.dedup();
    let mut expected = ids(&published.iter().collect::<Vec<_>>());
    expected.sort();
    assert_eq!(
        all, expected,
        "{engine:?}: each published idea on exactly one page"
    );
    // A page past the end shows the last one; nonsense is ignored.
    assert_eq!(listed(&page(&app, "?page=99").await), two);
    assert_eq!(
        listed(&page(&app, "?page=abc&zone=x&theme=y&sort=z").await),
        one
    );
    // Pending ideas are never listed.
    let pending: Vec<i64> = sqlx::query_scalar("SELECT id FROM proposals WHERE status = 'pending'")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(pending.len(), 4);
    assert!(pending.iter().all(|p| !all.contains(p)));
    // Linked from the consultation's home and its results.
    for from in ["", "/results"] {
        let (_, html) = app
            .get_html(&app.html_client(), &format!("/consultations/{SLUG}{from}"))
            .await;
        assert!(
            html.contains(&format!("href=\"{}\"", ideas_path(""))),
            "{from}"
        );
    }
}

async fn theme_and_zone_filters(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let published = open_data(&app).await;
    let theme = "Logement et cadre de vie";
    let id = theme_id(&app, theme).await;
    let mut got = all_listed(&app, &format!("?theme={id}")).await;
    got.sort();
    let of_theme: Vec<&Value> = published
        .iter()
        .filter(|r| r["themes"].as_array().unwrap().iter().any(|t| t == theme))
        .collect();
    assert_eq!(got, ids(&of_theme), "{engine:?}");
    assert_eq!(got.len(), 5);
    let html = page(&app, &format!("?theme={id}")).await;
    assert!(html.contains("5 idées trouvées"));
    assert!(html.contains(&format!("<option value=\"{id}\" selected")));
    let mut seen_zones = 0;
    for zone in ["consensus", "controversy", "rejection", "limbo"] {
        let in_zone: Vec<&Value> = published.iter().filter(|r| r["zone"] == zone).collect();
        let mut got = all_listed(&app, &format!("?zone={zone}")).await;
        got.sort();
        assert_eq!(got, ids(&in_zone), "{engine:?} {zone}");
        seen_zones += usize::from(!in_zone.is_empty());
        // Both filters at once.
        let both: Vec<&Value> = in_zone
            .iter()
            .copied()
            .filter(|r| r["themes"].as_array().unwrap().iter().any(|t| t == theme))
            .collect();
        let mut got = all_listed(&app, &format!("?zone={zone}&theme={id}")).await;
        got.sort();
        assert_eq!(got, ids(&both), "{engine:?} {zone} and {theme}");
    }
    assert!(seen_zones >= 2, "the demo has ideas in several zones");
    // A theme of no idea: nothing, with help.
    let html = page(&app, "?zone=rejection&theme=999999").await;
    assert!(!html.contains("option value=\"999999\""));
}

fn sorted_by(published: &[Value], score: &str) -> Vec<i64> {
    let mut items: Vec<(f64, i64)> = published
        .iter()
        .map(|r| {
            (
                r["scores"][score]["lower"].as_f64().unwrap(),
                r["id"].as_i64().unwrap(),
            )
        })
        .collect();
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    items.into_iter().map(|(_, id)| id).collect()
}

async fn three_orders(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let published = open_data(&app).await;
    let support = all_listed(&app, "").await;
    assert_eq!(support, sorted_by(&published, "top"), "{engine:?}");
    assert_eq!(all_listed(&app, "?sort=support").await, support);
    let controversy = all_listed(&app, "?sort=controversy").await;
    assert_eq!(
        controversy,
        sorted_by(&published, "controversy"),
        "{engine:?}"
    );
    assert_ne!(support, controversy);
    let newest = all_listed(&app, "?sort=newest").await;
    let mut expected = ids(&published.iter().collect::<Vec<_>>());
    expected.sort_by(|a, b| b.cmp(a));
    assert_eq!(newest, expected, "{engine:?}");
    // The order survives the page links.
    let html = page(&app, "?sort=newest").await;
    assert!(html.contains(&format!(
        "href=\"{}\"",
        ideas_path("?sort=newest&amp;page=2")
    )));
}

async fn search_ignores_accents_plurals_and_case(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let housing = propose(
        &app,
        "un Logement pour chaque famille sans abri",
        "ideas-000001",
        true,
    )
    .await;
    let school = propose(
        &app,
        "rouvrir l'École Jean Macé le samedi",
        "ideas-000002",
        true,
    )
    .await;
    let pool = propose(
        &app,
        "une piscine couverte à Bourtzwiller",
        "ideas-000003",
        false,
    )
    .await;
    let published = open_data(&app).await;
    let containing = |word: &str| -> Vec<i64> {
        let mut found: Vec<i64> = published
            .iter()
            .filter(|r| r["content"].as_str().unwrap().to_lowercase().contains(word))
            .map(|r| r["id"].as_i64().unwrap())
            .collect();
        found.sort();
        found
    };
    let search = |q: &'static str| {
        let app = &app;
        async move {
            let mut got = all_listed(app, &format!("?q={q}")).await;
            got.sort();
            got
        }
    };
    // "logements" finds the new "Logement" and the demo's "logements".
    let homes = search("logements").await;
    assert!(homes.contains(&housing), "{engine:?}");
    assert_eq!(homes, containing("logement"));
    assert_eq!(homes.len(), 4);
    assert_eq!(search("LOGEMENT").await, homes);
    // Without accents, with them, in the plural.
    assert_eq!(search("ecole").await, [school], "{engine:?}");
    assert_eq!(search("%C3%A9coles").await, [school]);
    // Every word must be there: two of the four homes are social housing.
    let social = search("logements+sociaux").await;
    assert_eq!(social.len(), 2, "{engine:?}");
    assert!(social.iter().all(|id| homes.contains(id)));
    assert_eq!(search("logement+piscine").await, Vec::<i64>::new());
    // The last word may be unfinished.
    assert_eq!(search("jard").await, containing("jardins"));
    assert_eq!(search("jardins+partag").await, containing("jardins"));
    // No match: said, with help; the words typed stay in the form.
    let html = page(&app, "?q=piscine").await;
    assert!(html.contains("Aucune idée trouvée"), "{engine:?}");
    assert!(html.contains("Aucune idée ne correspond"));
    assert!(html.contains("value=\"piscine\""));
    assert!(listed(&html).is_empty());
    // Pending (the pool, the demo's shuttles) and refused ideas are never found.
    assert!(!search("piscine").await.contains(&pool));
    assert_eq!(search("navettes").await, Vec::<i64>::new());
    let mayor: i64 = sqlx::query_scalar(
        "SELECT id FROM proposals WHERE content = 'Il faut que le maire démissionne'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let moderator = app.logged_in(MODERATOR).await;
    let (s, _) = app
        .post_api(
            &moderator,
            "staff/moderation/decide",
            &[
                ("proposal_id", &mayor.to_string()),
                ("decision", "refuse"),
                ("reason", "partisan"),
            ],
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(search("demissionne").await, Vec::<i64>::new(), "{engine:?}");
    // Only common words: every idea, and the page says why.
    let html = page(&app, "?q=il+faut").await;
    assert!(html.contains("38 idées trouvées"), "{engine:?}");
    assert!(html.contains("trop courants"));
    assert!(html.contains(&format!("href=\"{}\"", ideas_path("?q=il+faut&amp;page=2"))));
    // Search, theme and order together.
    let id = theme_id(&app, "Logement et cadre de vie").await;
    let html = page(&app, &format!("?q=logements&theme={id}&sort=newest")).await;
    assert!(html.contains("3 idées trouvées"), "{engine:?}");
    let newest = listed(&html);
    assert!(newest.windows(2).all(|w| w[0] > w[1]));
}

/// Whether the page shows `text`, whichever way its apostrophes are escaped.
fn contains_text(html: &str, text: &str) -> bool {
    html.contains(text)
        || html.contains(&text.replace('\'', "&#x27;"))
        || html.contains(&text.replace('\'', "&#39;"))
}

async fn idea_page_says_what_became_of_it(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (cited, title): (i64, String) = sqlx::query_as(
        "SELECT x.proposal_id, a.title FROM action_avenue_proposals x \
         JOIN action_avenues a ON a.id = x.avenue_id WHERE a.published = 1 ORDER BY a.id LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let zones: Vec<(i64, String)> = open_data(&app)
        .await
        .iter()
        .map(|r| {
            (
                r["id"].as_i64().unwrap(),
                r["zone"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let zone_of = |id: i64| zones.iter().find(|z| z.0 == id).unwrap().1.clone();
    let explanation = |zone: &str| match zone {
        "consensus" => (
            "Consensus",
            "Une large majorité des participants qui ont voté est d'accord",
        ),
        "controversy" => ("Partage les avis", "Les participants sont partagés"),
        "rejection" => ("Rejetée", "n'est pas d'accord avec cette idée"),
        _ => ("Avis pas encore tranché", "On ne sait pas encore"),
    };
    let (_, html) = app
        .get_html(
            &app.html_client(),
            &format!("/consultations/{SLUG}/proposals/{cited}"),
        )
        .await;
    assert!(html.contains("Ce qu'est devenue cette idée"), "{engine:?}");
    let (name, text) = explanation(&zone_of(cited));
    assert!(html.contains(name), "{engine:?}: {name}");
    assert!(contains_text(&html, text), "{engine:?}: {text}");
    assert!(contains_text(&html, &title), "{engine:?}: {title}");
    assert!(html.contains("/action-avenues\""));
    // An idea no avenue cites says so; its zone is still there.
    let uncited: i64 = sqlx::query_scalar(
        "SELECT p.id FROM proposals p WHERE p.status = 'accepted' AND NOT EXISTS \
         (SELECT 1 FROM action_avenue_proposals x JOIN action_avenues a ON a.id = x.avenue_id \
          WHERE x.proposal_id = p.id AND a.published = 1) ORDER BY p.id LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (_, html) = app
        .get_html(
            &app.html_client(),
            &format!("/consultations/{SLUG}/proposals/{uncited}"),
        )
        .await;
    assert!(
        contains_text(&html, "Aucune piste d'action publiée"),
        "{engine:?}"
    );
    let zone = zone_of(uncited);
    assert!(html.contains(explanation(&zone).0));
    assert!(html.contains(&format!("{}?zone={zone}", ideas_path(""))));
}

crate::per_engine!(
    pages_cover_every_published_idea_once,
    theme_and_zone_filters,
    three_orders,
    search_ignores_accents_plurals_and_case,
    idea_page_says_what_became_of_it,
);
