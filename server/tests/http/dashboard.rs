//! A city sets up its process: themes (create, rename, colour, reorder,
//! delete when unused), the consultation's neighbourhoods, and the staff
//! dashboard, whose every figure (page, CSV, XLSX) must equal an aggregate
//! computed here from the stored rows.

use crate::common::{spawn_app, Engine, TestApp, ADMIN, CONSULTATION, MODERATOR};
use chrono::TimeZone;
use std::collections::{BTreeMap, BTreeSet, HashMap};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Paris;

async fn consultation_ids(app: &TestApp) -> (i64, i64) {
    sqlx::query_as("SELECT id, component_id FROM consultations WHERE slug = $1")
        .bind(CONSULTATION)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn exec(app: &TestApp, sql: &str, args: &[i64]) {
    let mut q = sqlx::query(sql);
    for a in args {
        q = q.bind(*a);
    }
    q.execute(&app.db.pool).await.unwrap();
}

/// `days_ago` days before today, at `h:min` in the city, as Unix seconds.
fn local(days_ago: u64, h: u32, min: u32) -> i64 {
    let day = chrono::Utc::now().with_timezone(&TZ).date_naive() - chrono::Days::new(days_ago);
    TZ.from_local_datetime(&day.and_hms_opt(h, min, 0).unwrap())
        .earliest()
        .unwrap()
        .timestamp()
}

fn day_text(days_ago: u64) -> String {
    (chrono::Utc::now().with_timezone(&TZ).date_naive() - chrono::Days::new(days_ago))
        .format("%Y-%m-%d")
        .to_string()
}

async fn new_participant(app: &TestApp, tag: &str) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO participants (public_id, created_at) VALUES ($1, 0) RETURNING id",
    )
    .bind(format!("dashboard-test-{tag}"))
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

/// Adds activity at chosen instants: a vote late on a day twenty days ago
/// and a proposal just after the next midnight (the same UTC day, two city
/// days), and ten days ago an untrusted vote (never counted) and a counted one.
async fn add_activity(app: &TestApp, consultation: i64) {
    let proposal: i64 = sqlx::query_scalar(
        "SELECT MIN(id) FROM proposals WHERE consultation_id = $1 AND status = 'accepted'",
    )
    .bind(consultation)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let night = new_participant(app, "night").await;
    let wary = new_participant(app, "wary").await;
    let vote = "INSERT INTO votes (proposal_id, participant_id, vote_key, qualifications, counted, created_at, updated_at) \
                VALUES ($1, $2, 'agree', '', $3, $4, $4)";
    for (participant, counted, at) in [
        (night, "trusted", local(20, 23, 30)),
        (wary, "untrusted", local(10, 12, 0)),
    ] {
        sqlx::query(vote)
            .bind(proposal)
            .bind(participant)
            .bind(counted)
            .bind(at)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    exec(
        app,
        "INSERT INTO proposals (consultation_id, participant_id, content, author_name, status, created_at) \
         VALUES ($1, $2, 'Il faut un test du tableau de bord', 'Nuit', 'pending', $3)",
        &[consultation, night, local(19, 0, 30)],
    )
    .await;
    let second: i64 = sqlx::query_scalar(
        "SELECT MAX(id) FROM proposals WHERE consultation_id = $1 AND status = 'accepted'",
    )
    .bind(consultation)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    sqlx::query(vote)
        .bind(second)
        .bind(wary)
        .bind("sequence")
        .bind(local(10, 12, 5))
        .execute(&app.db.pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO demographics (consultation_id, participant_id, age_bracket, neighbourhood, created_at) \
         VALUES ($1, $2, '25-34', '=Quartier piégé', 0)",
    )
    .bind(consultation)
    .bind(night)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

/// The figures computed here from the raw rows, in Rust.
#[derive(Debug, Default)]
struct Expected {
    /// day → (participants, proposals, votes)
    days: BTreeMap<String, (i64, i64, i64)>,
    totals: (i64, i64, i64),
    hoods: HashMap<String, i64>,
    ages: HashMap<String, i64>,
}

async fn expected(app: &TestApp, consultation: i64) -> Expected {
    let votes: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT v.participant_id, v.created_at, v.counted FROM votes v \
         JOIN proposals p ON p.id = v.proposal_id WHERE p.consultation_id = $1",
    )
    .bind(consultation)
    .fetch_all(&app.db.pool)
    .await
    .map(|rows: Vec<(i64, i64, String)>| {
        rows.into_iter()
            .filter(|(_, _, counted)| counted != "untrusted")
            .map(|(p, at, _)| (p, at))
            .collect()
    })
    .unwrap();
    let proposals: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT participant_id, created_at FROM proposals WHERE consultation_id = $1",
    )
    .bind(consultation)
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    let day = |at: i64| {
        chrono::DateTime::from_timestamp(at, 0)
            .unwrap()
            .with_timezone(&TZ)
            .date_naive()
            .format("%Y-%m-%d")
            .to_string()
    };
    let mut who: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    let mut e = Expected::default();
    for (p, at) in &votes {
        who.entry(day(*at)).or_default().insert(*p);
        e.days.entry(day(*at)).or_default().2 += 1;
    }
    for (p, at) in &proposals {
        who.entry(day(*at)).or_default().insert(*p);
        e.days.entry(day(*at)).or_default().1 += 1;
    }
    for (d, people) in &who {
        e.days.get_mut(d).unwrap().0 = people.len() as i64;
    }
    // Every day between the first and the last is listed, with zeros.
    let first =
        chrono::NaiveDate::parse_from_str(e.days.keys().next().unwrap(), "%Y-%m-%d").unwrap();
    let last =
        chrono::NaiveDate::parse_from_str(e.days.keys().last().unwrap(), "%Y-%m-%d").unwrap();
    for d in first.iter_days().take_while(|d| *d <= last) {
        e.days.entry(d.format("%Y-%m-%d").to_string()).or_default();
    }
    let everyone: BTreeSet<i64> = votes.iter().chain(&proposals).map(|(p, _)| *p).collect();
    e.totals = (
        everyone.len() as i64,
        proposals.len() as i64,
        votes.len() as i64,
    );
    let answers: HashMap<i64, (String, String)> = sqlx::query_as(
        "SELECT participant_id, neighbourhood, age_bracket FROM demographics WHERE consultation_id = $1",
    )
    .bind(consultation)
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
    .into_iter()
    .map(|(p, n, a): (i64, String, String)| (p, (n, a)))
    .collect();
    for p in &everyone {
        let (n, a) = answers.get(p).cloned().unwrap_or_default();
        *e.hoods.entry(n).or_default() += 1;
        *e.ages.entry(a).or_default() += 1;
    }
    e
}

