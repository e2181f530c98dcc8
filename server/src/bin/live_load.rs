//! `participe-live-load`: how fast a live question's result reaches every
//! viewer of a Rendez-vous citoyen. It opens N server-sent-event connections
//! (the phones and the projector), has the host open a question, answers it
//! from M other clients at once, and prints how long after the last answer
//! was accepted each viewer saw the final count (p50 / p95 / max). A command
//! that prints figures, not a test.
//!
//! `participe-live-load [--viewers 500] [--answerers 200] [--url URL]
//! [--slug rendez-vous-citoyen] [--question ID]`. Without `--url` it starts
//! the server in this process on a fresh SQLite file with the demo (so the
//! load generator and the server share the machine); with `--url` it targets a
//! running server holding the demo (host: the demo admin account).
//! Many connections need many file descriptors: `ulimit -n 8192` first.

use server::config::Config;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
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
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// Starts the server in this process on a fresh database with the demo.
async fn local_server(dir: &std::path::Path) -> Result<String, Box<dyn std::error::Error>> {
    let mut config = Config::from_env()?;
    if std::env::var("DATABASE_URL").is_err() {
        config.database_url = format!("sqlite://{}/live-load.db", dir.display());
    }
    config.mail_dir = dir.join("mail").display().to_string();
    config.smtp_url = None;
    let db = server::open_db(&config).await?;
    app::demo::load(&db, config.settings().today(), false).await?;
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
        .pool_max_idle_per_host(0)
        .build()
        .expect("an HTTP client")
}

