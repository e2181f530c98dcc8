//! The symposium over HTTP: hundreds of simultaneous registrations for the
//! last seats never overbook, a cancellation offers the seat to the first
//! person waiting (and an unanswered offer passes on), and a ticket is
//! admitted once at the door. Every scenario runs on each engine.

use crate::common::{spawn_app, Engine, TestApp, EVENT_STAFF, MODERATOR};
use app::event::logic::programme::{EventInput, SessionInput, SessionKind};
use app::event::store::programme as store;
use app::model::ComponentKind;
use app::process::logic::{PhaseInput, ProcessInput};
use serde_json::Value;

/// A test event: its slug, its one day, and one workshop at 14:00.
pub(crate) struct TestEvent {
    pub(crate) slug: String,
    pub(crate) day_id: i64,
    pub(crate) workshop_id: i64,
}

pub(crate) async fn create_event(
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
    let process_id = app::process::store::insert_process(db, &process)
        .await
        .unwrap();
    let phase = PhaseInput {
        title: "Colloque".into(),
        description_md: String::new(),
        start: day,
        end: day,
        components: vec![ComponentKind::Event],
    };
    let phase_id = app::process::store::insert_phase(db, process_id, &phase)
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
    let event_id = app::event::store::events::insert_event(db, component, &event)
        .await
        .unwrap();
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

/// Registers `email`; returns the private link's token.
pub(crate) async fn register(app: &TestApp, ev: &TestEvent, email: &str) -> String {
    let (status, body) = app
        .post_fields(&app.api_client(), "events/register", &form(ev, email))
        .await;
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
    let (status, body) = app
        .post_fields(&app.api_client(), "events/registration/cancel", &form)
        .await;
    assert_eq!(status, 200, "{:?} cancel: {body}", app.engine);
}

async fn simultaneous_registrations_for_the_last_seats_never_overbook(engine: Engine) {
    const REQUESTS: usize = 300;
    const EVENT_SEATS: u32 = 250;
    const WORKSHOP_SEATS: u32 = 30;
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
    let codes: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT ticket_code) FROM registrations")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(codes, i64::from(EVENT_SEATS), "{engine:?}: one ticket each");
}

