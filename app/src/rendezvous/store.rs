//! The Rendez-vous citoyen in the database. The schema enforces what matters
//! under concurrency: one answer per participant and question (primary key),
//! answers only while the question is open (checked in the insert itself),
//! one open question per meeting (partial unique index), one upvote per
//! participant (primary key) with its count updated in the same transaction.

use super::logic::{self, AudienceStatus, Kind, Mode, QuestionState, SeenOpen};
use super::state::{AudienceItem, LiveQuestion, LiveState};
use crate::mail::OutgoingMail;
use crate::ssr::db::{is_unique_violation, now, Db};
use chrono::NaiveDate;
use sqlx::FromRow;

#[derive(Debug, Clone)]
pub struct Rendezvous {
    pub id: i64,
    pub component_id: i64,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub starts_on: NaiveDate,
    /// "HH:MM", the city's time.
    pub starts_at: String,
    pub venue: String,
    pub video_url: String,
    pub survey_id: Option<i64>,
    pub registration_open: bool,
}

#[derive(FromRow)]
struct RendezvousRow {
    id: i64,
    component_id: i64,
    slug: String,
    title: String,
    description: String,
    starts_on: String,
    starts_at: String,
    venue: String,
    video_url: String,
    survey_id: Option<i64>,
    registration_open: i64,
}

const COLUMNS: &str = "id, component_id, slug, title, description, starts_on, starts_at, venue, \
                       video_url, survey_id, registration_open";

impl TryFrom<RendezvousRow> for Rendezvous {
    type Error = sqlx::Error;
    fn try_from(r: RendezvousRow) -> Result<Self, sqlx::Error> {
        Ok(Rendezvous {
            id: r.id,
            component_id: r.component_id,
            slug: r.slug,
            title: r.title,
            description: r.description,
            starts_on: NaiveDate::parse_from_str(&r.starts_on, "%Y-%m-%d")
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            starts_at: r.starts_at,
            venue: r.venue,
            video_url: r.video_url,
            survey_id: r.survey_id,
            registration_open: r.registration_open != 0,
        })
    }
}

pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<Rendezvous>, sqlx::Error> {
    let row: Option<RendezvousRow> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM rendezvous WHERE slug = $1"))
            .bind(slug)
            .fetch_optional(&db.pool)
            .await?;
    row.map(Rendezvous::try_from).transpose()
}

pub async fn by_component(db: &Db, component: i64) -> Result<Option<Rendezvous>, sqlx::Error> {
    let row: Option<RendezvousRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM rendezvous WHERE component_id = $1"
    ))
    .bind(component)
    .fetch_optional(&db.pool)
    .await?;
    row.map(Rendezvous::try_from).transpose()
}

/// The settings staff edit.
#[derive(Debug, Clone)]
pub struct RendezvousInput {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub starts_on: NaiveDate,
    pub starts_at: String,
    pub venue: String,
    pub video_url: String,
    pub survey_id: Option<i64>,
    pub registration_open: bool,
}

/// Creates or updates the meeting of `component`; `None` when the address is taken.
pub async fn save(
    db: &Db,
    component: i64,
    input: &RendezvousInput,
) -> Result<Option<i64>, sqlx::Error> {
    let result = sqlx::query_scalar(
        "INSERT INTO rendezvous (component_id, slug, title, description, starts_on, starts_at, venue, \
         video_url, survey_id, registration_open, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (component_id) DO UPDATE SET slug = excluded.slug, title = excluded.title, \
         description = excluded.description, starts_on = excluded.starts_on, \
         starts_at = excluded.starts_at, venue = excluded.venue, video_url = excluded.video_url, \
         survey_id = excluded.survey_id, registration_open = excluded.registration_open \
         RETURNING id",
    )
    .bind(component)
    .bind(&input.slug)
    .bind(&input.title)
    .bind(&input.description)
    .bind(input.starts_on.format("%Y-%m-%d").to_string())
    .bind(&input.starts_at)
    .bind(&input.venue)
    .bind(&input.video_url)
    .bind(input.survey_id)
    .bind(input.registration_open as i64)
    .bind(now())
    .fetch_one(&db.pool)
    .await;
    match result {
        Ok(id) => Ok(Some(id)),
        Err(e) if is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The process a meeting belongs to.
pub async fn process_of(db: &Db, rendezvous: &Rendezvous) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.process_id FROM components c JOIN phases p ON p.id = c.phase_id WHERE c.id = $1",
    )
    .bind(rendezvous.component_id)
    .fetch_one(&db.pool)
    .await
}

