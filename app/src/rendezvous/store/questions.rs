//! Live questions and their answers. The schema enforces what matters under
//! concurrency: one answer per participant and question (primary key),
//! answers only while the question is open (checked in the insert itself),
//! one open question per meeting (partial unique index).

use crate::rendezvous::logic::{parse_options, Kind, Mode, QuestionState, SeenOpen};
use crate::ssr::db::{is_unique_violation, now, Db};
use sqlx::FromRow;

#[derive(Debug, Clone)]
pub struct Question {
    pub id: i64,
    pub position: i64,
    pub kind: Kind,
    pub prompt: String,
    pub options: Vec<String>,
    pub state: QuestionState,
}

#[derive(FromRow)]
struct QuestionRow {
    id: i64,
    position: i64,
    #[sqlx(try_from = "String")]
    kind: Kind,
    prompt: String,
    /// One per line.
    options: String,
    #[sqlx(try_from = "String")]
    state: QuestionState,
}

impl From<QuestionRow> for Question {
    fn from(r: QuestionRow) -> Self {
        Question {
            id: r.id,
            position: r.position,
            options: parse_options(r.kind, &r.options),
            kind: r.kind,
            prompt: r.prompt,
            state: r.state,
        }
    }
}

const QUESTION_COLUMNS: &str = "id, position, kind, prompt, options, state";

pub async fn questions(db: &Db, rendezvous: i64) -> Result<Vec<Question>, sqlx::Error> {
    let rows: Vec<QuestionRow> = sqlx::query_as(&format!(
        "SELECT {QUESTION_COLUMNS} FROM live_questions WHERE rendezvous_id = $1 ORDER BY position"
    ))
    .bind(rendezvous)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Question::from).collect())
}

pub async fn question(db: &Db, rendezvous: i64, id: i64) -> Result<Option<Question>, sqlx::Error> {
    let row: Option<QuestionRow> = sqlx::query_as(&format!(
        "SELECT {QUESTION_COLUMNS} FROM live_questions WHERE rendezvous_id = $1 AND id = $2"
    ))
    .bind(rendezvous)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Question::from))
}

/// The open question, else the one closed last.
pub async fn current_question(db: &Db, rendezvous: i64) -> Result<Option<Question>, sqlx::Error> {
    let row: Option<QuestionRow> = sqlx::query_as(&format!(
        "SELECT {QUESTION_COLUMNS} FROM live_questions WHERE rendezvous_id = $1 AND state <> 'draft' \
         ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, closed_at DESC, id DESC LIMIT 1"
    ))
    .bind(rendezvous)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Question::from))
}

/// Adds a question at the end (`id` None) or edits one; returns its id.
pub async fn save_question(
    db: &Db,
    rendezvous: i64,
    id: Option<i64>,
    kind: Kind,
    prompt: &str,
    options: &[String],
) -> Result<i64, sqlx::Error> {
    let options = options.join("\n");
    match id {
        Some(id) => {
            sqlx::query(
                "UPDATE live_questions SET kind = $3, prompt = $4, options = $5 \
                 WHERE rendezvous_id = $1 AND id = $2",
            )
            .bind(rendezvous)
            .bind(id)
            .bind(kind.as_str())
            .bind(prompt)
            .bind(&options)
            .execute(&db.pool)
            .await?;
            Ok(id)
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO live_questions (rendezvous_id, position, kind, prompt, options) \
                 VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM live_questions WHERE rendezvous_id = $1), \
                 $2, $3, $4) RETURNING id",
            )
            .bind(rendezvous)
            .bind(kind.as_str())
            .bind(prompt)
            .bind(&options)
            .fetch_one(&db.pool)
            .await
        }
    }
}

