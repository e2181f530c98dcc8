//! `participe backup FILE` and `participe restore FILE [--force]`, on both engines,
//! each with the engine's own tools so a backup is consistent while the site runs:
//! SQLite writes a compact copy with `VACUUM INTO` (one read transaction);
//! PostgreSQL runs `pg_dump -Fc` and `pg_restore --clean --if-exists` in one
//! transaction, found on PATH. The connection reaches them through libpq's
//! environment variables, never the command line, where `ps` would show the password.
//!
//! Neither command migrates: a backup taken before an upgrade keeps the old schema,
//! and the next `participe serve` migrates what was restored.

use sqlx::{Connection, Row};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The first bytes of each kind of backup file.
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
const PG_DUMP_MAGIC: &[u8] = b"PGDMP";
/// The table sqlx keeps the applied migrations in: a migrated store without rows is empty.
const MIGRATIONS_TABLE: &str = "_sqlx_migrations";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sqlite,
    Postgres,
}

impl Kind {
    fn of_url(url: &str) -> Result<Kind, String> {
        if url.starts_with("sqlite:") {
            Ok(Kind::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Kind::Postgres)
        } else {
            Err("DATABASE_URL must start with sqlite: or postgres:".into())
        }
    }

    fn of_file(file: &Path) -> Result<Kind, String> {
        use std::io::Read;
        let mut head = [0u8; 16];
        let read = std::fs::File::open(file)
            .and_then(|mut f| f.read(&mut head))
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let head = &head[..read];
        if head.starts_with(SQLITE_MAGIC) {
            Ok(Kind::Sqlite)
        } else if head.starts_with(PG_DUMP_MAGIC) {
            Ok(Kind::Postgres)
        } else {
            Err(format!(
                "{} is not a backup made by `participe backup` (neither an SQLite file nor a pg_dump archive)",
                file.display()
            ))
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Sqlite => "SQLite",
            Kind::Postgres => "PostgreSQL",
        }
    }
}

/// Writes a backup of the store at `database_url` to `file`, which must not exist.
pub async fn backup(database_url: &str, file: &Path) -> Result<(), String> {
    if file.exists() {
        return Err(format!(
            "{} already exists: choose another file name (a backup never overwrites one)",
            file.display()
        ));
    }
    let kind = Kind::of_url(database_url)?;
    // Written beside the target under a temporary name, then renamed: a failed
    // backup never leaves a truncated file that looks like a good one.
    let partial = partial_file_beside(file)?;
    match kind {
        Kind::Sqlite => sqlite_backup(database_url, partial.path()).await?,
        Kind::Postgres => pg_dump(database_url, partial.path())?,
    }
    partial.persist_noclobber(file).map_err(|e| {
        format!(
            "cannot move the backup into {}: {}",
            file.display(),
            e.error
        )
    })?;
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    println!(
        "Backup of {} ({}) written to {} ({} KB)",
        redacted(database_url),
        kind.name(),
        file.display(),
        size.div_ceil(1024)
    );
    Ok(())
}

/// Replaces the content of the store at `database_url` by the backup `file`.
/// A store holding rows is replaced only with `force`.
pub async fn restore(database_url: &str, file: &Path, force: bool) -> Result<(), String> {
    let kind = Kind::of_url(database_url)?;
    let file_kind = Kind::of_file(file)?;
    if kind != file_kind {
        return Err(format!(
            "{} is a {} backup, but DATABASE_URL names a {} database",
            file.display(),
            file_kind.name(),
            kind.name()
        ));
    }
    match kind {
        Kind::Sqlite => sqlite_restore(database_url, file, force).await?,
        Kind::Postgres => pg_restore(database_url, file, force).await?,
    }
    println!(
        "Restored {} into {} ({}). The next `participe serve` applies any newer migrations.",
        file.display(),
        redacted(database_url),
        kind.name()
    );
    Ok(())
}

fn partial_file_beside(file: &Path) -> Result<tempfile::NamedTempFile, String> {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    tempfile::Builder::new()
        .prefix(".participe-partial-")
        .tempfile_in(folder)
        .map_err(|e| format!("cannot write in {}: {e}", folder.display()))
}

