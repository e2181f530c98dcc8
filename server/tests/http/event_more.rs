//! The symposium's tickets, badges, action avenues and registration limits,
//! over HTTP on each engine: the confirmation mail reaches a real SMTP server
//! (mailin-embedded) with the ticket's QR code, decoded here, and a calendar
//! file, parsed here; the private page serves both.

use crate::common::{
    eventually, free_port, fresh_database, spawn_with, start_smtp, Engine, Inbox, TestApp,
};
use app::demo::event::SLUG;
use serde_json::Value;

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

/// The demo event's days (id, date), in order.
async fn demo_days(app: &TestApp) -> Vec<(i64, String)> {
    sqlx::query_as(
        "SELECT d.id, d.day FROM event_days d JOIN events e ON e.id = d.event_id WHERE e.slug = $1 ORDER BY d.day",
    )
    .bind(SLUG)
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

/// A registration for the demo event's day `day_id`, answering its required question.
pub(crate) async fn registration_form(
    app: &TestApp,
    day_id: i64,
    email: &str,
) -> Vec<(String, String)> {
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
        ("event".into(), SLUG.into()),
        ("first_name".into(), "Nadia".into()),
        ("last_name".into(), "Test".into()),
        ("email".into(), email.into()),
        ("organisation".into(), "Centre social".into()),
        ("profile".into(), "resident".into()),
        (format!("day_{day_id}"), "on".into()),
        ("consent".into(), "on".into()),
    ]);
    form
}

/// Registers through the API as a script would; returns (status, body).
async fn register(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(String, String)],
) -> (u16, String) {
    app.post_fields(client, "events/register", form).await
}

/// The text of the only QR code in a PNG.
fn decode_qr(png: &[u8]) -> String {
    let image = image::load_from_memory(png).expect("a PNG").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("a readable QR code").1
}

/// Every VEVENT of a calendar file: (summary, start, end, location).
fn calendar_events(ics: &str) -> Vec<(String, String, String, String)> {
    use icalendar::{Calendar, CalendarComponent, Component};
    let cal: Calendar = ics.parse().expect("a valid calendar file");
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some((
                e.get_summary().unwrap_or_default().to_owned(),
                e.property_value("DTSTART").unwrap_or_default().to_owned(),
                e.property_value("DTEND").unwrap_or_default().to_owned(),
                e.property_value("LOCATION").unwrap_or_default().to_owned(),
            )),
            _ => None,
        })
        .collect()
}

async fn the_confirmation_mail_carries_the_ticket_qr_code_and_calendar(engine: Engine) {
    let (app, inbox) = spawn_mailing(engine).await;
    let days = demo_days(&app).await;
    let (first_day, date) = days[0].clone();
    let email = "ticket@example.org";
    let (status, body) = register(
        &app,
        &app.api_client(),
        &registration_form(&app, first_day, email).await,
    )
    .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    let path = serde_json::from_str::<Value>(&body).unwrap()["path"]
        .as_str()
        .unwrap()
        .to_owned();
    let code: String = sqlx::query_scalar("SELECT ticket_code FROM registrations WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();

    let raw = eventually("the confirmation mail", || async {
        inbox
            .all()
            .into_iter()
            .find(|m| m.to == [email])
            .map(|m| m.raw)
    })
    .await;
    let mail = mailparse::parse_mail(&raw).unwrap();
    let text = mail.subparts[0].get_body().unwrap();
    assert!(
        text.contains(&format!("{}-{}", &code[..4], &code[4..])),
        "{engine:?}: {text}"
    );
    let part = |kind: &str| {
        mail.subparts
            .iter()
            .find(|p| p.ctype.mimetype == kind)
            .unwrap_or_else(|| panic!("{engine:?}: a {kind} attachment"))
    };
    let png = part("image/png").get_body_raw().unwrap();
    assert_eq!(
        decode_qr(&png),
        code,
        "{engine:?}: the QR code is the ticket code"
    );
    let ics = part("text/calendar").get_body().unwrap();
    let events = calendar_events(&ics);
    assert_eq!(events.len(), 1, "{engine:?}: one day chosen: {ics}");
    let (summary, start, end, location) = &events[0];
    assert_eq!(summary, "Colloque « Mulhouse solidaire »", "{ics}");
    assert!(!location.is_empty(), "the venue: {ics}");
    // The demo's first day runs 09:00–17:30 in Paris, written in UTC.
    let local = |t: &str| {
        let d = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap();
        let t = chrono::NaiveTime::parse_from_str(t, "%H:%M").unwrap();
        use chrono::TimeZone;
        chrono_tz::Europe::Paris
            .from_local_datetime(&d.and_time(t))
            .unwrap()
            .with_timezone(&chrono::Utc)
            .format("%Y%m%dT%H%M%SZ")
            .to_string()
    };
    assert_eq!(start, &local("09:00"), "{ics}");
    assert_eq!(end, &local("17:30"), "{ics}");

    // The private page shows the QR code and offers both files.
    let (status, page) = app.get_html(&app.html_client(), &path).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!("{path}/ticket.png"))
            && page.contains(&format!("{path}/calendar.ics")),
        "{page}"
    );
    let get = |url: String| async move {
        let res = reqwest::get(url).await.unwrap();
        let kind = res
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned());
        (res.status().as_u16(), kind, res.bytes().await.unwrap())
    };
    let (status, kind, png) = get(app.url(&format!("{path}/ticket.png"))).await;
    assert_eq!((status, kind.as_deref()), (200, Some("image/png")));
    assert_eq!(decode_qr(&png), code);
    let (status, _, ics) = get(app.url(&format!("{path}/calendar.ics"))).await;
    assert_eq!(status, 200);
    assert_eq!(calendar_events(std::str::from_utf8(&ics).unwrap()).len(), 1);
    // Another event's slug, a wrong token: nothing.
    let wrong = path.replace(SLUG, "other-event");
    assert_eq!(get(app.url(&format!("{wrong}/ticket.png"))).await.0, 404);
    let forged = format!("{}{}", &path[..path.len() - 3], "AAA");
    assert_eq!(get(app.url(&format!("{forged}/calendar.ics"))).await.0, 404);
}