/// The rows of a table of the page: (header cell, data cells).
fn page_rows(html: &str, table_id: &str) -> Vec<(String, Vec<String>)> {
    let start = html
        .find(&format!("id=\"{table_id}\""))
        .unwrap_or_else(|| panic!("table {table_id} in the page"));
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let clean = |s: &str| s.replace("<!>", "").trim().to_owned();
    table
        .split("<tr>")
        .skip(1)
        .filter_map(|row| {
            let th = row.split("<th scope=\"row\">").nth(1)?;
            let head = clean(&th[..th.find("</th>")?]);
            let cells = row
                .split("<td>")
                .skip(1)
                .map(|c| clean(&c[..c.find("</td>").unwrap()]))
                .collect();
            Some((head, cells))
        })
        .collect()
}

fn html_unescape(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

async fn download(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, Vec<u8>) {
    let res = client.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.bytes().await.unwrap().to_vec())
}

fn label(hood: &str) -> String {
    if hood.is_empty() {
        "Non renseigné".to_owned()
    } else {
        hood.to_owned()
    }
}

fn age_label(age: &str) -> String {
    match age {
        "" => "Non renseigné",
        "under-18" => "Moins de 18 ans",
        "18-24" => "18 à 24 ans",
        "25-34" => "25 à 34 ans",
        "35-49" => "35 à 49 ans",
        "50-64" => "50 à 64 ans",
        "65-plus" => "65 ans et plus",
        other => panic!("unknown bracket {other}"),
    }
    .to_owned()
}

