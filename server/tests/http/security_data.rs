//! Data hygiene over HTTP, on each engine: page views create no rows, drafts
//! are hidden from the public (and open to staff), one confirmation mail per
//! address and target in a window, exports neutralise formulas, typed text is
//! cleaned (NUL refused with a message, not a 500), and the hourly purge
//! removes what grows without end and keeps what is still needed.

use crate::common::{
    eventually, free_port, fresh_database, spawn_app, spawn_with, start_smtp, vote_form_fields,
    with, Engine, Inbox, TestApp, ADMIN, CONSULTATION,
};
use app::demo::event::SLUG as EVENT;
use app::demo::rendezvous::SLUG as RENDEZVOUS;
use app::ssr::db::now;
use serde_json::Value;

const PROCESS: &str = app::demo::SLUG;

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn rows(app: &TestApp) -> (i64, i64) {
    (
        count(app, "SELECT COUNT(*) FROM participants").await,
        count(app, "SELECT COUNT(*) FROM sessions").await,
    )
}

/// The app mailing through a real SMTP server started here.
async fn spawn_mailing(engine: Engine) -> (TestApp, Inbox) {
    let listener = free_port();
    let port = listener.local_addr().unwrap().port();
    let inbox = start_smtp(listener);
    let (url, dir) = fresh_database(engine).await;
    let app = spawn_with(engine, url, dir, true, |config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    })
    .await;
    (app, inbox)
}

/// Every public page of the demo process, one of each kind.
async fn public_pages(app: &TestApp) -> Vec<String> {
    let phase = count(app, "SELECT MIN(id) FROM phases").await;
    let proposal = count(
        app,
        "SELECT MIN(id) FROM proposals WHERE status = 'accepted'",
    )
    .await;
    let session = count(app, "SELECT MIN(id) FROM event_sessions").await;
    let survey: String = sqlx::query_scalar("SELECT slug FROM surveys WHERE slug = $1")
        .bind(app::demo::survey::SLUG)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let c = format!("/consultations/{CONSULTATION}");
    vec![
        "/".into(),
        format!("/processes/{PROCESS}"),
        format!("/processes/{PROCESS}/phases/{phase}"),
        c.clone(),
        format!("{c}/propose"),
        format!("{c}/vote"),
        format!("{c}/results"),
        format!("{c}/proposals/{proposal}"),
        format!("/events/{EVENT}"),
        format!("/events/{EVENT}/sessions/{session}"),
        format!("/events/{EVENT}/register"),
        format!("/surveys/{survey}"),
        format!("/rendezvous/{RENDEZVOUS}"),
        format!("/rendezvous/{RENDEZVOUS}/register"),
        format!("/api/consultations/{CONSULTATION}/results.json"),
        format!("/api/consultations/{CONSULTATION}/proposals.csv"),
    ]
}