fn refuse_non_empty(database_url: &str, tables_with_rows: &[String]) -> String {
    format!(
        "{} is not empty (rows in {}{}): restoring replaces everything in it; \
         add --force to do so, or restore into a fresh database",
        redacted(database_url),
        tables_with_rows
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
        if tables_with_rows.len() > 5 {
            ", …"
        } else {
            ""
        }
    )
}

// --- SQLite ---------------------------------------------------------------

/// The file an `sqlite:` URL names (`sqlite://data/x.db?mode=rwc` → `data/x.db`).
fn sqlite_path(url: &str) -> Result<PathBuf, String> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path.contains(":memory:") {
        return Err("an in-memory SQLite database has nothing to back up or restore".into());
    }
    Ok(PathBuf::from(path))
}

async fn sqlite_open(path: &Path, read_only: bool) -> Result<sqlx::SqliteConnection, String> {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .read_only(read_only)
        .busy_timeout(std::time::Duration::from_secs(10));
    sqlx::SqliteConnection::connect_with(&options)
        .await
        .map_err(|e| format!("cannot open {}: {e}", path.display()))
}

async fn sqlite_backup(database_url: &str, partial: &Path) -> Result<(), String> {
    let source = sqlite_path(database_url)?;
    if !source.exists() {
        return Err(format!("{} does not exist", source.display()));
    }
    let mut conn = sqlite_open(&source, true).await?;
    vacuum_into(&mut conn, partial).await
}

/// `VACUUM INTO` copies a consistent snapshot (committed data, WAL included) into
/// an empty file, compacted.
async fn vacuum_into(conn: &mut sqlx::SqliteConnection, target: &Path) -> Result<(), String> {
    let target = target
        .to_str()
        .ok_or("the backup file name must be valid UTF-8")?;
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&mut *conn)
        .await
        .map_err(|e| format!("SQLite backup failed: {e}"))?;
    Ok(())
}

async fn sqlite_restore(database_url: &str, file: &Path, force: bool) -> Result<(), String> {
    let target = sqlite_path(database_url)?;
    let mut backup = sqlite_open(file, true).await?;
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut backup)
        .await
        .map_err(|e| format!("{} cannot be read: {e}", file.display()))?;
    if check != "ok" {
        return Err(format!("{} is damaged: {check}", file.display()));
    }
    if sqlite_tables(&mut backup)
        .await?
        .iter()
        .all(|t| t != MIGRATIONS_TABLE)
    {
        return Err(format!(
            "{} is an SQLite file but not a Participe database",
            file.display()
        ));
    }
    if target.exists() {
        let mut current = sqlite_open(&target, true).await?;
        let full = sqlite_tables_with_rows(&mut current).await?;
        current.close().await.ok();
        if !full.is_empty() && !force {
            return Err(refuse_non_empty(database_url, &full));
        }
    } else if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    // A fresh copy beside the store, then one rename: the store is either the
    // old one or the restored one, never half of each.
    let partial = partial_file_beside(&target)?;
    vacuum_into(&mut backup, partial.path()).await?;
    backup.close().await.ok();
    // The old store's write-ahead log would be replayed into the new file.
    for suffix in ["-wal", "-shm"] {
        let mut side = target.clone().into_os_string();
        side.push(suffix);
        match std::fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot remove {}: {e}", Path::new(&side).display())),
        }
    }
    partial
        .persist(&target)
        .map_err(|e| format!("cannot replace {}: {}", target.display(), e.error))?;
    Ok(())
}

async fn sqlite_tables(conn: &mut sqlx::SqliteConnection) -> Result<Vec<String>, String> {
    sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_all(conn)
    .await
    .map_err(|e| format!("cannot list the tables: {e}"))
}

async fn sqlite_tables_with_rows(conn: &mut sqlx::SqliteConnection) -> Result<Vec<String>, String> {
    let mut full = Vec::new();
    for table in sqlite_tables(conn).await? {
        if table == MIGRATIONS_TABLE {
            continue;
        }
        let quoted = format!("\"{}\"", table.replace('"', "\"\""));
        let any: bool = sqlx::query_scalar(&format!("SELECT EXISTS (SELECT 1 FROM {quoted})"))
            .fetch_one(&mut *conn)
            .await
            .map_err(|e| format!("cannot read {table}: {e}"))?;
        if any {
            full.push(table);
        }
    }
    Ok(full)
}

// --- PostgreSQL -----------------------------------------------------------

