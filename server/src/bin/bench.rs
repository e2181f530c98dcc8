//! `participe-bench`: replays the real Polis conversations of
//! `../shared/data/polis/` through the real vote endpoint and prints votes per
//! second beside the requests per second of a trivial endpoint (`/health`) of
//! the same server in the same run, p50/p99 latencies, and the time to
//! recompute results. A command that prints figures, not a test.
//!
//! `participe-bench [DATA_DIR] [--clients N] [--max-votes N]`; `DATABASE_URL`
//! picks the store (default: a fresh SQLite file in a temporary folder).

use app::consultation::service;
use app::consultation::store::{self, NewConsultation};
use app::model::ComponentKind;
use app::process::logic::{PhaseInput, ProcessInput};
use app::process::store as processes;
use server::config::Config;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SLUG: &str = "polis-replay";

/// A vote to send: the proposal, the key, and the signature and site-link
/// token its page carried.
type SignedVote = (i64, &'static str, String, String);

struct Vote {
    voter: String,
    proposal: i64,
    key: &'static str,
}

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = args
        .iter()
        .find(|a| !a.starts_with("--") && std::path::Path::new(a).is_dir())
        .cloned()
        .unwrap_or_else(|| "../shared/data/polis".into());
    let clients = arg(&args, "--clients", 32);
    let max_votes = arg(&args, "--max-votes", 20_000);
    let dir = tempfile::tempdir()?;
    let mut config = Config::from_env()?;
    if std::env::var("DATABASE_URL").is_err() {
        config.database_url = format!("sqlite://{}/bench.db", dir.path().display());
    }
    // The replay sends every vote from one address: the limits must not count.
    config.rate.votes_per_participant = 1_000_000;
    config.rate.votes_per_address = 1_000_000;
    let db = server::open_db(&config).await?;
    let today = config.settings().today();

    // One process, one phase, one consultation holding every conversation's statements.
    let process = processes::insert_process(
        &db,
        &ProcessInput {
            slug: "polis".into(),
            title: "Polis replay".into(),
            subtitle: String::new(),
            description_md: String::new(),
            image_url: String::new(),
            image_alt: String::new(),
            start: today,
            end: today,
            published: true,
        },
    )
    .await?;
    let phase = processes::insert_phase(
        &db,
        process,
        &PhaseInput {
            title: "Consultation".into(),
            description_md: String::new(),
            start: today,
            end: today,
            components: vec![ComponentKind::Consultation],
        },
    )
    .await?;
    let component: i64 = sqlx::query_scalar("SELECT id FROM components WHERE phase_id = $1")
        .bind(phase)
        .fetch_one(&db.pool)
        .await?;
    let consultation = store::create_consultation(
        &db,
        &NewConsultation {
            component_id: component,
            slug: SLUG,
            question: "Polis",
            prefix: "",
            lang: "en",
            neighbourhoods: &[],
            opens_on: today,
            closes_on: today,
        },
    )
    .await?;

    let mut votes = Vec::new();
    let mut statements = 0;
    let mut conversations: Vec<_> = std::fs::read_dir(&data)?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    conversations.sort_by_key(|e| e.path());
    for conversation in conversations {
        let path = conversation.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let mut ids = HashMap::new();
        let mut reader = csv::Reader::from_path(path.join("comments.csv"))?;
        for row in reader.records() {
            let row = row?;
            let (Some(id), Some(author), Some(body)) = (row.get(2), row.get(3), row.get(7)) else {
                continue;
            };
            let mut text: String = body
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(140)
                .collect();
            while text.chars().count() < 12 {
                text.push('.');
            }
            let author_participant: i64 = sqlx::query_scalar(
                "INSERT INTO participants (public_id, created_at) VALUES ($1, 0) RETURNING id",
            )
            .bind(format!("polis-{name}-author-{author}-{id}"))
            .fetch_one(&db.pool)
            .await?;
            let proposal: i64 = sqlx::query_scalar(
                "INSERT INTO proposals (consultation_id, participant_id, content, author_name, status, created_at, published_at) \
                 VALUES ($1, $2, $3, 'polis', 'accepted', 0, 0) RETURNING id")
                .bind(consultation).bind(author_participant).bind(&text).fetch_one(&db.pool).await?;
            ids.insert(id.to_owned(), proposal);
            statements += 1;
        }
        let mut reader = csv::Reader::from_path(path.join("votes.csv"))?;
        for row in reader.records() {
            let row = row?;
            let (Some(comment), Some(voter), Some(vote)) = (row.get(2), row.get(3), row.get(4))
            else {
                continue;
            };
            let Some(&proposal) = ids.get(comment) else {
                continue;
            };
            let key = match vote.trim() {
                "1" => "agree",
                "-1" => "disagree",
                _ => "neutral",
            };
            votes.push(Vote {
                voter: format!("{name}/{voter}"),
                proposal,
                key,
            });
        }
    }
    votes.truncate(max_votes);
    println!(
        "Loaded {statements} statements and {} votes (of the Polis conversations in {data}).",
        votes.len()
    );

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    // Votes send no mail: the router gets a waker with no worker behind it.
    let router = server::router(&config, db.clone(), app::mail::MailWaker::default());
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    let base = format!("http://{addr}");

    // Warm-up (not timed): each voter opens the pages of the statements it
    // votes on through the site's signed links, as a person following them
    // from the results would, and keeps the signed form of each.
    let site_key = store::secrets::signing_key(&db).await?;
    let mut by_voter: HashMap<String, Vec<&Vote>> = HashMap::new();
    for v in &votes {
        by_voter.entry(v.voter.clone()).or_default().push(v);
    }
    let voters: Vec<(reqwest::Client, Vec<SignedVote>)> = {
        let mut out = Vec::new();
        for (_, list) in by_voter {
            let client = reqwest::Client::builder().cookie_store(true).build()?;
            let mut signed = Vec::new();
            for v in list {
                let from = app::consultation::logic::signing::site_link_token(
                    &site_key,
                    v.proposal,
                    chrono::Utc::now().timestamp(),
                );
                let page = client
                    .get(format!(
                        "{base}/consultations/{SLUG}/proposals/{}?from={from}",
                        v.proposal
                    ))
                    .send()
                    .await?
                    .text()
                    .await?;
                let hidden = |name: &str| {
                    page.split(&format!(r#"name="{name}" value=""#))
                        .nth(1)
                        .and_then(|s| s.split('"').next())
                        .unwrap_or("")
                        .to_owned()
                };
                signed.push((v.proposal, v.key, hidden("signature"), hidden("from")));
            }
            out.push((client, signed));
        }
        out
    };
    println!(
        "Warm-up done: {} voters, each with its signed proposal pages.",
        voters.len()
    );

    // Timed: the votes, `clients` at a time.
    let queue = Arc::new(Mutex::new(voters));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(votes.len())));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (queue, latencies, base) = (queue.clone(), latencies.clone(), base.clone());
        tasks.push(tokio::spawn(async move {
            let mut n = 0u64;
            loop {
                let Some((client, signed)) = queue.lock().unwrap().pop() else {
                    break;
                };
                for (i, (proposal, key, signature, from)) in signed.into_iter().enumerate() {
                    let form = [
                        ("proposal_id", proposal.to_string()),
                        ("key", key.to_owned()),
                        ("served_in", "proposal".into()),
                        ("signature", signature),
                        ("from", from),
                        ("idempotency_key", format!("bench-{proposal}-{i:06}")),
                        ("back", format!("/consultations/{SLUG}")),
                    ];
                    let t = Instant::now();
                    let res = client
                        .post(format!("{base}/api/consultation/vote"))
                        .form(&form)
                        .send()
                        .await;
                    let ok = matches!(res, Ok(r) if r.status().is_success());
                    latencies.lock().unwrap().push(t.elapsed());
                    if ok {
                        n += 1
                    }
                }
            }
            n
        }));
    }
    let mut accepted = 0;
    for t in tasks {
        accepted += t.await?;
    }
    let vote_secs = started.elapsed().as_secs_f64();
    let mut lat = latencies.lock().unwrap().clone();
    lat.sort();

    // The trivial endpoint, same server, same concurrency, as many requests.
    let health_total = lat.len().max(1);
    let counter = Arc::new(Mutex::new(health_total));
    let health_lat = Arc::new(Mutex::new(Vec::with_capacity(health_total)));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (counter, health_lat, url) = (
            counter.clone(),
            health_lat.clone(),
            format!("{base}/health"),
        );
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            loop {
                {
                    let mut c = counter.lock().unwrap();
                    if *c == 0 {
                        break;
                    }
                    *c -= 1;
                }
                let t = Instant::now();
                let _ = client
                    .get(&url)
                    .send()
                    .await
                    .and_then(|r| r.error_for_status());
                health_lat.lock().unwrap().push(t.elapsed());
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let health_secs = started.elapsed().as_secs_f64();
    let mut hlat = health_lat.lock().unwrap().clone();
    hlat.sort();

    let c = store::consultation_by_slug(&db, SLUG)
        .await?
        .expect("created above");
    let t = Instant::now();
    let results = service::results(&db, &c).await?;
    let recompute = t.elapsed();

    let votes_per_sec = lat.len() as f64 / vote_secs;
    let health_per_sec = hlat.len() as f64 / health_secs;
    println!(
        "store: {}",
        if config.database_url.starts_with("sqlite") {
            "SQLite"
        } else {
            "PostgreSQL"
        }
    );
    println!("clients: {clients}");
    println!(
        "votes: {} sent, {accepted} accepted, {:.0} votes/s, p50 {:.1} ms, p99 {:.1} ms",
        lat.len(),
        votes_per_sec,
        percentile(&lat, 0.5).as_secs_f64() * 1e3,
        percentile(&lat, 0.99).as_secs_f64() * 1e3
    );
    println!(
        "/health: {} requests, {:.0} req/s, p50 {:.1} ms, p99 {:.1} ms",
        hlat.len(),
        health_per_sec,
        percentile(&hlat, 0.5).as_secs_f64() * 1e3,
        percentile(&hlat, 0.99).as_secs_f64() * 1e3
    );
    println!(
        "ratio votes/s ÷ /health req/s: {:.2}",
        votes_per_sec / health_per_sec
    );
    println!(
        "results recomputed for {} proposals in {:.1} ms",
        results.len(),
        recompute.as_secs_f64() * 1e3
    );
    Ok(())
}
