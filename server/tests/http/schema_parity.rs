//! The two migration sets (`app/migrations/sqlite` and `app/migrations/postgres`)
//! must build the same schema: each table with the same columns (type family and
//! nullability), primary and unique keys, and foreign keys with their on-delete
//! action. Both sets are hand-written twins, so this catches a step one forgot.

use crate::common::{fresh_database, postgres_skipped, Engine};
use std::collections::{BTreeMap, BTreeSet};

/// Each table's facts as comparable lines ("column x: integer not null", ...).
type Schema = BTreeMap<String, BTreeSet<String>>;

/// Where the migrations may differ without it being drift: the predicates of
/// partial unique indexes are written in each engine's own dialect, so only
/// the fact that an index is partial is compared; the predicates are listed
/// next to a drift to help read it.
type Predicates = BTreeMap<String, Vec<String>>;

/// The family of a declared column type, so that `BIGINT` (PostgreSQL) and
/// `INTEGER` (SQLite) compare equal while `TEXT` and `BIGINT` do not.
fn family(declared: &str) -> String {
    let t = declared.to_ascii_uppercase();
    let family = if t.contains("INT") || t == "SERIAL" || t == "BIGSERIAL" {
        "integer"
    } else if t.contains("CHAR") || t.contains("TEXT") || t.contains("CLOB") {
        "text"
    } else if t.contains("REAL") || t.contains("DOUB") || t.contains("FLOA") {
        "real"
    } else if t.contains("NUMERIC") || t.contains("DECIMAL") {
        "numeric"
    } else if t.contains("BLOB") || t == "BYTEA" {
        "bytes"
    } else if t.contains("BOOL") {
        "boolean"
    } else if t.starts_with("TIMESTAMP") {
        "timestamp"
    } else {
        // JSON, DATE...: compared by their own name.
        return t.to_ascii_lowercase();
    };
    family.to_owned()
}

fn column_line(name: &str, declared: &str, not_null: bool) -> String {
    let null = if not_null { "not null" } else { "null" };
    format!("column {name}: {} {null}", family(declared))
}

fn key_line(kind: &str, mut columns: Vec<String>, partial: bool) -> String {
    columns.sort();
    let partial = if partial { " (partial)" } else { "" };
    format!("{kind} ({}){partial}", columns.join(", "))
}

fn foreign_key_line(from: &[String], table: &str, to: &[String], on_delete: &str) -> String {
    format!(
        "foreign key ({}) -> {table} ({}) on delete {}",
        from.join(", "),
        to.join(", "),
        on_delete.to_ascii_lowercase()
    )
}

