//! `participe-crash`: crash tests of the real `participe` binary, printing figures.
//!
//! For SQLite and PostgreSQL: a fresh database (the demo consultation and a
//! small event with a 20-seat workshop), the server started, a vote load and
//! a registration load (each ticket mail goes to the outbox) run against it,
//! the server killed with SIGKILL mid-load, restarted, and the database read:
//! every acknowledged vote and registration present, every registration with
//! its mail, vote counts equal to the vote rows, no seat over capacity.
//!
//! `--pg-restart`: a throwaway PostgreSQL cluster of its own (initdb, port
//! 5433, under /tmp; the shared server is never touched) restarted under load:
//! the 503s answered meanwhile, how long until the site answers again, and
//! the acknowledged writes lost (must be 0).
//!
//! `participe-crash --bin target/release/participe [--runs 3] [--postgres URL]
//! [--no-sqlite] [--no-postgres] [--pg-restart]`. PostgreSQL runs create their
//! databases on `--postgres` (default `postgres://postgres@127.0.0.1:5432/postgres`).

use app::event::logic::programme::{EventInput, SessionInput, SessionKind};
use app::model::ComponentKind;
use app::process::logic::{PhaseInput, ProcessInput};
use app::ssr::Db;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const EVENT: &str = "crash-test";
const EVENT_SEATS: u32 = 400;
const WORKSHOP_SEATS: u32 = 20;
const VOTERS: usize = 12;
const REGISTRANTS: usize = 6;

type Error = Box<dyn std::error::Error + Send + Sync>;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bin =
        PathBuf::from(arg(&args, "--bin").unwrap_or_else(|| "target/release/participe".into()));
    if !bin.exists() {
        return Err(format!("no participe binary at {} (--bin PATH)", bin.display()).into());
    }
    let runs: usize = arg(&args, "--runs")
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let postgres = arg(&args, "--postgres")
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let has = |flag: &str| args.iter().any(|a| a == flag);
    sqlx::any::install_default_drivers();
    let work = tempfile::tempdir()?;
    println!(
        "participe-crash: {} (kill -9 under load, {runs} runs per engine)",
        bin.display()
    );
    if !has("--no-sqlite") {
        kill_runs(&bin, "SQLite", runs, work.path(), || {
            let dir = work.path().join(format!("db-{}", rand_suffix()));
            async move { Ok(format!("sqlite://{}/crash.db", dir.display())) }
        })
        .await?;
    }
    if !has("--no-postgres") {
        let admin = postgres.clone();
        kill_runs(&bin, "PostgreSQL", runs, work.path(), || {
            let admin = admin.clone();
            async move { fresh_postgres(&admin).await }
        })
        .await?;
    }
    if has("--pg-restart") {
        pg_restart(&bin, work.path()).await?;
    }
    Ok(())
}

fn rand_suffix() -> String {
    use rand::Rng;
    format!("{:08x}", rand::thread_rng().gen::<u32>())
}

/// A fresh database on the PostgreSQL server of `admin` (a URL to any database there).
async fn fresh_postgres(admin: &str) -> Result<String, Error> {
    use sqlx::Connection;
    let name = format!("participe_crash_{}", rand_suffix());
    let mut conn = sqlx::AnyConnection::connect(admin).await?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await?;
    let base = admin.rsplit_once('/').map_or(admin, |(b, _)| b);
    Ok(format!("{base}/{name}"))
}

