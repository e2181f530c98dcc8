//! Moderation, day to day: spelling corrections (the author's text kept and
//! shown), duplicates (out of sequences and results, their page leading to
//! the kept idea), the refused duplicate marks, and the log of every
//! decision with its filters and its CSV and XLSX exports.

use crate::common::{
    spawn_app, vote_form_fields, Engine, TestApp, ADMIN, CONSULTATION, MEDIATOR, MODERATOR,
};

const DECIDE: &str = "staff/moderation/decide";

/// The `value` of the first input called `name` in `html`.
fn input_value(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!(r#"name="{name}""#))?;
    let rest = &html[at..];
    let v = rest.split(r#"value=""#).nth(1)?;
    Some(v[..v.find('"')?].to_owned())
}

/// Published demo proposals (id, text), oldest first.
async fn published(app: &TestApp) -> Vec<(i64, String)> {
    sqlx::query_as(
        "SELECT id, content FROM proposals WHERE status = 'accepted' ORDER BY created_at, id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

async fn pending(app: &TestApp) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM proposals WHERE status = 'pending' ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

async fn votes_on(app: &TestApp, id: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM votes WHERE proposal_id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn staff_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM staff_accounts WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

fn proposal_path(id: i64) -> String {
    format!("/consultations/{CONSULTATION}/proposals/{id}")
}

/// Opens the proposal's moderation page (which holds it for `client`).
async fn open(app: &TestApp, client: &reqwest::Client, id: i64) -> String {
    let (s, page) = app
        .get_html(client, &format!("/moderation/proposals/{id}"))
        .await;
    assert_eq!(s, 200, "{page}");
    page
}

async fn corrections_keep_the_authors_text_and_mark_the_idea(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (id, original) = published(&app).await[0].clone();
    let votes = votes_on(&app, id).await;
    assert!(votes > 0, "the demo voted on it");
    let here = format!("/moderation/proposals/{id}");
    let id_s = id.to_string();

    // Staff other than moderators, and the public, cannot correct.
    let mediator = app.logged_in(MEDIATOR).await;
    let fields = [
        ("proposal_id", id_s.as_str()),
        ("decision", "edit"),
        ("content", "Il faut un texte corrigé par un médiateur"),
    ];
    assert_eq!(app.post_api(&mediator, DECIDE, &fields).await.0, 403);
    assert_eq!(
        app.post_api(&app.api_client(), DECIDE, &fields).await.0,
        401
    );

    // Without JavaScript: a text too short comes back with the message and what was typed.
    let moderator = app.html_logged_in(MODERATOR).await;
    let page = open(&app, &moderator, id).await;
    assert!(
        page.contains("Corriger l&#x27;orthographe") || page.contains("Corriger l'orthographe")
    );
    let (s, back) = app
        .post_form(
            &moderator,
            DECIDE,
            &here,
            &[
                ("proposal_id", &id_s),
                ("decision", "edit"),
                ("content", "Il faut"),
                ("note", "une note gardée"),
            ],
        )
        .await;
    assert!((300..400).contains(&s) && back == here, "{s} {back}");
    let (_, page) = app.get_html(&moderator, &here).await;
    assert!(page.contains("trop courte"), "translated refusal");
    assert!(page.contains("une note gardée"), "what was typed is kept");

    // The correction: the author's text is kept, the votes stay.
    let corrected = "Il faut des jardins partagés dans chaque quartier (corrigé)";
    let (s, to) = app
        .post_form(
            &moderator,
            DECIDE,
            &here,
            &[
                ("proposal_id", &id_s),
                ("decision", "edit"),
                ("content", corrected),
                ("note", "accents"),
            ],
        )
        .await;
    assert!((300..400).contains(&s) && to == here, "{s} {to}");
    let (content, kept): (String, Option<String>) =
        sqlx::query_as("SELECT content, original_content FROM proposals WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(content, corrected);
    assert_eq!(kept.as_deref(), Some(original.as_str()), "{engine:?}");
    assert_eq!(votes_on(&app, id).await, votes, "votes stay attached");

    // A second correction still keeps the author's own text.
    let again = "Il faut des jardins partagés et des potagers dans tous les quartiers";
    let (s, _) = app
        .post_form(
            &moderator,
            DECIDE,
            &here,
            &[
                ("proposal_id", &id_s),
                ("decision", "edit"),
                ("content", again),
            ],
        )
        .await;
    assert!((300..400).contains(&s));
    let kept: Option<String> =
        sqlx::query_scalar("SELECT original_content FROM proposals WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(kept.as_deref(), Some(original.as_str()));

    // The public sees the mark and can read the author's text.
    let visitor = app.html_client();
    let (s, page) = app.get_html(&visitor, &proposal_path(id)).await;
    assert_eq!(s, 200);
    assert!(page.contains(again));
    assert!(
        page.contains("Orthographe corrigée par la modération"),
        "{page}"
    );
    assert!(
        page.contains("Voir le texte d&#x27;origine") || page.contains("Voir le texte d'origine")
    );
    assert!(
        page.contains(&original.replace('\'', "&#x27;")) || page.contains(&original),
        "the original text is on the idea page"
    );
    // "Toutes les idées" lists it with the mark, and its search reads the corrected words.
    let (s, list) = app
        .get_html(
            &visitor,
            &format!("/consultations/{CONSULTATION}/ideas?q=potager"),
        )
        .await;
    assert_eq!(s, 200);
    let link = proposal_path(id);
    assert!(
        list.contains(&format!("{link}\"")) || list.contains(&format!("{link}?")),
        "{engine:?}: {list}"
    );
    assert!(
        list.contains("Orthographe corrigée par la modération"),
        "{engine:?}: {list}"
    );
    // …and on the vote card of a sequence that serves it.
    keep_published(&app, 6).await;
    let shown = walk_sequence(&app, &app.html_client()).await;
    let card = shown
        .iter()
        .find(|(pid, _)| *pid == id)
        .expect("the corrected idea is still in sequences");
    assert!(card.1.contains("Orthographe corrigée par la modération"));
}

/// Keeps the first `n` published ideas and unpublishes the others, so that
/// one voting sequence serves every published idea.
async fn keep_published(app: &TestApp, n: usize) -> Vec<(i64, String)> {
    let ideas = published(app).await;
    for (id, _) in &ideas[n..] {
        sqlx::query(
            "UPDATE proposals SET status = 'refused', refusal_reason = 'other' WHERE id = $1",
        )
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    }
    ideas[..n].to_vec()
}

/// Walks a whole voting sequence without voting; returns each card's
/// proposal id with the page that showed it.
async fn walk_sequence(app: &TestApp, client: &reqwest::Client) -> Vec<(i64, String)> {
    let vote = format!("/consultations/{CONSULTATION}/vote");
    // A page view makes no participant: the first post does, with a fresh sequence.
    app.post_form(
        client,
        "consultation/sequence",
        &vote,
        &[
            ("consultation", CONSULTATION),
            ("action", "restart"),
            ("position", "0"),
        ],
    )
    .await;
    let mut shown = Vec::new();
    for _ in 0..80 {
        let (s, page) = app.get_html(client, &vote).await;
        assert_eq!(s, 200);
        if page.contains(r#"data-form="demographics""#) {
            app.post_form(
                client,
                "consultation/demographics",
                &vote,
                &[("consultation", CONSULTATION), ("action", "skip")],
            )
            .await;
            continue;
        }
        if !page.contains(r#"name="signature""#) {
            break;
        }
        let fields = vote_form_fields(&page);
        let id: i64 = crate::common::field(&fields, "proposal_id")
            .parse()
            .unwrap();
        let position = input_value(&page, "position").expect("the sequence form");
        shown.push((id, page));
        app.post_form(
            client,
            "consultation/sequence",
            &vote,
            &[
                ("consultation", CONSULTATION),
                ("action", "next"),
                ("position", &position),
            ],
        )
        .await;
    }
    assert!(!shown.is_empty(), "a sequence was served");
    shown
}

async fn duplicates_lead_to_the_kept_idea_and_leave_sequences_and_results(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let ideas = published(&app).await;
    let (dup, dup_text) = ideas[1].clone();
    let (kept, kept_text) = ideas[2].clone();
    let votes = votes_on(&app, dup).await;
    let moderator = app.logged_in(MODERATOR).await;
    open(&app, &moderator, dup).await;
    let (s, body) = app
        .post_api(
            &moderator,
            DECIDE,
            &[
                ("proposal_id", &dup.to_string()),
                ("decision", "duplicate"),
                ("target", &kept.to_string()),
                ("note", "même idée"),
            ],
        )
        .await;
    assert_eq!(s, 200, "{engine:?}: {body}");
    let (status, reason, of): (String, String, Option<i64>) =
        sqlx::query_as("SELECT status, refusal_reason, duplicate_of FROM proposals WHERE id = $1")
            .bind(dup)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), reason.as_str(), of),
        ("refused", "duplicate", Some(kept))
    );
    assert_eq!(votes_on(&app, dup).await, votes, "its votes stay recorded");

    // Its public page says so and leads to the kept idea.
    let visitor = app.html_client();
    let (s, page) = app.get_html(&visitor, &proposal_path(dup)).await;
    assert_eq!(s, 200, "a duplicate keeps its page");
    assert!(page.contains("Cette idée est un doublon"), "{page}");
    assert!(page.contains(&format!(
        r#"href="/consultations/{CONSULTATION}/proposals/{kept}?from="#
    )));
    assert!(page.contains(&kept_text.replace('\'', "&#x27;")) || page.contains(&kept_text));
    assert!(
        !page.contains(r#"name="signature""#),
        "no vote on a duplicate"
    );
    let (_, page) = app.get_html(&visitor, &proposal_path(kept)).await;
    assert!(
        page.contains("Doublons regroupés dans cette idée : 1"),
        "{page}"
    );

    // Out of the results, the open data and the sequences.
    let json = reqwest::get(app.url(&format!("/api/consultations/{CONSULTATION}/results.json")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!json.contains(&format!("\"id\":{dup},")), "{json}");
    assert!(json.contains(&format!("\"id\":{kept},")));
    let csv = reqwest::get(app.url(&format!("/api/consultations/{CONSULTATION}/proposals.csv")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!csv.contains(&dup_text));
    let (_, results) = app
        .get_html(&visitor, &format!("/consultations/{CONSULTATION}/results"))
        .await;
    assert!(!results.contains(&format!("/proposals/{dup}?")));
    let served: Vec<i64> = keep_published(&app, 6)
        .await
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut shown: Vec<i64> = walk_sequence(&app, &app.html_client())
        .await
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    shown.sort();
    let mut expected = served;
    expected.sort();
    assert!(expected.contains(&kept));
    assert!(!shown.contains(&dup));
    assert_eq!(
        shown, expected,
        "every published idea is served, the duplicate never"
    );
}

async fn wrong_duplicate_marks_are_refused(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let ideas = published(&app).await;
    let (a, b, c) = (ideas[0].0, ideas[1].0, ideas[2].0);
    let waiting = pending(&app).await;
    let moderator = app.html_logged_in(MODERATOR).await;
    let mark = |id: i64, target: String| {
        let (app, moderator) = (&app, &moderator);
        async move {
            let here = format!("/moderation/proposals/{id}");
            let (s, to) = app
                .post_form(
                    moderator,
                    DECIDE,
                    &here,
                    &[
                        ("proposal_id", &id.to_string()),
                        ("decision", "duplicate"),
                        ("target_number", &target),
                        ("note", "note tapée"),
                    ],
                )
                .await;
            assert!((300..400).contains(&s), "{s}");
            let (_, page) = app.get_html(moderator, &to).await;
            (to, page)
        }
    };
    let refused = |page: &str, message: &str| {
        assert!(page.contains(message), "{message}: {page}");
        assert!(page.contains("note tapée"), "what was typed is kept");
    };
    open(&app, &moderator, a).await;
    let (_, page) = mark(a, a.to_string()).await;
    refused(&page, "ne peut pas être le doublon d");
    let (_, page) = mark(a, "999999".into()).await;
    refused(&page, "Aucune idée ne porte ce numéro");
    let (_, page) = mark(a, waiting[0].to_string()).await;
    refused(&page, "est pas publiée : choisissez une idée publiée");
    // A refused one.
    let api = app.logged_in(MODERATOR).await;
    open(&app, &api, c).await;
    let (s, _) = app
        .post_api(
            &api,
            DECIDE,
            &[
                ("proposal_id", &c.to_string()),
                ("decision", "refuse"),
                ("reason", "rude"),
            ],
        )
        .await;
    assert_eq!(s, 200);
    let (_, page) = mark(a, c.to_string()).await;
    refused(&page, "est pas publiée : choisissez une idée publiée");
    // Chains: b is a duplicate of a, so nothing may be a duplicate of b.
    open(&app, &moderator, b).await;
    let (to, _) = mark(b, a.to_string()).await;
    assert!(
        !to.ends_with(&format!("/{b}")),
        "marked, on to the next one: {to}"
    );
    let (_, page) = mark(a, b.to_string()).await;
    refused(&page, "est elle-même un doublon");
    // Another consultation's idea.
    let phase: i64 = sqlx::query_scalar(
        "SELECT id FROM phases WHERE id NOT IN (SELECT phase_id FROM components WHERE kind = 'consultation') ORDER BY id LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let component: i64 = sqlx::query_scalar(
        "INSERT INTO components (phase_id, kind, created_at) VALUES ($1, 'consultation', 0) RETURNING id",
    )
    .bind(phase)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let today = app.config.settings().today();
    let other = app::consultation::store::create_consultation(
        &app.db,
        &app::consultation::store::NewConsultation {
            component_id: component,
            slug: "autre-consultation",
            question: "Une autre question ?",
            prefix: "Il faut",
            lang: "fr",
            neighbourhoods: &[],
            opens_on: today,
            closes_on: today,
        },
    )
    .await
    .unwrap();
    let participant: i64 = sqlx::query_scalar("SELECT participant_id FROM proposals LIMIT 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let elsewhere: i64 = sqlx::query_scalar(
        "INSERT INTO proposals (consultation_id, participant_id, content, author_name, status, created_at) \
         VALUES ($1, $2, 'Il faut une idée ailleurs', 'Zoé', 'accepted', 0) RETURNING id",
    )
    .bind(other)
    .bind(participant)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (_, page) = mark(a, elsewhere.to_string()).await;
    refused(&page, "appartient à une autre consultation");
    // Nothing of that was applied.
    let of: Option<i64> = sqlx::query_scalar("SELECT duplicate_of FROM proposals WHERE id = $1")
        .bind(a)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(of, None, "{engine:?}");

    // The moderation lock holds: what the admin opened, the moderator cannot mark.
    let admin = app.logged_in(ADMIN).await;
    let d = ideas[3].0;
    open(&app, &admin, d).await;
    let (s, body) = app
        .post_api(
            &api,
            DECIDE,
            &[
                ("proposal_id", &d.to_string()),
                ("decision", "duplicate"),
                ("target", &a.to_string()),
            ],
        )
        .await;
    assert_eq!(s, 409, "{body}");
    let (s, _) = app
        .post_api(
            &api,
            DECIDE,
            &[
                ("proposal_id", &d.to_string()),
                ("decision", "edit"),
                ("content", "Il faut une correction bloquée par le verrou"),
            ],
        )
        .await;
    assert_eq!(s, 409);
}

async fn the_log_keeps_every_decision_and_exports_it(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let ideas = published(&app).await;
    let waiting = pending(&app).await;
    let moderator = app.logged_in(MODERATOR).await;
    let me = staff_id(&app, MODERATOR).await;
    let admin = app.logged_in(ADMIN).await;
    let before = chrono::Utc::now().timestamp();
    let decide = |client: &reqwest::Client, id: i64, extra: Vec<(&'static str, String)>| {
        let (app, client) = (&app, client.clone());
        async move {
            open(app, &client, id).await;
            let mut form = vec![("proposal_id", id.to_string())];
            form.extend(extra);
            let (s, body) = app.post_fields(&client, DECIDE, &form).await;
            assert_eq!(s, 200, "{body}");
        }
    };
    decide(&moderator, waiting[0], vec![("decision", "accept".into())]).await;
    decide(
        &moderator,
        waiting[1],
        vec![
            ("decision", "refuse".into()),
            ("reason", "partisan".into()),
            ("message", "Merci de proposer une action concrète.".into()),
        ],
    )
    .await;
    decide(
        &admin,
        ideas[0].0,
        vec![
            ("decision", "edit".into()),
            ("content", "Il faut des Élus présents au marché".into()),
            ("note", "orthographe".into()),
        ],
    )
    .await;
    decide(
        &moderator,
        ideas[1].0,
        vec![
            ("decision", "duplicate".into()),
            ("target", ideas[2].0.to_string()),
        ],
    )
    .await;

    // Every decision has its line, written with it: who, when, what, why.
    let lines: Vec<LogRow> =
        sqlx::query_as(
            "SELECT action, moderator_id, moderator_name, proposal_id, status_before, reason, before_text, after_text, \
             target_id, created_at FROM moderation_log ORDER BY id",
        )
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(lines.len(), 4, "{engine:?}: {lines:?}");
    let actions: Vec<&str> = lines.iter().map(|l| l.0.as_str()).collect();
    assert_eq!(actions, ["accept", "refuse", "edit", "duplicate"]);
    assert!(lines.iter().all(|l| l.9 >= before && l.9 <= before + 120));
    assert_eq!(lines[0].1, Some(me));
    assert!(lines[0].2.contains(MODERATOR));
    assert!(lines[2].2.contains(ADMIN));
    assert_eq!((lines[0].3, lines[0].4.as_str()), (waiting[0], "pending"));
    assert_eq!(lines[1].5, "partisan");
    assert_eq!(
        (lines[2].6.as_str(), lines[2].7.as_str()),
        (ideas[0].1.as_str(), "Il faut des Élus présents au marché")
    );
    assert_eq!(
        (lines[3].3, lines[3].8, lines[3].5.as_str()),
        (ideas[1].0, Some(ideas[2].0), "duplicate")
    );

    // The page, with its filters.
    let html = app.html_logged_in(MODERATOR).await;
    let (s, page) = app.get_html(&html, "/moderation/log").await;
    assert_eq!(s, 200);
    assert!(page.contains("Décisions : 4 "), "{page}");
    for label in ["Publication", "Refus", "Correction", "Doublon", "Partisane"] {
        assert!(
            page.contains(label) || page.contains(&label.to_lowercase()),
            "{label}"
        );
    }
    let count = |page: &str| (0..=4).find(|n| page.contains(&format!("Décisions : {n} ")));
    let (_, page) = app.get_html(&html, "/moderation/log?action=edit").await;
    assert_eq!(count(&page), Some(1));
    assert!(page.contains("Il faut des Élus présents au marché"));
    let (_, page) = app
        .get_html(&html, &format!("/moderation/log?moderator={me}"))
        .await;
    assert_eq!(count(&page), Some(3));
    let today = app.config.settings().today().format("%Y-%m-%d").to_string();
    let (_, page) = app
        .get_html(&html, &format!("/moderation/log?from={today}&to={today}"))
        .await;
    assert_eq!(count(&page), Some(4));
    let (_, page) = app
        .get_html(&html, "/moderation/log?from=2001-01-01&to=2001-01-31")
        .await;
    assert_eq!(count(&page), Some(0));
    // Text: without case nor accents.
    let (_, page) = app.get_html(&html, "/moderation/log?q=ELUS+presents").await;
    assert_eq!(count(&page), Some(1));
    // A date that is not one: a translated message, the typed text kept.
    let (s, page) = app.get_html(&html, "/moderation/log?from=29%2F11").await;
    assert_eq!(s, 200);
    assert!(
        page.contains("Une date n&#x27;est pas valide")
            || page.contains("Une date n'est pas valide")
    );
    assert!(page.contains(r#"value="29/11""#));

    // Pages of 50.
    for i in 0..60 {
        sqlx::query(
            "INSERT INTO moderation_log (consultation_id, proposal_id, moderator_id, moderator_name, action, \
             status_before, created_at) SELECT consultation_id, id, NULL, 'Ancien modérateur', 'accept', 'pending', $1 \
             FROM proposals WHERE id = $2",
        )
        .bind(before - 86_400 * 400 - i)
        .bind(ideas[5].0)
        .execute(&app.db.pool)
        .await
        .unwrap();
    }
    let (_, page) = app.get_html(&html, "/moderation/log").await;
    assert!(page.contains("Décisions : 64 (page 1 sur 2)"), "{page}");
    assert!(page.contains("page=2"));
    let (_, page) = app.get_html(&html, "/moderation/log?page=2").await;
    assert!(page.contains("(page 2 sur 2)") && page.contains("Ancien modérateur"));

    // Exports of what the filter keeps.
    let res = moderator
        .get(app.url("/api/staff/moderation/log.csv?action=edit"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = res.text().await.unwrap();
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("Il faut des Élus présents au marché") && csv.contains(ADMIN));
    let res = moderator
        .get(app.url(&format!("/api/staff/moderation/log.xlsx?from={today}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap().to_vec();
    let rows = read_xlsx(bytes);
    assert_eq!(rows.len(), 5, "a header and the 4 lines of today: {rows:?}");
    let all = rows.concat().join("|");
    for text in [
        "Il faut des Élus présents au marché",
        "Partisane",
        "Merci de proposer une action concrète.",
        MODERATOR,
    ] {
        assert!(all.contains(text), "{text} in {all}");
    }

    // Staff only.
    let mediator = app.logged_in(MEDIATOR).await;
    for path in [
        "/api/staff/moderation/log.csv",
        "/api/staff/moderation/log.xlsx",
    ] {
        let s = mediator.get(app.url(path)).send().await.unwrap().status();
        assert_eq!(s, 403, "{path}");
        let s = reqwest::get(app.url(path)).await.unwrap().status();
        assert_eq!(s, 401, "{path}");
    }
    assert_eq!(app.get_html(&mediator, "/moderation/log").await.0, 403);
    assert_eq!(
        app.get_html(&app.html_client(), "/moderation/log").await.0,
        401
    );
}

/// action, moderator, name, proposal, status before, reason, before, after, kept, when.
type LogRow = (
    String,
    Option<i64>,
    String,
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    i64,
);

fn read_xlsx(bytes: Vec<u8>) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).expect("its sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

crate::per_engine!(
    corrections_keep_the_authors_text_and_mark_the_idea,
    duplicates_lead_to_the_kept_idea_and_leave_sequences_and_results,
    wrong_duplicate_marks_are_refused,
    the_log_keeps_every_decision_and_exports_it,
);