async fn a_full_day_refuses_and_one_email_registers_once(engine: Engine) {
    let app = spawn_app(engine, false).await;
    let ev = create_event(&app, "small-day", 100, 1, 10).await;
    register(&app, &ev, "first@example.org").await;
    let (status, body) = app
        .post_fields(
            &app.api_client(),
            "events/register",
            &form(&ev, "second@example.org"),
        )
        .await;
    assert_eq!(status, 422, "{engine:?}: {body}");
    assert!(body.contains("days") && body.contains("complet"), "{body}");
    let (status, body) = app
        .post_fields(
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

async fn a_cancellation_offers_the_seat_to_the_first_in_line(engine: Engine) {
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
    let (status, body) = app
        .post_fields(&app.api_client(), "events/registration/offer", &accept)
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    assert_eq!(place_of(&app, "c@example.org").await.0, "confirmed");
    // Accepting twice is refused: there is no offer any more.
    let (status, _) = app
        .post_fields(&app.api_client(), "events/registration/offer", &accept)
        .await;
    assert_eq!(status, 409);

    // b cancels: d is offered; the offer runs out unanswered; the sweep passes it to e.
    cancel(&app, &ev, &tokens[1]).await;
    assert_eq!(place_of(&app, "d@example.org").await.0, "offered");
    sqlx::query("UPDATE workshop_places SET offer_expires_at = 1000 WHERE status = 'offered'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let offers = app::event::service::sweep(&app.db, &app.config.settings())
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
    let (status, _) = app
        .post_fields(&app.api_client(), "events/registration/offer", &late)
        .await;
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

    // d still wants the workshop: asking again joins the end of the line.
    let mut again = form(&ev, "d@example.org");
    again.push(("token".to_owned(), tokens[3].clone()));
    let (status, body) = app
        .post_fields(&app.api_client(), "events/registration/change", &again)
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    assert_eq!(
        place_of(&app, "d@example.org").await.0,
        "waiting",
        "{engine:?}"
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
    let (status, body) = app
        .post_fields(client, "staff/events/check-in", &form)
        .await;
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

async fn a_ticket_is_admitted_once_and_refused_clearly_after(engine: Engine) {
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

const DEMO: &str = app::demo::event::SLUG;

async fn the_demo_programme_reads_and_filters_without_javascript(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.html_client();
    let (status, page) = app.get_html(&client, &format!("/events/{DEMO}")).await;
    assert_eq!(status, 200, "{engine:?}");
    for part in [
        "Colloque « Mulhouse solidaire »",
        "Table ronde",
        "Atelier : la santé dans chaque quartier",
        "Hélène Marchal",
        "Personne fictive (démonstration)",
        "S&#x27;inscrire",
    ] {
        assert!(
            page.contains(part) || page.contains(&part.replace("&#x27;", "'")),
            "{part} missing"
        );
    }
    // The first workshop is full and says so in words; others show their free seats.
    assert!(
        page.contains("Complet : liste d&#x27;attente (4 en attente)")
            || page.contains("Complet : liste d'attente (4 en attente)"),
        "{page}"
    );
    assert!(page.contains("places libres sur 30"));
    // Counts behind the page: a hundred registrations, six workshops of 30.
    let (registrations, workshops): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM registrations WHERE is_demo = 1), \
         (SELECT COUNT(*) FROM event_sessions WHERE kind = 'workshop' AND seats = 30)",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!((registrations, workshops), (100, 6), "{engine:?}");
    let speakers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM event_speakers WHERE is_demo = 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(speakers, 12);

    // Filter by day 2 and by a theme: a plain GET form.
    let day2: i64 = sqlx::query_scalar("SELECT MAX(id) FROM event_days")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let (_, filtered) = app
        .get_html(&client, &format!("/events/{DEMO}?day={day2}"))
        .await;
    assert!(filtered.contains("Clôture : vers une feuille de route"));
    assert!(
        !filtered.contains("Ouverture du colloque"),
        "day 1 is filtered out"
    );
    let housing: i64 =
        sqlx::query_scalar("SELECT id FROM themes WHERE name = 'Logement et cadre de vie'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let (_, themed) = app
        .get_html(&client, &format!("/events/{DEMO}?theme={housing}"))
        .await;
    assert!(themed.contains("des logements dignes et adaptés"));
    assert!(!themed.contains("la santé dans chaque quartier"));

    // Each session and speaker has its page.
    let (session, speaker): (i64, i64) = sqlx::query_as(
        "SELECT s.id, x.speaker_id FROM event_sessions s JOIN event_session_speakers x ON x.session_id = s.id \
         WHERE s.title LIKE 'Atelier : des logements%'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (status, page) = app
        .get_html(&client, &format!("/events/{DEMO}/sessions/{session}"))
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Salle 3") && page.contains("Claire Muller"),
        "{page}"
    );
    let (status, page) = app
        .get_html(&client, &format!("/events/{DEMO}/speakers/{speaker}"))
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Bailleur social") && page.contains("Personne fictive"),
        "{page}"
    );
    let (status, _) = app
        .get_html(&client, &format!("/events/{DEMO}/sessions/999999"))
        .await;
    assert_eq!(status, 404);

    // The phase page links the event to its programme and registration.
    let phase: i64 = sqlx::query_scalar(
        "SELECT phase_id FROM components c JOIN events e ON e.component_id = c.id",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (_, page) = app
        .get_html(
            &client,
            &format!("/processes/mulhouse-solidaire/phases/{phase}"),
        )
        .await;
    assert!(
        page.contains(&format!("href=\"/events/{DEMO}\""))
            && page.contains(&format!("/events/{DEMO}/register")),
        "{page}"
    );
}

async fn registering_without_javascript_keeps_what_was_typed(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.html_client();
    let from = format!("/events/{DEMO}/register");
    let (status, page) = app.get_html(&client, &from).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("<legend>Vous venez en tant que"),
        "radio groups have legends"
    );
    assert!(
        page.contains("Souhaitez-vous recevoir les actes du colloque"),
        "extra questions"
    );
    let day1: i64 = sqlx::query_scalar("SELECT MIN(id) FROM event_days")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let question: i64 = sqlx::query_scalar("SELECT id FROM event_questions WHERE kind = 'yes_no'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let day = format!("day_{day1}");
    let q = format!("q_{question}");
    let mut form = vec![
        ("event", DEMO),
        ("first_name", "Joséphine"),
        ("last_name", "Baker-Test"),
        ("email", "josephine@example.org"),
        ("organisation", "Association des tests"),
        ("profile", "resident"),
        (day.as_str(), "on"),
        (q.as_str(), "yes"),
        ("dietary", "Sans gluten"),
    ];
    // No consent: back to the form, message at the field, nothing lost.
    let (status, location) = app
        .post_form(&client, "events/register", &from, &form)
        .await;
    assert!((300..400).contains(&status), "{engine:?}: {status}");
    assert_eq!(location, from);
    let (_, page) = app.get_html(&client, &from).await;
    assert!(
        page.contains("Cochez la case d&#x27;accord") || page.contains("Cochez la case d'accord"),
        "{page}"
    );
    assert!(page.contains(r#"id="f-consent-err""#) && page.contains(r#"aria-invalid="true""#));
    assert!(
        page.contains("Joséphine")
            && page.contains("Sans gluten")
            && page.contains("Association des tests")
    );
    // The flash is shown once.
    let (_, again) = app.get_html(&client, &from).await;
    assert!(!again.contains("f-consent-err"));

    form.push(("consent", "on"));
    let (status, location) = app
        .post_form(&client, "events/register", &from, &form)
        .await;
    assert!((300..400).contains(&status), "{status}");
    assert!(
        location.starts_with(&format!("/events/{DEMO}/registration/")),
        "{location}"
    );
    let (status, page) = app.get_html(&client, &location).await;
    assert_eq!(status, 200);
    assert!(page.contains("Vous êtes inscrit"), "the notice");
    assert!(page.contains("class=\"ticket-code\""));
    assert!(page.contains("Modifier mon inscription") && page.contains("Annuler mon inscription"));
}

async fn the_door_desk_works_without_javascript_and_lists_export(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let desk = app.html_logged_in(EVENT_STAFF).await;
    let page = format!("/events/{DEMO}/check-in");
    // Event staff find the desk from their dashboard.
    let (_, dashboard) = app.get_html(&desk, "/admin").await;
    assert!(
        dashboard.contains(&format!("href=\"{page}\"")),
        "{dashboard}"
    );
    let (status, html) = app.get_html(&desk, &page).await;
    assert_eq!(status, 200, "{engine:?}");
    assert!(
        html.contains("Valider le billet") && html.contains("arrivés sur"),
        "{html}"
    );
    let (status, _) = app.get_html(&app.html_client(), &page).await;
    assert_eq!(status, 401);
    let (status, _) = app
        .get_html(&app.html_logged_in(MODERATOR).await, &page)
        .await;
    assert_eq!(status, 403);

    // A demo attendee of day 1 arrives.
    let (code, day, name): (String, i64, String) = sqlx::query_as(
        "SELECT r.ticket_code, rd.day_id, r.first_name FROM registrations r \
         JOIN registration_days rd ON rd.registration_id = r.id ORDER BY rd.day_id, r.id LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let day_s = day.to_string();
    let form = [
        ("event", DEMO),
        ("day_id", day_s.as_str()),
        ("code", code.as_str()),
    ];
    let (status, location) = app
        .post_form(&desk, "staff/events/check-in", &page, &form)
        .await;
    assert!((300..400).contains(&status), "{status}");
    assert_eq!(location, format!("{page}?day={day}"));
    let (_, html) = app.get_html(&desk, &location).await;
    assert!(
        html.contains("Entrée acceptée") && html.contains(&name),
        "{html}"
    );
    // Leptos marks text boundaries with `<!>`.
    assert!(
        html.replace("<!>", "")
            .contains("<strong>1</strong> arrivés sur"),
        "the count moved: {html}"
    );
    // The result is shown once; a second scan is refused, in words.
    let (_, html) = app.get_html(&desk, &location).await;
    assert!(!html.contains("Entrée acceptée"));
    app.post_form(&desk, "staff/events/check-in", &page, &form)
        .await;
    let (_, html) = app.get_html(&desk, &location).await;
    assert!(
        html.contains("Entrée refusée") && html.contains("déjà servi"),
        "{html}"
    );
    // A mistyped code comes back at the field.
    let bad = [("event", DEMO), ("day_id", day_s.as_str()), ("code", "AB")];
    app.post_form(&desk, "staff/events/check-in", &location, &bad)
        .await;
    let (_, html) = app.get_html(&desk, &location).await;
    assert!(
        html.contains(r#"id="f-code-err""#) && html.contains(r#"aria-invalid="true""#),
        "{html}"
    );

    let (status, html) = app
        .get_html(&desk, &format!("/events/{DEMO}/arrivals"))
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains(r#"http-equiv="refresh""#),
        "the screen refreshes itself"
    );

    // Lists: the whole event, and the full workshop with its waiting list.
    let workshop: i64 = sqlx::query_scalar(
        "SELECT id FROM event_sessions WHERE title = 'Atelier : un guichet unique près de chez soi'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (status, html) = app
        .get_html(
            &desk,
            &format!("/events/{DEMO}/attendees?workshop={workshop}"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("34 personnes dans cette liste"),
        "30 seats and 4 waiting"
    );
    let csv = desk
        .get(app.url(&format!("/api/staff/events/{DEMO}/attendees.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = csv.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(
        text.lines().count(),
        101,
        "a header and the 100 demo registrations"
    );
    let csv = desk
        .get(app.url(&format!(
            "/api/staff/events/{DEMO}/attendees.csv?workshop={workshop}"
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(csv.lines().count(), 35);
    let xlsx = desk
        .get(app.url(&format!(
            "/api/staff/events/{DEMO}/attendees.xlsx?day={day}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), 200);
    assert!(xlsx.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(".xlsx"));
    assert_eq!(&xlsx.bytes().await.unwrap()[..2], b"PK");
    for (who, expected) in [
        (app.api_client(), 401),
        (app.logged_in(MODERATOR).await, 403),
    ] {
        let res = who
            .get(app.url(&format!("/api/staff/events/{DEMO}/attendees.xlsx")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), expected, "{engine:?}");
    }
}

async fn admins_edit_the_programme_without_javascript(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let admin = app.html_logged_in(crate::common::ADMIN).await;
    let (component, event, day): (i64, i64, i64) = sqlx::query_as(
        "SELECT e.component_id, e.id, MIN(d.id) FROM events e JOIN event_days d ON d.event_id = e.id \
         GROUP BY e.component_id, e.id",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let page = format!("/admin/components/{component}/event");
    let (status, html) = app.get_html(&admin, &page).await;
    assert_eq!(status, 200, "{engine:?}");
    assert!(
        html.contains("Séances") && html.contains("Ajouter une séance"),
        "{html}"
    );
    let (status, _) = app
        .get_html(&app.html_logged_in(EVENT_STAFF).await, &page)
        .await;
    assert_eq!(status, 403);
    // The process editor links to it.
    let (_, html) = app.get_html(&admin, "/admin/processes/1").await;
    assert!(html.contains(&page), "{html}");

    // A session ending before it starts comes back with the message and what was typed.
    let new_session = format!("/admin/events/{event}/sessions/new");
    let (event_s, day_s) = (event.to_string(), day.to_string());
    let mut form = vec![
        ("event_id", event_s.as_str()),
        ("day_id", day_s.as_str()),
        ("kind", "workshop"),
        ("title", "Atelier ajouté par l'admin"),
        ("starts_at", "17h30"),
        ("ends_at", "17:00"),
        ("room", "Salle 9"),
        ("seats", "12"),
    ];
    let (status, location) = app
        .post_form(&admin, "staff/events/sessions/save", &new_session, &form)
        .await;
    assert!((300..400).contains(&status));
    assert_eq!(location, new_session);
    let (_, html) = app.get_html(&admin, &new_session).await;
    assert!(html.contains("La fin doit venir après le début"), "{html}");
    assert!(
        html.contains("Atelier ajouté par l&#x27;admin")
            || html.contains("Atelier ajouté par l'admin")
    );
    form[5] = ("ends_at", "18:45");
    let (_, location) = app
        .post_form(&admin, "staff/events/sessions/save", &new_session, &form)
        .await;
    assert_eq!(location, format!("{page}#sessions"));
    let (_, programme) = app
        .get_html(&app.html_client(), &format!("/events/{DEMO}"))
        .await;
    assert!(
        programme.contains("17:30 – 18:45") && programme.contains("12 places libres sur 12"),
        "{engine:?}"
    );

    // A choice question with one option is refused; with two it shows on the form.
    let new_question = format!("/admin/events/{event}/questions/new");
    let mut q = vec![
        ("event_id", event_s.as_str()),
        ("kind", "choice"),
        ("label", "Quel atelier vous tient le plus à cœur ?"),
        ("options", "Le premier"),
    ];
    app.post_form(&admin, "staff/events/questions/save", &new_question, &q)
        .await;
    let (_, html) = app.get_html(&admin, &new_question).await;
    assert!(html.contains("Donnez au moins deux réponses"), "{html}");
    q[3] = ("options", "Le premier\nLe second");
    app.post_form(&admin, "staff/events/questions/save", &new_question, &q)
        .await;
    let (_, register) = app
        .get_html(&app.html_client(), &format!("/events/{DEMO}/register"))
        .await;
    assert!(
        register.contains("Quel atelier vous tient le plus à cœur")
            && register.contains("Le second")
    );

    // Deleting needs the confirmation box.
    let speaker: i64 = sqlx::query_scalar("SELECT MIN(id) FROM event_speakers")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let (speaker_s, speaker_page) = (
        speaker.to_string(),
        format!("/admin/events/{event}/speakers/{speaker}"),
    );
    let mut delete = vec![
        ("event_id", event_s.as_str()),
        ("kind", "speaker"),
        ("id", speaker_s.as_str()),
    ];
    app.post_form(&admin, "staff/events/items/delete", &speaker_page, &delete)
        .await;
    let (status, html) = app.get_html(&admin, &speaker_page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Cochez la case pour confirmer"), "{html}");
    delete.push(("confirm", "on"));
    app.post_form(&admin, "staff/events/items/delete", &speaker_page, &delete)
        .await;
    let (status, _) = app.get_html(&admin, &speaker_page).await;
    assert_eq!(status, 404, "{engine:?}: deleted");
}

async fn reminders_go_out_once_shortly_before_the_event(engine: Engine) {
    let app = spawn_app(engine, false).await;
    // create_event puts its day 30 days ahead: too early for a reminder.
    let ev = create_event(&app, "soon", 10, 10, 5).await;
    register(&app, &ev, "soon@example.org").await;
    let settings = app.config.settings();
    app::event::service::sweep(&app.db, &settings)
        .await
        .unwrap();
    let reminded = || async {
        sqlx::query_scalar::<_, Option<i64>>(
            "SELECT reminded_at FROM registrations WHERE email = 'soon@example.org'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
    };
    assert_eq!(reminded().await, None, "{engine:?}: 30 days ahead");
    // Two days ahead: reminded once.
    let soon = (settings.today() + chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    sqlx::query("UPDATE event_days SET day = $1 WHERE id = $2")
        .bind(&soon)
        .bind(ev.day_id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    app::event::service::sweep(&app.db, &settings)
        .await
        .unwrap();
    let first = reminded().await.expect("reminded");
    sqlx::query("UPDATE registrations SET reminded_at = reminded_at - 100")
        .execute(&app.db.pool)
        .await
        .unwrap();
    app::event::service::sweep(&app.db, &settings)
        .await
        .unwrap();
    assert_eq!(reminded().await, Some(first - 100), "{engine:?}: not twice");
}

crate::per_engine!(
    simultaneous_registrations_for_the_last_seats_never_overbook,
    a_full_day_refuses_and_one_email_registers_once,
    a_cancellation_offers_the_seat_to_the_first_in_line,
    a_ticket_is_admitted_once_and_refused_clearly_after,
    the_demo_programme_reads_and_filters_without_javascript,
    registering_without_javascript_keeps_what_was_typed,
    the_door_desk_works_without_javascript_and_lists_export,
    admins_edit_the_programme_without_javascript,
    reminders_go_out_once_shortly_before_the_event,
);