async fn page_views_create_no_participant_and_no_session(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let pages = public_pages(&app).await;
    let before = rows(&app).await;
    // New visitors (no cookie), and one visitor coming back with its cookies.
    let returning = app.html_client();
    for _ in 0..3 {
        for path in &pages {
            for client in [&app.html_client(), &returning] {
                let (status, _) = app.get_html(client, path).await;
                assert_eq!(status, 200, "{engine:?} {path}");
            }
        }
    }
    let after = rows(&app).await;
    println!(
        "{engine:?}: {} anonymous page views, (participants, sessions) {before:?} -> {after:?}",
        pages.len() * 6
    );
    assert_eq!(after, before, "{engine:?}: page views made rows");

    // The first write makes them: a vote on the card shown to a new visitor,
    // which counts in the sequence tally (its signature names no participant).
    let visitor = app.html_client();
    let vote = format!("/consultations/{CONSULTATION}/vote");
    let (_, page) = app.get_html(&visitor, &vote).await;
    let fields = vote_form_fields(&page);
    let proposal = crate::common::field(&fields, "proposal_id").to_owned();
    let res = visitor
        .post(app.url("/api/consultation/vote"))
        .header(reqwest::header::REFERER, app.url(&vote))
        .form(&with(&fields, &[("key", "agree")]))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{engine:?} {}", res.status());
    assert_eq!(rows(&app).await, (before.0 + 1, before.1 + 1), "{engine:?}");
    let counted: String = sqlx::query_scalar(
        "SELECT v.counted FROM votes v WHERE v.proposal_id = $1 \
         AND v.participant_id = (SELECT MAX(id) FROM participants)",
    )
    .bind(proposal.parse::<i64>().unwrap())
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(counted, "sequence", "{engine:?}");
    // The sequence goes on from the card voted on, shown with the vote.
    let (_, page) = app.get_html(&visitor, &vote).await;
    let shown = vote_form_fields(&page);
    assert_eq!(
        crate::common::field(&shown, "proposal_id"),
        proposal,
        "{engine:?}"
    );

    // That card, copied to other cookie jars, is still that one visitor: one vote.
    for i in 0..3 {
        let key = format!("copied-card-key-{i:04}");
        let (status, body) = app
            .post_fields(
                &app.api_client(),
                "consultation/vote",
                &with(&fields, &[("key", "disagree"), ("idempotency_key", &key)]),
            )
            .await;
        assert_eq!(status, 200, "{engine:?} {body}");
    }
    assert_eq!(
        rows(&app).await.0,
        before.0 + 1,
        "{engine:?}: one participant"
    );
    let votes: Vec<String> = sqlx::query_scalar(
        "SELECT vote_key FROM votes WHERE proposal_id = $1 \
         AND participant_id = (SELECT MAX(id) FROM participants)",
    )
    .bind(proposal.parse::<i64>().unwrap())
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(votes, vec!["disagree"], "{engine:?}: one vote, changed");
}

/// (status, body) of a GET by `client`, for a stream only its status.
async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> u16 {
    let res = client.get(app.url(path)).send().await.unwrap();
    res.status().as_u16()
}

async fn a_draft_process_is_hidden_from_the_public_and_open_to_staff(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let mut pages = public_pages(&app).await;
    pages.retain(|p| p != "/");
    // A ticket, taken while the process was public.
    let day = count(&app, "SELECT MIN(d.id) FROM event_days d").await;
    let form = crate::event_more::registration_form(&app, day, "nadia@example.org").await;
    let (status, body) = app
        .post_fields(&app.api_client(), "events/register", &form)
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    let ticket: Value = serde_json::from_str(&body).unwrap();
    let ticket = ticket["path"].as_str().unwrap().to_owned();
    for path in [ticket.clone(), format!("{ticket}/ticket.png")] {
        let status = get(&app, &app.html_client(), &path).await;
        assert_eq!(status, 200, "{engine:?} public {path} while published");
    }
    // The ticket's files are served without a session (like every file), so
    // while the process is a draft they are hidden from staff too.
    let files = [
        format!("{ticket}/ticket.png"),
        format!("{ticket}/calendar.ics"),
    ];
    pages.extend([
        ticket.clone(),
        format!("/api/consultations/{CONSULTATION}/live"),
        format!("/api/rendezvous/{RENDEZVOUS}/live"),
    ]);
    // A vote card, served while public.
    let voter = app.html_client();
    let (_, page) = app
        .get_html(&voter, &format!("/consultations/{CONSULTATION}/vote"))
        .await;
    let card = vote_form_fields(&page);

    sqlx::query("UPDATE processes SET published = 0 WHERE slug = $1")
        .bind(PROCESS)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let public = app.html_client();
    let staff = app.html_logged_in(ADMIN).await;
    for path in &pages {
        assert_eq!(
            get(&app, &public, path).await,
            404,
            "{engine:?} public {path}"
        );
        assert_eq!(
            get(&app, &staff, path).await,
            200,
            "{engine:?} staff {path}"
        );
    }
    for path in &files {
        assert_eq!(
            get(&app, &public, path).await,
            404,
            "{engine:?} public {path}"
        );
        assert_eq!(
            get(&app, &staff, path).await,
            404,
            "{engine:?} staff {path}"
        );
    }
    // The home page no longer lists it.
    let (_, home) = app.get_html(&public, "/").await;
    assert!(
        !home.contains(&format!("/processes/{PROCESS}")),
        "{engine:?}"
    );
    // Staff-only exports stay staff's.
    assert_eq!(
        get(
            &app,
            &staff,
            &format!("/api/staff/events/{EVENT}/attendees.csv")
        )
        .await,
        200
    );

    // Server functions refuse as not found.
    let posts: Vec<(&str, Vec<(String, String)>)> = vec![
        ("consultation/vote", with(&card, &[("key", "agree")])),
        (
            "consultation/propose",
            vec![
                ("consultation".into(), CONSULTATION.into()),
                ("body".into(), "plus de bancs dans les parcs".into()),
                ("author_name".into(), "Eve".into()),
                ("charter".into(), "on".into()),
                ("idempotency_key".into(), "draft-test-key-0001".into()),
            ],
        ),
        ("events/register", form.clone()),
        (
            "rendezvous/register",
            vec![
                ("rendezvous".into(), RENDEZVOUS.into()),
                ("name".into(), "Odette".into()),
                ("mode".into(), "room".into()),
                ("consent".into(), "on".into()),
            ],
        ),
    ];
    for (endpoint, form) in &posts {
        let (status, body) = app.post_fields(&app.api_client(), endpoint, form).await;
        assert_eq!(status, 404, "{engine:?} {endpoint}: {body}");
    }
}