/// libpq's environment for the store at `url`: host, port, user, password, database
/// and TLS settings, percent-decoded. sqlx's own options (statement cache) are dropped.
fn libpq_env(url: &str) -> Result<Vec<(&'static str, String)>, String> {
    let parsed = url::Url::parse(url).map_err(|e| format!("DATABASE_URL: {e}"))?;
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let mut env = Vec::new();
    if let Some(host) = parsed.host_str().filter(|h| !h.is_empty()) {
        env.push((
            "PGHOST",
            decode(host.trim_start_matches('[').trim_end_matches(']')),
        ));
    }
    if let Some(port) = parsed.port() {
        env.push(("PGPORT", port.to_string()));
    }
    if !parsed.username().is_empty() {
        env.push(("PGUSER", decode(parsed.username())));
    }
    if let Some(password) = parsed.password() {
        env.push(("PGPASSWORD", decode(password)));
    }
    let database = parsed.path().trim_start_matches('/');
    if !database.is_empty() {
        env.push(("PGDATABASE", decode(database)));
    }
    for (key, value) in parsed.query_pairs() {
        let name = match key.as_ref() {
            "sslmode" | "ssl-mode" => "PGSSLMODE",
            "sslrootcert" | "ssl-root-cert" | "ssl-ca" => "PGSSLROOTCERT",
            "sslcert" | "ssl-cert" => "PGSSLCERT",
            "sslkey" | "ssl-key" => "PGSSLKEY",
            "host" => "PGHOST",
            "hostaddr" => "PGHOSTADDR",
            "port" => "PGPORT",
            "user" => "PGUSER",
            "password" => "PGPASSWORD",
            "dbname" => "PGDATABASE",
            "application_name" => "PGAPPNAME",
            "options" => "PGOPTIONS",
            "connect_timeout" => "PGCONNECT_TIMEOUT",
            _ => continue,
        };
        env.push((name, value.into_owned()));
    }
    Ok(env)
}

