//! Periodic jobs, run once per period across all the instances on one
//! database: each run first claims the job's row in `job_runs` (a single
//! atomic upsert that only one instance wins per period) and, on PostgreSQL,
//! holds a transaction-level advisory lock named after the job for the whole
//! run, so two runs of one job never overlap even if one outlasts its period.
//! Adding a job is one line in `JOBS`.

use app::ssr::db::{now, Engine};
use app::ssr::settings::Settings;
use app::ssr::Db;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

type Running<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

/// What a job does, given the store and the site's settings.
pub type Run = for<'a> fn(&'a Db, &'a Settings) -> Running<'a>;

pub struct Job {
    pub name: &'static str,
    pub period: Duration,
    pub run: Run,
}

/// Every periodic job of the server.
pub const JOBS: &[Job] = &[
    Job {
        name: "session-cleanup",
        period: Duration::from_secs(3600),
        run: |db, _| Box::pin(session_cleanup(db)),
    },
    Job {
        name: "symposium-sweep",
        period: Duration::from_secs(60),
        run: |db, settings| Box::pin(symposium_sweep(db, settings)),
    },
    Job {
        name: "rate-limit-purge",
        period: Duration::from_secs(3600),
        run: |db, _| Box::pin(rate_limit_purge(db)),
    },
    Job {
        name: "stale-rows-purge",
        period: Duration::from_secs(3600),
        run: |db, _| Box::pin(stale_rows_purge(db)),
    },
];

/// Deletes expired sessions.
async fn session_cleanup(db: &Db) -> Result<(), String> {
    use tower_sessions::session_store::ExpiredDeletion;
    app::ssr::session_store::DbSessionStore::new(db.clone())
        .delete_expired()
        .await
        .map_err(|e| e.to_string())
}

/// Seat offers past their deadline pass to the next person waiting, and
/// symposium reminders go out (`app::event::service::sweep`). Offers are
/// also settled whenever a seat is requested, so a late sweep only delays
/// mails, never a seat.
async fn symposium_sweep(db: &Db, settings: &Settings) -> Result<(), String> {
    app::event::service::sweep(db, settings)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Drops the rate-limit buckets that are spent (kept in PostgreSQL only).
async fn rate_limit_purge(db: &Db) -> Result<(), String> {
    app::ssr::rate_limit::purge(db)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Runs every job in the background, each on its own period.
pub fn spawn_all(db: Db, settings: Settings) {
    for job in JOBS {
        let (db, settings) = (db.clone(), settings.clone());
        tokio::spawn(async move {
            let mut every = tokio::time::interval(job.period);
            loop {
                every.tick().await;
                if let Err(e) = run_once(job, &db, &settings).await {
                    tracing::warn!("job {} failed: {e}", job.name);
                }
            }
        });
    }
}

/// Runs `job` unless another run holds it or one ran within its period;
/// true if this call ran it.
pub async fn run_once(job: &Job, db: &Db, settings: &Settings) -> Result<bool, String> {
    let err = |e: sqlx::Error| format!("job {}: {e}", job.name);
    match db.engine {
        Engine::Postgres => {
            let mut tx = db.pool.begin().await.map_err(err)?;
            let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock(hashtext($1))")
                .bind(job.name)
                .fetch_one(&mut *tx)
                .await
                .map_err(err)?;
            if !locked || !claim(&mut tx, job).await.map_err(err)? {
                return Ok(false);
            }
            // The claim and the lock stay with this transaction until the
            // run ends: a failed run is rolled back, and tried again.
            (job.run)(db, settings).await?;
            tx.commit().await.map_err(err)?;
            Ok(true)
        }
        // One instance: the claim only spaces the runs out.
        Engine::Sqlite => {
            let mut tx = db.pool.begin().await.map_err(err)?;
            let claimed = claim(&mut tx, job).await.map_err(err)?;
            tx.commit().await.map_err(err)?;
            if claimed {
                (job.run)(db, settings).await?;
            }
            Ok(claimed)
        }
    }
}

/// Records this run unless one was recorded within the period (less a tenth,
/// so that instances' timers drifting apart never skip a period).
async fn claim(tx: &mut sqlx::Transaction<'_, sqlx::Any>, job: &Job) -> Result<bool, sqlx::Error> {
    let period = i64::try_from(job.period.as_secs()).unwrap_or(i64::MAX);
    let t = now();
    let claimed: Option<String> = sqlx::query_scalar(
        "INSERT INTO job_runs (name, ran_at) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET ran_at = excluded.ran_at WHERE job_runs.ran_at <= $3 \
         RETURNING name",
    )
    .bind(job.name)
    .bind(t)
    .bind(t - period + period / 10)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(claimed.is_some())
}

/// Deletes what nothing needs any more: old mails, spent links, anonymous
/// participants who left nothing (`app::ssr::purge`, which logs its figures).
async fn stale_rows_purge(db: &Db) -> Result<(), String> {
    app::ssr::purge::purge_at(db, app::ssr::db::now())
        .await
        .map(|purged| tracing::info!("purge: {purged:?}"))
        .map_err(|e| e.to_string())
}