/// The surveys of a process, (id, title), for the choice of the final evaluation.
pub async fn process_surveys(db: &Db, process: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.id, s.title FROM surveys s JOIN components c ON c.id = s.component_id \
         JOIN phases p ON p.id = c.phase_id WHERE p.process_id = $1 ORDER BY p.position, c.id",
    )
    .bind(process)
    .fetch_all(&db.pool)
    .await
}

pub async fn survey_slug(db: &Db, survey: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT slug FROM surveys WHERE id = $1")
        .bind(survey)
        .fetch_optional(&db.pool)
        .await
}

// --- Registrations ---------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct Registration {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub mode: String,
    pub cancelled_at: Option<i64>,
}

/// Stores a registration and, in the same transaction, its confirmation mail.
pub async fn register(
    db: &Db,
    rendezvous: i64,
    token_hash: &str,
    name: &str,
    email: Option<&str>,
    mode: Mode,
    mail: Option<&OutgoingMail>,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let t = now();
    let id = sqlx::query_scalar(
        "INSERT INTO rendezvous_registrations (rendezvous_id, token_hash, name, email, mode, consent_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(rendezvous)
    .bind(token_hash)
    .bind(name)
    .bind(email)
    .bind(mode.as_str())
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    if let Some(mail) = mail {
        crate::mail::outbox::enqueue_in(&mut tx, mail).await?;
    }
    tx.commit().await?;
    Ok(id)
}

pub async fn registration_by_token(
    db: &Db,
    rendezvous: i64,
    token_hash: &str,
) -> Result<Option<Registration>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, email, mode, cancelled_at FROM rendezvous_registrations \
         WHERE rendezvous_id = $1 AND token_hash = $2",
    )
    .bind(rendezvous)
    .bind(token_hash)
    .fetch_optional(&db.pool)
    .await
}

pub async fn cancel_registration(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE rendezvous_registrations SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL",
    )
    .bind(id)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Registrations still standing: (in the room, remote).
pub async fn registration_counts(db: &Db, rendezvous: i64) -> Result<(i64, i64), sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT mode, COUNT(*) FROM rendezvous_registrations \
         WHERE rendezvous_id = $1 AND cancelled_at IS NULL GROUP BY mode",
    )
    .bind(rendezvous)
    .fetch_all(&db.pool)
    .await?;
    let count = |m: &str| rows.iter().find(|r| r.0 == m).map_or(0, |r| r.1);
    Ok((count("room"), count("remote")))
}

// --- Live questions ------------------------------------------------------------

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
    kind: String,
    prompt: String,
    options: String,
    state: String,
}

