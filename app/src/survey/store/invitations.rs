//! Invitations: one-time links by mail. Only a token's hash is stored; the
//! mail carrying it is enqueued in the transaction that creates the invitation.

use crate::mail::OutgoingMail;
use crate::ssr::db::{now, Db};
use sqlx::FromRow;

pub use crate::ssr::private_link::{new_token, token_hash};

#[derive(Debug, Clone, FromRow)]
pub struct Invitation {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub sent_at: Option<i64>,
    pub reminded_at: Option<i64>,
    pub used_on: Option<String>,
}

/// Creates invitations for recipients not yet invited, each with its mail
/// (`mail_for(email, name, token)`) enqueued in the same transaction, so an
/// invitation exists if and only if its mail will go. Returns each new one
/// with its token (never stored: only its hash is).
pub async fn create_invitations(
    db: &Db,
    survey: i64,
    recipients: &[(String, String)],
    mail_for: impl Fn(&str, &str, &str) -> Option<OutgoingMail>,
) -> Result<Vec<(i64, String, String, String)>, sqlx::Error> {
    let mut created = Vec::new();
    let mut tx = db.pool.begin().await?;
    for (email, name) in recipients {
        let exists: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM survey_invitations WHERE survey_id = $1 AND email = $2",
        )
        .bind(survey)
        .bind(email)
        .fetch_optional(&mut *tx)
        .await?;
        if exists.is_some() {
            continue;
        }
        let token = new_token();
        let mail = mail_for(email, name, &token);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO survey_invitations (survey_id, token_hash, email, name, sent_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(survey)
        .bind(token_hash(&token))
        .bind(email)
        .bind(name)
        .bind(mail.as_ref().map(|_| now()))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        if let Some(mail) = mail {
            crate::mail::enqueue_in(&mut tx, &mail.once(&format!("survey-invitation-{id}")))
                .await?;
        }
        created.push((id, email.clone(), name.clone(), token));
    }
    tx.commit().await?;
    Ok(created)
}

/// Everyone checked in at the door of an event on at least one day (the
/// symposium's registrations), as (email, name): the usual list for a
/// satisfaction survey.
pub async fn checked_in_attendees(
    db: &Db,
    event: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT r.email, r.first_name || ' ' || r.last_name FROM registrations r \
         JOIN registration_days d ON d.registration_id = r.id \
         WHERE r.event_id = $1 AND r.status = 'active' AND d.checked_in_at IS NOT NULL ORDER BY r.email",
    )
    .bind(event)
    .fetch_all(&db.pool)
    .await
}

pub async fn invitation_by_token(
    db: &Db,
    survey: i64,
    token: &str,
) -> Result<Option<Invitation>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, email, name, sent_at, reminded_at, used_on FROM survey_invitations \
         WHERE survey_id = $1 AND token_hash = $2",
    )
    .bind(survey)
    .bind(token_hash(token))
    .fetch_optional(&db.pool)
    .await
}

pub async fn invitations(db: &Db, survey: i64) -> Result<Vec<Invitation>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, email, name, sent_at, reminded_at, used_on FROM survey_invitations \
         WHERE survey_id = $1 ORDER BY email",
    )
    .bind(survey)
    .fetch_all(&db.pool)
    .await
}

/// Gives an unused invitation a new token and enqueues its reminder
/// (`mail_for(token)`) in the same transaction: a reminder carries a new link,
/// since the first one was never stored. False if it was used meanwhile.
pub async fn remind(
    db: &Db,
    invitation: i64,
    mail_for: impl Fn(&str) -> Option<OutgoingMail>,
) -> Result<bool, sqlx::Error> {
    let token = new_token();
    let Some(mail) = mail_for(&token) else {
        return Ok(false);
    };
    let hash = token_hash(&token);
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE survey_invitations SET token_hash = $1, reminded_at = $2 WHERE id = $3 AND used_on IS NULL",
    )
    .bind(&hash)
    .bind(now())
    .bind(invitation)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let key = format!("survey-reminder-{invitation}-{}", &hash[..16]);
    crate::mail::enqueue_in(&mut tx, &mail.once(&key)).await?;
    tx.commit().await?;
    Ok(true)
}
