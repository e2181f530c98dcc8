//! The Rendez-vous citoyen over HTTP: registration (with its mail), choosing
//! room or remote, answering live questions once and only while open (also
//! under concurrency, with exact counts split by mode), audience questions
//! with one upvote each and their moderation, the server-sent events that
//! carry a new result, and who may run the console.

use crate::common::{spawn_app, Engine, TestApp, ADMIN, EVENT_STAFF, MEDIATOR, MODERATOR};
use app::demo::rendezvous::SLUG;
use app::rendezvous::logic::{QuestionState, SeenOpen};
use app::rendezvous::store::{self, Question};
use std::time::{Duration, Instant};

async fn meeting(app: &TestApp) -> (i64, Vec<Question>) {
    let r = store::by_slug(&app.db, SLUG)
        .await
        .unwrap()
        .expect("demo meeting");
    let questions = store::questions(&app.db, r.id).await.unwrap();
    (r.id, questions)
}

/// A participant's client that said where it follows from.
async fn participant(app: &TestApp, mode: &str) -> reqwest::Client {
    let client = app.api_client();
    let (status, body) = app
        .post_api(
            &client,
            "rendezvous/mode",
            &[("rendezvous", SLUG), ("mode", mode)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    client
}

async fn set_state(app: &TestApp, host: &reqwest::Client, question: i64, action: &str) -> u16 {
    let id = question.to_string();
    let (status, _) = app
        .post_api(
            host,
            "staff/rendezvous/questions/state",
            &[
                ("rendezvous", SLUG),
                ("question_id", &id),
                ("action", action),
            ],
        )
        .await;
    status
}

async fn answer(
    app: &TestApp,
    client: &reqwest::Client,
    question: i64,
    form: &[(&str, &str)],
) -> (u16, String) {
    let id = question.to_string();
    let mut fields = vec![("rendezvous", SLUG), ("question_id", id.as_str())];
    fields.extend_from_slice(form);
    app.post_api(client, "rendezvous/answer", &fields).await
}

async fn results(app: &TestApp, q: &Question) -> app::rendezvous::state::LiveQuestion {
    let q = store::question(
        &app.db,
        store::by_slug(&app.db, SLUG).await.unwrap().unwrap().id,
        q.id,
    )
    .await
    .unwrap()
    .unwrap();
    store::with_results(&app.db, &q).await.unwrap()
}

async fn answers_count_once_and_only_while_the_question_is_open(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (_, questions) = meeting(&app).await;
    let choice = &questions[1];
    let host = app.logged_in(EVENT_STAFF).await;

    // Nobody answers a question that is not open, nor without saying where they are.
    let anna = participant(&app, "room").await;
    let (status, body) = answer(&app, &anna, choice.id, &[("choice", "0")]).await;
    assert_eq!(status, 409, "{engine:?} draft question: {body}");
    assert_eq!(set_state(&app, &host, choice.id, "open").await, 200);
    let nomode = app.api_client();
    let (status, _) = answer(&app, &nomode, choice.id, &[("choice", "0")]).await;
    assert_eq!(status, 422, "{engine:?} no mode");

    // Opening it closed the question open before (the demo's first is closed already).
    let (status, body) = answer(&app, &anna, choice.id, &[("choice", "7")]).await;
    assert_eq!(status, 422, "{engine:?} unknown option: {body}");
    let (status, body) = answer(&app, &anna, choice.id, &[("choice", "2")]).await;
    assert_eq!(status, 200, "{engine:?} {body}");
    let (status, body) = answer(&app, &anna, choice.id, &[("choice", "1")]).await;
    assert_eq!(status, 409, "{engine:?} twice: {body}");
    assert!(body.contains("déjà répondu"), "{body}");

    // Without JavaScript: a plain post, back to the live page with the results.
    let ben = app.html_client();
    let page = format!("/rendezvous/{SLUG}");
    let (status, to) = app
        .post_form(
            &ben,
            "rendezvous/mode",
            &page,
            &[("rendezvous", SLUG), ("mode", "remote")],
        )
        .await;
    assert!((300..400).contains(&status), "{status}");
    assert_eq!(to, format!("{page}#live-question"));
    let id = choice.id.to_string();
    let (status, to) = app
        .post_form(
            &ben,
            "rendezvous/answer",
            &page,
            &[("rendezvous", SLUG), ("question_id", &id), ("choice", "2")],
        )
        .await;
    assert!((300..400).contains(&status), "{status}");
    assert_eq!(to, format!("{page}#live-question"));
    let (status, html) = app.get_html(&ben, &page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Votre réponse est enregistrée"),
        "notice shown"
    );
    assert!(
        html.contains("Merci, votre réponse est enregistrée"),
        "answered state shown"
    );
    assert!(html.contains("Des permanences de santé dans les quartiers"));

    let live = results(&app, choice).await;
    assert_eq!(live.total.all, 2);
    assert_eq!((live.total.room, live.total.remote), (1, 1));
    assert_eq!(live.bars[2].count.all, 2);
    assert_eq!(live.bars[2].percent, 100);

    // Closed: answers are refused, results stay.
    assert_eq!(set_state(&app, &host, choice.id, "close").await, 200);
    assert_eq!(
        set_state(&app, &host, choice.id, "close").await,
        409,
        "closing twice"
    );
    let carl = participant(&app, "remote").await;
    let (status, body) = answer(&app, &carl, choice.id, &[("choice", "0")]).await;
    assert_eq!(status, 409, "{engine:?} closed: {body}");
    assert!(body.contains("fermée"), "{body}");
    assert_eq!(results(&app, choice).await.total.all, 2);
}

async fn concurrent_answers_are_counted_exactly(engine: Engine) {
    const PEOPLE: usize = 40;
    let app = spawn_app(engine, true).await;
    let (_, questions) = meeting(&app).await;
    let multiple = questions[2].clone();
    let words = questions[3].clone();
    let host = app.logged_in(MODERATOR).await;
    assert_eq!(set_state(&app, &host, multiple.id, "open").await, 200);
    let mut clients = Vec::new();
    for i in 0..PEOPLE {
        clients.push(participant(&app, if i % 4 == 0 { "room" } else { "remote" }).await);
    }
    // Everyone answers twice at once: exactly one answer each is kept.
    let app = std::sync::Arc::new(app);
    let mut tasks = Vec::new();
    for (i, client) in clients.iter().enumerate() {
        for _ in 0..2 {
            let (app, client, id) = (app.clone(), client.clone(), multiple.id);
            tasks.push(tokio::spawn(async move {
                let first = format!("o{}", i % 4);
                let mut form = vec![(first.as_str(), "on")];
                if i % 4 != 3 {
                    form.push(("o3", "on"));
                }
                answer(&app, &client, id, &form).await.0
            }));
        }
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        PEOPLE,
        "{engine:?} {statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        PEOPLE,
        "{engine:?}"
    );
    let live = results(&app, &multiple).await;
    assert_eq!(live.total.all, PEOPLE as u32);
    assert_eq!((live.total.room, live.total.remote), (10, 30));
    assert_eq!(
        live.bars[3].count.all, PEOPLE as u32,
        "everyone ticked the last option"
    );
    assert_eq!(live.bars[0].count.room, 10, "the room ticked the first one");
    assert_eq!(live.bars[1].count.all, 10);

    // Opening the word question closes the multiple one; short answers are grouped.
    assert_eq!(set_state(&app, &host, words.id, "open").await, 200);
    let open: Vec<_> = store::questions(
        &app.db,
        store::by_slug(&app.db, SLUG).await.unwrap().unwrap().id,
    )
    .await
    .unwrap()
    .into_iter()
    .filter(|q| q.state == QuestionState::Open)
    .collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].id, words.id);
    for (client, text) in clients.iter().zip([
        "Solidarité",
        "la solidarité",
        "L'écoute",
        "écoute",
        "partage",
    ]) {
        let (status, body) = answer(&app, client, words.id, &[("text", text)]).await;
        assert_eq!(status, 200, "{body}");
    }
    let live = results(&app, &words).await;
    let list: Vec<(String, u32)> = live
        .words
        .iter()
        .map(|w| (w.text.clone(), w.count))
        .collect();
    assert_eq!(list[0].1, 2);
    assert_eq!(list[1].1, 2);
    assert_eq!(list[2], ("partage".to_owned(), 1));
}