/// The schema the SQLite migrations build, read back through its pragmas.
async fn sqlite_schema(url: &str) -> (Schema, Predicates) {
    let pool = sqlx::SqlitePool::connect(url).await.expect("SQLite opens");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut schema = Schema::new();
    let mut predicates = Predicates::new();
    let mut primary_keys = BTreeMap::new();
    for table in &tables {
        let columns: Vec<(String, String, i64, i64)> =
            sqlx::query_as(r#"SELECT name, type, "notnull", pk FROM pragma_table_info(?)"#)
                .bind(table)
                .fetch_all(&pool)
                .await
                .unwrap();
        let mut lines = BTreeSet::new();
        let mut pk: Vec<(i64, String)> = Vec::new();
        for (name, declared, not_null, in_pk) in &columns {
            // A primary key column never holds NULL in practice (PostgreSQL
            // says so; SQLite's pragma only reports an explicit NOT NULL).
            lines.insert(column_line(name, declared, *not_null != 0 || *in_pk > 0));
            if *in_pk > 0 {
                pk.push((*in_pk, name.clone()));
            }
        }
        pk.sort();
        let pk: Vec<String> = pk.into_iter().map(|(_, name)| name).collect();
        if !pk.is_empty() {
            lines.insert(key_line("primary key", pk.clone(), false));
        }
        primary_keys.insert(table.clone(), pk);

        let indexes: Vec<(String, i64, String, i64)> =
            sqlx::query_as(r#"SELECT name, "unique", origin, partial FROM pragma_index_list(?)"#)
                .bind(table)
                .fetch_all(&pool)
                .await
                .unwrap();
        for (index, unique, origin, partial) in indexes {
            if unique == 0 || origin == "pk" {
                continue;
            }
            let columns: Vec<Option<String>> =
                sqlx::query_scalar("SELECT name FROM pragma_index_info(?) ORDER BY seqno")
                    .bind(&index)
                    .fetch_all(&pool)
                    .await
                    .unwrap();
            let columns = columns
                .into_iter()
                .map(|c| c.unwrap_or_else(|| "(expression)".to_owned()))
                .collect();
            lines.insert(key_line("unique", columns, partial != 0));
            if partial != 0 {
                let sql: String =
                    sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE name = ?")
                        .bind(&index)
                        .fetch_one(&pool)
                        .await
                        .unwrap();
                let upper = sql.to_ascii_uppercase();
                let predicate = upper.rfind(" WHERE ").map_or("", |at| &sql[at + 7..]);
                predicates
                    .entry(table.clone())
                    .or_default()
                    .push(format!("{index}: WHERE {}", predicate.trim()));
            }
        }
        schema.insert(table.clone(), lines);
    }
    for table in &tables {
        let links: Vec<(i64, String, String, Option<String>, String)> = sqlx::query_as(
            r#"SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq"#,
        )
        .bind(table)
        .fetch_all(&pool)
        .await
        .unwrap();
        let mut by_id: BTreeMap<i64, (String, Vec<String>, Vec<String>, String)> = BTreeMap::new();
        for (id, target, from, to, on_delete) in links {
            let entry = by_id
                .entry(id)
                .or_insert_with(|| (target.clone(), vec![], vec![], on_delete));
            entry.1.push(from);
            if let Some(to) = to {
                entry.2.push(to);
            }
        }
        for (target, from, mut to, on_delete) in by_id.into_values() {
            // `REFERENCES t` without columns points at t's primary key.
            if to.is_empty() {
                to = primary_keys.get(&target).cloned().unwrap_or_default();
            }
            let line = foreign_key_line(&from, &target, &to, &on_delete);
            schema.get_mut(table).unwrap().insert(line);
        }
    }
    pool.close().await;
    (schema, predicates)
}

/// A unique index of PostgreSQL (unique constraints and primary keys have one).
#[derive(sqlx::FromRow)]
struct PgIndex {
    table: String,
    index: String,
    primary: bool,
    columns: Vec<String>,
    expression: bool,
    predicate: Option<String>,
}

/// A foreign key of PostgreSQL; `action` is `pg_constraint.confdeltype`.
#[derive(sqlx::FromRow)]
struct PgLink {
    table: String,
    target: String,
    action: String,
    from_columns: Vec<String>,
    to_columns: Vec<String>,
}

/// The schema the PostgreSQL migrations build, read back from its catalog.
async fn postgres_schema(url: &str) -> (Schema, Predicates) {
    let pool = sqlx::PgPool::connect(url).await.expect("PostgreSQL opens");
    let mut schema = Schema::new();
    let mut predicates = Predicates::new();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT tablename::text FROM pg_tables \
         WHERE schemaname = 'public' AND tablename <> '_sqlx_migrations'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for table in tables {
        schema.insert(table, BTreeSet::new());
    }
    let columns: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text \
         FROM information_schema.columns WHERE table_schema = 'public'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for (table, name, declared, nullable) in columns {
        if let Some(lines) = schema.get_mut(&table) {
            lines.insert(column_line(&name, &declared, nullable == "NO"));
        }
    }
    // Unique constraints are backed by unique indexes: reading the indexes
    // covers both, as SQLite's index list does.
    let indexes: Vec<PgIndex> = sqlx::query_as(
        "SELECT t.relname::text AS table, i.relname::text AS index, ix.indisprimary AS primary, \
            ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) \
                  JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns, \
            ix.indexprs IS NOT NULL AS expression, pg_get_expr(ix.indpred, ix.indrelid) AS predicate \
         FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid \
         JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace \
         WHERE ns.nspname = 'public' AND ix.indisunique",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for PgIndex {
        table,
        index,
        primary,
        mut columns,
        expression,
        predicate,
    } in indexes
    {
        let Some(lines) = schema.get_mut(&table) else {
            continue;
        };
        if expression {
            columns.push("(expression)".to_owned());
        }
        let kind = if primary { "primary key" } else { "unique" };
        lines.insert(key_line(kind, columns, predicate.is_some()));
        if let Some(predicate) = predicate {
            predicates
                .entry(table)
                .or_default()
                .push(format!("{index}: WHERE {predicate}"));
        }
    }
    let links: Vec<PgLink> = sqlx::query_as(
        "SELECT t.relname::text AS table, r.relname::text AS target, c.confdeltype::text AS action, \
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n) \
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS from_columns, \
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n) \
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS to_columns \
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
         JOIN pg_class r ON r.oid = c.confrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace \
         WHERE c.contype = 'f' AND ns.nspname = 'public'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for PgLink {
        table,
        target,
        action,
        from_columns: from,
        to_columns: to,
    } in links
    {
        let on_delete = match action.as_str() {
            "c" => "cascade",
            "n" => "set null",
            "d" => "set default",
            "r" => "restrict",
            _ => "no action",
        };
        if let Some(lines) = schema.get_mut(&table) {
            lines.insert(foreign_key_line(&from, &target, &to, on_delete));
        }
    }
    pool.close().await;
    (schema, predicates)
}

/// Every difference between the two schemas, one line each, table by table.
fn drift(sqlite: &Schema, postgres: &Schema, predicates: [&Predicates; 2]) -> Vec<String> {
    let mut out = Vec::new();
    let names: BTreeSet<&String> = sqlite.keys().chain(postgres.keys()).collect();
    for table in names {
        match (sqlite.get(table), postgres.get(table)) {
            (Some(_), None) => out.push(format!("table {table}: only in SQLite")),
            (None, Some(_)) => out.push(format!("table {table}: only in PostgreSQL")),
            (Some(s), Some(p)) => {
                let before = out.len();
                for line in s.difference(p) {
                    out.push(format!("{table}: only in SQLite:     {line}"));
                }
                for line in p.difference(s) {
                    out.push(format!("{table}: only in PostgreSQL: {line}"));
                }
                if out.len() > before {
                    for (engine, found) in ["SQLite", "PostgreSQL"].iter().zip(predicates) {
                        for predicate in found.get(table).into_iter().flatten() {
                            out.push(format!("{table}: ({engine} partial index {predicate})"));
                        }
                    }
                }
            }
            (None, None) => unreachable!(),
        }
    }
    out
}

#[tokio::test]
async fn both_migration_sets_build_the_same_schema() {
    if postgres_skipped("both_migration_sets_build_the_same_schema") {
        return;
    }
    let mut urls = Vec::new();
    let mut keep = Vec::new();
    for engine in [Engine::Sqlite, Engine::Postgres] {
        let (url, dir) = fresh_database(engine).await;
        let db = app::ssr::Db::connect(&url).await.expect("database opens");
        db.migrate().await.expect("migrations apply");
        db.pool.close().await;
        urls.push(url);
        keep.push(dir);
    }
    let (sqlite, sqlite_predicates) = sqlite_schema(&urls[0]).await;
    let (postgres, postgres_predicates) = postgres_schema(&urls[1]).await;
    // Both readers see what the migrations wrote (an empty reading would
    // compare equal and prove nothing).
    for (engine, schema) in [("SQLite", &sqlite), ("PostgreSQL", &postgres)] {
        let phases = &schema["phases"];
        for fact in [
            "column position: integer not null",
            "primary key (id)",
            "unique (position, process_id)",
            "foreign key (process_id) -> processes (id) on delete cascade",
        ] {
            assert!(
                phases.contains(fact),
                "{engine} phases lack {fact}: {phases:?}"
            );
        }
    }
    let found = drift(
        &sqlite,
        &postgres,
        [&sqlite_predicates, &postgres_predicates],
    );
    let facts: usize = sqlite.values().map(BTreeSet::len).sum();
    eprintln!(
        "schema parity: {} tables, {facts} facts compared",
        sqlite.len()
    );
    assert!(
        found.is_empty(),
        "the SQLite and PostgreSQL migrations drift apart:\n{}",
        found.join("\n")
    );
}

#[test]
fn drift_names_each_difference() {
    let schema = |lines: &[&str]| -> Schema {
        let table = lines.iter().map(|l| l.to_string()).collect();
        [("t".to_owned(), table)].into()
    };
    assert_eq!(family("BIGINT"), family("INTEGER"));
    assert_eq!(family("DOUBLE PRECISION"), family("REAL"));
    assert_ne!(family("TEXT"), family("BIGINT"));
    let none = Predicates::new();
    let same = schema(&["column a: integer not null"]);
    assert!(drift(&same, &same, [&none, &none]).is_empty());
    let other = schema(&["column a: integer null"]);
    let found = drift(&same, &other, [&none, &none]);
    assert_eq!(
        found,
        [
            "t: only in SQLite:     column a: integer not null",
            "t: only in PostgreSQL: column a: integer null",
        ]
    );
    let mut more = other.clone();
    more.insert("u".to_owned(), BTreeSet::new());
    assert!(
        drift(&other, &more, [&none, &none]).contains(&"table u: only in PostgreSQL".to_owned())
    );
}