impl From<QuestionRow> for Question {
    fn from(r: QuestionRow) -> Self {
        let kind = Kind::parse(&r.kind).unwrap_or(Kind::Single);
        Question {
            id: r.id,
            position: r.position,
            options: logic::parse_options(kind, &r.options),
            kind,
            prompt: r.prompt,
            state: QuestionState::parse(&r.state).unwrap_or(QuestionState::Draft),
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
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT mode, value FROM live_answers WHERE question_id = $1")
            .bind(question)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(m, v)| (Mode::parse(&m).unwrap_or(Mode::Remote), v))
        .collect())
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

/// A question with its results.
pub async fn with_results(db: &Db, q: &Question) -> Result<LiveQuestion, sqlx::Error> {
    let answers = answers_of(db, q.id).await?;
    let pairs: Vec<(Mode, &str)> = answers.iter().map(|(m, v)| (*m, v.as_str())).collect();
    let r = logic::aggregate(q.kind, &q.options, &pairs);
    Ok(LiveQuestion {
        id: q.id,
        kind: q.kind.as_str().to_owned(),
        prompt: q.prompt.clone(),
        options: q.options.clone(),
        open: q.state == QuestionState::Open,
        total: r.total,
        bars: r.bars,
        words: r.words,
        mean_tenths: r.mean_tenths,
    })
}

/// What every live page shows now.
pub async fn live_state(db: &Db, rendezvous: i64) -> Result<LiveState, sqlx::Error> {
    let question = match current_question(db, rendezvous).await? {
        Some(q) => Some(with_results(db, &q).await?),
        None => None,
    };
    let audience = audience(
        db,
        rendezvous,
        &[AudienceStatus::Approved, AudienceStatus::Answered],
    )
    .await?
    .into_iter()
    .map(audience_item)
    .collect();
    Ok(LiveState { question, audience })
}

fn audience_item(a: AudienceQuestion) -> AudienceItem {
    AudienceItem {
        id: a.id,
        body: a.body,
        upvotes: a.upvotes.max(0) as u32,
        answered: a.status == AudienceStatus::Answered,
        mode: a.mode,
    }
}

/// The questions waiting for moderation, in the order they came: for the
/// hosts' console only, never for `live_state`.
pub async fn pending(db: &Db, rendezvous: i64) -> Result<Vec<AudienceItem>, sqlx::Error> {
    let mut items: Vec<AudienceItem> = audience(db, rendezvous, &[AudienceStatus::Pending])
        .await?
        .into_iter()
        .map(audience_item)
        .collect();
    items.sort_by_key(|a| a.id);
    Ok(items)
}

// --- Audience questions ------------------------------------------------------

#[derive(Debug, Clone)]
pub struct AudienceQuestion {
    pub id: i64,
    pub body: String,
    pub mode: String,
    pub status: AudienceStatus,
    pub upvotes: i64,
    pub participant_id: Option<i64>,
}

pub async fn ask(
    db: &Db,
    rendezvous: i64,
    participant: i64,
    body: &str,
    mode: Mode,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO audience_questions (rendezvous_id, participant_id, body, mode, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(rendezvous)
    .bind(participant)
    .bind(body)
    .bind(mode.as_str())
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

/// Audience questions with one of `statuses`: the most upvoted first, then the oldest.
pub async fn audience(
    db: &Db,
    rendezvous: i64,
    statuses: &[AudienceStatus],
) -> Result<Vec<AudienceQuestion>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, body, mode, status, upvotes, participant_id FROM audience_questions \
         WHERE rendezvous_id = $1 ORDER BY upvotes DESC, id",
    )
    .bind(rendezvous)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, body, mode, status, upvotes, participant_id)| {
            let status = AudienceStatus::parse(&status)?;
            statuses.contains(&status).then_some(AudienceQuestion {
                id,
                body,
                mode,
                status,
                upvotes,
                participant_id,
            })
        })
        .collect())
}

/// One upvote per participant, on approved questions only; `false` when
/// nothing changed (already upvoted, or not approved).
pub async fn upvote(
    db: &Db,
    rendezvous: i64,
    question: i64,
    participant: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO audience_upvotes (question_id, participant_id) \
         SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM audience_questions \
         WHERE id = $1 AND rendezvous_id = $3 AND status = 'approved') \
         ON CONFLICT (question_id, participant_id) DO NOTHING",
    )
    .bind(question)
    .bind(participant)
    .bind(rendezvous)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 1 {
        sqlx::query("UPDATE audience_questions SET upvotes = upvotes + 1 WHERE id = $1")
            .bind(question)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(inserted == 1)
}

pub async fn upvoted_by(
    db: &Db,
    rendezvous: i64,
    participant: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT u.question_id FROM audience_upvotes u JOIN audience_questions q ON q.id = u.question_id \
         WHERE q.rendezvous_id = $1 AND u.participant_id = $2",
    )
    .bind(rendezvous)
    .bind(participant)
    .fetch_all(&db.pool)
    .await
}

pub async fn audience_question(
    db: &Db,
    rendezvous: i64,
    id: i64,
) -> Result<Option<AudienceStatus>, sqlx::Error> {
    let status: Option<String> = sqlx::query_scalar(
        "SELECT status FROM audience_questions WHERE rendezvous_id = $1 AND id = $2",
    )
    .bind(rendezvous)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(status.and_then(|s| AudienceStatus::parse(&s)))
}

/// Moves a question from `from` to `to`; `false` if someone else moved it first.
pub async fn set_audience_status(
    db: &Db,
    rendezvous: i64,
    id: i64,
    from: AudienceStatus,
    to: AudienceStatus,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE audience_questions SET status = $4, decided_at = $5 \
         WHERE rendezvous_id = $1 AND id = $2 AND status = $3",
    )
    .bind(rendezvous)
    .bind(id)
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(now())
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}
