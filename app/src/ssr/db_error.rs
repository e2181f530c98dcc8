//! Database failures become the app's error here, and only here.
//!
//! The schema enforces the invariants (one slug per process, one day per date,
//! one staff account per address); when it refuses a write, the refusal is
//! looked up in one table and turned into a message the person can act on.
//! A database that cannot be reached (stopped, restarting, the pool's wait
//! ran out) or cannot store more (a full disk) is a 503 with a message that
//! says so and that nothing typed is lost. Every other database error is
//! logged and shown as a message that reveals nothing. Constraints are unnamed in the migrations, so each is known by
//! PostgreSQL's generated name and by the columns SQLite's message lists.

use super::i18n::Tr;
use super::request::current_lang;
use crate::error::AppError;

/// A constraint refusal the person can act on.
struct Refusal {
    /// PostgreSQL's name for the constraint (`<table>_<columns>_key`).
    postgres: &'static str,
    /// What SQLite's "UNIQUE constraint failed: …" names.
    sqlite: &'static str,
    /// The form field to point at.
    field: &'static str,
    /// The Fluent message.
    message: &'static str,
}

const REFUSALS: &[Refusal] = &[
    Refusal {
        postgres: "processes_slug_key",
        sqlite: "processes.slug",
        field: "slug",
        message: "process-error-slug-taken",
    },
    Refusal {
        postgres: "consultations_slug_key",
        sqlite: "consultations.slug",
        field: "slug",
        message: "process-error-slug-taken",
    },
    Refusal {
        postgres: "events_slug_key",
        sqlite: "events.slug",
        field: "slug",
        message: "process-error-slug-taken",
    },
    Refusal {
        postgres: "surveys_slug_key",
        sqlite: "surveys.slug",
        field: "slug",
        message: "process-error-slug-taken",
    },
    Refusal {
        postgres: "rendezvous_slug_key",
        sqlite: "rendezvous.slug",
        field: "slug",
        message: "rendezvous-error-slug-taken",
    },
    Refusal {
        postgres: "event_days_event_id_day_key",
        sqlite: "event_days.event_id, event_days.day",
        field: "day",
        message: "programme-error-day-taken",
    },
    Refusal {
        postgres: "themes_process_id_name_key",
        sqlite: "themes.process_id, themes.name",
        field: "name",
        message: "theme-error-name-taken",
    },
    Refusal {
        postgres: "staff_accounts_email_key",
        sqlite: "staff_accounts.email",
        field: "email",
        message: "staff-error-email-taken",
    },
];

/// Which constraint refused the write, named as in `REFUSALS`, if any.
fn refusal(err: &sqlx::Error) -> Option<&'static Refusal> {
    let db = err.as_database_error()?;
    if !db.is_unique_violation() {
        return None;
    }
    let sqlite_columns = db
        .message()
        .strip_prefix("UNIQUE constraint failed: ")
        .unwrap_or_default();
    let name = db.constraint().unwrap_or_default();
    REFUSALS
        .iter()
        .find(|r| r.postgres == name || r.sqlite == sqlite_columns)
}

/// Whether the row a write points at is gone (a foreign key refused it): the
/// person asked about something that no longer exists.
fn missing_parent(err: &sqlx::Error) -> bool {
    err.as_database_error()
        .is_some_and(|d| d.is_foreign_key_violation())
}

/// The engine's error code: PostgreSQL's SQLSTATE, SQLite's extended result code.
fn code(err: &sqlx::Error) -> Option<String> {
    Some(err.as_database_error()?.code()?.into_owned())
}

/// SQLite's primary result code (the low byte of the extended one). SQLite's
/// codes have at most four digits; PostgreSQL's SQLSTATEs always have five.
fn sqlite_primary(code: &str) -> Option<i64> {
    (code.len() < 5)
        .then(|| code.parse::<i64>().ok())
        .flatten()
        .map(|c| c & 0xff)
}

/// A lost race that the same transaction would win if run again: a deadlock
/// or a serialization failure on PostgreSQL (40P01, 40001), a busy or locked
/// database on SQLite (SQLITE_BUSY 5, SQLITE_LOCKED 6 and their extended codes).
pub fn is_transient(err: &sqlx::Error) -> bool {
    match code(err).as_deref() {
        Some("40P01" | "40001") => true,
        Some(c) => matches!(sqlite_primary(c), Some(5 | 6)),
        None => false,
    }
}

