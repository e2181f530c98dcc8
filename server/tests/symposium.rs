//! The symposium over HTTP: hundreds of simultaneous registrations for the
//! last seats never overbook, a cancellation offers the seat to the first
//! person waiting (and an unanswered offer passes on), and a ticket is
//! admitted once at the door. Every scenario runs on each engine.

mod common;

use app::model::ComponentKind;
use app::processes::domain::{PhaseInput, ProcessInput};
use app::symposium::store::{self, EventInput, SessionInput, SessionKind};
use common::{engines, spawn_app, TestApp, EVENT_STAFF, MODERATOR};
use serde_json::Value;

/// A test event: its slug, its one day, and one workshop at 14:00.
struct TestEvent {
    slug: String,
    day_id: i64,
    workshop_id: i64,
}

async fn create_event(
    app: &TestApp,
    slug: &str,
    seats: u32,
    day_seats: u32,
    workshop_seats: u32,
) -> TestEvent {
    let db = &app.db;
    let day = app.config.settings().today() + chrono::Duration::days(30);
    let process = ProcessInput {
        slug: format!("process-{slug}"),
        title: "Process".into(),
        subtitle: String::new(),
        description_md: String::new(),
        image_url: String::new(),
        image_alt: String::new(),
        start: day,
        end: day,
        published: true,
    };
    let process_id = app::processes::store::insert_process(db, &process)
        .await
        .unwrap();
    let phase = PhaseInput {
        title: "Colloque".into(),
        description_md: String::new(),
        start: day,
        end: day,
        components: vec![ComponentKind::Event],
    };
    let phase_id = app::processes::store::insert_phase(db, process_id, &phase)
        .await
        .unwrap();
    let component: i64 = sqlx::query_scalar("SELECT id FROM components WHERE phase_id = $1")
        .bind(phase_id)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let event = EventInput {
        slug: slug.into(),
        title: format!("Event {slug}"),
        description_md: String::new(),
        venue: "Salle des fêtes".into(),
        seats,
        offer_hours: 48,
        registration_open: true,
    };
    let event_id = store::insert_event(db, component, &event).await.unwrap();
    let day_id = store::save_day(db, event_id, None, day, day_seats)
        .await
        .unwrap()
        .unwrap();
    let workshop = SessionInput {
        day_id,
        kind: SessionKind::Workshop,
        title: "Atelier logement".into(),
        description_md: String::new(),
        starts_at: "14:00".into(),
        ends_at: "16:00".into(),
        room: "Salle 2".into(),
        seats: Some(workshop_seats),
        theme_ids: vec![],
        speaker_ids: vec![],
    };
    let workshop_id = store::save_session(db, event_id, None, &workshop)
        .await
        .unwrap()
        .unwrap();
    TestEvent {
        slug: slug.into(),
        day_id,
        workshop_id,
    }
}

