//! Trusted votes and faults over HTTP: a forged `Referer` or a shared link
//! counts nowhere while a link followed from the site counts; opposite vote
//! changes on one proposal never deadlock; a registration and its mail are
//! committed together; a full SQLite disk and an unreachable PostgreSQL are
//! clear 503s that lose nothing acknowledged, and the app recovers by itself.

use crate::common::{
    field, fresh_database, spawn_app, spawn_on, vote_form_fields, with, Engine, TestApp,
    CONSULTATION,
};
use app::consultation::logic::signing::{site_link_token, SITE_LINK_SECONDS};
use app::demo::event::SLUG as EVENT;
use reqwest::header::{ACCEPT, REFERER};
use std::time::{Duration, Instant};

/// The first proposal link of the results page, as the site writes it.
async fn site_link(app: &TestApp) -> (String, i64) {
    let (status, html) = app
        .get_html(
            &app.html_client(),
            &format!("/consultations/{CONSULTATION}/results"),
        )
        .await;
    assert_eq!(status, 200);
    let start = html
        .find(&format!("/consultations/{CONSULTATION}/proposals/"))
        .expect("the results link to proposals");
    let link = &html[start..];
    let link = link[..link.find('"').unwrap()].replace("&amp;", "&");
    let id = link
        .rsplit('/')
        .next()
        .and_then(|tail| tail.split('?').next())
        .and_then(|id| id.parse().ok())
        .expect("a proposal id");
    assert!(link.contains("?from="), "a signed link: {link}");
    (link, id)
}

/// Opens `path` with a fresh cookie jar (and `referer`, if any), then votes
/// agree from the page's form; returns the vote's tally as stored.
async fn vote_from_page(app: &TestApp, path: &str, referer: Option<&str>) -> String {
    let client = app.api_client();
    let mut get = client.get(app.url(path)).header(ACCEPT, "text/html");
    if let Some(referer) = referer {
        get = get.header(REFERER, referer);
    }
    let html = get.send().await.unwrap().text().await.unwrap();
    let fields = vote_form_fields(&html);
    let proposal: i64 = field(&fields, "proposal_id").parse().unwrap();
    let (status, body) = app
        .post_fields(
            &client,
            "consultation/vote",
            &with(&fields, &[("key", "agree")]),
        )
        .await;
    assert_eq!(status, 200, "{:?}: {body}", app.engine);
    // The participant is the one who owns this form's idempotency key.
    sqlx::query_scalar(
        "SELECT v.counted FROM votes v JOIN idempotency i ON i.participant_id = v.participant_id \
         WHERE i.key = $1 AND v.proposal_id = $2",
    )
    .bind(field(&fields, "idempotency_key"))
    .bind(proposal)
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

async fn trusted_votes_need_a_fresh_site_link(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (link, id) = site_link(&app).await;
    let plain = format!("/consultations/{CONSULTATION}/proposals/{id}");
    let forged = app.url(&format!("/consultations/{CONSULTATION}/results"));
    // 20 fresh cookie jars with a forged same-site Referer: counted nowhere.
    for _ in 0..20 {
        let tally = vote_from_page(&app, &plain, Some(&forged)).await;
        assert_eq!(tally, "untrusted", "{engine:?}: a Referer proves nothing");
    }
    // Following the site's own link: trusted.
    assert_eq!(vote_from_page(&app, &link, None).await, "trusted");
    // A token tampered with, one made for another proposal, one expired.
    let token = link.split("?from=").nth(1).unwrap();
    let (expires, mac) = token.split_once('.').unwrap();
    let later: i64 = expires.parse::<i64>().unwrap() + 60;
    let key = app::consultation::store::secrets::signing_key(&app.db)
        .await
        .unwrap();
    let now = chrono::Utc::now().timestamp();
    for bad in [
        format!("{later}.{mac}"),
        site_link_token(&key, id + 1, now),
        site_link_token(&key, id, now - 2 * SITE_LINK_SECONDS),
        "garbage".to_owned(),
    ] {
        let tally = vote_from_page(&app, &format!("{plain}?from={bad}"), None).await;
        assert_eq!(tally, "untrusted", "{engine:?}: from={bad}");
    }
    let trusted: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM votes WHERE proposal_id = $1 AND counted = 'trusted'",
    )
    .bind(id)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(trusted, 1, "{engine:?}: only the vote from the site's link");
}