/// The demo consultation, and a small event whose one workshop has few seats.
async fn prepare(url: &str) -> Result<(), Error> {
    let db = Db::connect(url).await?;
    db.migrate().await?;
    let settings = app::ssr::settings::Settings::default();
    app::demo::load(&db, settings.today(), false).await?;
    let day = settings.today() + chrono::Duration::days(30);
    let process_id = app::process::store::insert_process(
        &db,
        &ProcessInput {
            slug: "crash-process".into(),
            title: "Crash".into(),
            subtitle: String::new(),
            description_md: String::new(),
            image_url: String::new(),
            image_alt: String::new(),
            start: day,
            end: day,
            published: true,
        },
    )
    .await?;
    let phase = PhaseInput {
        title: "Colloque".into(),
        description_md: String::new(),
        start: day,
        end: day,
        components: vec![ComponentKind::Event],
    };
    let phase_id = app::process::store::insert_phase(&db, process_id, &phase).await?;
    let component: i64 = sqlx::query_scalar("SELECT id FROM components WHERE phase_id = $1")
        .bind(phase_id)
        .fetch_one(&db.pool)
        .await?;
    let event = EventInput {
        slug: EVENT.into(),
        title: "Crash test".into(),
        description_md: String::new(),
        venue: "Salle".into(),
        seats: EVENT_SEATS,
        offer_hours: 48,
        registration_open: true,
    };
    let event_id = app::event::store::events::insert_event(&db, component, &event).await?;
    let store = app::event::store::programme::save_day(&db, event_id, None, day, 10_000).await?;
    let day_id = store.ok_or("day not saved")?;
    let workshop = SessionInput {
        day_id,
        kind: SessionKind::Workshop,
        title: "Atelier".into(),
        description_md: String::new(),
        starts_at: "14:00".into(),
        ends_at: "16:00".into(),
        room: "Salle 2".into(),
        seats: Some(WORKSHOP_SEATS),
        theme_ids: vec![],
        speaker_ids: vec![],
    };
    app::event::store::programme::save_session(&db, event_id, None, &workshop)
        .await?
        .ok_or("workshop not saved")?;
    db.pool.close().await;
    Ok(())
}

/// A running `participe serve`.
struct Server {
    child: Child,
    base: String,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(3999)
}

