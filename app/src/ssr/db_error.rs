//! Database failures become the app's error here, and only here.
//!
//! The schema enforces the invariants (one slug per process, one day per date,
//! one staff account per address); when it refuses a write, the refusal is
//! looked up in one table and turned into a message the person can act on.
//! Every other database error is logged and shown as a message that reveals
//! nothing. Constraints are unnamed in the migrations, so each is known by
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
        let err: AppError = sqlx::Error::PoolTimedOut.into();
        assert_eq!(err.status(), 500);
        assert!(!err.to_string().contains("pool"), "{err}");
    }
}