/// Opens `question` as a host whose console showed `seen` open.
async fn open_seen(
    app: &TestApp,
    host: &reqwest::Client,
    question: i64,
    seen: &str,
) -> (u16, String) {
    let id = question.to_string();
    app.post_api(
        host,
        "staff/rendezvous/questions/state",
        &[
            ("rendezvous", SLUG),
            ("question_id", &id),
            ("action", "open"),
            ("seen_open", seen),
        ],
    )
    .await
}

async fn open_questions(app: &TestApp) -> Vec<i64> {
    let (_, questions) = meeting(app).await;
    questions
        .into_iter()
        .filter(|q| q.state == QuestionState::Open)
        .map(|q| q.id)
        .collect()
}

async fn hosts_opening_questions_at_once_get_one_open_and_a_clear_refusal(engine: Engine) {
    let app = std::sync::Arc::new(spawn_app(engine, true).await);
    let (_, questions) = meeting(&app).await;
    let hosts = [
        app.logged_in(EVENT_STAFF).await,
        app.logged_in(MODERATOR).await,
        app.logged_in(ADMIN).await,
    ];
    let mut seen = "none".to_owned();
    for round in 0..4 {
        // Each host presses "open" on another question at the same instant.
        let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(hosts.len()));
        let others: Vec<i64> = questions
            .iter()
            .map(|q| q.id)
            .filter(|id| id.to_string() != seen)
            .collect();
        let mut tasks = Vec::new();
        for (i, host) in hosts.iter().enumerate() {
            let question = others[i % others.len()];
            let (app, host, seen, barrier) =
                (app.clone(), host.clone(), seen.clone(), barrier.clone());
            tasks.push(tokio::spawn(async move {
                barrier.wait().await;
                (question, open_seen(&app, &host, question, &seen).await)
            }));
        }
        let mut opened = Vec::new();
        for t in tasks {
            let (question, (status, body)) = t.await.unwrap();
            match status {
                200 => opened.push(question),
                409 => assert!(
                    body.contains("Quelqu'un d'autre à la console"),
                    "{engine:?} round {round}: {body}"
                ),
                _ => panic!("{engine:?} round {round}: {status} {body}"),
            }
        }
        assert_eq!(opened.len(), 1, "{engine:?} round {round}");
        assert_eq!(
            open_questions(&app).await,
            opened,
            "{engine:?} round {round}"
        );
        seen = opened[0].to_string();
    }

    // The race made certain: another host's opening is held uncommitted
    // while this one is sent. PostgreSQL then meets the one-open-question
    // index (it used to answer 500), SQLite waits for the writer's lock.
    for seen_field in ["none", ""] {
        let (r, _) = meeting(&app).await;
        let open = open_questions(&app).await;
        let mut others = questions
            .iter()
            .map(|q| q.id)
            .filter(|id| !open.contains(id));
        let (first, second) = (others.next().unwrap(), others.next().unwrap());
        let mut tx = app.db.pool.begin().await.unwrap();
        sqlx::query("UPDATE live_questions SET state = 'closed' WHERE rendezvous_id = $1 AND state = 'open'")
            .bind(r)
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query("UPDATE live_questions SET state = 'open' WHERE id = $1")
            .bind(first)
            .execute(&mut *tx)
            .await
            .unwrap();
        let seen = if seen_field.is_empty() {
            String::new()
        } else {
            SeenOpen::field(open.first().copied())
        };
        let pressed = {
            let (app, host) = (app.clone(), hosts[1].clone());
            tokio::spawn(async move { open_seen(&app, &host, second, &seen).await })
        };
        tokio::time::sleep(Duration::from_millis(300)).await;
        tx.commit().await.unwrap();
        let (status, body) = pressed.await.unwrap();
        let now_open = open_questions(&app).await;
        if status == 409 {
            assert!(
                body.contains("Quelqu'un d'autre à la console"),
                "{engine:?} {body}"
            );
            assert_eq!(now_open, vec![first], "{engine:?}");
        } else {
            // Only a script that did not say what it saw, on SQLite, where
            // the writers took turns: the later opening wins.
            assert_eq!(
                (status, seen_field, engine),
                (200, "", crate::common::Engine::Sqlite),
                "{body}"
            );
            assert_eq!(now_open, vec![second]);
        }
    }

    // A console shown before another host's opening is refused, even alone.
    let (status, body) = open_seen(&app, &hosts[0], questions[0].id, "none").await;
    assert_eq!(status, 409, "{engine:?} {body}");

    // Scripts that do not say what they saw: no error either, one question open.
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(hosts.len()));
    let mut tasks = Vec::new();
    for (i, host) in hosts.iter().enumerate() {
        let question = questions[i].id;
        let (app, host, barrier) = (app.clone(), host.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            open_seen(&app, &host, question, "").await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        assert!(status == 200 || status == 409, "{engine:?} {status} {body}");
        ok += usize::from(status == 200);
    }
    assert!(ok >= 1, "{engine:?}");
    assert_eq!(open_questions(&app).await.len(), 1, "{engine:?}");

    // Without JavaScript the refusal comes back on the console, with its message.
    let browser = app.html_client();
    let (status, to) = app
        .post_form(
            &browser,
            "login",
            "/login",
            &[
                ("email", EVENT_STAFF),
                ("password", crate::common::DEMO_PASSWORD),
                ("next", "/admin"),
            ],
        )
        .await;
    assert_eq!(status, 302, "{engine:?} {to}");
    let console = format!("/rendezvous/{SLUG}/console");
    let open = open_questions(&app).await;
    let id = questions
        .iter()
        .find(|q| !open.contains(&q.id))
        .unwrap()
        .id
        .to_string();
    let (status, to) = app
        .post_form(
            &browser,
            "staff/rendezvous/questions/state",
            &console,
            &[
                ("rendezvous", SLUG),
                ("question_id", &id),
                ("action", "open"),
                ("seen_open", "none"),
            ],
        )
        .await;
    assert_eq!((status, to.as_str()), (302, console.as_str()), "{engine:?}");
    let (_, body) = app.get_html(&browser, &console).await;
    assert!(
        body.contains("Quelqu&#x27;un d&#x27;autre à la console")
            || body.contains("Quelqu'un d'autre à la console"),
        "{engine:?}"
    );
    // The console's forms now carry what is open, so the next press works.
    let now_open = open_questions(&app).await[0].to_string();
    assert!(
        body.contains(&format!(r#"name="seen_open" value="{now_open}""#)),
        "{engine:?}"
    );
}

async fn audience_questions_are_moderated_and_upvoted_once(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (rid, _) = meeting(&app).await;
    let asker = participant(&app, "remote").await;
    let (status, body) = app
        .post_api(
            &asker,
            "rendezvous/ask",
            &[("rendezvous", SLUG), ("body", "Et après ?")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = app
        .post_api(
            &asker,
            "rendezvous/ask",
            &[("rendezvous", SLUG), ("body", "ok")],
        )
        .await;
    assert_eq!(status, 422, "too short");
    let state = store::live_state(&app.db, rid).await.unwrap();
    assert!(
        !state.audience.iter().any(|a| a.body == "Et après ?"),
        "pending questions are not shown"
    );
    let id: i64 = sqlx::query_scalar("SELECT id FROM audience_questions WHERE body = $1")
        .bind("Et après ?")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let id_text = id.to_string();

    // A participant cannot upvote a pending question; a mediator cannot moderate.
    let fan = participant(&app, "room").await;
    let upvote = [("rendezvous", SLUG), ("question_id", id_text.as_str())];
    let (status, _) = app.post_api(&fan, "rendezvous/upvote", &upvote).await;
    assert_eq!(status, 409);
    let moderate = |to: &'static str| {
        vec![
            ("rendezvous", SLUG),
            ("question_id", id_text.as_str()),
            ("status", to),
        ]
    };
    let mediator = app.logged_in(MEDIATOR).await;
    let (status, _) = app
        .post_api(
            &mediator,
            "staff/rendezvous/audience/moderate",
            &moderate("approved"),
        )
        .await;
    assert_eq!(status, 403);
    let moderator = app.logged_in(MODERATOR).await;
    let (status, body) = app
        .post_api(
            &moderator,
            "staff/rendezvous/audience/moderate",
            &moderate("answered"),
        )
        .await;
    assert_eq!(status, 409, "a pending question is approved first: {body}");
    let (status, body) = app
        .post_api(
            &moderator,
            "staff/rendezvous/audience/moderate",
            &moderate("approved"),
        )
        .await;
    assert_eq!(status, 200, "{body}");

    // One upvote per participant, even sent twice at once.
    let (a, b) = tokio::join!(
        app.post_api(&fan, "rendezvous/upvote", &upvote),
        app.post_api(&fan, "rendezvous/upvote", &upvote)
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{engine:?}");
    let (status, _) = app.post_api(&asker, "rendezvous/upvote", &upvote).await;
    assert_eq!(status, 200);
    let state = store::live_state(&app.db, rid).await.unwrap();
    let shown = state
        .audience
        .iter()
        .find(|a| a.id == id)
        .expect("approved and shown");
    assert_eq!(shown.upvotes, 2);
    assert_eq!(shown.mode, "remote");
    // The demo's most upvoted approved question comes first.
    assert!(state
        .audience
        .windows(2)
        .all(|w| w[0].upvotes >= w[1].upvotes));

    let (status, _) = app
        .post_api(
            &moderator,
            "staff/rendezvous/audience/moderate",
            &moderate("answered"),
        )
        .await;
    assert_eq!(status, 200);
    let state = store::live_state(&app.db, rid).await.unwrap();
    assert!(state.audience.iter().any(|a| a.id == id && a.answered));
    let late = participant(&app, "room").await;
    let (status, _) = app.post_api(&late, "rendezvous/upvote", &upvote).await;
    assert_eq!(status, 409, "answered questions take no more upvotes");

    // The console lists it for staff only.
    let (status, _) = app
        .get_html(&app.api_client(), &format!("/rendezvous/{SLUG}/console"))
        .await;
    assert_eq!(status, 401);
    let (status, _) = app
        .get_html(&mediator, &format!("/rendezvous/{SLUG}/console"))
        .await;
    assert_eq!(status, 403);
    let (status, html) = app
        .get_html(&moderator, &format!("/rendezvous/{SLUG}/console"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Et après ?"));
}

/// Reads the event stream until an event's data satisfies `want`.
async fn wait_for_event(
    res: &mut reqwest::Response,
    buffer: &mut String,
    want: impl Fn(&str) -> bool,
) -> String {
    loop {
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                if want(data) {
                    return data.to_owned();
                }
            }
        }
        let chunk = tokio::time::timeout(Duration::from_secs(5), res.chunk())
            .await
            .expect("an event within 5 s")
            .unwrap()
            .expect("the stream stays open");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
    }
}

async fn server_sent_events_carry_a_new_result_within_a_second(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (_, questions) = meeting(&app).await;
    let rating = &questions[0];
    let host = app.logged_in(ADMIN).await;
    let mut stream = app
        .api_client()
        .get(app.url(&format!("/api/rendezvous/{SLUG}/live")))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert!(stream.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let mut buffer = String::new();
    // The first event is the state as it stands: the demo's closed question.
    let first = wait_for_event(&mut stream, &mut buffer, |_| true).await;
    let state: app::rendezvous::state::LiveState = serde_json::from_str(&first).unwrap();
    let q = state.question.expect("the closed demo question");
    assert_eq!(q.id, rating.id);
    assert!(!q.open);
    assert_eq!(q.total.all, app::demo::rendezvous::ANSWERS as u32);

    // Reopened, answered by one more person: the viewer sees it at once.
    assert_eq!(set_state(&app, &host, rating.id, "open").await, 200);
    let client = participant(&app, "remote").await;
    let started = Instant::now();
    let (status, body) = answer(&app, &client, rating.id, &[("choice", "4")]).await;
    assert_eq!(status, 200, "{body}");
    let expected = app::demo::rendezvous::ANSWERS as u32 + 1;
    let data = wait_for_event(&mut stream, &mut buffer, |d| {
        serde_json::from_str::<app::rendezvous::state::LiveState>(d).is_ok_and(|s| {
            s.question
                .is_some_and(|q| q.open && q.total.all == expected)
        })
    })
    .await;
    let delay = started.elapsed();
    assert!(
        delay < Duration::from_secs(1),
        "{engine:?} seen after {delay:?}"
    );
    assert!(data.contains("\"remote\""));
}

async fn registration_confirms_by_mail_and_remembers_the_mode(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let form = |consent: &'static str| {
        vec![
            ("rendezvous", SLUG),
            ("name", "Odette"),
            ("email", "odette@example.org"),
            ("mode", "remote"),
            ("consent", consent),
        ]
    };
    let (status, body) = app
        .post_api(&client, "rendezvous/register", &form(""))
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("consent"), "{body}");
    let html = app.html_client();
    let (status, to) = app
        .post_form(
            &html,
            "rendezvous/register",
            &format!("/rendezvous/{SLUG}/register"),
            &form("on"),
        )
        .await;
    assert!((300..400).contains(&status), "{status}");
    assert!(
        to.starts_with(&format!("/rendezvous/{SLUG}/registration/")),
        "{to}"
    );
    let (status, page) = app.get_html(&html, &to).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Odette") && page.contains("à distance"),
        "{page}"
    );
    let (_, live) = app.get_html(&html, &format!("/rendezvous/{SLUG}")).await;
    assert!(
        live.contains("Vous participez à distance."),
        "the mode is remembered"
    );
    let mails: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE recipient = $1")
        .bind("odette@example.org")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(mails, 1);
    let (status, _) = app
        .get_html(&html, &format!("/rendezvous/{SLUG}/registration/nope"))
        .await;
    assert_eq!(status, 404);
    // Without an address is fine too.
    let (status, body) = app
        .post_api(
            &app.api_client(),
            "rendezvous/register",
            &[
                ("rendezvous", SLUG),
                ("name", "Paul"),
                ("mode", "room"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

async fn the_live_page_loads_no_video_before_play_and_closes_the_loop(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.html_client();
    let (status, html) = app.get_html(&client, &format!("/rendezvous/{SLUG}")).await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("<iframe"),
        "no third-party frame before play"
    );
    assert!(html.contains("?video=1"));
    assert!(html.contains("Comment suivez-vous la rencontre"));
    assert!(html.contains("Les idées qui rassemblent le plus"));
    assert!(html.contains("/surveys/evaluation-demarche"));
    let (_, html) = app
        .get_html(&client, &format!("/rendezvous/{SLUG}?video=1&mode=room"))
        .await;
    assert!(html.contains("<iframe") && html.contains("youtube-nocookie.com"));
    assert!(html.contains("Vous participez dans la salle."));
    let (_, projector) = app
        .get_html(&client, &format!("/rendezvous/{SLUG}/projector"))
        .await;
    assert!(projector.contains("?mode=room"));
    // The QR code to join, inline, named by the address it holds.
    let label =
        r#"<svg class="join-qr" role="img" aria-label="Code QR pour ouvrir la page en direct : "#;
    let qr = projector.split(label).nth(1).expect("the join QR code");
    let address = qr.split('"').next().unwrap();
    assert!(
        address.starts_with("http") && address.ends_with(&format!("/rendezvous/{SLUG}?mode=room")),
        "{address}"
    );
    assert!(projector.contains(&format!("<strong>{address}</strong>")));
    assert!(
        !projector.contains("site-header"),
        "no chrome on the projector"
    );
    // The process page shows the published evaluation.
    let (_, process) = app
        .get_html(&client, &format!("/processes/{}", app::demo::SLUG))
        .await;
    assert!(process.contains("L'évaluation de la démarche"), "{process}");
    assert!(process.contains("40 réponses"));
}

async fn the_queue_waiting_for_moderation_streams_to_hosts_only(engine: Engine) {
    use app::rendezvous::state::AudienceItem;
    let app = spawn_app(engine, true).await;
    let path = app.url(&format!("/api/staff/rendezvous/{SLUG}/pending"));
    let status = |res: reqwest::Response| res.status().as_u16();
    // Visitors, participants and staff who do not host are refused.
    let anonymous = app.api_client().get(&path).send().await.unwrap();
    assert_eq!(status(anonymous), 401, "{engine:?}");
    let someone = participant(&app, "room").await;
    assert_eq!(status(someone.get(&path).send().await.unwrap()), 401);
    let mediator = app.logged_in(MEDIATOR).await;
    assert_eq!(status(mediator.get(&path).send().await.unwrap()), 403);
    let unknown = app.url("/api/staff/rendezvous/no-such-meeting/pending");
    let host = app.logged_in(MODERATOR).await;
    assert_eq!(status(host.get(&unknown).send().await.unwrap()), 404);

    // A host's console gets the queue as it stands, then each new question.
    let mut stream = host.get(&path).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    assert!(stream.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let mut buffer = String::new();
    let first = wait_for_event(&mut stream, &mut buffer, |_| true).await;
    let before: Vec<AudienceItem> = serde_json::from_str(&first).unwrap();
    let body = "Qui financera le guichet unique l'an prochain ?";
    let (code, text) = app
        .post_api(
            &someone,
            "rendezvous/ask",
            &[("rendezvous", SLUG), ("body", body)],
        )
        .await;
    assert_eq!(code, 200, "{engine:?} {text}");
    let started = Instant::now();
    let data = wait_for_event(&mut stream, &mut buffer, |d| d.contains("l'an prochain")).await;
    assert!(started.elapsed() < Duration::from_secs(2), "{engine:?}");
    let after: Vec<AudienceItem> = serde_json::from_str(&data).unwrap();
    assert_eq!(after.len(), before.len() + 1, "{engine:?}");
    let asked = after.last().unwrap();
    assert_eq!((asked.body.as_str(), asked.mode.as_str()), (body, "room"));

    // Never public: not in the public stream, nor in the live page's island.
    let mut public = app
        .api_client()
        .get(app.url(&format!("/api/rendezvous/{SLUG}/live")))
        .send()
        .await
        .unwrap();
    let mut public_buffer = String::new();
    let state = wait_for_event(&mut public, &mut public_buffer, |_| true).await;
    assert!(!state.contains("l'an prochain"), "{engine:?} {state}");
    let (_, page) = app
        .get_html(&app.html_client(), &format!("/rendezvous/{SLUG}"))
        .await;
    assert!(!page.contains("l'an prochain") && !page.contains("l&#x27;an prochain"));
    // The console renders the queue in the island, with the stream to follow.
    let (_, console) = app
        .get_html(&host, &format!("/rendezvous/{SLUG}/console"))
        .await;
    assert!(console.contains(r#"id="pending-title""#), "{engine:?}");
    assert!(console.contains(&format!("/api/staff/rendezvous/{SLUG}/pending")));

    // Approved, it leaves the queue and reaches everyone.
    let id = asked.id.to_string();
    let (code, text) = app
        .post_api(
            &host,
            "staff/rendezvous/audience/moderate",
            &[
                ("rendezvous", SLUG),
                ("question_id", &id),
                ("status", "approved"),
            ],
        )
        .await;
    assert_eq!(code, 200, "{engine:?} {text}");
    let data = wait_for_event(&mut stream, &mut buffer, |d| !d.contains("l'an prochain")).await;
    let now: Vec<AudienceItem> = serde_json::from_str(&data).unwrap();
    assert_eq!(now, before, "{engine:?}");
    wait_for_event(&mut public, &mut public_buffer, |d| {
        d.contains("l'an prochain")
    })
    .await;
}

crate::per_engine!(
    answers_count_once_and_only_while_the_question_is_open,
    concurrent_answers_are_counted_exactly,
    hosts_opening_questions_at_once_get_one_open_and_a_clear_refusal,
    audience_questions_are_moderated_and_upvoted_once,
    server_sent_events_carry_a_new_result_within_a_second,
    registration_confirms_by_mail_and_remembers_the_mode,
    the_live_page_loads_no_video_before_play_and_closes_the_loop,
    the_queue_waiting_for_moderation_streams_to_hosts_only,
);