async fn opposite_vote_changes_never_deadlock(engine: Engine) {
    const PEOPLE: usize = 24;
    const ROUNDS: usize = 4;
    let app = spawn_app(engine, true).await;
    let (link, id) = site_link(&app).await;
    let mut people = Vec::new();
    for _ in 0..PEOPLE {
        let client = app.api_client();
        let html = client
            .get(app.url(&link))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        people.push((client, vote_form_fields(&html)));
    }
    let keys = ["agree", "disagree"];
    for round in 0..ROUNDS {
        // Half go agree → disagree while the other half go disagree → agree, at once.
        let mut tasks = Vec::new();
        for (i, (client, fields)) in people.iter().enumerate() {
            let key = keys[(i + round) % 2];
            let form = with(
                fields,
                &[
                    ("key", key),
                    ("idempotency_key", &format!("flip-{i}-{round}-xxxx")),
                ],
            );
            let (client, url) = (client.clone(), app.url("/api/consultation/vote"));
            tasks.push(tokio::spawn(async move {
                let res = client.post(url).form(&form).send().await.unwrap();
                (res.status().as_u16(), res.text().await.unwrap())
            }));
        }
        for t in tasks {
            let (status, body) = t.await.unwrap();
            assert_eq!(status, 200, "{engine:?} round {round}: {body}");
        }
    }
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT vote_key, COUNT(*) FROM votes WHERE proposal_id = $1 AND counted = 'trusted' \
         GROUP BY vote_key ORDER BY vote_key",
    )
    .bind(id)
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    let counts: Vec<(String, i64)> = sqlx::query_as(
        "SELECT item, count FROM vote_counts WHERE proposal_id = $1 AND tally = 'trusted' \
         AND item IN ('agree', 'disagree', 'neutral') AND count > 0 ORDER BY item",
    )
    .bind(id)
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(rows.iter().map(|r| r.1).sum::<i64>(), PEOPLE as i64);
    assert_eq!(counts, rows, "{engine:?}: the counts equal the rows");
}

/// The demo event's first day and its required questions, as a form for `email`.
async fn registration_form(app: &TestApp, email: &str) -> Vec<(String, String)> {
    let day: i64 = sqlx::query_scalar(
        "SELECT d.id FROM event_days d JOIN events e ON e.id = d.event_id WHERE e.slug = $1 ORDER BY d.day",
    )
    .bind(EVENT)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    crate::event_more::registration_form(app, day, email).await
}

/// The registrations of these addresses that have no mail in the outbox.
async fn without_mail(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations r WHERE r.is_demo = 0 \
         AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.recipient = r.email)",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

