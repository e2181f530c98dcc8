//! The moderation log: one line per decision, written inside the decision's
//! own transaction (so a decision without its line, or a line without its
//! decision, cannot exist), read back filtered and by pages.

use crate::consultation::logic::moderation::{search_text, LogAction, LogFilter};
use crate::ssr::db::Db;
use sqlx::any::AnyArguments;
use sqlx::query::{QueryAs, QueryScalar};
use sqlx::{Any, FromRow};

/// A decision to log.
#[derive(Debug, Clone)]
pub struct NewLogLine<'a> {
    pub consultation_id: i64,
    pub proposal_id: i64,
    pub moderator_id: i64,
    pub moderator_name: &'a str,
    pub action: LogAction,
    pub status_before: &'a str,
    pub reason: &'a str,
    pub message: &'a str,
    /// The proposal's text when decided (before a correction).
    pub before_text: &'a str,
    /// The corrected text; empty for other decisions.
    pub after_text: &'a str,
    pub target_id: Option<i64>,
    pub themes: &'a str,
    pub at: i64,
}

/// Writes `line` in the caller's transaction.
pub async fn write(
    tx: &mut sqlx::Transaction<'_, Any>,
    line: &NewLogLine<'_>,
) -> Result<(), sqlx::Error> {
    let search = search_text(&[
        line.moderator_name,
        line.reason,
        line.message,
        line.before_text,
        line.after_text,
        line.themes,
    ]);
    sqlx::query(
        "INSERT INTO moderation_log (consultation_id, proposal_id, moderator_id, moderator_name, action, \
         status_before, reason, message, before_text, after_text, target_id, themes, search_text, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(line.consultation_id)
    .bind(line.proposal_id)
    .bind(line.moderator_id)
    .bind(line.moderator_name)
    .bind(line.action.as_str())
    .bind(line.status_before)
    .bind(line.reason)
    .bind(line.message)
    .bind(line.before_text)
    .bind(line.after_text)
    .bind(line.target_id)
    .bind(line.themes)
    .bind(search)
    .bind(line.at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One line of the log as the staff page and the exports show it.
#[derive(Debug, Clone, FromRow)]
pub struct LogLine {
    pub id: i64,
    pub created_at: i64,
    pub moderator_id: Option<i64>,
    pub moderator_name: String,
    #[sqlx(try_from = "String")]
    pub action: LogAction,
    pub status_before: String,
    pub reason: String,
    pub message: String,
    pub before_text: String,
    pub after_text: String,
    pub target_id: Option<i64>,
    pub themes: String,
    pub proposal_id: i64,
    pub consultation_slug: String,
}

/// The conditions of a filter, with their values in placeholder order.
struct Conditions {
    sql: String,
    ints: Vec<(usize, i64)>,
    texts: Vec<(usize, String)>,
    next: usize,
}

impl Conditions {
    fn of(filter: &LogFilter, bounds: (Option<i64>, Option<i64>)) -> Conditions {
        let mut c = Conditions {
            sql: String::from("1 = 1"),
            ints: Vec::new(),
            texts: Vec::new(),
            next: 1,
        };
        if let Some(a) = filter.action {
            c.text("l.action = $", a.as_str().to_owned(), "");
        }
        if let Some(m) = filter.moderator {
            c.int("l.moderator_id = $", m);
        }
        if let Some(start) = bounds.0 {
            c.int("l.created_at >= $", start);
        }
        if let Some(end) = bounds.1 {
            c.int("l.created_at < $", end);
        }
        if let Some(pattern) = filter.like_pattern() {
            c.text("l.search_text LIKE $", pattern, " ESCAPE '\\'");
        }
        c
    }

    fn int(&mut self, sql: &str, v: i64) {
        self.sql.push_str(&format!(" AND {sql}{}", self.next));
        self.ints.push((self.next, v));
        self.next += 1;
    }

    fn text(&mut self, sql: &str, v: String, tail: &str) {
        self.sql.push_str(&format!(" AND {sql}{}{tail}", self.next));
        self.texts.push((self.next, v));
        self.next += 1;
    }

    /// The values, in placeholder order.
    fn values(&self) -> Vec<Value> {
        let mut all: Vec<(usize, Value)> = self
            .ints
            .iter()
            .map(|(i, v)| (*i, Value::Int(*v)))
            .chain(self.texts.iter().map(|(i, v)| (*i, Value::Text(v.clone()))))
            .collect();
        all.sort_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, v)| v).collect()
    }
}

enum Value {
    Int(i64),
    Text(String),
}

fn bind_all<'q, O>(
    mut q: QueryAs<'q, Any, O, AnyArguments<'q>>,
    values: Vec<Value>,
) -> QueryAs<'q, Any, O, AnyArguments<'q>> {
    for v in values {
        q = match v {
            Value::Int(i) => q.bind(i),
            Value::Text(s) => q.bind(s),
        };
    }
    q
}

fn bind_scalar<'q>(
    mut q: QueryScalar<'q, Any, i64, AnyArguments<'q>>,
    values: Vec<Value>,
) -> QueryScalar<'q, Any, i64, AnyArguments<'q>> {
    for v in values {
        q = match v {
            Value::Int(i) => q.bind(i),
            Value::Text(s) => q.bind(s),
        };
    }
    q
}

const LINE_COLUMNS: &str =
    "l.id, l.created_at, l.moderator_id, l.moderator_name, l.action, l.status_before, \
     l.reason, l.message, l.before_text, l.after_text, l.target_id, l.themes, l.proposal_id, \
     c.slug AS consultation_slug";

/// How many lines the filter keeps.
pub async fn count(
    db: &Db,
    filter: &LogFilter,
    bounds: (Option<i64>, Option<i64>),
) -> Result<i64, sqlx::Error> {
    let c = Conditions::of(filter, bounds);
    let sql = format!("SELECT COUNT(*) FROM moderation_log l WHERE {}", c.sql);
    bind_scalar(sqlx::query_scalar(&sql), c.values())
        .fetch_one(&db.pool)
        .await
}

/// The lines the filter keeps, newest first: `limit` of them from `offset`,
/// or all of them (the exports) when `limit` is None.
pub async fn lines(
    db: &Db,
    filter: &LogFilter,
    bounds: (Option<i64>, Option<i64>),
    limit: Option<(i64, i64)>,
) -> Result<Vec<LogLine>, sqlx::Error> {
    let c = Conditions::of(filter, bounds);
    let page = match limit {
        Some((limit, offset)) => format!(" LIMIT {limit} OFFSET {offset}"),
        None => String::new(),
    };
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM moderation_log l JOIN consultations c ON c.id = l.consultation_id \
         WHERE {} ORDER BY l.created_at DESC, l.id DESC{page}",
        c.sql
    );
    bind_all(sqlx::query_as(&sql), c.values())
        .fetch_all(&db.pool)
        .await
}

/// A moderator who appears in the log, for the filter's list.
#[derive(Debug, Clone, FromRow)]
pub struct LoggedModerator {
    pub id: i64,
    pub name: String,
}

pub async fn moderators(db: &Db) -> Result<Vec<LoggedModerator>, sqlx::Error> {
    sqlx::query_as(
        "SELECT moderator_id AS id, MAX(moderator_name) AS name FROM moderation_log \
         WHERE moderator_id IS NOT NULL GROUP BY moderator_id ORDER BY MAX(moderator_name)",
    )
    .fetch_all(&db.pool)
    .await
}
