//! `participe backup` and `participe restore`, run as the built binary would be by
//! an administrator: a backup of a running site with the demo loaded, restored
//! into a fresh database, holds the same rows in every table; a database holding
//! rows is replaced only with `--force`; the restored store serves the site.

use crate::common::{fresh_database, spawn_app, spawn_on, Engine, CONSULTATION};
use crate::per_engine;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::Path;

per_engine!(backup_restores_every_row);

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// Runs `participe ARGS` with `DATABASE_URL` set, off the test's runtime.
async fn participe(database_url: &str, args: &[&str], cwd: &Path) -> Run {
    let database_url = database_url.to_owned();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let cwd = cwd.to_owned();
    tokio::task::spawn_blocking(move || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_participe"))
            .args(&args)
            .env("DATABASE_URL", &database_url)
            .env("RUST_LOG", "warn")
            .current_dir(&cwd)
            .output()
            .expect("the participe binary runs");
        Run {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    })
    .await
    .unwrap()
}

/// Every table of the store: its row count and a digest of all its rows in order.
async fn snapshot(db: &app::ssr::Db) -> BTreeMap<String, (i64, u64)> {
    let tables: Vec<String> = match db.engine {
        app::ssr::db::Engine::Sqlite => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        ),
        app::ssr::db::Engine::Postgres => {
            sqlx::query_scalar("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'")
        }
    }
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let mut snapshot = BTreeMap::new();
    for table in tables {
        // Each row as text, in a stable order, joined: the table's whole content.
        let sql = match db.engine {
            app::ssr::db::Engine::Sqlite => {
                let columns: Vec<String> =
                    sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
                        .bind(&table)
                        .fetch_all(&db.pool)
                        .await
                        .unwrap();
                let row = columns
                    .iter()
                    .map(|c| format!("quote(\"{c}\")"))
                    .collect::<Vec<_>>()
                    .join(" || ',' || ");
                format!(
                    "SELECT count(*), coalesce(group_concat(r, char(10)), '') \
                     FROM (SELECT {row} AS r FROM \"{table}\" ORDER BY r)"
                )
            }
            app::ssr::db::Engine::Postgres => format!(
                "SELECT count(*), coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') \
                 FROM \"{table}\" t"
            ),
        };
        let (count, content): (i64, String) =
            sqlx::query_as(&sql).fetch_one(&db.pool).await.unwrap();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        content.hash(&mut hasher);
        snapshot.insert(table, (count, hasher.finish()));
    }
    snapshot
}

async fn drop_database(url: &str) {
    use sqlx::Executor;
    let admin_url = crate::common::postgres_url().unwrap();
    let name = url.rsplit('/').next().unwrap();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url)
        .await
        .unwrap();
    conn.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
        .await
        .unwrap();
}

async fn backup_restores_every_row(engine: Engine) {
    // The site runs with the demo loaded: the backup is taken online.
    let site = spawn_app(engine, true).await;
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("participe.backup");
    let file_arg = file.to_str().unwrap();

    let made = participe(
        &site.config.database_url,
        &["backup", file_arg],
        work.path(),
    )
    .await;
    assert!(made.ok, "backup failed: {}", made.stderr);
    assert!(made.stdout.contains("written to"), "{}", made.stdout);
    let again = participe(
        &site.config.database_url,
        &["backup", file_arg],
        work.path(),
    )
    .await;
    assert!(!again.ok, "a backup overwrote an existing file");
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);

    let original = snapshot(&site.db).await;
    assert!(
        original["proposals"].0 >= 36
            && original["votes"].0 > 0
            && original["registrations"].0 >= 100,
        "the demo is in the store: {original:?}"
    );

    // Into a fresh database: every table holds the same rows.
    let (target_url, _target_dir) = fresh_database(engine).await;
    let restored = participe(&target_url, &["restore", file_arg], work.path()).await;
    assert!(
        restored.ok,
        "restore failed: {}\n{}",
        restored.stderr, restored.stdout
    );
    assert!(restored.stdout.contains("Restored"), "{}", restored.stdout);
    let restored_db = app::ssr::Db::connect(&target_url).await.unwrap();
    assert_eq!(snapshot(&restored_db).await, original);

    // A database holding rows is replaced only when asked.
    let refused = participe(&target_url, &["restore", file_arg], work.path()).await;
    assert!(!refused.ok, "restore overwrote a database holding rows");
    assert!(
        refused.stderr.contains("not empty") && refused.stderr.contains("--force"),
        "{}",
        refused.stderr
    );
    sqlx::query("UPDATE processes SET title = 'Changed after the backup'")
        .execute(&restored_db.pool)
        .await
        .unwrap();
    restored_db.pool.close().await;
    let forced = participe(&target_url, &["restore", "--force", file_arg], work.path()).await;
    assert!(forced.ok, "restore --force failed: {}", forced.stderr);

    // The restored store serves the site as the original did.
    let copy = spawn_on(engine, target_url.clone(), None, false).await;
    assert_eq!(snapshot(&copy.db).await, original);
    let (status, page) = copy
        .get_html(
            &copy.html_client(),
            &format!("/consultations/{CONSULTATION}"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Mulhouse"), "the demo consultation is served");

    // A backup of the other engine is refused with the reason.
    let other_url = match engine {
        Engine::Sqlite => "postgres://nobody@127.0.0.1:1/none".to_owned(),
        Engine::Postgres => format!("sqlite://{}/other.db", work.path().display()),
    };
    let mismatch = participe(&other_url, &["restore", file_arg], work.path()).await;
    assert!(!mismatch.ok);
    assert!(
        mismatch.stderr.contains("backup, but DATABASE_URL names"),
        "{}",
        mismatch.stderr
    );

    if engine == Engine::Postgres {
        copy.db.pool.close().await;
        site.db.pool.close().await;
        drop_database(&target_url).await;
        drop_database(&site.config.database_url).await;
    }
}