async fn every_registration_has_its_mail(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let mut tasks = Vec::new();
    for i in 0..20 {
        let form = registration_form(&app, &format!("mail{i}@example.org")).await;
        let (client, url) = (app.api_client(), app.url("/api/events/register"));
        tasks.push(tokio::spawn(async move {
            client.post(url).form(&form).send().await.unwrap().status()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 200);
    }
    assert_eq!(without_mail(&app).await, 0, "{engine:?}");
    // Registering again: the person is sent to the mail that exists.
    let again = registration_form(&app, "mail0@example.org").await;
    let (status, _) = app
        .post_fields(&app.api_client(), "events/register", &again)
        .await;
    assert_eq!(status, 422);
}

/// Sets `PRAGMA max_page_count` on every connection of the app's SQLite pool
/// (it is a connection setting): the engine itself then answers SQLITE_FULL.
async fn cap_sqlite_pages(app: &TestApp, pages: Option<i64>) {
    let mut conns = Vec::new();
    for _ in 0..app.db.pool.options().get_max_connections() {
        conns.push(app.db.pool.acquire().await.unwrap());
    }
    for conn in &mut conns {
        let pages = pages.unwrap_or(1 << 30);
        sqlx::query(&format!("PRAGMA max_page_count = {pages}"))
            .execute(&mut **conn)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_full_sqlite_disk_is_a_clear_error_and_loses_nothing() {
    let app = spawn_app(Engine::Sqlite, true).await;
    let mut acknowledged = Vec::new();
    for i in 0..3 {
        let email = format!("before{i}@example.org");
        let form = registration_form(&app, &email).await;
        let (status, _) = app
            .post_fields(&app.api_client(), "events/register", &form)
            .await;
        assert_eq!(status, 200);
        acknowledged.push(email);
    }
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    cap_sqlite_pages(&app, Some(pages)).await;
    // Registrations (each with its ticket mail) until the file cannot grow.
    let mut refused = None;
    for i in 0..200 {
        let email = format!("full{i}@example.org");
        let form = registration_form(&app, &email).await;
        let (status, body) = app
            .post_fields(&app.api_client(), "events/register", &form)
            .await;
        match status {
            200 => acknowledged.push(email),
            503 => {
                refused = Some((email, body));
                break;
            }
            other => panic!("{other}: {body}"),
        }
    }
    let (email, body) = refused.expect("the capped file fills up");
    assert!(body.contains("ne peut plus rien enregistrer"), "{body}");
    // A browser without JavaScript gets a page holding its form, to send again.
    let form = registration_form(&app, &email).await;
    let res = app
        .html_client()
        .post(app.url("/api/events/register"))
        .header(REFERER, app.url(&format!("/events/{EVENT}/register")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 503);
    let page = res.text().await.unwrap();
    assert!(page.contains("ne peut plus rien enregistrer"), "{page}");
    assert!(page.contains(&format!(r#"value="{email}""#)), "{page}");
    // Nothing acknowledged is lost, and nothing half-written appears.
    for email in &acknowledged {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE email = $1")
            .bind(email)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(n, 1, "{email}");
    }
    assert_eq!(without_mail(&app).await, 0);
    // Room again: the same form goes through.
    cap_sqlite_pages(&app, None).await;
    let (status, body) = app
        .post_fields(&app.api_client(), "events/register", &form)
        .await;
    assert_eq!(status, 200, "{body}");
}

/// A TCP relay to the test PostgreSQL that can be cut and restored on the
/// same port: PostgreSQL "stopped", then "back", without touching the shared server.
struct Relay {
    port: u16,
    upstream: String,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    cut: std::sync::Arc<tokio::sync::Notify>,
}

impl Relay {
    async fn start(upstream: &str) -> Relay {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let mut relay = Relay {
            port,
            upstream: upstream.to_owned(),
            tasks: Vec::new(),
            cut: Default::default(),
        };
        relay.serve(listener);
        relay
    }

    fn serve(&mut self, listener: tokio::net::TcpListener) {
        let (upstream, cut) = (self.upstream.clone(), self.cut.clone());
        self.tasks.push(tokio::spawn(async move {
            loop {
                let Ok((mut inbound, _)) = listener.accept().await else {
                    return;
                };
                let (upstream, cut) = (upstream.clone(), cut.clone());
                tokio::spawn(async move {
                    let Ok(mut outbound) = tokio::net::TcpStream::connect(&upstream).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = cut.notified() => {}
                    }
                });
            }
        }));
    }

    /// Closes the port and every open connection.
    fn stop(&mut self) {
        for t in self.tasks.drain(..) {
            t.abort();
        }
        self.cut.notify_waiters();
    }

    async fn restart(&mut self) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .unwrap();
        self.serve(listener);
    }
}

#[tokio::test]
async fn postgres_out_of_reach_is_a_quick_503_and_comes_back_by_itself() {
    if crate::common::postgres_skipped("postgres_out_of_reach") {
        return;
    }
    let (url, _) = fresh_database(Engine::Postgres).await;
    let (rest, name) = url.rsplit_once('/').unwrap();
    let host = rest.rsplit('@').next().unwrap();
    let mut relay = Relay::start(host).await;
    let through_relay = format!(
        "{}@127.0.0.1:{}/{name}",
        rest.rsplit_once('@').unwrap().0,
        relay.port
    );
    let app = spawn_on(Engine::Postgres, through_relay, None, true).await;
    let page = format!("/consultations/{CONSULTATION}/results");
    let browser = app.html_client();
    assert_eq!(app.get_html(&browser, &page).await.0, 200);
    relay.stop();
    let cut = Instant::now();
    // Every request meanwhile is a translated 503, whatever it asks.
    let mut answered = 0;
    while cut.elapsed() < Duration::from_secs(4) {
        let asked = Instant::now();
        let (status, body) = app.get_html(&browser, &page).await;
        assert_eq!(status, 503, "{body}");
        assert!(body.contains("momentanément indisponible"), "{body}");
        answered += 1;
        eprintln!("503 in {:?}", asked.elapsed());
    }
    let form = registration_form_offline();
    let res = browser
        .post(app.url("/api/events/register"))
        .header(REFERER, app.url(&format!("/events/{EVENT}/register")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 503);
    let body = res.text().await.unwrap();
    assert!(body.contains(r#"value="offline@example.org""#), "{body}");
    assert!(!body.contains("never echoed"), "{body}");
    relay.restart().await;
    let back = Instant::now();
    crate::common::eventually("the site to come back", || {
        let (app, browser, page) = (&app, &browser, &page);
        async move { (app.get_html(browser, page).await.0 == 200).then_some(()) }
    })
    .await;
    eprintln!(
        "{answered} requests answered 503 while out of reach; back {:?} after the database",
        back.elapsed()
    );
}

/// A registration form typed while the database is away (its ids are not
/// needed: it is never applied).
fn registration_form_offline() -> Vec<(String, String)> {
    vec![
        ("event".into(), EVENT.into()),
        ("first_name".into(), "Hors".into()),
        ("last_name".into(), "Ligne".into()),
        ("email".into(), "offline@example.org".into()),
        ("password".into(), "never echoed".into()),
    ]
}

crate::per_engine!(
    trusted_votes_need_a_fresh_site_link,
    opposite_vote_changes_never_deadlock,
    every_registration_has_its_mail,
);
