//! `participe-login-load`: the server's memory and answers under a burst of
//! parallel logins. It starts the `participe` binary given (built from any
//! commit, so that two versions can be compared) on a fresh SQLite file with
//! the demo accounts, fires N logins at once (one in eight with a demo
//! account's right password, the others wrong passwords for unknown
//! addresses), and prints the server's peak resident memory (VmHWM), its
//! answers by status, and the latencies. A command that prints figures, not
//! a test. Its environment is passed to the server (e.g.
//! `PARTICIPE_LOGIN_FAILURES_PER_ADDRESS=1000` to see the hashing bound alone).
//!
//! `participe-login-load --server target/debug/participe [--logins 400]`

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
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

/// A field of /proc/<pid>/status in MiB (VmRSS, VmHWM).
fn status_mib(pid: u32, field: &str) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The server binary with this run's environment.
fn server(binary: &str, dir: &std::path::Path, addr: &str) -> Command {
    let mut cmd = Command::new(binary);
    cmd.env(
        "DATABASE_URL",
        format!("sqlite://{}/login-load.db", dir.display()),
    )
    .env("LEPTOS_SITE_ADDR", addr)
    .env("LEPTOS_SITE_ROOT", dir)
    .env("PARTICIPE_MAIL_DIR", dir.join("mail"))
    .env("RUST_LOG", "warn")
    .stdout(Stdio::null());
    cmd
}

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let binary = arg(&args, "--server").ok_or("--server PATH to a participe binary")?;
    let logins: usize = arg(&args, "--logins").map_or(Ok(400), |v| v.parse())?;
    let dir = tempfile::tempdir()?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let addr = format!("127.0.0.1:{port}");
    let demo = server(&binary, dir.path(), &addr).arg("demo").status()?;
    if !demo.success() {
        return Err("the demo did not load".into());
    }
    let child = Killed(server(&binary, dir.path(), &addr).arg("serve").spawn()?);
    let pid = child.0.id();
    let base = format!("http://{addr}");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(900))
        .build()?;
    let started = Instant::now();
    while client.get(format!("{base}/health")).send().await.is_err() {
        if started.elapsed() > Duration::from_secs(60) {
            return Err("the server did not start".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let idle = status_mib(pid, "VmRSS").unwrap_or(0.0);

    let mut all = tokio::task::JoinSet::new();
    let burst = Instant::now();
    for i in 0..logins {
        let (client, url) = (client.clone(), format!("{base}/api/login"));
        let (email, password) = if i % 8 == 0 {
            let account = app::demo::DEMO_ACCOUNTS[(i / 8) % 4].0;
            (account.to_owned(), app::demo::DEMO_PASSWORD.to_owned())
        } else {
            (
                format!("guess{i}@example.org"),
                format!("wrong password {i}"),
            )
        };
        all.spawn(async move {
            let sent = Instant::now();
            let status = client
                .post(url)
                .form(&[
                    ("email", email.as_str()),
                    ("password", &password),
                    ("next", "/admin"),
                ])
                .send()
                .await
                .map_or(0, |r| r.status().as_u16());
            (status, sent.elapsed())
        });
    }
    let answers = all.join_all().await;
    let wall = burst.elapsed();
    let peak = status_mib(pid, "VmHWM").unwrap_or(0.0);

    let mut by_status: BTreeMap<u16, usize> = BTreeMap::new();
    for (status, _) in &answers {
        *by_status.entry(*status).or_default() += 1;
    }
    let mut latencies: Vec<Duration> = answers.iter().map(|(_, d)| *d).collect();
    latencies.sort();
    println!("{logins} parallel logins against {binary} (pid {pid})");
    println!("server memory: idle {idle:.0} MiB, peak (VmHWM) {peak:.0} MiB");
    let named = |s: u16| match s {
        200 => "signed in",
        422 => "wrong password",
        429 => "refused: too many (throttled)",
        503 => "refused: busy",
        0 => "no answer",
        _ => "other",
    };
    for (status, n) in &by_status {
        println!("  {n:>4} x {status} {}", named(*status));
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "latency p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms; all answered in {:.1} s",
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.95)),
        ms(*latencies.last().unwrap_or(&Duration::ZERO)),
        wall.as_secs_f64()
    );
    Ok(())
}