/// Runs a PostgreSQL client tool with the store's connection in its environment.
fn pg_tool(tool: &str, database_url: &str, args: &[&std::ffi::OsStr]) -> Result<Vec<u8>, String> {
    let mut command = Command::new(tool);
    command.args(args);
    // Only what the URL says: stray PG* variables of the shell would mix in.
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("PG") {
            command.env_remove(name);
        }
    }
    command.envs(libpq_env(database_url)?);
    let output = command.output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!(
            "{tool} is not on PATH: install PostgreSQL's client tools (Debian: apt-get install postgresql-client), \
             the same major version as the server or newer"
        ),
        _ => format!("cannot run {tool}: {e}"),
    })?;
    if !output.status.success() {
        return Err(format!(
            "{tool} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(output.stdout)
}

fn pg_dump(database_url: &str, partial: &Path) -> Result<(), String> {
    pg_tool(
        "pg_dump",
        database_url,
        &[
            "--format=custom".as_ref(),
            "--no-owner".as_ref(),
            "--no-privileges".as_ref(),
            "--file".as_ref(),
            partial.as_os_str(),
        ],
    )?;
    Ok(())
}

async fn pg_restore(database_url: &str, file: &Path, force: bool) -> Result<(), String> {
    let mut conn = sqlx::PgConnection::connect(database_url)
        .await
        .map_err(|e| format!("cannot connect to {}: {e}", redacted(database_url)))?;
    let current: Vec<(String, String)> = sqlx::query(
        "SELECT schemaname::text, tablename::text FROM pg_tables \
         WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    )
    .fetch_all(&mut conn)
    .await
    .map_err(|e| format!("cannot list the tables: {e}"))?
    .iter()
    .map(|row| (row.get(0), row.get(1)))
    .collect();
    let mut full = Vec::new();
    for (schema, table) in &current {
        if table == MIGRATIONS_TABLE {
            continue;
        }
        let any: bool = sqlx::query_scalar(&format!(
            "SELECT EXISTS (SELECT 1 FROM {}.{})",
            pg_ident(schema),
            pg_ident(table)
        ))
        .fetch_one(&mut conn)
        .await
        .map_err(|e| format!("cannot read {table}: {e}"))?;
        if any {
            full.push(table.clone());
        }
    }
    conn.close().await.ok();
    if !full.is_empty() && !force {
        return Err(refuse_non_empty(database_url, &full));
    }
    // `--clean` drops what the backup holds; a table only the store has (a newer
    // migration) would survive beside the restored schema and break the next start.
    let listing = String::from_utf8_lossy(&pg_tool(
        "pg_restore",
        database_url,
        &["--list".as_ref(), file.as_os_str()],
    )?)
    .into_owned();
    let in_backup = backup_tables(&listing);
    let extra: Vec<&str> = current
        .iter()
        .filter(|t| !in_backup.contains(t))
        .map(|(_, table)| table.as_str())
        .collect();
    if !extra.is_empty() {
        return Err(format!(
            "{} holds tables the backup does not ({}), probably from a newer version: \
             restore into a fresh, empty database instead (createdb), then point DATABASE_URL at it",
            redacted(database_url),
            extra.join(", ")
        ));
    }
    // One transaction: the store is the old one or the restored one, never a mix.
    // `--dbname=` empty: libpq takes the database from PGDATABASE.
    pg_tool(
        "pg_restore",
        database_url,
        &[
            "--clean".as_ref(),
            "--if-exists".as_ref(),
            "--no-owner".as_ref(),
            "--no-privileges".as_ref(),
            "--single-transaction".as_ref(),
            "--exit-on-error".as_ref(),
            "--dbname=".as_ref(),
            file.as_os_str(),
        ],
    )?;
    Ok(())
}

/// The tables of a `pg_restore --list` listing: lines like
/// `215; 1259 16390 TABLE public votes postgres`.
fn backup_tables(listing: &str) -> Vec<(String, String)> {
    listing
        .lines()
        .filter(|line| !line.starts_with(';'))
        .filter_map(|line| {
            // id; table-oid oid KIND schema name owner (KIND may be two words: TABLE DATA)
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                [_, _, _, "TABLE", schema, name, ..] if *schema != "DATA" => {
                    Some(((*schema).to_owned(), (*name).to_owned()))
                }
                _ => None,
            }
        })
        .collect()
}

fn pg_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The URL without its password, to print.
fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libpq_env_decodes_the_url_and_keeps_the_password_off_the_command_line() {
        let env = libpq_env(
            "postgres://city%40app:p%40ss%2Fw@db.example.org:6543/participe?sslmode=verify-full&statement-cache-capacity=10",
        )
        .unwrap();
        assert_eq!(
            env,
            vec![
                ("PGHOST", "db.example.org".to_owned()),
                ("PGPORT", "6543".to_owned()),
                ("PGUSER", "city@app".to_owned()),
                ("PGPASSWORD", "p@ss/w".to_owned()),
                ("PGDATABASE", "participe".to_owned()),
                ("PGSSLMODE", "verify-full".to_owned()),
            ]
        );
    }

    #[test]
    fn a_unix_socket_host_is_decoded() {
        let env = libpq_env("postgresql://participe@%2Fvar%2Frun%2Fpostgresql/participe").unwrap();
        assert!(env.contains(&("PGHOST", "/var/run/postgresql".to_owned())));
    }

    #[test]
    fn the_listing_names_the_tables_only() {
        let listing = ";\n; Archive created at 2026-11-29\n;\n\
            215; 1259 16390 TABLE public votes postgres\n\
            216; 1259 16389 SEQUENCE public votes_id_seq postgres\n\
            3390; 0 16390 TABLE DATA public votes postgres\n\
            217; 1259 16400 TABLE public _sqlx_migrations postgres\n";
        assert_eq!(
            backup_tables(listing),
            vec![
                ("public".to_owned(), "votes".to_owned()),
                ("public".to_owned(), "_sqlx_migrations".to_owned()),
            ]
        );
    }

    #[test]
    fn printed_urls_hide_the_password() {
        assert_eq!(
            redacted("postgres://app:secret@db/participe"),
            "postgres://app:***@db/participe"
        );
        assert_eq!(
            redacted("sqlite://data/participe.db"),
            "sqlite://data/participe.db"
        );
    }

    #[test]
    fn the_sqlite_path_comes_from_the_url() {
        assert_eq!(
            sqlite_path("sqlite://data/participe.db?mode=rwc").unwrap(),
            PathBuf::from("data/participe.db")
        );
        assert_eq!(
            sqlite_path("sqlite:///var/lib/participe/p.db").unwrap(),
            PathBuf::from("/var/lib/participe/p.db")
        );
        assert!(sqlite_path("sqlite::memory:").is_err());
    }
}
