//! What grows without end is trimmed here, once an hour (`server::spawn_session_cleanup`):
//! expired sessions, old sent or failed mails, spent idempotency keys and
//! confirmation-mail windows, and anonymous participants who left nothing.
//! Plain SQL with its retention periods; nothing a person still needs is removed.

use super::db::{now, Db};

const DAY: i64 = 24 * 3600;

/// Sent and failed mails are kept this long (for the staff's outbox page and
/// support questions), then deleted with their attachments. A mail with a
/// dedupe key keeps its row, emptied, so it is still never sent twice.
pub const MAIL_RETENTION: i64 = 30 * DAY;

/// A retried request comes within minutes; its key is kept a day.
pub const IDEMPOTENCY_RETENTION: i64 = DAY;

/// An anonymous participant with no vote, proposal, answer or registration
/// after this long is deleted (their session, if it lives on, gets a new one
/// at its next write: `account::participant::ensure`).
pub const IDLE_PARTICIPANT_AGE: i64 = 30 * DAY;

/// Every column that points at a participant: a participant with a row in
/// any of them is kept. (A test checks this list against the schema.)
pub const PARTICIPANT_REFERENCES: &[(&str, &str)] = &[
    ("proposals", "participant_id"),
    ("votes", "participant_id"),
    ("consultation_participants", "participant_id"),
    ("reports", "participant_id"),
    ("demographics", "participant_id"),
    ("idempotency", "participant_id"),
    ("survey_participations", "participant_id"),
    ("survey_responses", "participant_id"),
    ("live_answers", "participant_id"),
    ("audience_questions", "participant_id"),
    ("audience_upvotes", "participant_id"),
];

/// How many rows one purge removed, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub mails: u64,
    pub idempotency_keys: u64,
    pub confirmation_windows: u64,
    pub participants: u64,
}

impl Purged {
    pub fn total(&self) -> u64 {
        self.sessions
            + self.mails
            + self.idempotency_keys
            + self.confirmation_windows
            + self.participants
    }
}

/// Runs every purge as of `now` (unix seconds).
pub async fn purge_at(db: &Db, now: i64) -> Result<Purged, sqlx::Error> {
    let run = |sql: String, bind: i64| async move {
        sqlx::query(&sql)
            .bind(bind)
            .execute(&db.pool)
            .await
            .map(|r| r.rows_affected())
    };
    let sessions = run("DELETE FROM sessions WHERE expires_at <= $1".into(), now).await?;
    let mail_cutoff = now - MAIL_RETENTION;
    let done = "(status = 'sent' AND sent_at < $1) OR (status = 'failed' AND next_attempt_at < $1)";
    // Mails kept for their dedupe key lose their content and attachments.
    run(
        format!(
            "DELETE FROM mail_attachments WHERE mail_id IN \
             (SELECT id FROM mail_outbox WHERE dedupe_key IS NOT NULL AND ({done}))"
        ),
        mail_cutoff,
    )
    .await?;
    run(
        format!(
            "UPDATE mail_outbox SET body_text = '', body_html = NULL, last_error = '', headers = '' \
             WHERE dedupe_key IS NOT NULL AND body_text <> '' AND ({done})"
        ),
        mail_cutoff,
    )
    .await?;
    let mails = run(
        format!("DELETE FROM mail_outbox WHERE dedupe_key IS NULL AND ({done})"),
        mail_cutoff,
    )
    .await?;
    let idempotency_keys = run(
        "DELETE FROM idempotency WHERE created_at < $1".into(),
        now - IDEMPOTENCY_RETENTION,
    )
    .await?;
    let confirmation_windows = run(
        "DELETE FROM confirmation_mails WHERE sent_at <= $1".into(),
        now - crate::mail::confirmations::WINDOW_SECS,
    )
    .await?;
    let unreferenced: Vec<String> = PARTICIPANT_REFERENCES
        .iter()
        .map(|(table, column)| {
            format!("NOT EXISTS (SELECT 1 FROM {table} x WHERE x.{column} = participants.id)")
        })
        .collect();
    let participants = run(
        format!(
            // Never the newest row: SQLite gives a deleted largest id to
            // the next participant, whom an old session would then share.
            "DELETE FROM participants WHERE created_at < $1 \
             AND id < (SELECT MAX(id) FROM participants) AND {}",
            unreferenced.join(" AND ")
        ),
        now - IDLE_PARTICIPANT_AGE,
    )
    .await?;
    Ok(Purged {
        sessions,
        mails,
        idempotency_keys,
        confirmation_windows,
        participants,
    })
}

/// The hourly purge: logs what it removed, or why it failed.
pub async fn purge(db: &Db) {
    match purge_at(db, now()).await {
        Ok(p) if p.total() > 0 => tracing::info!("purge: {p:?}"),
        Ok(_) => {}
        Err(e) => tracing::warn!("purge failed: {e}"),
    }
}