async fn dashboard_figures_equal_the_stored_rows(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (consultation, component) = consultation_ids(&app).await;
    add_activity(&app, consultation).await;
    let e = expected(&app, consultation).await;
    assert!(e.days.len() >= 3, "{:?}", e.days.keys());
    // The night's vote and proposal share a UTC day but not a city day.
    assert_eq!(e.days[&day_text(20)], (1, 0, 1));
    assert_eq!(e.days[&day_text(19)], (1, 1, 0));
    // The untrusted vote is not counted, the same person's counted one is.
    assert_eq!(e.days[&day_text(10)], (1, 0, 1));
    assert_eq!(e.days[&day_text(18)], (0, 0, 0));

    let admin = app.logged_in(ADMIN).await;
    let path = format!("/admin/consultations/{component}/dashboard");
    let (status, html) = app.get_html(&admin, &path).await;
    assert_eq!(status, 200, "{html}");
    // The page: per day (every day, zeros included) and the total.
    let days = page_rows(&html, "dashboard-days");
    let mut expected_days: Vec<(String, Vec<String>)> = e
        .days
        .iter()
        .map(|(d, (p, pr, v))| {
            (
                d.clone(),
                vec![p.to_string(), pr.to_string(), v.to_string()],
            )
        })
        .collect();
    expected_days.push((
        "Total".to_owned(),
        vec![
            e.totals.0.to_string(),
            e.totals.1.to_string(),
            e.totals.2.to_string(),
        ],
    ));
    assert_eq!(days, expected_days, "{engine:?}");
    assert!(html.contains("role=\"img\""), "the chart has a role");
    assert!(html.contains(
        "<title id=\"dashboard-chart-title\">Participants, propositions et votes par jour</title>"
    ));
    // By neighbourhood: the sixteen quartiers in order, then other answers, then "not given".
    let hoods = page_rows(&html, "dashboard-hoods");
    let quartiers = app::demo::consultation::NEIGHBOURHOODS;
    assert_eq!(hoods.len(), 16 + 2, "{hoods:?}");
    for (i, q) in quartiers.iter().enumerate() {
        assert_eq!(hoods[i].0, *q);
        assert_eq!(
            hoods[i].1,
            [e.hoods.get(*q).copied().unwrap_or(0).to_string()]
        );
    }
    assert_eq!(html_unescape(&hoods[16].0), "=Quartier piégé");
    assert_eq!(hoods[16].1, ["1"]);
    assert_eq!(hoods[17], (label(""), vec![e.hoods[""].to_string()]));
    let covered = quartiers
        .iter()
        .filter(|q| e.hoods.get(**q).is_some_and(|n| *n > 0))
        .count();
    assert!(
        html.contains(&format!("{covered} quartiers sur 16 ont participé")),
        "coverage: {engine:?}"
    );
    let ages = page_rows(&html, "dashboard-ages");
    assert_eq!(ages.len(), 7);
    for (bracket, row) in [
        "under-18", "18-24", "25-34", "35-49", "50-64", "65-plus", "",
    ]
    .iter()
    .zip(&ages)
    {
        assert_eq!(row.0, age_label(bracket));
        assert_eq!(
            row.1,
            [e.ages.get(*bracket).copied().unwrap_or(0).to_string()]
        );
    }

    // The CSV: the same figures, the typed neighbourhood defused.
    let (status, csv) = download(
        &app,
        &admin,
        &format!("/api/staff/consultations/{component}/dashboard.csv"),
    )
    .await;
    assert_eq!(status, 200);
    let text = String::from_utf8(csv).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let section = |name: &str| -> Vec<Vec<String>> {
        records
            .iter()
            .filter(|r| r[0] == name)
            .map(|r| r[1..].to_vec())
            .collect()
    };
    let csv_days: Vec<(String, Vec<String>)> = section("Participation par jour")
        .into_iter()
        .map(|r| (r[0].clone(), r[1..].to_vec()))
        .collect();
    assert_eq!(csv_days, expected_days, "{engine:?}");
    let csv_hoods = section("Participation par quartier");
    assert_eq!(csv_hoods.len(), 18);
    assert_eq!(csv_hoods[16], ["'=Quartier piégé", "1", "", ""]);
    for (i, q) in quartiers.iter().enumerate() {
        assert_eq!(csv_hoods[i][0], *q);
        assert_eq!(
            csv_hoods[i][1],
            e.hoods.get(*q).copied().unwrap_or(0).to_string()
        );
    }
    let csv_ages = section("Participation par tranche d'âge");
    assert_eq!(csv_ages.len(), 7);
    assert_eq!(
        csv_ages[2][1],
        e.ages.get("25-34").copied().unwrap_or(0).to_string()
    );

    // The XLSX: a sheet per section, numbers as numbers.
    let (status, xlsx) = download(
        &app,
        &admin,
        &format!("/api/staff/consultations/{component}/dashboard.xlsx"),
    )
    .await;
    assert_eq!(status, 200);
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("Participation par jour").unwrap();
    let cell = |c: &Data| match c {
        Data::Float(f) => (*f as i64).to_string(),
        Data::Int(i) => i.to_string(),
        Data::String(s) => s.clone(),
        other => panic!("unexpected cell {other:?}"),
    };
    let xlsx_days: Vec<(String, Vec<String>)> = sheet
        .rows()
        .skip(1)
        .map(|r| (cell(&r[0]), r[1..].iter().map(cell).collect()))
        .collect();
    assert_eq!(xlsx_days, expected_days, "{engine:?}");
    assert!(matches!(sheet.rows().nth(1).unwrap()[1], Data::Float(_)));
    let hoods_sheet = book.worksheet_range("Participation par quartier").unwrap();
    let xlsx_hoods: Vec<(String, String)> = hoods_sheet
        .rows()
        .skip(1)
        .map(|r| (cell(&r[0]), cell(&r[1])))
        .collect();
    assert_eq!(xlsx_hoods.len(), 18);
    assert_eq!(
        xlsx_hoods[16],
        ("'=Quartier piégé".to_owned(), "1".to_owned())
    );
    for (i, q) in quartiers.iter().enumerate() {
        assert_eq!(
            xlsx_hoods[i],
            (
                q.to_string(),
                e.hoods.get(*q).copied().unwrap_or(0).to_string()
            )
        );
    }
    let ages_sheet = book
        .worksheet_range("Participation par tranche d'âge")
        .unwrap();
    let xlsx_ages: Vec<(String, String)> = ages_sheet
        .rows()
        .skip(1)
        .map(|r| (cell(&r[0]), cell(&r[1])))
        .collect();
    assert_eq!(xlsx_ages[6], (label(""), e.ages[""].to_string()));

    // A neighbourhood nobody lives in: named as missing, coverage out of 17.
    let c = app::consultation::store::consultation_by_slug(&app.db, CONSULTATION)
        .await
        .unwrap()
        .unwrap();
    let mut list = c.neighbourhoods.join("\n");
    list.push_str("\n\n  Quartier neuf  \nDornach\n");
    let (opens, closes) = (
        c.opens_on.format("%Y-%m-%d").to_string(),
        c.closes_on.format("%Y-%m-%d").to_string(),
    );
    let component_text = component.to_string();
    let (status, body) = app
        .post_api(
            &admin,
            "staff/consultations/save",
            &[
                ("component_id", component_text.as_str()),
                ("slug", CONSULTATION),
                ("question", c.question.as_str()),
                ("proposal_prefix", c.proposal_prefix.as_str()),
                ("lang", "fr"),
                ("neighbourhoods", list.as_str()),
                ("opens_on", opens.as_str()),
                ("closes_on", closes.as_str()),
                ("sequence_size", "12"),
                ("new_share_pct", "30"),
                ("new_threshold", "10"),
                ("controversy_share_pct", "10"),
                ("trusted_weight_pct", "50"),
            ],
        )
        .await;
    assert!(status < 400, "{status} {body}");
    let (_, settings) = app
        .get_html(&admin, &format!("/admin/consultations/{component}"))
        .await;
    assert!(
        settings.contains("17 quartiers enregistrés"),
        "blank lines and duplicates cleaned"
    );
    let (_, html) = app.get_html(&admin, &path).await;
    assert!(html.contains(&format!("{covered} quartiers sur 17 ont participé")));
    let missing_at = html
        .find("id=\"dashboard-missing\"")
        .expect("missing ones named");
    let missing = &html[missing_at..missing_at + html[missing_at..].find("</p>").unwrap()];
    assert!(missing.contains("Quartier neuf"), "{missing}");
    for q in quartiers
        .iter()
        .filter(|q| e.hoods.get(**q).is_some_and(|n| *n > 0))
    {
        assert!(
            !missing.contains(&format!(" {q},")),
            "{q} took part: {missing}"
        );
    }
}