/// Opens a question (closing the one open before, in the same transaction)
/// or closes it; `false` when another host changed the open question first.
/// The caller checked the transition on the state it read.
///
/// Under concurrency the database decides: on PostgreSQL the second of two
/// simultaneous openings meets the partial unique index (one open question
/// per meeting), or finds the question it saw open already closed; on SQLite
/// writers take turns and the second one finds the first one's question open.
/// Each case is a refusal, never an error.
pub async fn set_state(
    db: &Db,
    rendezvous: i64,
    id: i64,
    to: QuestionState,
    seen: SeenOpen,
) -> Result<bool, sqlx::Error> {
    let t = now();
    let mut tx = db.pool.begin().await?;
    if to == QuestionState::Open {
        // A write first: on SQLite a transaction that read before writing
        // could fail at once instead of waiting for the writer's lock.
        let closed: Vec<i64> = sqlx::query_scalar(
            "UPDATE live_questions SET state = 'closed', closed_at = $2 \
             WHERE rendezvous_id = $1 AND state = 'open' RETURNING id",
        )
        .bind(rendezvous)
        .bind(t)
        .fetch_all(&mut *tx)
        .await?;
        if !seen.matches(&closed) {
            tx.rollback().await?;
            return Ok(false);
        }
        let opened = sqlx::query(
            "UPDATE live_questions SET state = 'open', opened_at = $3, closed_at = NULL \
             WHERE rendezvous_id = $1 AND id = $2 AND state <> 'open'",
        )
        .bind(rendezvous)
        .bind(id)
        .bind(t)
        .execute(&mut *tx)
        .await;
        match opened {
            Ok(done) if done.rows_affected() == 1 => {}
            // Opened by another host meanwhile.
            Ok(_) => return Ok(false),
            Err(e) if is_unique_violation(&e) => return Ok(false),
            Err(e) => return Err(e),
        }
    } else {
        sqlx::query(
            "UPDATE live_questions SET state = $3, closed_at = $4 WHERE rendezvous_id = $1 AND id = $2",
        )
        .bind(rendezvous)
        .bind(id)
        .bind(to.as_str())
        .bind(t)
        .execute(&mut *tx)
        .await?;
    }
    match tx.commit().await {
        Ok(()) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerOutcome {
    Stored,
    AlreadyAnswered,
    NotOpen,
}

/// Stores an answer if the question is open and the participant has not
/// answered it yet; both are checked by the one insert.
pub async fn answer(
    db: &Db,
    question: i64,
    participant: i64,
    mode: Mode,
    value: &str,
) -> Result<AnswerOutcome, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO live_answers (question_id, participant_id, mode, value, answered_at) \
         SELECT $1, $2, $3, $4, $5 WHERE EXISTS \
         (SELECT 1 FROM live_questions WHERE id = $1 AND state = 'open') \
         ON CONFLICT (question_id, participant_id) DO NOTHING",
    )
    .bind(question)
    .bind(participant)
    .bind(mode.as_str())
    .bind(value)
    .bind(now())
    .execute(&db.pool)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(AnswerOutcome::Stored);
    }
    let already: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM live_answers WHERE question_id = $1 AND participant_id = $2",
    )
    .bind(question)
    .bind(participant)
    .fetch_optional(&db.pool)
    .await?;
    Ok(if already.is_some() {
        AnswerOutcome::AlreadyAnswered
    } else {
        AnswerOutcome::NotOpen
    })
}

pub async fn answers_of(db: &Db, question: i64) -> Result<Vec<(Mode, String)>, sqlx::Error> {
    let rows: Vec<AnswerRow> =
        sqlx::query_as("SELECT mode, value FROM live_answers WHERE question_id = $1")
            .bind(question)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(|r| (r.mode, r.value)).collect())
}

/// The questions of a meeting this participant answered.
pub async fn answered_by(
    db: &Db,
    rendezvous: i64,
    participant: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT a.question_id FROM live_answers a JOIN live_questions q ON q.id = a.question_id \
         WHERE q.rendezvous_id = $1 AND a.participant_id = $2",
    )
    .bind(rendezvous)
    .bind(participant)
    .fetch_all(&db.pool)
    .await
}

#[derive(FromRow)]
struct AnswerRow {
    #[sqlx(try_from = "String")]
    mode: Mode,
    value: String,
}