async fn registration_count(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM rendezvous_registrations WHERE lower(email) = $1 AND cancelled_at IS NULL",
    )
    .bind(email)
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

async fn outbox_count(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE lower(recipient) = $1")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// Lets a confirmation window run out, as if an hour had passed.
async fn window_passes(app: &TestApp) {
    sqlx::query("UPDATE confirmation_mails SET sent_at = sent_at - 3601")
        .execute(&app.db.pool)
        .await
        .unwrap();
}

async fn thirty_rendezvous_registrations_for_one_address_mail_once(engine: Engine) {
    let (app, inbox) = spawn_mailing(engine).await;
    let victim = "odette@example.org";
    let form = |email: String| {
        vec![
            ("rendezvous".to_owned(), RENDEZVOUS.to_owned()),
            ("name".to_owned(), "Odette".to_owned()),
            ("email".to_owned(), email),
            ("mode".to_owned(), "remote".to_owned()),
            ("consent".to_owned(), "on".to_owned()),
        ]
    };
    // Thirty posts at once, some with the address in capitals.
    let url = app.url("/api/rendezvous/register");
    let mut posts = tokio::task::JoinSet::new();
    for i in 0..30 {
        let email = if i % 3 == 0 {
            victim.to_uppercase()
        } else {
            victim.to_owned()
        };
        let (url, form) = (url.clone(), form(email));
        posts.spawn(async move {
            let res = reqwest::Client::new()
                .post(url)
                .form(&form)
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        });
    }
    let answers = posts.join_all().await;
    let statuses: Vec<u16> = answers.iter().map(|(s, _)| *s).collect();
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 429),
        "{engine:?} {answers:?}"
    );
    assert_eq!(registration_count(&app, victim).await, 1, "{engine:?}");
    assert_eq!(outbox_count(&app, victim).await, 1, "{engine:?}");
    eventually("the confirmation mail", || {
        let inbox = inbox.clone();
        async move { (!inbox.all().is_empty()).then_some(()) }
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let received = inbox.all();
    println!(
        "{engine:?}: 30 registrations for one address -> {} registration, {} mail",
        registration_count(&app, victim).await,
        received.len()
    );
    assert_eq!(received.len(), 1, "{engine:?}");
    let first_link = link_in(&received[0].text());

    // A person who lost the mail asks again: refused at once (no link shown,
    // since whoever typed the address may not own it)...
    let html = app.html_client();
    let (status, to) = app
        .post_form(
            &html,
            "rendezvous/register",
            &format!("/rendezvous/{RENDEZVOUS}/register"),
            &form(victim.into())
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert!((300..400).contains(&status), "{engine:?} {status}");
    assert_eq!(to, format!("/rendezvous/{RENDEZVOUS}"), "{engine:?}");
    let (_, page) = app.get_html(&html, &to).await;
    assert!(page.contains("moins d&#x27;une heure") || page.contains("moins d'une heure"));
    assert_eq!(outbox_count(&app, victim).await, 1, "{engine:?}");
    // ...and an hour later the link is mailed again, under a new token.
    window_passes(&app).await;
    let (status, _) = app
        .post_fields(
            &app.api_client(),
            "rendezvous/register",
            &form(victim.into()),
        )
        .await;
    assert_eq!(status, 200, "{engine:?}");
    assert_eq!(registration_count(&app, victim).await, 1, "{engine:?}");
    let received = eventually("the link mailed again", || {
        let inbox = inbox.clone();
        async move { (inbox.all().len() == 2).then(|| inbox.all()) }
    })
    .await;
    let second_link = link_in(&received[1].text());
    assert_ne!(first_link, second_link);
    let path = second_link.trim_start_matches(&app.address);
    assert_eq!(get(&app, &app.html_client(), path).await, 200, "{engine:?}");
    let old = first_link.trim_start_matches(&app.address);
    assert_eq!(get(&app, &app.html_client(), old).await, 404, "{engine:?}");

    // A name carrying a message reaches the mail as a plain name only.
    let (status, _) = app
        .post_fields(
            &app.api_client(),
            "rendezvous/register",
            &[
                ("rendezvous", RENDEZVOUS),
                ("name", "Gagnez 500€ sur https://evil.example/win"),
                ("email", "other@example.org"),
                ("mode", "room"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let received = eventually("the other mail", || {
        let inbox = inbox.clone();
        async move { (inbox.all().len() == 3).then(|| inbox.all()) }
    })
    .await;
    let text = received[2].text();
    assert!(
        !text.contains("evil.example/win") && !text.contains("500"),
        "{text}"
    );
}

/// The registration link in a mail's text.
fn link_in(text: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains("/registration/"))
        .expect("a registration link")
        .trim_end_matches(['.', ','])
        .to_owned()
}

async fn an_event_registration_is_mailed_again_once_per_window(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let day = count(&app, "SELECT MIN(id) FROM event_days").await;
    let required: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM event_questions WHERE required = 1")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    let email = "karim@example.org";
    let mut form: Vec<(String, String)> = required
        .iter()
        .map(|q| (format!("q_{q}"), "yes".to_owned()))
        .collect();
    form.extend([
        ("event".into(), EVENT.into()),
        ("first_name".into(), "Karim".into()),
        ("last_name".into(), "Test".into()),
        ("email".into(), email.into()),
        ("profile".into(), "resident".into()),
        (format!("day_{day}"), "on".into()),
        ("consent".into(), "on".into()),
    ]);
    let (status, body) = app
        .post_fields(&app.api_client(), "events/register", &form)
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    assert_eq!(outbox_count(&app, email).await, 1);
    for _ in 0..5 {
        let (status, body) = app
            .post_fields(&app.api_client(), "events/register", &form)
            .await;
        assert_eq!(status, 422, "{engine:?} {body}");
        assert!(body.contains("moins d'une heure"), "{engine:?} {body}");
    }
    assert_eq!(outbox_count(&app, email).await, 1, "{engine:?}");
    window_passes(&app).await;
    let (status, body) = app
        .post_fields(&app.api_client(), "events/register", &form)
        .await;
    assert_eq!(status, 422, "{engine:?} {body}");
    assert!(body.contains("renvoyé"), "{engine:?} {body}");
    let (status, _) = app
        .post_fields(&app.api_client(), "events/register", &form)
        .await;
    assert_eq!(status, 422);
    assert_eq!(outbox_count(&app, email).await, 2, "{engine:?}");
    let registrations = count(
        &app,
        "SELECT COUNT(*) FROM registrations WHERE email = 'karim@example.org'",
    )
    .await;
    assert_eq!(registrations, 1);
}

/// A spreadsheet cell starting as a formula would.
fn formula_cell(text: &str, separator: char) -> Option<String> {
    text.lines()
        .flat_map(|l| l.split(separator))
        .map(|c| c.trim_start_matches('"'))
        .find(|c| {
            c.starts_with(['=', '+', '@']) || (c.starts_with('-') && c.parse::<f64>().is_err())
        })
        .map(str::to_owned)
}

async fn every_export_neutralises_formulas(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let staff = app.logged_in(ADMIN).await;
    // The attendee list: names, organisation and answers typed by anyone.
    let day = count(&app, "SELECT MIN(id) FROM event_days").await;
    let text_question = count(
        &app,
        "SELECT COALESCE(MIN(id), 0) FROM event_questions WHERE kind = 'text'",
    )
    .await;
    let required: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM event_questions WHERE required = 1")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    let mut form: Vec<(String, String)> = required
        .iter()
        .map(|q| (format!("q_{q}"), "yes".to_owned()))
        .collect();
    if text_question > 0 {
        form.retain(|(k, _)| k != &format!("q_{text_question}"));
        form.push((
            format!("q_{text_question}"),
            "-2+3+cmd|' /C calc'!A0".into(),
        ));
    }
    form.extend([
        ("event".into(), EVENT.into()),
        (
            "first_name".into(),
            "=HYPERLINK(\"http://evil.example\",\"x\")".into(),
        ),
        ("last_name".into(), "+1+1".into()),
        ("email".into(), "formula@example.org".into()),
        ("organisation".into(), "@SUM(A1:A9)".into()),
        ("profile".into(), "resident".into()),
        (format!("day_{day}"), "on".into()),
        ("consent".into(), "on".into()),
    ]);
    let (status, body) = app
        .post_fields(&app.api_client(), "events/register", &form)
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    let csv = staff
        .get(app.url(&format!("/api/staff/events/{EVENT}/attendees.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(
        csv.contains("'@SUM(A1:A9)") && csv.contains("'+1+1"),
        "{csv}"
    );
    assert_eq!(formula_cell(&csv, ';'), None, "{engine:?}");
    let xlsx = staff
        .get(app.url(&format!("/api/staff/events/{EVENT}/attendees.xlsx")))
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), 200);

    // The consultation's open data: a proposal published as written.
    sqlx::query("UPDATE consultations SET proposal_prefix = '' WHERE slug = $1")
        .bind(CONSULTATION)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let (status, body) = app
        .post_api(
            &app.api_client(),
            "consultation/propose",
            &[
                ("consultation", CONSULTATION),
                ("body", "=HYPERLINK(\"http://evil.example\",\"bancs\")"),
                ("author_name", "Eve"),
                ("charter", "on"),
                ("idempotency_key", "formula-proposal-0001"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    sqlx::query("UPDATE proposals SET status = 'accepted' WHERE content LIKE '=HYPERLINK%'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let csv = app
        .api_client()
        .get(app.url(&format!("/api/consultations/{CONSULTATION}/proposals.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.contains("'=HYPERLINK"), "{engine:?} {csv}");
    assert_eq!(formula_cell(&csv, ','), None, "{engine:?}");

    // A survey's responses.
    let slug = open_text_survey(&app).await;
    let question = count(&app, "SELECT MAX(id) FROM survey_questions").await;
    let (status, body) = app
        .post_api(
            &app.api_client(),
            "surveys/answer",
            &[
                ("survey", slug.as_str()),
                ("section", "0"),
                ("action", "next"),
                (format!("q{question}").as_str(), "@SUM(1+1)*cmd"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    let csv = staff
        .get(app.url(&format!("/api/surveys/{slug}/responses.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.contains("'@SUM(1+1)*cmd"), "{engine:?} {csv}");
    assert_eq!(formula_cell(&csv, ','), None, "{engine:?}");
}

/// A new open survey of one short-text question, in the demo process.
async fn open_text_survey(app: &TestApp) -> String {
    use app::survey::logic::{Kind, Question};
    use app::survey::store::{self, Access, SurveyInput};
    let component: i64 = sqlx::query_scalar(
        "INSERT INTO components (phase_id, kind, title, created_at) \
         SELECT MIN(id), 'survey', '', 0 FROM phases RETURNING id",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let today = app.config.settings().today();
    let input = SurveyInput {
        slug: "formules".into(),
        title: "Formules".into(),
        intro: String::new(),
        access: Access::Open,
        anonymous: true,
        opens_on: today - chrono::Duration::days(1),
        closes_on: today + chrono::Duration::days(10),
    };
    let id = store::save_survey(&app.db, component, &input)
        .await
        .unwrap()
        .unwrap();
    let (sections, _) = store::definition(&app.db, id).await.unwrap();
    let q = Question {
        id: -1,
        section: 0,
        kind: Kind::ShortText,
        prompt: "Un mot ?".into(),
        help: String::new(),
        required: true,
        options: Vec::new(),
        items: Vec::new(),
        condition: None,
    };
    store::save_question(&app.db, sections[0].id, None, &q)
        .await
        .unwrap();
    input.slug
}

async fn typed_text_is_cleaned_and_control_characters_refused(engine: Engine) {
    let app = spawn_app(engine, true).await;
    // Bidi overrides and zero-width characters are dropped from names.
    let (status, body) = app
        .post_api(
            &app.api_client(),
            "rendezvous/register",
            &[
                ("rendezvous", RENDEZVOUS),
                ("name", "Ad\u{200B}min\u{202E}exe.gnp\u{2066}"),
                ("mode", "room"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    let name: String =
        sqlx::query_scalar("SELECT name FROM rendezvous_registrations ORDER BY id DESC LIMIT 1")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(name, "Adminexe.gnp", "{engine:?}");

    // A NUL byte is refused at its field with a message, on both engines.
    let day = count(&app, "SELECT MIN(id) FROM event_days").await;
    let required: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM event_questions WHERE required = 1")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    let mut form: Vec<(String, String)> = required
        .iter()
        .map(|q| (format!("q_{q}"), "yes".to_owned()))
        .collect();
    form.extend([
        ("event".into(), EVENT.into()),
        ("first_name".into(), "Na\0dia".into()),
        ("last_name".into(), "Test".into()),
        ("email".into(), "nul@example.org".into()),
        ("organisation".into(), "Centre\0social".into()),
        ("profile".into(), "resident".into()),
        (format!("day_{day}"), "on".into()),
        ("consent".into(), "on".into()),
    ]);
    let (status, body) = app
        .post_fields(&app.api_client(), "events/register", &form)
        .await;
    assert_eq!(status, 422, "{engine:?} {body}");
    assert!(body.contains("caractère de contrôle"), "{engine:?} {body}");
    assert!(body.contains("first_name"), "{engine:?} {body}");
    // Without JavaScript: the same page, the message at the field.
    let browser = app.html_client();
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, to) = app
        .post_form(
            &browser,
            "events/register",
            &format!("/events/{EVENT}/register"),
            &fields,
        )
        .await;
    assert!((300..400).contains(&status), "{engine:?} {status}");
    let (_, page) = app.get_html(&browser, &to).await;
    assert!(page.contains("caractère de contrôle"), "{engine:?}");

    let ask = [
        (
            "consultation/propose",
            vec![
                ("consultation", CONSULTATION),
                ("body", "plus de bancs\0 dans les parcs"),
                ("author_name", "Eve"),
                ("charter", "on"),
                ("idempotency_key", "nul-proposal-0001"),
            ],
        ),
        (
            "rendezvous/register",
            vec![
                ("rendezvous", RENDEZVOUS),
                ("name", "Od\0ette"),
                ("mode", "room"),
                ("consent", "on"),
            ],
        ),
    ];
    for (endpoint, form) in &ask {
        let (status, body) = app.post_api(&app.api_client(), endpoint, form).await;
        assert_eq!(status, 422, "{engine:?} {endpoint} {body}");
        assert!(body.contains("caractère de contrôle"), "{engine:?} {body}");
    }
    // The safety net: where PostgreSQL refuses a NUL that reached the store,
    // the refusal is a clear message, not an internal error.
    if engine == Engine::Postgres {
        let refused = sqlx::query("UPDATE themes SET name = $1 WHERE id = 0")
            .bind("a\0b")
            .execute(&app.db.pool)
            .await
            .expect_err("PostgreSQL stores no NUL");
        let err = app::error::AppError::from(refused);
        assert_eq!(err.status(), 422, "{err}");
        assert!(err.to_string().contains("caractère de contrôle"), "{err}");
    }
}

async fn the_purge_removes_what_grows_and_keeps_what_is_needed(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let db = &app.db.pool;
    let t = now();
    let old = t - 40 * 24 * 3600;
    let exec = |sql: &'static str, binds: Vec<i64>| async move {
        let mut q = sqlx::query(sql);
        for b in binds {
            q = q.bind(b);
        }
        q.execute(db).await.unwrap();
    };
    exec(
        "INSERT INTO sessions (id, data, expires_at) VALUES ('expired', '', $1), ('live', '', $2)",
        vec![t - 10, t + 3600],
    )
    .await;
    // Mails: (subject, status, sent_at, dedupe key).
    for (subject, status, sent, key) in [
        ("old sent", "sent", Some(old), None),
        ("old sent once", "sent", Some(old), Some("reminder-1")),
        ("new sent", "sent", Some(t), None),
        ("old failed", "failed", None, None),
        ("old pending", "pending", None, None),
    ] {
        sqlx::query(
            "INSERT INTO mail_outbox (recipient, subject, body_text, dedupe_key, status, next_attempt_at, created_at, sent_at) \
             VALUES ('a@example.org', $1, 'body', $2, $3, $4, $4, $5)",
        )
        .bind(subject)
        .bind(key)
        .bind(status)
        .bind(old)
        .bind(sent)
        .execute(db)
        .await
        .unwrap();
    }
    sqlx::query(
        "INSERT INTO confirmation_mails (target, address, sent_at) VALUES ('rendezvous:1', 'old@x.org', $1), ('rendezvous:1', 'new@x.org', $2)",
    )
    .bind(t - 7200)
    .bind(t - 60)
    .execute(db)
    .await
    .unwrap();
    // Participants: one idle for long, one idle but new, one long ago with a vote.
    let participant = |public: &'static str, created: i64| async move {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO participants (public_id, created_at) VALUES ($1, $2) RETURNING id",
        )
        .bind(public)
        .bind(created)
        .fetch_one(db)
        .await
        .unwrap()
    };
    let idle_old = participant("idle-old", old).await;
    let idle_new = participant("idle-new", t).await;
    let voter = participant("voter-old", old).await;
    let proposal = count(
        &app,
        "SELECT MIN(id) FROM proposals WHERE status = 'accepted'",
    )
    .await;
    sqlx::query(
        "INSERT INTO votes (proposal_id, participant_id, vote_key, counted, created_at, updated_at) \
         VALUES ($1, $2, 'agree', 'untrusted', $3, $3)",
    )
    .bind(proposal)
    .bind(voter)
    .bind(old)
    .execute(db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO idempotency (key, participant_id, response, created_at) VALUES ('old-key', $1, '', $2), ('new-key', $1, '', $3)",
    )
    .bind(voter)
    .bind(old)
    .bind(t)
    .execute(db)
    .await
    .unwrap();

    let purged = app::ssr::purge::purge_at(&app.db, t).await.unwrap();
    println!("{engine:?}: {purged:?}");
    let exists = |sql: &'static str, id: i64| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(id)
            .fetch_one(db)
            .await
            .unwrap()
    };
    let participant_left = |id: i64| exists("SELECT COUNT(*) FROM participants WHERE id = $1", id);
    assert_eq!(participant_left(idle_old).await, 0, "{engine:?}");
    assert_eq!(participant_left(idle_new).await, 1, "{engine:?}");
    assert_eq!(participant_left(voter).await, 1, "{engine:?}");
    assert_eq!(
        purged.participants, 1,
        "{engine:?} (the demo's participants all voted)"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM sessions WHERE id = 'expired'").await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM sessions WHERE id = 'live'").await,
        1
    );
    let subjects: Vec<(String, String)> =
        sqlx::query_as("SELECT subject, body_text FROM mail_outbox WHERE recipient = 'a@example.org' ORDER BY subject")
            .fetch_all(db)
            .await
            .unwrap();
    assert_eq!(
        subjects,
        vec![
            ("new sent".into(), "body".into()),
            ("old pending".into(), "body".into()),
            ("old sent once".into(), String::new()),
        ],
        "{engine:?}"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM idempotency WHERE key IN ('old-key', 'new-key')"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM confirmation_mails WHERE address = 'new@x.org'"
        )
        .await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM confirmation_mails").await,
        1
    );
    // Nothing left to do a second time.
    let again = app::ssr::purge::purge_at(&app.db, t).await.unwrap();
    assert_eq!(again.total(), 0, "{engine:?} {again:?}");

    // A visitor whose idle participant was purged takes part again, as a new one.
    let visitor = app.api_client();
    let (status, _) = app
        .post_api(
            &visitor,
            "consultation/sequence",
            &[("consultation", CONSULTATION), ("action", "restart")],
        )
        .await;
    assert_eq!(status, 200, "{engine:?}");
    let last = count(&app, "SELECT MAX(id) FROM participants").await;
    // Someone else takes part after them (the newest participant is never purged).
    let (status, _) = app
        .post_api(
            &app.api_client(),
            "consultation/sequence",
            &[("consultation", CONSULTATION), ("action", "restart")],
        )
        .await;
    assert_eq!(status, 200, "{engine:?}");
    sqlx::query("UPDATE participants SET created_at = $1 WHERE id = $2")
        .bind(old)
        .bind(last)
        .execute(db)
        .await
        .unwrap();
    app::ssr::purge::purge_at(&app.db, t).await.unwrap();
    assert_eq!(participant_left(last).await, 0, "{engine:?}");
    let (status, body) = app
        .post_api(
            &visitor,
            "consultation/sequence",
            &[("consultation", CONSULTATION), ("action", "restart")],
        )
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    assert!(count(&app, "SELECT MAX(id) FROM participants").await > last + 1);
    assert_eq!(
        participant_left(last).await,
        0,
        "{engine:?}: no id is given twice"
    );
}

/// Every column pointing at a participant is one the purge looks in (read
/// from SQLite's schema; the schema-parity test keeps PostgreSQL's equal).
#[tokio::test]
async fn the_purge_knows_every_reference_to_a_participant() {
    let app = spawn_app(Engine::Sqlite, false).await;
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    for table in tables {
        let links: Vec<(String, String)> =
            sqlx::query_as(r#"SELECT "table", "from" FROM pragma_foreign_key_list(?)"#)
                .bind(&table)
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        for (target, column) in links.into_iter().filter(|(t, _)| t == "participants") {
            assert!(
                app::ssr::purge::PARTICIPANT_REFERENCES
                    .iter()
                    .any(|(t, c)| *t == table && *c == column),
                "{table}.{column} -> {target} is not in the purge's list"
            );
        }
    }
}

crate::per_engine!(
    page_views_create_no_participant_and_no_session,
    a_draft_process_is_hidden_from_the_public_and_open_to_staff,
    thirty_rendezvous_registrations_for_one_address_mail_once,
    an_event_registration_is_mailed_again_once_per_window,
    every_export_neutralises_formulas,
    typed_text_is_cleaned_and_control_characters_refused,
    the_purge_removes_what_grows_and_keeps_what_is_needed,
);
