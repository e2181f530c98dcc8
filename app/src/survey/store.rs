//! Surveys, their questions, invitations and responses in the database.
//!
//! A response is written in one transaction with what proves it is the only
//! one: the invitation marked used (exactly one row, or nothing is written),
//! or the participant's row in `survey_participations`. In an anonymous survey
//! the response row holds neither the invitation nor the participant, its id is
//! random and its date is the day only, so nothing joins it to who answered.

use super::logic::{Answer, Answers, Condition, ConditionOp, Kind, Question};
use crate::mail::OutgoingMail;
use crate::ssr::db::{is_unique_violation, now, Db};
use chrono::NaiveDate;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::FromRow;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Open,
    Invitation,
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Open => "open",
            Access::Invitation => "invitation",
        }
    }

    pub fn parse(s: &str) -> Option<Access> {
        match s {
            "open" => Some(Access::Open),
            "invitation" => Some(Access::Invitation),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Survey {
    pub id: i64,
    pub component_id: i64,
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub access: Access,
    pub anonymous: bool,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub results_published: bool,
}

impl Survey {
    pub fn is_open(&self, today: NaiveDate) -> bool {
        self.opens_on <= today && today <= self.closes_on
    }
}

#[derive(FromRow)]
struct SurveyRow {
    id: i64,
    component_id: i64,
    slug: String,
    title: String,
    intro: String,
    access: String,
    anonymous: i64,
    opens_on: String,
    closes_on: String,
    results_published: i64,
}

fn date(s: &str) -> Result<NaiveDate, sqlx::Error> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl TryFrom<SurveyRow> for Survey {
    type Error = sqlx::Error;
    fn try_from(r: SurveyRow) -> Result<Survey, sqlx::Error> {
        Ok(Survey {
            id: r.id,
            component_id: r.component_id,
            access: Access::parse(&r.access)
                .ok_or_else(|| sqlx::Error::Decode(format!("access {}", r.access).into()))?,
            slug: r.slug,
            title: r.title,
            intro: r.intro,
            anonymous: r.anonymous != 0,
            opens_on: date(&r.opens_on)?,
            closes_on: date(&r.closes_on)?,
            results_published: r.results_published != 0,
        })
    }
}

const SURVEY_COLUMNS: &str =
    "id, component_id, slug, title, intro, access, anonymous, opens_on, closes_on, \
     results_published";

pub async fn survey_by_slug(db: &Db, slug: &str) -> Result<Option<Survey>, sqlx::Error> {
    let row: Option<SurveyRow> = sqlx::query_as(&format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    row.map(Survey::try_from).transpose()
}

pub async fn survey_by_component(db: &Db, component: i64) -> Result<Option<Survey>, sqlx::Error> {
    let row: Option<SurveyRow> = sqlx::query_as(&format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys WHERE component_id = $1"
    ))
    .bind(component)
    .fetch_optional(&db.pool)
    .await?;
    row.map(Survey::try_from).transpose()
}

/// The settings a staff member saves.
#[derive(Debug, Clone)]
pub struct SurveyInput {
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub access: Access,
    pub anonymous: bool,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
}

/// Creates the survey of a survey component (with a first section) or updates
/// it; `None` when the component is not a survey.
pub async fn save_survey(
    db: &Db,
    component_id: i64,
    s: &SurveyInput,
) -> Result<Option<i64>, sqlx::Error> {
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM components WHERE id = $1")
        .bind(component_id)
        .fetch_optional(&db.pool)
        .await?;
    if kind.as_deref() != Some("survey") {
        return Ok(None);
    }
    let mut tx = db.pool.begin().await?;
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM surveys WHERE component_id = $1")
            .bind(component_id)
            .fetch_optional(&mut *tx)
            .await?;
    let id = match existing {
        Some(id) => {
            sqlx::query(
                "UPDATE surveys SET slug = $1, title = $2, intro = $3, access = $4, anonymous = $5, \
                 opens_on = $6, closes_on = $7 WHERE id = $8",
            )
            .bind(&s.slug)
            .bind(&s.title)
            .bind(&s.intro)
            .bind(s.access.as_str())
            .bind(s.anonymous as i64)
            .bind(iso(s.opens_on))
            .bind(iso(s.closes_on))
            .bind(id)
            .execute(&mut *tx)
            .await?;
            id
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO surveys (component_id, slug, title, intro, access, anonymous, opens_on, closes_on, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(component_id)
            .bind(&s.slug)
            .bind(&s.title)
            .bind(&s.intro)
            .bind(s.access.as_str())
            .bind(s.anonymous as i64)
            .bind(iso(s.opens_on))
            .bind(iso(s.closes_on))
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO survey_sections (survey_id, position, title) VALUES ($1, 1, '')",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    tx.commit().await?;
    Ok(Some(id))
}

pub async fn set_results_published(
    db: &Db,
    survey: i64,
    published: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE surveys SET results_published = $1 WHERE id = $2")
        .bind(published as i64)
        .bind(survey)
        .execute(&db.pool)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct Section {
    pub id: i64,
    pub title: String,
}

#[derive(FromRow)]
struct QuestionRow {
    id: i64,
    section_id: i64,
    kind: String,
    prompt: String,
    help: String,
    required: i64,
    options: String,
    items: String,
    condition_question_id: Option<i64>,
    condition_op: Option<String>,
    condition_value: Option<i64>,
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
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
            let kind = Kind::parse(&r.kind)
                .ok_or_else(|| sqlx::Error::Decode(format!("kind {}", r.kind).into()))?;
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
            Ok(Question {
                id: r.id,
                section: sections
                    .iter()
                    .position(|s| s.id == r.section_id)
                    .unwrap_or(0),
                kind,
                prompt: r.prompt,
                help: r.help,
                required: r.required != 0,
                options: lines(&r.options),
                items: lines(&r.items),
                condition,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
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

// --- Invitations -----------------------------------------------------------

/// A fresh invitation token: 256 random bits, URL-safe.
pub fn new_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored of a token: its SHA-256, in hex.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

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

// --- Responses -------------------------------------------------------------

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
            .bind(iso(today))
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
    .bind(iso(today))
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

/// Writes a response directly, for the demo (no invitation, no participant).
pub async fn insert_demo_response(
    db: &Db,
    survey: i64,
    answers: &Answers,
    on: NaiveDate,
) -> Result<(), sqlx::Error> {
    let s = Survey {
        id: survey,
        component_id: 0,
        slug: String::new(),
        title: String::new(),
        intro: String::new(),
        access: Access::Open,
        anonymous: true,
        opens_on: on,
        closes_on: on,
        results_published: false,
    };
    // A participant of its own marks the demo response answered, like a real one.
    let participant: i64 = sqlx::query_scalar(
        "INSERT INTO participants (public_id, created_at) VALUES ($1, $2) RETURNING id",
    )
    .bind(random_id())
    .bind(now())
    .fetch_one(&db.pool)
    .await?;
    submit(db, &s, Respondent::Participant(participant), answers, on).await?;
    Ok(())
}