/// A registration form for `email`, with the event's day and workshop.
fn form(ev: &TestEvent, email: &str) -> Vec<(String, String)> {
    vec![
        ("event".into(), ev.slug.clone()),
        ("first_name".into(), "Camille".into()),
        ("last_name".into(), "Test".into()),
        ("email".into(), email.into()),
        ("profile".into(), "volunteer".into()),
        (format!("day_{}", ev.day_id), "on".into()),
        (format!("w_{}_1400", ev.day_id), ev.workshop_id.to_string()),
        ("consent".into(), "on".into()),
    ]
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    form: &[(String, String)],
) -> (u16, String) {
    let res = client
        .post(app.url(&format!("/api/{endpoint}")))
        .form(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// Registers `email`; returns the private link's token.
async fn register(app: &TestApp, ev: &TestEvent, email: &str) -> String {
    let (status, body) = post(app, &app.api_client(), "events/register", &form(ev, email)).await;
    assert_eq!(status, 200, "{:?} register {email}: {body}", app.engine);
    let json: Value = serde_json::from_str(&body).unwrap();
    json["path"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

async fn place_of(app: &TestApp, email: &str) -> (String, Option<i64>) {
    sqlx::query_as(
        "SELECT p.status, p.offer_expires_at FROM workshop_places p JOIN registrations r ON r.id = p.registration_id \
         WHERE r.email = $1",
    )
    .bind(email)
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

async fn held(app: &TestApp, ev: &TestEvent) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM workshop_places WHERE session_id = $1 AND status IN ('confirmed', 'offered')",
    )
    .bind(ev.workshop_id)
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

async fn cancel(app: &TestApp, ev: &TestEvent, token: &str) {
    let form = vec![
        ("event".to_owned(), ev.slug.clone()),
        ("token".to_owned(), token.to_owned()),
        ("confirm".to_owned(), "on".to_owned()),
    ];
    let (status, body) = post(app, &app.api_client(), "events/registration/cancel", &form).await;
    assert_eq!(status, 200, "{:?} cancel: {body}", app.engine);
}

#[tokio::test]
async fn simultaneous_registrations_for_the_last_seats_never_overbook() {
    const REQUESTS: usize = 300;
    const EVENT_SEATS: u32 = 250;
    const WORKSHOP_SEATS: u32 = 30;
    for engine in engines() {
        let app = spawn_app(engine, false).await;
        let ev = create_event(&app, "course", EVENT_SEATS, 1000, WORKSHOP_SEATS).await;
        let url = app.url("/api/events/register");
        let mut tasks = Vec::new();
        for i in 0..REQUESTS {
            let client = app.api_client();
            let url = url.clone();
            let form = form(&ev, &format!("person{i}@example.org"));
            tasks.push(tokio::spawn(async move {
                let res = client.post(url).form(&form).send().await.unwrap();
                (res.status().as_u16(), res.text().await.unwrap())
            }));
        }
        let (mut ok, mut full) = (0, 0);
        for t in tasks {
            let (status, body) = t.await.unwrap();
            match status {
                200 => ok += 1,
                409 => {
                    assert!(body.contains("complet"), "{engine:?}: {body}");
                    full += 1
                }
                other => panic!("{engine:?}: unexpected {other}: {body}"),
            }
        }
        assert_eq!(
            ok, EVENT_SEATS as usize,
            "{engine:?}: exactly the event's seats"
        );
        assert_eq!(full, REQUESTS - EVENT_SEATS as usize, "{engine:?}");
        let active: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE status = 'active'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(active, i64::from(EVENT_SEATS), "{engine:?}");
        let confirmed: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM workshop_places WHERE session_id = $1 AND status = 'confirmed'",
        )
        .bind(ev.workshop_id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(
            confirmed,
            i64::from(WORKSHOP_SEATS),
            "{engine:?}: exactly the workshop's seats"
        );
        let waiting: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM workshop_places WHERE session_id = $1 AND status = 'waiting'",
        )
        .bind(ev.workshop_id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(
            waiting,
            i64::from(EVENT_SEATS - WORKSHOP_SEATS),
            "{engine:?}: the others wait"
        );
        let codes: i64 =
            sqlx::query_scalar("SELECT COUNT(DISTINCT ticket_code) FROM registrations")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(codes, i64::from(EVENT_SEATS), "{engine:?}: one ticket each");
    }
}

#[tokio::test]
async fn a_full_day_refuses_and_one_email_registers_once() {
    for engine in engines() {
        let app = spawn_app(engine, false).await;
        let ev = create_event(&app, "small-day", 100, 1, 10).await;
        register(&app, &ev, "first@example.org").await;
        let (status, body) = post(
            &app,
            &app.api_client(),
            "events/register",
            &form(&ev, "second@example.org"),
        )
        .await;
        assert_eq!(status, 422, "{engine:?}: {body}");
        assert!(body.contains("days") && body.contains("complet"), "{body}");
        let (status, body) = post(
            &app,
            &app.api_client(),
            "events/register",
            &form(&ev, "FIRST@example.org"),
        )
        .await;
        assert_eq!(status, 422, "{engine:?}: {body}");
        assert!(
            body.contains("email") && body.contains("déjà inscrite"),
            "{body}"
        );
    }
}

#[tokio::test]
async fn a_cancellation_offers_the_seat_to_the_first_in_line() {
    for engine in engines() {
        let app = spawn_app(engine, false).await;
        let ev = create_event(&app, "waitlist", 100, 100, 2).await;
        let mut tokens = Vec::new();
        for who in ["a", "b", "c", "d", "e"] {
            tokens.push(register(&app, &ev, &format!("{who}@example.org")).await);
        }
        assert_eq!(place_of(&app, "a@example.org").await.0, "confirmed");
        assert_eq!(place_of(&app, "b@example.org").await.0, "confirmed");
        for who in ["c", "d", "e"] {
            assert_eq!(
                place_of(&app, &format!("{who}@example.org")).await.0,
                "waiting",
                "{engine:?}"
            );
        }
        // c sees their place in line on their private page.
        let (status, page) = app
            .get_html(
                &app.api_client(),
                &format!("/events/{}/registration/{}", ev.slug, tokens[2]),
            )
            .await;
        assert_eq!(status, 200);
        assert!(
            page.contains("Liste d&#x27;attente, position 1")
                || page.contains("Liste d'attente, position 1"),
            "{page}"
        );

        // a cancels: c (first in line) is offered the seat for 48 hours; d and e still wait.
        let before = chrono::Utc::now().timestamp();
        cancel(&app, &ev, &tokens[0]).await;
        let (status, deadline) = place_of(&app, "c@example.org").await;
        assert_eq!(status, "offered", "{engine:?}");
        let deadline = deadline.unwrap();
        assert!(
            (before + 48 * 3600..=before + 48 * 3600 + 60).contains(&deadline),
            "{deadline}"
        );
        assert_eq!(place_of(&app, "d@example.org").await.0, "waiting");
        assert_eq!(
            held(&app, &ev).await,
            2,
            "{engine:?}: an offer holds the seat"
        );
        let (_, page) = app
            .get_html(
                &app.api_client(),
                &format!("/events/{}/registration/{}", ev.slug, tokens[2]),
            )
            .await;
        assert!(page.contains("Accepter la place"), "{page}");

        // c accepts.
        let accept = vec![
            ("event".to_owned(), ev.slug.clone()),
            ("token".to_owned(), tokens[2].clone()),
            ("session_id".to_owned(), ev.workshop_id.to_string()),
            ("answer".to_owned(), "accept".to_owned()),
        ];
        let (status, body) = post(
            &app,
            &app.api_client(),
            "events/registration/offer",
            &accept,
        )
        .await;
        assert_eq!(status, 200, "{engine:?}: {body}");
        assert_eq!(place_of(&app, "c@example.org").await.0, "confirmed");
        // Accepting twice is refused: there is no offer any more.
        let (status, _) = post(
            &app,
            &app.api_client(),
            "events/registration/offer",
            &accept,
        )
        .await;
        assert_eq!(status, 409);

        // b cancels: d is offered; the offer runs out unanswered; the sweep passes it to e.
        cancel(&app, &ev, &tokens[1]).await;
        assert_eq!(place_of(&app, "d@example.org").await.0, "offered");
        sqlx::query("UPDATE workshop_places SET offer_expires_at = 1000 WHERE status = 'offered'")
            .execute(&app.db.pool)
            .await
            .unwrap();
        let offers = app::symposium::service::sweep(&app.db, &app.config.settings())
            .await
            .unwrap();
        assert_eq!(offers.len(), 1, "{engine:?}");
        assert_eq!(place_of(&app, "d@example.org").await.0, "expired");
        assert_eq!(place_of(&app, "e@example.org").await.0, "offered");
        // d can no longer take the seat.
        let late = vec![
            ("event".to_owned(), ev.slug.clone()),
            ("token".to_owned(), tokens[3].clone()),
            ("session_id".to_owned(), ev.workshop_id.to_string()),
            ("answer".to_owned(), "accept".to_owned()),
        ];
        let (status, _) = post(&app, &app.api_client(), "events/registration/offer", &late).await;
        assert_eq!(status, 409, "{engine:?}");
        assert_eq!(place_of(&app, "d@example.org").await.0, "expired");

        // e's offer runs out too: the next request for the workshop settles it
        // lazily, and with nobody waiting the newcomer gets the seat.
        sqlx::query("UPDATE workshop_places SET offer_expires_at = 1000 WHERE status = 'offered'")
            .execute(&app.db.pool)
            .await
            .unwrap();
        register(&app, &ev, "f@example.org").await;
        assert_eq!(place_of(&app, "e@example.org").await.0, "expired");
        assert_eq!(
            place_of(&app, "f@example.org").await.0,
            "confirmed",
            "{engine:?}"
        );
        assert_eq!(
            held(&app, &ev).await,
            2,
            "{engine:?}: never more than the seats"
        );

        // A cancelled registration cannot be changed, and its link says so.
        let (_, page) = app
            .get_html(
                &app.api_client(),
                &format!("/events/{}/registration/{}", ev.slug, tokens[0]),
            )
            .await;
        assert!(page.contains("Cette inscription est annulée"), "{page}");
        let (status, _) = app
            .get_html(
                &app.api_client(),
                &format!("/events/{}/registration/{}x", ev.slug, &tokens[0][..42]),
            )
            .await;
        assert_eq!(status, 404, "a wrong token shows nothing");
    }
}

async fn check_in(
    app: &TestApp,
    client: &reqwest::Client,
    ev: &TestEvent,
    code: &str,
) -> (u16, Value) {
    let form = vec![
        ("event".to_owned(), ev.slug.clone()),
        ("day_id".to_owned(), ev.day_id.to_string()),
        ("code".to_owned(), code.to_owned()),
    ];
    let (status, body) = post(app, client, "staff/events/check-in", &form).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

async fn code_of(app: &TestApp, email: &str) -> String {
    sqlx::query_scalar("SELECT ticket_code FROM registrations WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_ticket_is_admitted_once_and_refused_clearly_after() {
    for engine in engines() {
        let app = spawn_app(engine, true).await;
        let ev = create_event(&app, "door", 100, 100, 10).await;
        register(&app, &ev, "guest@example.org").await;
        let cancelled = register(&app, &ev, "gone@example.org").await;
        cancel(&app, &ev, &cancelled).await;
        let staff = app.logged_in(EVENT_STAFF).await;
        let code = code_of(&app, "guest@example.org").await;

        // Typed the way people type it: lower case, with a space.
        let typed = format!("{} {}", code[..4].to_lowercase(), &code[4..]);
        let (status, first) = check_in(&app, &staff, &ev, &typed).await;
        assert_eq!(status, 200, "{engine:?}: {first}");
        assert_eq!(first["outcome"], "admitted", "{first}");
        assert_eq!(first["name"], "Camille Test");
        assert!(
            first["workshops"][0]
                .as_str()
                .unwrap()
                .contains("Atelier logement"),
            "{first}"
        );

        let (_, again) = check_in(&app, &staff, &ev, &code).await;
        assert_eq!(again["outcome"], "already-used", "{engine:?}: {again}");
        assert_eq!(again["admitted"], false);
        assert!(
            again["message"].as_str().unwrap().contains("déjà servi"),
            "{again}"
        );

        let (_, gone) = check_in(&app, &staff, &ev, &code_of(&app, "gone@example.org").await).await;
        assert_eq!(gone["outcome"], "cancelled", "{engine:?}: {gone}");
        let (_, unknown) = check_in(&app, &staff, &ev, "ZZZZ-ZZZZ").await;
        assert_eq!(unknown["outcome"], "unknown", "{unknown}");
        let (status, junk) = check_in(&app, &staff, &ev, "12").await;
        assert_eq!(status, 422, "{junk}");

        // Two desks typing one code at once: one arrival.
        let other = register(&app, &ev, "twins@example.org").await;
        assert!(!other.is_empty());
        let code = code_of(&app, "twins@example.org").await;
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (app_url, staff, form) = (
                app.url("/api/staff/events/check-in"),
                staff.clone(),
                vec![
                    ("event".to_owned(), ev.slug.clone()),
                    ("day_id".to_owned(), ev.day_id.to_string()),
                    ("code".to_owned(), code.clone()),
                ],
            );
            tasks.push(tokio::spawn(async move {
                let res = staff.post(app_url).form(&form).send().await.unwrap();
                res.json::<Value>().await.unwrap()
            }));
        }
        let mut admitted = 0;
        for t in tasks {
            let v = t.await.unwrap();
            if v["outcome"] == "admitted" {
                admitted += 1;
            } else {
                assert_eq!(v["outcome"], "already-used", "{v}");
            }
        }
        assert_eq!(admitted, 1, "{engine:?}");

        // Only event staff (and admins) may check in.
        let (status, _) = check_in(&app, &app.api_client(), &ev, &code).await;
        assert_eq!(status, 401);
        let moderator = app.logged_in(MODERATOR).await;
        let (status, _) = check_in(&app, &moderator, &ev, &code).await;
        assert_eq!(status, 403);
        let arrived: i64 = sqlx::query_scalar("SELECT COUNT(checked_in_at) FROM registration_days")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(arrived, 2, "{engine:?}: guest and twins");
    }
}
