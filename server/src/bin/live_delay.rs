//! `participe-live-delay`: how long a change made through one instance takes
//! to reach a live viewer on another, through PostgreSQL `LISTEN/NOTIFY`.
//! It creates a fresh database on the PostgreSQL server given, loads the
//! demo, starts two instances A and B in this process (each its own router,
//! live hub and listening connection: they share nothing but the database),
//! subscribes a viewer to the demo Rendez-vous citoyen's live stream on B
//! (and one on A, for comparison), then has a host on A open and close a
//! question N times, and prints the delay from A's answer to each viewer's
//! event: p50 / p95 / max. A command that prints figures, not a test.
//!
//! `participe-live-delay --postgres postgres://postgres@127.0.0.1:5432/postgres [--changes 50]`

use server::config::Config;
use std::time::{Duration, Instant};

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// A fresh database on the server of `admin_url`; its URL.
async fn fresh_database(admin_url: &str) -> Result<String, Box<dyn std::error::Error>> {
    use sqlx::{Connection, Executor};
    sqlx::any::install_default_drivers();
    let name = format!(
        "participe_live_delay_{}_{}",
        std::process::id(),
        chrono::Utc::now().timestamp()
    );
    let mut conn = sqlx::AnyConnection::connect(admin_url).await?;
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await?;
    let base = admin_url.rsplit_once('/').map_or(admin_url, |(b, _)| b);
    Ok(format!("{base}/{name}"))
}

/// Starts one instance on `database_url`; its address.
async fn instance(
    database_url: &str,
    dir: &std::path::Path,
    demo: bool,
) -> Result<String, Box<dyn std::error::Error>> {
    let mut config = Config::from_env()?;
    config.database_url = database_url.to_owned();
    config.mail_dir = dir.join("mail").display().to_string();
    config.smtp_url = None;
    let db = server::open_db(&config).await?;
    if demo {
        app::demo::load(&db, config.settings().today(), false).await?;
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let router = server::router(&config, db, app::mail::MailWaker::default());
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    Ok(format!("http://{addr}"))
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client")
}

/// A viewer: sends the arrival time of each `state` event whose question is open or not.
fn viewer(url: String) -> tokio::sync::mpsc::UnboundedReceiver<(bool, Instant)> {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut res = client().get(url).send().await.expect("the live stream");
        let mut buffer = String::new();
        while let Ok(Some(chunk)) = res.chunk().await {
            buffer.push_str(&String::from_utf8_lossy(&chunk));
            while let Some(end) = buffer.find("\n\n") {
                let event: String = buffer.drain(..end + 2).collect();
                let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) else {
                    continue;
                };
                if let Ok(state) = serde_json::from_str::<app::rendezvous::state::LiveState>(data) {
                    let open = state.question.is_some_and(|q| q.open);
                    if tx.send((open, Instant::now())).is_err() {
                        return;
                    }
                }
            }
        }
    });
    rx
}

/// Waits for the viewer's event saying the question is `open`.
async fn seen(
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<(bool, Instant)>,
    open: bool,
) -> Option<Instant> {
    loop {
        match tokio::time::timeout(Duration::from_secs(10), rx.recv()).await {
            Ok(Some((o, at))) if o == open => return Some(at),
            Ok(Some(_)) => {}
            _ => return None,
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let admin = arg(&args, "--postgres")
        .or_else(|| std::env::var("PARTICIPE_TEST_POSTGRES_URL").ok())
        .ok_or("--postgres URL (a PostgreSQL server where a database can be created)")?;
    let changes: usize = arg(&args, "--changes").map_or(Ok(50), |v| v.parse())?;
    let dir = tempfile::tempdir()?;
    let url = fresh_database(&admin).await?;
    let a = instance(&url, dir.path(), true).await?;
    let b = instance(&url, dir.path(), false).await?;
    let slug = app::demo::rendezvous::SLUG;
    let host = client();
    let login = host
        .post(format!("{a}/api/login"))
        .form(&[
            ("email", app::demo::DEMO_ACCOUNTS[0].0),
            ("password", app::demo::DEMO_PASSWORD),
            ("next", "/admin"),
        ])
        .send()
        .await?;
    if !login.status().is_success() {
        return Err(format!("login on A: {}", login.status()).into());
    }
    let db = app::ssr::Db::connect(&url).await?;
    let r = app::rendezvous::store::by_slug(&db, slug)
        .await?
        .ok_or("the demo meeting")?;
    let question = app::rendezvous::store::questions(&db, r.id).await?[0].id;
    let mut on_b = viewer(format!("{b}/api/rendezvous/{slug}/live"));
    let mut on_a = viewer(format!("{a}/api/rendezvous/{slug}/live"));
    seen(&mut on_b, false).await.ok_or("B's first state")?;
    seen(&mut on_a, false).await.ok_or("A's first state")?;
    let (mut across, mut same) = (Vec::new(), Vec::new());
    for i in 0..changes {
        let open = i % 2 == 0;
        let res = host
            .post(format!("{a}/api/staff/rendezvous/questions/state"))
            .form(&[
                ("rendezvous", slug),
                ("question_id", &question.to_string()),
                ("action", if open { "open" } else { "close" }),
            ])
            .send()
            .await?;
        let done = Instant::now();
        if !res.status().is_success() {
            return Err(format!("change {i} on A: {}", res.status()).into());
        }
        let b_at = seen(&mut on_b, open).await.ok_or("B never saw a change")?;
        let a_at = seen(&mut on_a, open).await.ok_or("A never saw a change")?;
        across.push(b_at.saturating_duration_since(done));
        same.push(a_at.saturating_duration_since(done));
        // Changes spaced out, as a host's are (and past the hub's 100 ms gap).
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    across.sort();
    same.sort();
    println!(
        "{changes} changes made on instance A (a live question opened / closed), PostgreSQL {}",
        url.rsplit('/').next().unwrap_or("")
    );
    for (who, d) in [
        ("viewer on B (LISTEN/NOTIFY)", &across),
        ("viewer on A (same instance)", &same),
    ] {
        println!(
            "{who:<30} p50 {:>9}  p95 {:>9}  max {:>9}",
            ms(percentile(d, 0.5)),
            ms(percentile(d, 0.95)),
            ms(*d.last().unwrap_or(&Duration::ZERO))
        );
    }
    Ok(())
}
