//! Several instances on one PostgreSQL database, as behind a load balancer:
//! a change made through one reaches a live viewer on the other (LISTEN /
//! NOTIFY), a rate limit spent on one refuses on the other (in PostgreSQL,
//! or in Redis with `PARTICIPE_TEST_REDIS_URL`), and periodic jobs run at
//! the same moment on both send each mail once.

use crate::common::{
    fresh_database, postgres_skipped, spawn_with, Engine, TestApp, ADMIN, DEMO_PASSWORD,
};
use crate::event::{create_event, register};
use crate::security_limits::{login, parallel_logins, says_wait};
use app::demo::rendezvous::SLUG;
use std::time::{Duration, Instant};

/// Two instances on one fresh database with the demo, `adjust` applied to both.
async fn two_instances(
    engine: Engine,
    adjust: impl Fn(&mut server::config::Config),
) -> (TestApp, TestApp) {
    let (url, dir) = fresh_database(engine).await;
    let a = spawn_with(engine, url.clone(), dir, true, &adjust).await;
    let b = spawn_with(engine, url, None, false, &adjust).await;
    (a, b)
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

#[tokio::test]
async fn a_change_through_one_instance_reaches_a_viewer_on_the_other() {
    if postgres_skipped("a_change_through_one_instance_reaches_a_viewer_on_the_other") {
        return;
    }
    let (a, b) = two_instances(Engine::Postgres, |_| {}).await;
    let r = app::rendezvous::store::by_slug(&a.db, SLUG)
        .await
        .unwrap()
        .expect("the demo meeting");
    let question = app::rendezvous::store::questions(&a.db, r.id)
        .await
        .unwrap()[0]
        .id;
    let mut stream = b
        .api_client()
        .get(b.url(&format!("/api/rendezvous/{SLUG}/live")))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    let mut buffer = String::new();
    let first = wait_for_event(&mut stream, &mut buffer, |_| true).await;
    let state: app::rendezvous::state::LiveState = serde_json::from_str(&first).unwrap();
    assert!(!state.question.expect("the demo question").open);

    // Opened by a host through instance A: B's viewer sees it open.
    let host = a.logged_in(ADMIN).await;
    let started = Instant::now();
    let id = question.to_string();
    let (status, body) = a
        .post_api(
            &host,
            "staff/rendezvous/questions/state",
            &[
                ("rendezvous", SLUG),
                ("question_id", &id),
                ("action", "open"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    wait_for_event(&mut stream, &mut buffer, |d| {
        serde_json::from_str::<app::rendezvous::state::LiveState>(d)
            .is_ok_and(|s| s.question.is_some_and(|q| q.open))
    })
    .await;
    let delay = started.elapsed();
    assert!(delay < Duration::from_secs(3), "seen on B after {delay:?}");

    // The staff queue too: a question asked on A reaches B's console.
    let mut pending = host
        .get(b.url(&format!("/api/staff/rendezvous/{SLUG}/pending")))
        .send()
        .await
        .unwrap();
    assert_eq!(pending.status(), 200);
    let mut buffer = String::new();
    wait_for_event(&mut pending, &mut buffer, |_| true).await;
    let asker = a.api_client();
    a.post_api(
        &asker,
        "rendezvous/mode",
        &[("rendezvous", SLUG), ("mode", "room")],
    )
    .await;
    let (status, body) = a
        .post_api(
            &asker,
            "rendezvous/ask",
            &[("rendezvous", SLUG), ("body", "Et le tramway du soir ?")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    wait_for_event(&mut pending, &mut buffer, |d| d.contains("tramway du soir")).await;
}

#[tokio::test]
async fn a_login_limit_spent_on_one_instance_refuses_on_the_other() {
    if postgres_skipped("a_login_limit_spent_on_one_instance_refuses_on_the_other") {
        return;
    }
    let (a, b) = two_instances(Engine::Postgres, |_| {}).await;
    assert_login_limit_is_shared(&a, &b).await;
}

/// Five failures through A lock the account on B, right password included.
async fn assert_login_limit_is_shared(a: &TestApp, b: &TestApp) {
    let answers = parallel_logins(a, ADMIN, 5).await;
    assert!(answers.iter().all(|(s, _)| *s == 422), "{answers:?}");
    let (status, body) = login(b, ADMIN, "yet another guess").await;
    assert_eq!(status, 429, "refused on B too: {body}");
    assert!(says_wait(&body), "{body}");
    let (status, _) = login(b, ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 429, "the right password as well");
}

#[tokio::test]
async fn limits_in_redis_are_shared_by_the_instances() {
    let Some(redis) = std::env::var("PARTICIPE_TEST_REDIS_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!("limits_in_redis_are_shared_by_the_instances: skipped, PARTICIPE_TEST_REDIS_URL is unset");
        return;
    };
    // A prefix of its own, so runs never see each other's counters.
    let prefix = format!(
        "participe-test-{}-{}:",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    );
    // Two instances on one SQLite file: only Redis can share their limits.
    let (a, b) = two_instances(Engine::Sqlite, |c| {
        c.redis_url = Some(redis.clone());
        c.rate_prefix = prefix.clone();
    })
    .await;
    assert_login_limit_is_shared(&a, &b).await;
    let client = redis::Client::open(redis.as_str()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{prefix}*"))
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!(
        keys.iter().any(|k| k.contains("login-account")),
        "the counters are in Redis: {keys:?}"
    );
}

#[tokio::test]
async fn two_instances_sweeping_at_once_send_each_reminder_once() {
    if postgres_skipped("two_instances_sweeping_at_once_send_each_reminder_once") {
        return;
    }
    let (a, b) = two_instances(Engine::Postgres, |_| {}).await;
    let ev = create_event(&a, "soon", 20, 20, 10).await;
    let people: Vec<String> = (0..6).map(|i| format!("person{i}@example.org")).collect();
    for email in &people {
        register(&a, &ev, email).await;
    }
    // Two days ahead: the reminders are due.
    let settings = a.config.settings();
    let soon = (settings.today() + chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    sqlx::query("UPDATE event_days SET day = $1 WHERE id = $2")
        .bind(&soon)
        .bind(ev.day_id)
        .execute(&a.db.pool)
        .await
        .unwrap();
    let mails = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM mail_outbox")
            .fetch_one(&a.db.pool)
            .await
            .unwrap()
    };
    let before = mails().await;
    let sweep = server::jobs::JOBS
        .iter()
        .find(|j| j.name == "symposium-sweep")
        .expect("the sweep job");
    let settings_b = b.config.settings();
    let (ran_a, ran_b) = tokio::join!(
        server::jobs::run_once(sweep, &a.db, &settings),
        server::jobs::run_once(sweep, &b.db, &settings_b),
    );
    let (ran_a, ran_b) = (ran_a.unwrap(), ran_b.unwrap());
    assert!(
        ran_a != ran_b,
        "exactly one instance ran it: {ran_a} {ran_b}"
    );
    assert_eq!(
        mails().await - before,
        people.len() as i64,
        "one reminder each"
    );
    // Within the period, neither runs it again.
    assert!(!server::jobs::run_once(sweep, &a.db, &settings)
        .await
        .unwrap());
    assert!(!server::jobs::run_once(sweep, &b.db, &settings_b)
        .await
        .unwrap());
    assert_eq!(mails().await - before, people.len() as i64);
}