/// The first question of the console that is neither open nor the word list.
fn pick_question(console: &str) -> Option<i64> {
    // Only the forms that open or close a live question: the console also
    // holds audience questions' moderation forms with the same field name.
    console
        .split("<form")
        .filter(|form| form.contains("questions/state"))
        .filter_map(|form| {
            let chunk = form.split(r#"name="question_id" value=""#).nth(1)?;
            chunk[..chunk.find('"')?].parse().ok()
        })
        .nth(1)
}

/// Follows one event stream until it shows question `question` open with
/// `expected` answers; returns when that was seen.
async fn watch(
    http: reqwest::Client,
    url: String,
    question: i64,
    expected: u32,
    connected: Arc<AtomicUsize>,
) -> Option<Instant> {
    let mut res = http.get(&url).send().await.ok()?;
    connected.fetch_add(1, Ordering::SeqCst);
    let mut buffer = String::new();
    loop {
        let chunk = res.chunk().await.ok()??;
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) else {
                continue;
            };
            let Ok(state) = serde_json::from_str::<app::rendezvous::state::LiveState>(data) else {
                continue;
            };
            if state
                .question
                .is_some_and(|q| q.id == question && q.open && q.total.all >= expected)
            {
                return Some(Instant::now());
            }
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let viewers: usize = arg(&args, "--viewers")
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let answerers: usize = arg(&args, "--answerers")
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let slug = arg(&args, "--slug").unwrap_or_else(|| app::demo::rendezvous::SLUG.into());
    let dir = tempfile::tempdir()?;
    let base = match arg(&args, "--url") {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => local_server(dir.path()).await?,
    };
    println!("Server: {base}, meeting /rendezvous/{slug}");

    // The host logs in and picks a question.
    let host = client();
    let res = host
        .post(format!("{base}/api/login"))
        .form(&[
            ("email", app::demo::DEMO_ACCOUNTS[0].0),
            ("password", app::demo::DEMO_PASSWORD),
            ("next", "/admin"),
        ])
        .send()
        .await?;
    if !res.status().is_success() {
        return Err(format!("host login refused: {}", res.status()).into());
    }
    let console = host
        .get(format!("{base}/rendezvous/{slug}/console"))
        .header("accept", "text/html")
        .send()
        .await?
        .text()
        .await?;
    let question = arg(&args, "--question")
        .and_then(|q| q.parse().ok())
        .or_else(|| pick_question(&console))
        .ok_or("no question found on the console")?;
    let set_state = |action: &'static str| {
        let host = host.clone();
        let (base, slug) = (base.clone(), slug.clone());
        async move {
            host.post(format!("{base}/api/staff/rendezvous/questions/state"))
                .form(&[
                    ("rendezvous", slug.as_str()),
                    ("question_id", question.to_string().as_str()),
                    ("action", action),
                ])
                .send()
                .await
                .map(|r| r.status())
        }
    };
    // A question left open by an earlier run is closed first; answers stay,
    // so the count to wait for starts from what is there.
    let _ = set_state("close").await;

    // The answerers get their session and say where they are, before the clock starts.
    let mut people = Vec::new();
    for i in 0..answerers {
        let c = client();
        let mode = if i % 3 == 0 { "remote" } else { "room" };
        c.post(format!("{base}/api/rendezvous/mode"))
            .form(&[("rendezvous", slug.as_str()), ("mode", mode)])
            .send()
            .await?;
        people.push(c);
    }

    let status = set_state("open").await?;
    if !status.is_success() {
        return Err(format!("opening question {question} refused: {status}").into());
    }
    let already = {
        let url = format!("{base}/api/rendezvous/{slug}/live");
        let mut res = client().get(&url).send().await?;
        let mut buffer = String::new();
        loop {
            let chunk = res.chunk().await?.ok_or("stream ended")?;
            buffer.push_str(&String::from_utf8_lossy(&chunk));
            if let Some(data) = buffer
                .split("\n\n")
                .filter_map(|e| e.lines().find_map(|l| l.strip_prefix("data: ")))
                .filter_map(|d| serde_json::from_str::<app::rendezvous::state::LiveState>(d).ok())
                .filter_map(|s| s.question)
                .find(|q| q.id == question && q.open)
            {
                break data.total.all;
            }
        }
    };
    let expected = already + answerers as u32;

    // The viewers connect (each on its own connection) and wait.
    let connected = Arc::new(AtomicUsize::new(0));
    let url = format!("{base}/api/rendezvous/{slug}/live");
    let viewer_http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()?;
    let mut watchers = Vec::new();
    for _ in 0..viewers {
        watchers.push(tokio::spawn(watch(
            viewer_http.clone(),
            url.clone(),
            question,
            expected,
            Arc::clone(&connected),
        )));
    }
    let wait_from = Instant::now();
    while connected.load(Ordering::SeqCst) < viewers
        && wait_from.elapsed() < Duration::from_secs(60)
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!(
        "{} of {viewers} viewers connected in {}; question {question} open with {already} answers.",
        connected.load(Ordering::SeqCst),
        ms(wait_from.elapsed())
    );
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Everyone answers at once.
    let started = Instant::now();
    let mut answers = Vec::new();
    for (i, c) in people.into_iter().enumerate() {
        let (base, slug) = (base.clone(), slug.clone());
        answers.push(tokio::spawn(async move {
            let sent = Instant::now();
            let res = c
                .post(format!("{base}/api/rendezvous/answer"))
                .form(&[
                    ("rendezvous", slug.as_str()),
                    ("question_id", question.to_string().as_str()),
                    ("choice", (i % 3).to_string().as_str()),
                ])
                .send()
                .await;
            (
                res.map(|r| r.status().is_success()).unwrap_or(false),
                sent.elapsed(),
            )
        }));
    }
    let mut latencies = Vec::new();
    let mut accepted = 0;
    for a in answers {
        let (ok, took) = a.await?;
        accepted += ok as usize;
        latencies.push(took);
    }
    let last_answer = Instant::now();
    latencies.sort();
    println!(
        "{accepted} of {answerers} answers accepted in {} (answer request p50 {}, p95 {}, max {}).",
        ms(last_answer - started),
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.95)),
        ms(percentile(&latencies, 1.0)),
    );

    let mut delays = Vec::new();
    let mut missed = 0;
    for w in watchers {
        match tokio::time::timeout(Duration::from_secs(30), w).await {
            Ok(Ok(Some(seen))) => delays.push(seen.saturating_duration_since(last_answer)),
            _ => missed += 1,
        }
    }
    delays.sort();
    println!(
        "Final result ({expected} answers) seen by {} of {viewers} viewers; delay after the last answer: \
         p50 {}, p95 {}, max {}{}.",
        delays.len(),
        ms(percentile(&delays, 0.5)),
        ms(percentile(&delays, 0.95)),
        ms(percentile(&delays, 1.0)),
        if missed > 0 { format!(" ({missed} never saw it within 30 s)") } else { String::new() },
    );
    let _ = set_state("close").await;
    Ok(())
}
