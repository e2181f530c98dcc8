//! A survey's definition: its sections and their questions, in order.

use crate::ssr::db::Db;
use crate::ssr::db_types::Flag;
use crate::survey::logic::{self, Condition, ConditionOp, Kind, Question};
use sqlx::FromRow;

#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct Section {
    pub id: i64,
    pub title: String,
}

#[derive(FromRow)]
struct QuestionRow {
    id: i64,
    section_id: i64,
    #[sqlx(try_from = "String")]
    kind: Kind,
    prompt: String,
    help: String,
    #[sqlx(try_from = "i64")]
    required: Flag,
    options: String,
    items: String,
    condition_question_id: Option<i64>,
    /// Read leniently: an unknown operator drops the condition.
    condition_op: Option<String>,
    condition_value: Option<i64>,
}

/// A survey's sections and its questions in order (`Question::section` is
/// the index in the sections).
pub async fn definition(
    db: &Db,
    survey: i64,
) -> Result<(Vec<Section>, Vec<Question>), sqlx::Error> {
    let sections: Vec<Section> = sqlx::query_as(
        "SELECT id, title FROM survey_sections WHERE survey_id = $1 ORDER BY position",
    )
    .bind(survey)
    .fetch_all(&db.pool)
    .await?;
    let rows: Vec<QuestionRow> = sqlx::query_as(
        "SELECT q.id, q.section_id, q.kind, q.prompt, q.help, q.required, q.options, q.items, \
         q.condition_question_id, q.condition_op, q.condition_value \
         FROM survey_questions q JOIN survey_sections s ON s.id = q.section_id \
         WHERE s.survey_id = $1 ORDER BY s.position, q.position",
    )
    .bind(survey)
    .fetch_all(&db.pool)
    .await?;
    let questions = rows
        .into_iter()
        .map(|r| {
            let condition = match (r.condition_question_id, r.condition_op, r.condition_value) {
                (Some(question), Some(op), Some(option)) => {
                    ConditionOp::parse(&op).map(|op| Condition {
                        question,
                        op,
                        option: option as usize,
                    })
                }
                _ => None,
            };
            Question {
                id: r.id,
                section: sections
                    .iter()
                    .position(|s| s.id == r.section_id)
                    .unwrap_or(0),
                kind: r.kind,
                prompt: r.prompt,
                help: r.help,
                required: *r.required,
                options: logic::lines(&r.options),
                items: logic::lines(&r.items),
                condition,
            }
        })
        .collect();
    Ok((sections, questions))
}

pub async fn add_section(db: &Db, survey: i64, title: &str) -> Result<i64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let last: Option<i64> =
        sqlx::query_scalar("SELECT MAX(position) FROM survey_sections WHERE survey_id = $1")
            .bind(survey)
            .fetch_one(&mut *tx)
            .await?;
    let id = sqlx::query_scalar(
        "INSERT INTO survey_sections (survey_id, position, title) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(survey)
    .bind(last.unwrap_or(0) + 1)
    .bind(title)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Creates (`id` None) or updates a question, in section `section_id`.
pub async fn save_question(
    db: &Db,
    section_id: i64,
    id: Option<i64>,
    q: &Question,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let (cq, cop, cval) = match q.condition {
        Some(c) => (Some(c.question), Some(c.op.as_str()), Some(c.option as i64)),
        None => (None, None, None),
    };
    let id = match id {
        Some(id) => {
            // Moved to another section, it goes last there.
            let current: Option<i64> =
                sqlx::query_scalar("SELECT section_id FROM survey_questions WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if current.is_some_and(|c| c != section_id) {
                let last: Option<i64> = sqlx::query_scalar(
                    "SELECT MAX(position) FROM survey_questions WHERE section_id = $1",
                )
                .bind(section_id)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE survey_questions SET section_id = $1, position = $2 WHERE id = $3",
                )
                .bind(section_id)
                .bind(last.unwrap_or(0) + 1)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query(
                "UPDATE survey_questions SET kind = $1, prompt = $2, help = $3, required = $4, options = $5, \
                 items = $6, condition_question_id = $7, condition_op = $8, condition_value = $9 WHERE id = $10",
            )
            .bind(q.kind.as_str())
            .bind(&q.prompt)
            .bind(&q.help)
            .bind(q.required as i64)
            .bind(q.options.join("\n"))
            .bind(q.items.join("\n"))
            .bind(cq)
            .bind(cop)
            .bind(cval)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            id
        }
        None => {
            let last: Option<i64> = sqlx::query_scalar(
                "SELECT MAX(position) FROM survey_questions WHERE section_id = $1",
            )
            .bind(section_id)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query_scalar(
                "INSERT INTO survey_questions (section_id, position, kind, prompt, help, required, options, items, \
                 condition_question_id, condition_op, condition_value) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(section_id)
            .bind(last.unwrap_or(0) + 1)
            .bind(q.kind.as_str())
            .bind(&q.prompt)
            .bind(&q.help)
            .bind(q.required as i64)
            .bind(q.options.join("\n"))
            .bind(q.items.join("\n"))
            .bind(cq)
            .bind(cop)
            .bind(cval)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    tx.commit().await?;
    Ok(id)
}

/// Deletes a question; questions conditioned on it lose their condition.
pub async fn delete_question(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "UPDATE survey_questions SET condition_question_id = NULL, condition_op = NULL, \
         condition_value = NULL WHERE condition_question_id = $1",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM survey_questions WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Swaps a question with its neighbour in its section.
pub async fn move_question(db: &Db, id: i64, up: bool) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let Some((section, position)): Option<(i64, i64)> =
        sqlx::query_as("SELECT section_id, position FROM survey_questions WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
    else {
        return Ok(());
    };
    let sql = if up {
        "SELECT id, position FROM survey_questions WHERE section_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1"
    } else {
        "SELECT id, position FROM survey_questions WHERE section_id = $1 AND position > $2 ORDER BY position LIMIT 1"
    };
    let neighbour: Option<(i64, i64)> = sqlx::query_as(sql)
        .bind(section)
        .bind(position)
        .fetch_optional(&mut *tx)
        .await?;
    if let Some((other, other_position)) = neighbour {
        // Through a free position, since (section, position) is unique.
        for (q, to) in [(id, -1), (other, position), (id, other_position)] {
            sqlx::query("UPDATE survey_questions SET position = $1 WHERE id = $2")
                .bind(to)
                .bind(q)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await
}

/// The survey a section or question belongs to.
pub async fn survey_of_section(db: &Db, section: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT survey_id FROM survey_sections WHERE id = $1")
        .bind(section)
        .fetch_optional(&db.pool)
        .await
}

pub async fn survey_of_question(db: &Db, question: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT s.survey_id FROM survey_questions q JOIN survey_sections s ON s.id = q.section_id WHERE q.id = $1",
    )
    .bind(question)
    .fetch_optional(&db.pool)
    .await
}
