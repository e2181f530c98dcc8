//! Abuse limits over HTTP: parallel password guessing locks one account (and
//! only it) with a translated "wait" message, the right password included,
//! until the lock ends; anonymous writes (reports, audience questions, live
//! answers) are refused past their limit with the translated "too many".

use crate::common::{fresh_database, spawn_with, Engine, TestApp, ADMIN, DEMO_PASSWORD, MODERATOR};
use app::demo::rendezvous::SLUG;
use app::ssr::rate_limit::RateConfig;
use std::time::{Duration, Instant};

/// A demo instance whose limits are `rate`.
pub(crate) async fn demo_with(engine: Engine, rate: RateConfig) -> TestApp {
    let (url, dir) = fresh_database(engine).await;
    spawn_with(engine, url, dir, true, |c| c.rate = rate).await
}

pub(crate) async fn login(app: &TestApp, email: &str, password: &str) -> (u16, String) {
    app.post_api(
        &app.api_client(),
        "login",
        &[("email", email), ("password", password), ("next", "/admin")],
    )
    .await
}

/// `n` logins at once to `email` with wrong passwords: each status and body.
pub(crate) async fn parallel_logins(app: &TestApp, email: &str, n: usize) -> Vec<(u16, String)> {
    let mut all = tokio::task::JoinSet::new();
    for i in 0..n {
        let (client, url, email) = (app.api_client(), app.url("/api/login"), email.to_owned());
        all.spawn(async move {
            let password = format!("wrong password {i}");
            let res = client
                .post(url)
                .form(&[
                    ("email", email.as_str()),
                    ("password", &password),
                    ("next", "/admin"),
                ])
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        });
    }
    all.join_all().await
}

/// The translated refusal of a locked login, in either language.
pub(crate) fn says_wait(body: &str) -> bool {
    body.contains("Patientez") || body.contains("Please wait")
}

fn says_too_many(body: &str) -> bool {
    body.contains("Vous allez un peu vite") || body.contains("You are going a little fast")
}

async fn a_hundred_wrong_passwords_lock_that_account_only(engine: Engine) {
    // 5 failures per minute: once spent, the account waits 12 s.
    let app = demo_with(
        engine,
        RateConfig {
            login_window_secs: 60,
            ..RateConfig::default()
        },
    )
    .await;
    let started = Instant::now();
    let answers = parallel_logins(&app, ADMIN, 100).await;
    let wrong = answers.iter().filter(|(s, _)| *s == 422).count();
    let refused: Vec<_> = answers.iter().filter(|(s, _)| *s == 429).collect();
    assert_eq!(
        (wrong, refused.len()),
        (5, 95),
        "{engine:?}: 5 checked, the rest refused before any hashing"
    );
    assert!(
        refused.iter().all(|(_, body)| says_wait(body)),
        "{engine:?}: {}",
        refused[0].1
    );

    let (status, body) = login(&app, ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 429, "{engine:?}: the right password too: {body}");
    assert!(says_wait(&body));
    let (status, body) = login(&app, MODERATOR, DEMO_PASSWORD).await;
    assert_eq!(
        status, 200,
        "{engine:?}: another account still works: {body}"
    );

    // The lock ends: the right password works again, and is not counted.
    crate::common::eventually("the lock to end", || async {
        (login(&app, ADMIN, DEMO_PASSWORD).await.0 == 200).then_some(())
    })
    .await;
    assert!(
        started.elapsed() >= Duration::from_secs(10),
        "{engine:?}: locked for a while"
    );
    for _ in 0..3 {
        assert_eq!(login(&app, ADMIN, DEMO_PASSWORD).await.0, 200, "{engine:?}");
    }
}

async fn anonymous_writes_are_refused_past_their_limit(engine: Engine) {
    let app = demo_with(
        engine,
        RateConfig {
            reports_per_participant: 2,
            questions_per_participant: 1,
            ..RateConfig::default()
        },
    )
    .await;
    let proposals: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM proposals WHERE status = 'accepted' ORDER BY id LIMIT 3",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(proposals.len(), 3, "{engine:?}: the demo has proposals");
    let reporter = app.api_client();
    let mut statuses = Vec::new();
    for id in &proposals {
        let id = id.to_string();
        let (status, body) = app
            .post_api(
                &reporter,
                "consultation/report",
                &[("proposal_id", id.as_str()), ("reason", "spam")],
            )
            .await;
        statuses.push(status);
        if status == 429 {
            assert!(says_too_many(&body), "{engine:?}: {body}");
        }
    }
    assert_eq!(statuses, [200, 200, 429], "{engine:?}: reports");

    let asker = app.api_client();
    let (status, body) = app
        .post_api(
            &asker,
            "rendezvous/mode",
            &[("rendezvous", SLUG), ("mode", "remote")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (app, asker) = (&app, &asker);
    let ask = |text: &'static str| async move {
        app.post_api(
            asker,
            "rendezvous/ask",
            &[("rendezvous", SLUG), ("body", text)],
        )
        .await
    };
    assert_eq!(ask("Et après la réunion ?").await.0, 200, "{engine:?}");
    let (status, body) = ask("Et les quartiers nord ?").await;
    assert_eq!(status, 429, "{engine:?}: a second question at once");
    assert!(says_too_many(&body), "{body}");
    let stored: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audience_questions WHERE body = 'Et les quartiers nord ?'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap_or(0);
    assert_eq!(stored, 0, "{engine:?}: nothing stored");
}

crate::per_engine!(
    a_hundred_wrong_passwords_lock_that_account_only,
    anonymous_writes_are_refused_past_their_limit,
);
