//! The data-access pool. One SQL dialect subset serves SQLite and PostgreSQL
//! through sqlx's `Any` driver: `$n` placeholders, integers for booleans and
//! unix-second timestamps, ISO text for calendar dates.

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Executor};
use std::str::FromStr;
use std::time::Duration;

/// How long a request waits for a connection before it is told the site is
/// unavailable: longer than a burst of writes queues for one, short enough
/// to answer within seconds when the database has just gone (after which the
/// reachability probe answers at once).
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// How often, and how patiently, a PostgreSQL server is probed (see `Db::watch_reachability`).
const PROBE_EVERY: Duration = Duration::from_millis(500);
const PROBE_TIMEOUT: Duration = Duration::from_secs(1);

/// How many times one transaction is tried before its lost race is shown.
const TRANSACTION_ATTEMPTS: u32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub engine: Engine,
    /// The vote-signing secret once read: it never changes after creation,
    /// and every vote needs it.
    pub signing_key: std::sync::Arc<tokio::sync::OnceCell<Vec<u8>>>,
    /// False while the last probe of a PostgreSQL server failed (see
    /// `watch_reachability`): requests are then answered a 503 at once
    /// rather than each waiting for the pool's timeout.
    reachable: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Db {
    /// Opens the store named by `url`, creating an SQLite file (and its folder) when needed.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let engine = if url.starts_with("sqlite:") {
            Engine::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Engine::Postgres
        } else {
            return Err(sqlx::Error::Configuration(
                format!("DATABASE_URL must start with sqlite: or postgres:, got {url}").into(),
            ));
        };
        let mut url = url.to_owned();
        if engine == Engine::Sqlite {
            ensure_sqlite_folder(&url)?;
            if !url.contains("mode=") && !url.contains(":memory:") {
                url.push(if url.contains('?') { '&' } else { '?' });
                url.push_str("mode=rwc");
            }
        }
        let options = AnyConnectOptions::from_str(&url)?
            .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_millis(500));
        let pool = AnyPoolOptions::new()
            // SQLite has one writer; more connections only queue on its lock.
            .max_connections(if engine == Engine::Sqlite { 8 } else { 16 })
            // With PostgreSQL stopped or restarting, a request gets its 503
            // within seconds instead of hanging; the pool reconnects by itself.
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if engine == Engine::Sqlite {
                        // WAL lets readers go on while a vote is written.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Db {
            pool,
            engine,
            signing_key: Default::default(),
            reachable: std::sync::Arc::new(true.into()),
        })
    }

    /// Whether the database answered its last probe (always, for SQLite).
    pub fn reachable(&self) -> bool {
        self.reachable.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Probes a PostgreSQL server twice a second in the background, so that
    /// while it is stopped or restarting every request gets its 503 at once,
    /// and so that the site is back within half a second of the server (the
    /// pool reconnects by itself). SQLite needs no probe: its file is here.
    pub fn watch_reachability(&self) {
        if self.engine != Engine::Postgres {
            return;
        }
        let db = self.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(PROBE_EVERY);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                every.tick().await;
                let probe = sqlx::query("SELECT 1").execute(&db.pool);
                let up = match tokio::time::timeout(PROBE_TIMEOUT, probe).await {
                    Ok(Ok(_)) => true,
                    Ok(Err(e)) => !super::db_error::is_unavailable(&e),
                    // Every connection busy is a loaded server, not a lost one.
                    Err(_) => {
                        let saturated = db.pool.num_idle() == 0
                            && db.pool.size() >= db.pool.options().get_max_connections();
                        saturated && db.reachable()
                    }
                };
                let was = db.reachable.swap(up, std::sync::atomic::Ordering::Relaxed);
                if was != up {
                    tracing::warn!(up, "database reachability changed");
                }
            }
        });
    }

    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self.engine {
            Engine::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&self.pool).await,
            Engine::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.pool)
                    .await
            }
        }
    }
}

fn ensure_sqlite_folder(url: &str) -> Result<(), sqlx::Error> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path.contains(":memory:") {
        return Ok(());
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
        }
    }
    Ok(())
}

/// Now, in unix seconds.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

pub use super::db_error::{is_transient, is_unique_violation};

/// Runs `transaction` (one whole transaction, begun and committed inside)
/// again when the database reports a race lost for now rather than for good:
/// a deadlock or serialization failure on PostgreSQL, a busy or locked
/// database on SQLite. The waits are jittered so that the two sides of a
/// deadlock do not collide again. Anything else, or the last failure, is
/// returned as it is.
pub async fn retry_transient<T, F, Fut>(mut transaction: F) -> Result<T, sqlx::Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, sqlx::Error>>,
{
    use rand::Rng;
    let mut attempt = 1;
    loop {
        match transaction().await {
            Err(e) if is_transient(&e) && attempt < TRANSACTION_ATTEMPTS => {
                let ceiling = 10u64 << attempt;
                let wait = rand::thread_rng().gen_range(ceiling / 2..=ceiling);
                tracing::debug!("transaction retried after {e} (attempt {attempt})");
                tokio::time::sleep(Duration::from_millis(wait)).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// Replaces the rows of a link table that belong to one owner (an avenue's
/// themes, a session's themes...) by `items`, inside the caller's transaction.
/// `table` and the column names are the caller's constants, never input.
pub async fn replace_links(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    table: &str,
    owner_column: &str,
    owner: i64,
    item_column: &str,
    items: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query(&format!("DELETE FROM {table} WHERE {owner_column} = $1"))
        .bind(owner)
        .execute(&mut **tx)
        .await?;
    let insert = format!("INSERT INTO {table} ({owner_column}, {item_column}) VALUES ($1, $2)");
    for item in items {
        sqlx::query(&insert)
            .bind(owner)
            .bind(item)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