async fn the_demographics_card_offers_the_sixteen_quartiers(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (status, html) = app
        .get_html(
            &app.html_client(),
            &format!("/consultations/{CONSULTATION}/propose?body=un%20jardin%20partag%C3%A9"),
        )
        .await;
    assert_eq!(status, 200);
    let start = html
        .find("name=\"neighbourhood\"")
        .expect("a neighbourhood select");
    let select = &html[start..start + html[start..].find("</select>").unwrap()];
    let options: Vec<String> = select
        .split("<option value=\"")
        .skip(1)
        .map(|o| html_unescape(&o[..o.find('"').unwrap()]))
        .collect();
    let mut expected = vec![String::new()];
    expected.extend(app::demo::consultation::NEIGHBOURHOODS.map(String::from));
    assert_eq!(
        options, expected,
        "prefer not to say, then exactly the sixteen"
    );
    assert!(
        select.contains("Je préfère ne pas répondre") || select.contains("<option value=\"\">")
    );
}

async fn themes(app: &TestApp) -> Vec<app::process::store::Theme> {
    app::process::store::themes_of(&app.db, 1).await.unwrap()
}

async fn staff_keep_the_themes(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let admin = app.html_logged_in(ADMIN).await;
    let page = "/admin/processes/1/themes";
    let (status, html) = app.get_html(&admin, page).await;
    assert_eq!(status, 200, "{html}");
    let before = themes(&app).await;
    assert_eq!(before.len(), 7);
    assert!(html.contains(&before[0].name));

    // Create, with a palette colour: shown as a coloured chip.
    let (status, to) = app
        .post_form(
            &admin,
            "staff/themes/save",
            page,
            &[
                ("process_id", "1"),
                ("name", "  Mobilité  "),
                ("colour", "#0b5394"),
            ],
        )
        .await;
    assert_eq!((status, to.as_str()), (302, page));
    let created = themes(&app)
        .await
        .into_iter()
        .find(|t| t.name == "Mobilité")
        .unwrap();
    assert_eq!((created.position, created.colour.as_str()), (8, "#0b5394"));
    let (_, html) = app.get_html(&admin, page).await;
    assert!(html.contains("Le thème « Mobilité » est enregistré."));
    assert!(html.contains(&format!("class=\"theme-{}\"", created.id)));
    let css = reqwest::get(app.url("/themes.css"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(css.contains(&format!(
        ".tags li.theme-{0},.theme-chip.theme-{0}{{background:#0b5394;color:#ffffff;",
        created.id
    )));

    // The same name again: refused, what was typed kept.
    let (status, to) = app
        .post_form(
            &admin,
            "staff/themes/save",
            page,
            &[
                ("process_id", "1"),
                ("name", "Mobilité"),
                ("colour_custom", "#123456"),
            ],
        )
        .await;
    assert_eq!((status, to.as_str()), (302, page));
    let (_, html) = app.get_html(&admin, page).await;
    assert!(
        html.contains("Cette démarche a déjà un thème de ce nom"),
        "{engine:?}"
    );
    assert!(
        html.contains("value=\"#123456\""),
        "the typed colour is kept"
    );

    // A colour the chip's text could not be read on: refused with its ratio.
    app.post_form(
        &admin,
        "staff/themes/save",
        page,
        &[
            ("process_id", "1"),
            ("name", "Culture"),
            ("colour_custom", "#777777"),
        ],
    )
    .await;
    let (_, html) = app.get_html(&admin, page).await;
    assert!(
        html.contains("contraste de 4,48:1, il faut au moins 4,5:1"),
        "{engine:?}"
    );
    assert!(html.contains("value=\"Culture\""));
    assert!(!themes(&app).await.iter().any(|t| t.name == "Culture"));
    app.post_form(
        &admin,
        "staff/themes/save",
        page,
        &[
            ("process_id", "1"),
            ("name", "Culture"),
            ("colour_custom", "bleu"),
        ],
    )
    .await;
    let (_, html) = app.get_html(&admin, page).await;
    assert!(
        html.contains("Ce code de couleur n&#x27;est pas reconnu")
            || html.contains("Ce code de couleur n'est pas reconnu")
    );

    // Rename and recolour (a light colour takes ink text), on its own page.
    let edit = format!("{page}/{}", created.id);
    let (status, html) = app.get_html(&admin, &edit).await;
    assert_eq!(status, 200);
    assert!(html.contains("value=\"Mobilité\""));
    let id = created.id.to_string();
    let (status, _) = app
        .post_form(
            &admin,
            "staff/themes/save",
            &edit,
            &[
                ("process_id", "1"),
                ("theme_id", &id),
                ("name", "Mobilités"),
                ("colour_custom", "#FFEB3B"),
            ],
        )
        .await;
    assert_eq!(status, 302);
    let renamed = themes(&app)
        .await
        .into_iter()
        .find(|t| t.id == created.id)
        .unwrap();
    assert_eq!(
        (renamed.name.as_str(), renamed.colour.as_str()),
        ("Mobilités", "#ffeb3b")
    );
    let css = reqwest::get(app.url("/themes.css"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(css.contains("background:#ffeb3b;color:#1b1b1f"), "{css}");

    // Reorder without script: up once, then the first one down.
    app.post_form(
        &admin,
        "staff/themes/move",
        page,
        &[("theme_id", &id), ("direction", "up")],
    )
    .await;
    let order: Vec<i64> = themes(&app).await.iter().map(|t| t.id).collect();
    assert_eq!(order[6], created.id);
    assert_eq!(order[7], before[6].id);
    let first = before[0].id.to_string();
    app.post_form(
        &admin,
        "staff/themes/move",
        page,
        &[("theme_id", &first), ("direction", "down")],
    )
    .await;
    let order: Vec<i64> = themes(&app).await.iter().map(|t| t.id).collect();
    assert_eq!(order[..2], [before[1].id, before[0].id]);

    // A theme in use cannot be deleted; the reason names what holds it.
    let used = &before[0];
    let count = |table: &'static str| {
        let db = app.db.clone();
        let id = used.id;
        async move {
            sqlx::query_scalar::<_, i64>(&format!(
                "SELECT COUNT(*) FROM {table} WHERE theme_id = $1"
            ))
            .bind(id)
            .fetch_one(&db.pool)
            .await
            .unwrap()
        }
    };
    let proposals = count("proposal_themes").await;
    let sessions = count("event_session_themes").await;
    assert!(proposals > 1, "the demo themes its proposals");
    let (status, to) = app
        .post_form(&admin, "staff/themes/delete", page, &[("theme_id", &first)])
        .await;
    assert_eq!((status, to.as_str()), (302, page));
    let (_, html) = app.get_html(&admin, page).await;
    let avenues = count("action_avenue_themes").await;
    let plural = |n: i64, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut parts = vec![plural(proposals, "proposition", "propositions")];
    if sessions > 0 {
        parts.push(plural(sessions, "session", "sessions"));
    }
    if avenues > 0 {
        parts.push(plural(avenues, "piste d'action", "pistes d'action"));
    }
    let last = parts.pop().unwrap();
    let reason = if parts.is_empty() {
        format!("utilisé par {last}.")
    } else {
        format!("utilisé par {} et {last}.", parts.join(", "))
    };
    let html = html_unescape(&html);
    assert!(html.contains(&reason), "{engine:?}: {reason}");
    assert!(themes(&app).await.iter().any(|t| t.id == used.id));

    // An unused theme goes, and the positions close up.
    let (status, _) = app
        .post_form(&admin, "staff/themes/delete", page, &[("theme_id", &id)])
        .await;
    assert_eq!(status, 302);
    let after = themes(&app).await;
    assert_eq!(after.len(), 7);
    assert_eq!(
        after.iter().map(|t| t.position).collect::<Vec<_>>(),
        (1..=7).collect::<Vec<_>>()
    );

    // The public page shows the chips with their colours.
    let (_, public) = app
        .get_html(&app.html_client(), "/processes/mulhouse-solidaire")
        .await;
    assert!(public.contains("href=\"/themes.css\""));
    assert!(public.contains(&format!("class=\"theme-{}\"", used.id)));
}

async fn only_admins_reach_themes_and_the_dashboard(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (_, component) = consultation_ids(&app).await;
    let anonymous = app.api_client();
    let moderator = app.logged_in(MODERATOR).await;
    let dashboard = format!("/admin/consultations/{component}/dashboard");
    for path in [
        "/admin/processes/1/themes",
        "/admin/processes/1/themes/1",
        dashboard.as_str(),
    ] {
        assert_eq!(app.get_html(&anonymous, path).await.0, 401, "{path}");
        assert_eq!(app.get_html(&moderator, path).await.0, 403, "{path}");
    }
    for ext in ["csv", "xlsx"] {
        let path = format!("/api/staff/consultations/{component}/dashboard.{ext}");
        assert_eq!(download(&app, &anonymous, &path).await.0, 401);
        assert_eq!(download(&app, &moderator, &path).await.0, 403);
    }
    let (status, _) = app
        .post_api(
            &moderator,
            "staff/themes/save",
            &[("process_id", "1"), ("name", "Intrus")],
        )
        .await;
    assert_eq!(status, 403);
    assert!(!themes(&app).await.iter().any(|t| t.name == "Intrus"));
    // Not a consultation: not found, for admins too.
    let admin = app.logged_in(ADMIN).await;
    assert_eq!(
        app.get_html(&admin, "/admin/consultations/999999/dashboard")
            .await
            .0,
        404
    );
}

crate::per_engine!(
    dashboard_figures_equal_the_stored_rows,
    the_demographics_card_offers_the_sixteen_quartiers,
    staff_keep_the_themes,
    only_admins_reach_themes_and_the_dashboard,
);
