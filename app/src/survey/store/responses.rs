//! Responses and their answers. A response is written in one transaction with
//! what proves it is the only one: the invitation marked used (exactly one
//! row, or nothing is written), or the participant's row in
//! `survey_participations`. In an anonymous survey the response row holds
//! neither the invitation nor the participant, its id is random and its date
//! is the day only, so nothing joins it to who answered.

use super::invitations::token_hash;
use super::surveys::Survey;
use crate::ssr::db::{is_unique_violation, Db};
use crate::ssr::db_types::date_text;
use crate::survey::logic::{Answer, Answers};
use chrono::NaiveDate;
use rand::RngCore;
use std::collections::HashMap;

/// Who is answering: through an invitation, or a participant of the open link.
#[derive(Debug, Clone, Copy)]
pub enum Respondent<'a> {
    Invitation { token: &'a str },
    Participant(i64),
}

#[derive(Debug, PartialEq, Eq)]
pub enum Submitted {
    Stored,
    /// The invitation was used, or the participant already answered.
    AlreadyAnswered,
}

fn random_id() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Stores one response, once. See the module's comment.
pub async fn submit(
    db: &Db,
    survey: &Survey,
    who: Respondent<'_>,
    answers: &Answers,
    today: NaiveDate,
) -> Result<Submitted, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let (invitation, participant) = match who {
        Respondent::Invitation { token } => {
            let used: Option<i64> = sqlx::query_scalar(
                "UPDATE survey_invitations SET used_on = $1 \
                 WHERE survey_id = $2 AND token_hash = $3 AND used_on IS NULL RETURNING id",
            )
            .bind(date_text(today))
            .bind(survey.id)
            .bind(token_hash(token))
            .fetch_optional(&mut *tx)
            .await?;
            match used {
                Some(id) => (Some(id), None),
                None => return Ok(Submitted::AlreadyAnswered),
            }
        }
        Respondent::Participant(id) => {
            let marked = sqlx::query(
                "INSERT INTO survey_participations (survey_id, participant_id) VALUES ($1, $2)",
            )
            .bind(survey.id)
            .bind(id)
            .execute(&mut *tx)
            .await;
            match marked {
                Ok(_) => (None, Some(id)),
                Err(e) if is_unique_violation(&e) => return Ok(Submitted::AlreadyAnswered),
                Err(e) => return Err(e),
            }
        }
    };
    let (invitation, participant) = if survey.anonymous {
        (None, None)
    } else {
        (invitation, participant)
    };
    let response = random_id();
    sqlx::query(
        "INSERT INTO survey_responses (id, survey_id, submitted_on, invitation_id, participant_id) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&response)
    .bind(survey.id)
    .bind(date_text(today))
    .bind(invitation)
    .bind(participant)
    .execute(&mut *tx)
    .await?;
    for (question, answer) in answers {
        let value = serde_json::to_string(answer).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query(
            "INSERT INTO survey_answers (response_id, question_id, value) VALUES ($1, $2, $3)",
        )
        .bind(&response)
        .bind(question)
        .bind(value)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Submitted::Stored)
}

/// Whether a participant already answered the open link.
pub async fn has_answered(db: &Db, survey: i64, participant: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT participant_id FROM survey_participations WHERE survey_id = $1 AND participant_id = $2",
    )
    .bind(survey)
    .bind(participant)
    .fetch_optional(&db.pool)
    .await?;
    Ok(found.is_some())
}

/// Every response's answers, by response id (a random order).
pub async fn responses(db: &Db, survey: i64) -> Result<Vec<(String, Answers)>, sqlx::Error> {
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT a.response_id, a.question_id, a.value FROM survey_answers a \
         JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = $1 ORDER BY a.response_id",
    )
    .bind(survey)
    .fetch_all(&db.pool)
    .await?;
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT id FROM survey_responses WHERE survey_id = $1 ORDER BY id")
            .bind(survey)
            .fetch_all(&db.pool)
            .await?;
    let mut by_id: HashMap<String, Answers> = HashMap::new();
    for (response, question, value) in rows {
        // A value that no longer parses (hand-edited) is skipped, not fatal.
        if let Ok(answer) = serde_json::from_str::<Answer>(&value) {
            by_id.entry(response).or_default().insert(question, answer);
        }
    }
    Ok(ids
        .into_iter()
        .map(|id| {
            let answers = by_id.remove(&id).unwrap_or_default();
            (id, answers)
        })
        .collect())
}

pub async fn response_count(db: &Db, survey: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1")
        .bind(survey)
        .fetch_one(&db.pool)
        .await
}