async fn start(bin: &Path, url: &str, work: &Path, port: u16) -> Result<Server, Error> {
    let base = format!("http://127.0.0.1:{port}");
    // Kept after the run, to read what the server said.
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(std::env::temp_dir().join("participe-crash-server.log"))?;
    let child = Command::new(bin)
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("PARTICIPE_BASE_URL", &base)
        .env("LEPTOS_SITE_ROOT", work)
        .env("PARTICIPE_MAIL_DIR", work.join("mail"))
        .env("PARTICIPE_RATE_VOTES", "100000")
        .env("PARTICIPE_RATE_VOTES_PER_ADDRESS", "100000")
        .env("PARTICIPE_RATE_REGISTRATIONS_PER_ADDRESS", "100000")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()?;
    let server = Server { child, base };
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(res) = client.get(format!("{}/health", server.base)).send().await {
            if res.status().is_success() {
                return Ok(server);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(
        "the server did not start within 60 s (see participe-crash-server.log in the temp folder)"
            .into(),
    )
}

/// What the clients saw: the writes acknowledged, and every other answer.
#[derive(Default)]
struct Seen {
    /// (idempotency key, proposal) of every vote answered 200.
    votes: Mutex<Vec<(String, i64)>>,
    /// The address of every registration answered 200.
    registrations: Mutex<Vec<String>>,
    unavailable: AtomicU64,
    internal: AtomicU64,
    refused: AtomicU64,
    broken: AtomicU64,
    /// When an answer last came back 200, in ms since `start`, and the first
    /// failure after a success, for the outage window.
    last_ok_ms: AtomicU64,
}

impl Seen {
    fn count(&self, status: Result<u16, ()>, started: Instant) {
        match status {
            Ok(200) => self
                .last_ok_ms
                .store(started.elapsed().as_millis() as u64, Ordering::Relaxed),
            Ok(503) => {
                self.unavailable.fetch_add(1, Ordering::Relaxed);
            }
            Ok(500) => {
                self.internal.fetch_add(1, Ordering::Relaxed);
            }
            Ok(_) => {
                self.refused.fetch_add(1, Ordering::Relaxed);
            }
            Err(()) => {
                self.broken.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

/// The hidden fields of the first vote form of a page.
fn vote_form_fields(html: &str) -> Option<Vec<(String, String)>> {
    let form = html
        .split("<form")
        .find(|f| f.contains(r#"name="signature""#))?;
    let form = &form[..form.find("</form>").unwrap_or(form.len())];
    Some(
        form.split(r#"<input type="hidden" name=""#)
            .skip(1)
            .filter_map(|chunk| {
                let name = &chunk[..chunk.find('"')?];
                let value = chunk
                    .split(r#"value=""#)
                    .nth(1)
                    .map(|v| &v[..v.find('"').unwrap_or(0)])
                    .unwrap_or("");
                Some((name.to_owned(), value.replace("&amp;", "&")))
            })
            .collect(),
    )
}

/// One voter after another: a fresh cookie jar opens the vote page and votes
/// on its first card, until `stop`.
async fn vote_load(
    base: String,
    seen: Arc<Seen>,
    stop: Arc<AtomicBool>,
    started: Instant,
    n: usize,
) {
    let mut i = 0;
    while !stop.load(Ordering::Relaxed) {
        i += 1;
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(20))
            .build()
            .expect("a client");
        let page = client
            .get(format!("{base}/consultations/mulhouse-solidaire/vote"))
            .header("accept", "text/html")
            .send()
            .await;
        let html = match page {
            Ok(res) if res.status() == 200 => res.text().await.unwrap_or_default(),
            Ok(res) => {
                seen.count(Ok(res.status().as_u16()), started);
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
            Err(_) => {
                seen.count(Err(()), started);
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Some(mut fields) = vote_form_fields(&html) else {
            continue;
        };
        let key = format!("crash-{n}-{i}-{}", rand_suffix());
        let Some(proposal) = fields
            .iter()
            .find(|(k, _)| k == "proposal_id")
            .and_then(|(_, v)| v.parse::<i64>().ok())
        else {
            continue;
        };
        fields.retain(|(k, _)| k != "idempotency_key");
        fields.push(("idempotency_key".into(), key.clone()));
        fields.push((
            "key".into(),
            if i % 2 == 0 { "agree" } else { "disagree" }.into(),
        ));
        match client
            .post(format!("{base}/api/consultation/vote"))
            .form(&fields)
            .send()
            .await
        {
            Ok(res) => {
                let status = res.status().as_u16();
                // Acknowledged only once the whole answer arrived.
                if res.bytes().await.is_ok() {
                    if status == 200 {
                        seen.votes.lock().unwrap().push((key, proposal));
                    }
                    seen.count(Ok(status), started);
                } else {
                    seen.count(Err(()), started);
                }
            }
            Err(_) => seen.count(Err(()), started),
        }
    }
}

/// Registrations one after another, each a new address, until `stop`.
async fn registration_load(
    base: String,
    ids: (i64, i64),
    seen: Arc<Seen>,
    stop: Arc<AtomicBool>,
    started: Instant,
    n: usize,
) {
    let (day, workshop) = ids;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("a client");
    let mut i = 0;
    while !stop.load(Ordering::Relaxed) {
        i += 1;
        let email = format!("crash{n}-{i}-{}@example.org", rand_suffix());
        let form = [
            ("event".to_owned(), EVENT.to_owned()),
            ("first_name".into(), "Camille".into()),
            ("last_name".into(), "Test".into()),
            ("email".into(), email.clone()),
            ("profile".into(), "volunteer".into()),
            (format!("day_{day}"), "on".into()),
            (format!("w_{day}_1400"), workshop.to_string()),
            ("consent".into(), "on".into()),
        ];
        match client
            .post(format!("{base}/api/events/register"))
            .form(&form)
            .send()
            .await
        {
            Ok(res) => {
                let status = res.status().as_u16();
                if res.bytes().await.is_ok() {
                    if status == 200 {
                        seen.registrations.lock().unwrap().push(email);
                    }
                    seen.count(Ok(status), started);
                } else {
                    seen.count(Err(()), started);
                }
            }
            Err(_) => {
                seen.count(Err(()), started);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// The loads, running until `stop` is set.
fn start_loads(
    base: &str,
    ids: (i64, i64),
    seen: &Arc<Seen>,
    stop: &Arc<AtomicBool>,
    started: Instant,
) -> Vec<tokio::task::JoinHandle<()>> {
    let mut tasks = Vec::new();
    for n in 0..VOTERS {
        tasks.push(tokio::spawn(vote_load(
            base.to_owned(),
            seen.clone(),
            stop.clone(),
            started,
            n,
        )));
    }
    for n in 0..REGISTRANTS {
        tasks.push(tokio::spawn(registration_load(
            base.to_owned(),
            ids,
            seen.clone(),
            stop.clone(),
            started,
            n,
        )));
    }
    tasks
}

async fn event_ids(url: &str) -> Result<(i64, i64), Error> {
    let db = Db::connect(url).await?;
    let ids = sqlx::query_as(
        "SELECT d.id, s.id FROM events e JOIN event_days d ON d.event_id = e.id \
         JOIN event_sessions s ON s.day_id = d.id WHERE e.slug = $1",
    )
    .bind(EVENT)
    .fetch_one(&db.pool)
    .await?;
    db.pool.close().await;
    Ok(ids)
}

/// What the database holds of what the clients saw.
#[derive(Debug, Default)]
struct Found {
    votes_acked: usize,
    votes_found: usize,
    registrations_acked: usize,
    registrations_found: usize,
    registrations_total: i64,
    without_mail: i64,
    count_mismatches: usize,
    over_capacity: i64,
}

async fn check(url: &str, seen: &Seen) -> Result<Found, Error> {
    let db = Db::connect(url).await?;
    let pool = &db.pool;
    let mut found = Found::default();
    let votes = seen.votes.lock().unwrap().clone();
    found.votes_acked = votes.len();
    for (key, proposal) in &votes {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM votes v JOIN idempotency i ON i.participant_id = v.participant_id \
             WHERE i.key = $1 AND v.proposal_id = $2",
        )
        .bind(key)
        .bind(proposal)
        .fetch_one(pool)
        .await?;
        found.votes_found += usize::from(n == 1);
    }
    let registrations = seen.registrations.lock().unwrap().clone();
    found.registrations_acked = registrations.len();
    for email in &registrations {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE email = $1")
            .bind(email)
            .fetch_one(pool)
            .await?;
        found.registrations_found += usize::from(n == 1);
    }
    found.registrations_total =
        sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE is_demo = 0")
            .fetch_one(pool)
            .await?;
    found.without_mail = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registrations r WHERE r.is_demo = 0 \
         AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.recipient = r.email)",
    )
    .fetch_one(pool)
    .await?;
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT proposal_id, counted, vote_key, COUNT(*) FROM votes WHERE counted <> 'untrusted' \
         GROUP BY proposal_id, counted, vote_key",
    )
    .fetch_all(pool)
    .await?;
    let counts: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT proposal_id, tally, item, count FROM vote_counts \
         WHERE item IN ('agree', 'disagree', 'neutral') AND count <> 0",
    )
    .fetch_all(pool)
    .await?;
    let as_map = |v: Vec<(i64, String, String, i64)>| -> HashMap<(i64, String, String), i64> {
        v.into_iter().map(|(p, t, k, n)| ((p, t, k), n)).collect()
    };
    let (rows, counts) = (as_map(rows), as_map(counts));
    found.count_mismatches = rows
        .keys()
        .chain(counts.keys())
        .collect::<std::collections::HashSet<_>>()
        .into_iter()
        .filter(|k| rows.get(*k) != counts.get(*k))
        .count();
    let workshops: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_sessions s WHERE s.seats IS NOT NULL AND s.seats < \
         (SELECT COUNT(*) FROM workshop_places p WHERE p.session_id = s.id AND p.status IN ('confirmed', 'offered'))",
    )
    .fetch_one(pool)
    .await?;
    let events: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM events e WHERE e.seats < \
         (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'active')",
    )
    .fetch_one(pool)
    .await?;
    found.over_capacity = workshops + events;
    db.pool.close().await;
    Ok(found)
}

async fn kill_runs<F, Fut>(
    bin: &Path,
    engine: &str,
    runs: usize,
    work: &Path,
    fresh: F,
) -> Result<(), Error>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<String, Error>>,
{
    println!("\n== {engine}: kill -9 under a vote load and a registration load ==");
    println!(
        "{:>3} {:>8} {:>17} {:>25} {:>13} {:>10} {:>13} {:>9}",
        "run",
        "kill at",
        "votes ack/found",
        "registrations ack/found",
        "without mail",
        "count diff",
        "over capacity",
        "restart"
    );
    let mut total = Found::default();
    for run in 1..=runs {
        let url = fresh().await?;
        prepare(&url).await?;
        let ids = event_ids(&url).await?;
        let port = free_port();
        let mut server = start(bin, &url, work, port).await?;
        let seen = Arc::new(Seen::default());
        let stop = Arc::new(AtomicBool::new(false));
        let started = Instant::now();
        let tasks = start_loads(&server.base, ids, &seen, &stop, started);
        // A different moment in each run, from 1.5 s to about 4 s into the load.
        let kill_at = Duration::from_millis(1500 + (run as u64 * 977) % 2500);
        tokio::time::sleep(kill_at).await;
        server.child.kill()?; // SIGKILL on Unix
        server.child.wait()?;
        stop.store(true, Ordering::Relaxed);
        for t in tasks {
            let _ = t.await;
        }
        let restarting = Instant::now();
        let mut server = start(bin, &url, work, port).await?;
        let restart = restarting.elapsed();
        let found = check(&url, &seen).await?;
        server.child.kill()?;
        server.child.wait()?;
        println!(
            "{run:>3} {:>7.1}s {:>8}/{:<8} {:>12}/{:<12} {:>13} {:>10} {:>13} {:>8.1}s",
            kill_at.as_secs_f64(),
            found.votes_acked,
            found.votes_found,
            found.registrations_acked,
            found.registrations_found,
            found.without_mail,
            found.count_mismatches,
            found.over_capacity,
            restart.as_secs_f64(),
        );
        total.votes_acked += found.votes_acked;
        total.votes_found += found.votes_found;
        total.registrations_acked += found.registrations_acked;
        total.registrations_found += found.registrations_found;
        total.registrations_total += found.registrations_total;
        total.without_mail += found.without_mail;
        total.count_mismatches += found.count_mismatches;
        total.over_capacity += found.over_capacity;
    }
    println!(
        "{engine} total: votes acknowledged {} / found {}; registrations acknowledged {} / found {} \
         (registrations in the database {}, without their mail {}); count mismatches {}; seats over capacity {}",
        total.votes_acked,
        total.votes_found,
        total.registrations_acked,
        total.registrations_found,
        total.registrations_total,
        total.without_mail,
        total.count_mismatches,
        total.over_capacity
    );
    Ok(())
}

/// A PostgreSQL cluster of this command's own, on port 5433 under /tmp,
/// run as the `postgres` user; removed at the end.
struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
}

impl Cluster {
    fn run(&self, tool: &str, args: &[&str]) -> Result<(), Error> {
        let status = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(self.bin.join(tool))
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("{tool} {args:?} failed").into())
        }
    }

    fn pg_ctl(&self, action: &str) -> Result<(), Error> {
        let dir = self.dir.display().to_string();
        let log = self.dir.with_extension("log").display().to_string();
        let opts = format!("-p {} -k /tmp -c listen_addresses=127.0.0.1", self.port);
        let mut args = vec!["-D", &dir, "-l", &log, "-o", &opts, "-w"];
        if action != "start" {
            args.extend(["-m", "fast"]);
        }
        args.push(action);
        self.run("pg_ctl", &args)
    }

    fn create(port: u16) -> Result<Cluster, Error> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")?
            .filter_map(|e| e.ok())
            .map(|e| e.path().join("bin"))
            .filter(|p| p.join("initdb").exists())
            .max()
            .ok_or("no /usr/lib/postgresql/*/bin/initdb")?;
        let dir = PathBuf::from(format!("/tmp/participe-crash-pg-{}", rand_suffix()));
        let cluster = Cluster { bin, dir, port };
        let dir = cluster.dir.display().to_string();
        cluster.run("initdb", &["-D", &dir, "-A", "trust", "-U", "postgres"])?;
        cluster.pg_ctl("start")?;
        Ok(cluster)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.pg_ctl("stop");
        let _ = std::fs::remove_dir_all(&self.dir);
        let _ = std::fs::remove_file(self.dir.with_extension("log"));
    }
}

async fn pg_restart(bin: &Path, work: &Path) -> Result<(), Error> {
    println!("\n== PostgreSQL restarted under load (own cluster on port 5433) ==");
    let cluster = Cluster::create(5433)?;
    let url = fresh_postgres("postgres://postgres@127.0.0.1:5433/postgres").await?;
    prepare(&url).await?;
    let ids = event_ids(&url).await?;
    let mut server = start(bin, &url, work, free_port()).await?;
    let seen = Arc::new(Seen::default());
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let tasks = start_loads(&server.base, ids, &seen, &stop, started);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let before_503 = seen.unavailable.load(Ordering::Relaxed);
    let restart_at = started.elapsed();
    cluster.pg_ctl("restart")?;
    let pg_back = started.elapsed();
    // The first success after PostgreSQL is back: the site recovered by itself.
    let recovered = loop {
        let last = Duration::from_millis(seen.last_ok_ms.load(Ordering::Relaxed));
        if last > pg_back {
            break Some(last);
        }
        if started.elapsed() > pg_back + Duration::from_secs(60) {
            break None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    tokio::time::sleep(Duration::from_secs(2)).await;
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        let _ = t.await;
    }
    let found = check(&url, &seen).await?;
    server.child.kill()?;
    server.child.wait()?;
    println!(
        "restart began {:.2}s into the load; PostgreSQL accepted connections again {:.2}s later",
        restart_at.as_secs_f64(),
        (pg_back - restart_at).as_secs_f64()
    );
    match recovered {
        Some(at) => println!(
            "first successful request {:.2}s after PostgreSQL was back ({:.2}s after the restart began)",
            (at.saturating_sub(pg_back)).as_secs_f64(),
            (at - restart_at).as_secs_f64()
        ),
        None => println!("the site did NOT recover within 60 s"),
    }
    println!(
        "answers meanwhile: 503 {} ; 500 {} ; refused (4xx) {} ; broken connections {}",
        seen.unavailable.load(Ordering::Relaxed) - before_503,
        seen.internal.load(Ordering::Relaxed),
        seen.refused.load(Ordering::Relaxed),
        seen.broken.load(Ordering::Relaxed)
    );
    println!(
        "acknowledged: votes {} / found {}; registrations {} / found {} (without their mail {}); \
         lost acknowledged writes {}; count mismatches {}; seats over capacity {}",
        found.votes_acked,
        found.votes_found,
        found.registrations_acked,
        found.registrations_found,
        found.without_mail,
        (found.votes_acked - found.votes_found)
            + (found.registrations_acked - found.registrations_found),
        found.count_mismatches,
        found.over_capacity
    );
    drop(cluster);
    Ok(())
}