/// The database cannot be reached for now: the pool waited in vain for a
/// connection, the connection broke, or PostgreSQL is shutting down or
/// starting (57P01-57P03, class 08 connection exceptions).
pub fn is_unavailable(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
        sqlx::Error::Tls(_) | sqlx::Error::WorkerCrashed => true,
        _ => code(err).is_some_and(|c| c.starts_with("57P") || c.starts_with("08")),
    }
}

/// The database cannot store more: SQLITE_FULL (13), or PostgreSQL's
/// disk_full (53100).
pub fn is_storage_full(err: &sqlx::Error) -> bool {
    match code(err).as_deref() {
        Some("53100") => true,
        Some(c) => sqlite_primary(c) == Some(13),
        None => false,
    }
}

/// Whether the database refused text it cannot hold: PostgreSQL stores no NUL
/// byte (SQLSTATE 22021, "invalid byte sequence"). The forms' parsers refuse
/// control characters first (`crate::text`); this is the net behind them.
fn unstorable_text(err: &sqlx::Error) -> bool {
    err.as_database_error()
        .and_then(|d| d.code())
        .is_some_and(|code| code == "22021")
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> AppError {
        let tr = Tr(current_lang());
        if let Some(r) = refusal(&err) {
            return AppError::invalid(r.field, tr.t(r.message));
        }
        if unstorable_text(&err) {
            tracing::warn!("text refused by the database: {err}");
            return AppError::Invalid {
                field: None,
                message: tr.t(crate::text::CONTROL_ERROR),
            };
        }
        if matches!(err, sqlx::Error::RowNotFound) || missing_parent(&err) {
            return AppError::NotFound(tr.t("error-not-found"));
        }
        if is_storage_full(&err) {
            tracing::error!("database full: {err}");
            return AppError::Unavailable(tr.t("error-storage-full"));
        }
        if is_unavailable(&err) || is_transient(&err) {
            tracing::warn!("database unavailable: {err}");
            return AppError::Unavailable(tr.t("error-unavailable"));
        }
        tracing::error!("database error: {err}");
        AppError::Internal(tr.t("error-internal"))
    }
}

/// Whether a database error is the violation of a unique constraint: for the
/// few places where a duplicate is an expected outcome (an idempotent retry,
/// an answer already given), not a refusal.
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    err.as_database_error()
        .is_some_and(|e| e.is_unique_violation())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_names_a_translated_message() {
        let ids = super::super::i18n::message_ids(crate::lang::Lang::Fr);
        for r in REFUSALS {
            assert!(ids.iter().any(|id| id == r.message), "{}", r.message);
            assert!(r.postgres.ends_with("_key"), "{}", r.postgres);
            let table = r.postgres.split('_').next().unwrap_or_default();
            assert!(r.sqlite.starts_with(table), "{} / {}", r.postgres, r.sqlite);
        }
    }

    #[test]
    fn an_unexpected_error_reveals_nothing() {
        let err: AppError = sqlx::Error::Protocol("bad frame from the pool".into()).into();
        assert_eq!(err.status(), 500);
        assert!(!err.to_string().contains("pool"), "{err}");
    }

    #[test]
    fn a_database_out_of_reach_is_a_503_that_says_so() {
        let err: AppError = sqlx::Error::PoolTimedOut.into();
        assert_eq!(err.status(), 503);
        assert!(!err.to_string().contains("pool"), "{err}");
        assert!(is_unavailable(&sqlx::Error::Io(std::io::Error::from(
            std::io::ErrorKind::ConnectionRefused
        ))));
    }

    #[test]
    fn sqlite_codes_are_read_by_their_primary_byte() {
        // SQLITE_BUSY_SNAPSHOT (517) is a busy database; SQLITE_FULL is 13.
        assert_eq!(sqlite_primary("517"), Some(5));
        assert_eq!(sqlite_primary("13"), Some(13));
        assert_eq!(sqlite_primary("40P01"), None);
        assert_eq!(sqlite_primary("23505"), None);
    }
}