/// The demo's first workshop: (event id, session id).
async fn first_workshop(app: &TestApp) -> (i64, i64) {
    sqlx::query_as(
        "SELECT e.id, s.id FROM event_sessions s JOIN events e ON e.id = s.event_id \
         JOIN event_days d ON d.id = s.day_id WHERE e.slug = $1 AND s.kind = 'workshop' \
         ORDER BY d.day, s.starts_at, s.title LIMIT 1",
    )
    .bind(SLUG)
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

async fn staff_record_action_avenues_and_the_public_sees_the_published_by_theme(engine: Engine) {
    let app = spawn_app_demo(engine).await;
    let public = format!("/events/{SLUG}/action-avenues");
    let (status, page) = app.get_html(&app.html_client(), &public).await;
    assert_eq!(status, 200, "{engine:?}");
    assert!(
        page.contains("Ouvrir une maison des droits"),
        "a published demo avenue: {page}"
    );
    assert!(!page.contains("Un simulateur"), "a demo draft stays hidden");
    assert!(
        page.contains("Accès aux droits") && page.contains("/proposals/"),
        "by theme, with proposals"
    );

    let (event_id, workshop) = first_workshop(&app).await;
    let staff_page = format!("/admin/events/{event_id}/sessions/{workshop}/avenues");
    // Not for the public nor for moderators.
    assert_eq!(app.get_html(&app.html_client(), &staff_page).await.0, 401);
    let moderator = app.html_logged_in(crate::common::MODERATOR).await;
    assert_eq!(app.get_html(&moderator, &staff_page).await.0, 403);
    let (event_s, workshop_s) = (event_id.to_string(), workshop.to_string());
    let refused = app
        .post_api(
            &app.api_client(),
            "staff/events/avenues/save",
            &[
                ("event_id", &event_s),
                ("session_id", &workshop_s),
                ("title", "x"),
            ],
        )
        .await;
    assert_eq!(refused.0, 401);

    let staff = app.html_logged_in(crate::common::EVENT_STAFF).await;
    let (status, html) = app.get_html(&staff, &staff_page).await;
    assert_eq!(status, 200, "{html}");
    // A theme and a published proposal the form offers.
    let theme: i64 =
        sqlx::query_scalar("SELECT theme_id FROM event_session_themes WHERE session_id = $1")
            .bind(workshop)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let proposal: i64 = sqlx::query_scalar(
        "SELECT p.id FROM proposals p JOIN proposal_themes t ON t.proposal_id = p.id \
         WHERE p.status = 'accepted' AND t.theme_id = $1 ORDER BY p.id LIMIT 1",
    )
    .bind(theme)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert!(
        html.contains(&format!("name=\"proposal_{proposal}\"")),
        "the proposal is offered"
    );
    let theme_field = format!("theme_{theme}");
    let proposal_field = format!("proposal_{proposal}");
    let description = "Tester la piste avec trois quartiers pilotes.";
    // No title: refused at its field, nothing typed is lost.
    let mut form = vec![
        ("event_id", event_s.as_str()),
        ("session_id", workshop_s.as_str()),
        ("title", "  "),
        ("description", description),
        ("lead_actors", "CCAS (test)"),
        (theme_field.as_str(), "on"),
        (proposal_field.as_str(), "on"),
    ];
    let (status, back) = app
        .post_form(&staff, "staff/events/avenues/save", &staff_page, &form)
        .await;
    assert!(
        (300..400).contains(&status) && back == staff_page,
        "{status} {back}"
    );
    let (_, html) = app.get_html(&staff, &staff_page).await;
    assert!(html.contains("Donnez un titre"), "{html}");
    assert!(
        html.contains(description) && html.contains("CCAS (test)"),
        "what was typed is kept"
    );
    // Saved as a draft: the public does not see it.
    form[2] = ("title", "Piste de test pour les quartiers");
    let (status, to) = app
        .post_form(&staff, "staff/events/avenues/save", &staff_page, &form)
        .await;
    assert!(
        (300..400).contains(&status) && to == staff_page,
        "{status} {to}"
    );
    let (id, published): (i64, i64) =
        sqlx::query_as("SELECT id, published FROM action_avenues WHERE title = $1")
            .bind("Piste de test pour les quartiers")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(published, 0);
    assert!(!app
        .get_html(&app.html_client(), &public)
        .await
        .1
        .contains("Piste de test"));
    // Published: shown under its theme, with its workshop and proposal.
    let id_s = id.to_string();
    let act = [
        ("event_id", event_s.as_str()),
        ("session_id", workshop_s.as_str()),
        ("avenue_id", id_s.as_str()),
        ("action", "publish"),
    ];
    let (status, _) = app
        .post_form(&staff, "staff/events/avenues/act", &staff_page, &act)
        .await;
    assert!((300..400).contains(&status));
    let (_, page) = app.get_html(&app.html_client(), &public).await;
    assert!(page.contains("Piste de test pour les quartiers"), "{page}");
    assert!(
        page.contains(&format!("/proposals/{proposal}\""))
            && page.contains(&format!("/sessions/{workshop}\""))
    );

    // The restitution's entry point sees it under the workshop's theme.
    let process_id: i64 = sqlx::query_scalar("SELECT id FROM processes ORDER BY id LIMIT 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let groups = app::event::service::avenues::published_by_theme(&app.db, process_id)
        .await
        .unwrap();
    let group = groups
        .iter()
        .find(|g| g.theme.as_ref().map(|t| t.id) == Some(theme))
        .expect("the theme");
    let avenue = group
        .avenues
        .iter()
        .find(|a| a.id == id)
        .expect("the new avenue");
    assert_eq!(
        avenue.proposals.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![proposal]
    );
    assert_eq!(
        app::event::logic::avenues::distinct_count(&groups),
        17,
        "16 demo avenues and this one"
    );

    // Deleting needs the confirmation box.
    let mut delete = act.to_vec();
    delete[3] = ("action", "delete");
    app.post_form(&staff, "staff/events/avenues/act", &staff_page, &delete)
        .await;
    assert!(app
        .get_html(&staff, &staff_page)
        .await
        .1
        .contains("Cochez la case"));
    delete.push(("confirm", "on"));
    app.post_form(&staff, "staff/events/avenues/act", &staff_page, &delete)
        .await;
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM action_avenues WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "{engine:?}");
}

async fn spawn_app_demo(engine: Engine) -> TestApp {
    crate::common::spawn_app(engine, true).await
}

async fn badges_list_live_registrations_by_day(engine: Engine) {
    let app = spawn_app_demo(engine).await;
    let days = demo_days(&app).await;
    // One more registration on day 1, then cancelled.
    let form = registration_form(&app, days[0].0, "gone@example.org").await;
    let (status, body) = register(&app, &app.api_client(), &form).await;
    assert_eq!(status, 200, "{body}");
    let token = serde_json::from_str::<Value>(&body).unwrap()["path"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let cancel = [
        ("event", SLUG),
        ("token", token.as_str()),
        ("confirm", "on"),
    ];
    assert_eq!(
        app.post_api(&app.api_client(), "events/registration/cancel", &cancel)
            .await
            .0,
        200
    );
    sqlx::query("UPDATE registrations SET last_name = 'Annulée' WHERE email = 'gone@example.org'")
        .execute(&app.db.pool)
        .await
        .unwrap();

    let path = format!("/admin/events/{SLUG}/badges");
    assert_eq!(app.get_html(&app.html_client(), &path).await.0, 401);
    let staff = app.html_logged_in(crate::common::EVENT_STAFF).await;
    let badges = |html: &str| html.matches("class=\"name-badge\"").count() as i64;
    let live = |day: Option<i64>| {
        let pool = app.db.pool.clone();
        async move {
            let sql = "SELECT COUNT(DISTINCT r.id) FROM registrations r JOIN registration_days rd ON rd.registration_id = r.id \
                       WHERE r.status = 'active' AND ($1 = 0 OR rd.day_id = $1)";
            sqlx::query_scalar::<_, i64>(sql)
                .bind(day.unwrap_or(0))
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let (status, html) = app.get_html(&staff, &path).await;
    assert_eq!(status, 200, "{engine:?}");
    assert_eq!(badges(&html), live(None).await, "everyone registered");
    assert!(
        !html.contains("Annulée"),
        "no badge for a cancelled registration"
    );
    assert_eq!(
        html.matches("class=\"badge-sheet\"").count() as i64,
        (live(None).await + 7) / 8,
        "8 per sheet"
    );
    let (_, day2) = app
        .get_html(&staff, &format!("{path}?day={}", days[1].0))
        .await;
    assert_eq!(
        badges(&day2),
        live(Some(days[1].0)).await,
        "the second day's people"
    );
    assert!(badges(&day2) < badges(&html));
    // One person's badge, from the attendee list.
    let (_, list) = app
        .get_html(&staff, &format!("/events/{SLUG}/attendees"))
        .await;
    let (id, first, last): (i64, String, String) =
        sqlx::query_as("SELECT id, first_name, last_name FROM registrations WHERE status = 'active' ORDER BY id LIMIT 1")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert!(
        list.contains(&format!("{path}?registration={id}")),
        "a badge link per attendee"
    );
    let (_, one) = app
        .get_html(&staff, &format!("{path}?registration={id}"))
        .await;
    assert_eq!(badges(&one), 1);
    assert!(one.contains(&first) && one.contains(&last));
}

async fn registrations_are_limited_per_network_address(engine: Engine) {
    // The real server's service, which knows each peer's address.
    // The temporary folder of a SQLite database lives as long as the test.
    let (url, _dir) = fresh_database(engine).await;
    let mut config = server::config::Config::from_env().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    config.database_url = url;
    config.addr = addr;
    config.base_url = format!("http://{addr}");
    let mail_dir = tempfile::tempdir().unwrap();
    config.smtp_url = None;
    config.mail_dir = mail_dir.path().display().to_string();
    config.rate.registrations_per_address = 2;
    let db = server::open_db(&config).await.unwrap();
    app::demo::load(&db, config.settings().today(), false)
        .await
        .unwrap();
    let mail = server::start_mail_worker(&config, db.clone()).unwrap();
    let router = server::router(&config, db.clone(), mail.waker());
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap()
    });
    let base = format!("http://{addr}");
    let day: i64 = sqlx::query_scalar("SELECT d.id FROM event_days d JOIN events e ON e.id = d.event_id WHERE e.slug = $1 ORDER BY d.day LIMIT 1")
        .bind(SLUG)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let required: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM event_questions WHERE required = 1")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let form = |email: &str, first: &str| {
        let mut f: Vec<(String, String)> = required
            .iter()
            .map(|q| (format!("q_{q}"), "yes".to_owned()))
            .collect();
        f.extend([
            ("event".into(), SLUG.into()),
            ("first_name".into(), first.into()),
            ("last_name".into(), "Test".into()),
            ("email".into(), email.into()),
            ("profile".into(), "resident".into()),
            (format!("day_{day}"), "on".into()),
            ("consent".into(), "on".into()),
        ]);
        f
    };
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for i in 0..2 {
        let res = client
            .post(format!("{base}/api/events/register"))
            .form(&form(&format!("p{i}@example.org"), "Léa"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{engine:?}");
    }
    // A third from the same address within the minute: refused, in words.
    let res = client
        .post(format!("{base}/api/events/register"))
        .form(&form("p3@example.org", "Léa"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 429, "{engine:?}");
    assert!(res.text().await.unwrap().contains("Trop d"));
    // Without JavaScript: back to the form with the message and what was typed.
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = format!("{base}/events/{SLUG}/register");
    let res = browser
        .post(format!("{base}/api/events/register"))
        .header("accept", "text/html")
        .header("referer", &page)
        .form(&form("p4@example.org", "Gaëtane"))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection());
    let html = browser
        .get(&page)
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Trop d") && html.contains("Gaëtane") && html.contains("p4@example.org"),
        "{html}"
    );
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE email LIKE 'p%@example.org'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(count, 2);
    drop(mail);
}

crate::per_engine!(
    the_confirmation_mail_carries_the_ticket_qr_code_and_calendar,
    staff_record_action_avenues_and_the_public_sees_the_published_by_theme,
    badges_list_live_registrations_by_day,
    registrations_are_limited_per_network_address,
);
