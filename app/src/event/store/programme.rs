//! The programme in the database: an event's days, sessions, speakers and
//! the extra questions of its registration form, read as one `Programme`
//! and edited one item at a time. The event row itself is in `events`.

use super::events::Event;
use super::grouped;
use crate::event::logic::programme::{
    ProgrammeItem, QuestionInput, SessionInput, SessionKind, SpeakerInput,
};
use crate::event::logic::{EventShape, QuestionKind, QuestionShape, WorkshopShape};
use crate::ssr::db::{replace_links, Db};
use crate::ssr::db_types::{date_text, DbDate, Flag};
use chrono::NaiveDate;
use sqlx::FromRow;

/// A stored count; never negative, so a negative one reads as zero.
fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct Day {
    pub id: i64,
    #[sqlx(rename = "day", try_from = "String")]
    pub date: DbDate,
    #[sqlx(try_from = "i64")]
    pub seats: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: i64,
    pub day_id: i64,
    pub kind: SessionKind,
    pub title: String,
    pub description_md: String,
    pub starts_at: String,
    pub ends_at: String,
    pub room: String,
    /// Workshops only.
    pub seats: Option<u32>,
    pub theme_ids: Vec<i64>,
    /// In the order they speak.
    pub speaker_ids: Vec<i64>,
}

impl Session {
    pub fn is_workshop(&self) -> bool {
        self.kind == SessionKind::Workshop
    }
}

#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct Speaker {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub bio: String,
    pub photo_url: String,
    #[sqlx(try_from = "i64")]
    pub is_demo: Flag,
    /// The uploaded photo (with its alternative text), shown instead of `photo_url`.
    pub photo_id: Option<String>,
    pub photo_alt: String,
    pub photo_width: Option<i64>,
    pub photo_height: Option<i64>,
    pub photo_ext: Option<String>,
}

impl Speaker {
    /// The uploaded photo, as pages show it.
    pub fn photo(&self) -> Option<crate::media::logic::ImageRef> {
        match (
            &self.photo_id,
            self.photo_width,
            self.photo_height,
            &self.photo_ext,
        ) {
            (Some(id), Some(w), Some(h), Some(ext)) => Some(crate::media::store::image_ref(
                id.clone(),
                w,
                h,
                ext.clone(),
            )),
            _ => None,
        }
    }
}

/// Sets (or with `None` removes) a speaker's uploaded photo; the event id and
/// the photo it replaces, if any (to delete when unused). `None` when there is
/// no such speaker.
pub async fn set_speaker_photo(
    db: &Db,
    speaker_id: i64,
    photo_id: Option<&str>,
    alt: &str,
) -> Result<Option<(i64, Option<String>)>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let old: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT event_id, photo_id FROM event_speakers WHERE id = $1")
            .bind(speaker_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((event_id, old)) = old else {
        return Ok(None);
    };
    sqlx::query("UPDATE event_speakers SET photo_id = $1, photo_alt = $2 WHERE id = $3")
        .bind(photo_id)
        .bind(alt)
        .bind(speaker_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some((
        event_id,
        old.filter(|o| Some(o.as_str()) != photo_id),
    )))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: i64,
    pub position: i64,
    pub kind: QuestionKind,
    pub label: String,
    pub options: Vec<String>,
    pub required: bool,
}

/// Everything the programme pages and the registration form show.
#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    pub event: Event,
    pub days: Vec<Day>,
    /// By day, then start time, then title.
    pub sessions: Vec<Session>,
    pub speakers: Vec<Speaker>,
    pub questions: Vec<Question>,
    /// The process's themes (id, name), in their order.
    pub themes: Vec<(i64, String)>,
}

impl Programme {
    pub fn day(&self, id: i64) -> Option<&Day> {
        self.days.iter().find(|d| d.id == id)
    }

    pub fn session(&self, id: i64) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    pub fn speaker(&self, id: i64) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    pub fn theme(&self, id: i64) -> Option<&str> {
        self.themes.iter().find(|t| t.0 == id).map(|t| t.1.as_str())
    }

    pub fn workshops(&self) -> impl Iterator<Item = &Session> {
        self.sessions.iter().filter(|s| s.is_workshop())
    }

    /// What the registration parser needs.
    pub fn shape(&self) -> EventShape {
        EventShape {
            day_ids: self.days.iter().map(|d| d.id).collect(),
            workshops: self
                .workshops()
                .map(|w| WorkshopShape {
                    id: w.id,
                    day_id: w.day_id,
                    starts_at: w.starts_at.clone(),
                })
                .collect(),
            questions: self
                .questions
                .iter()
                .map(|q| QuestionShape {
                    id: q.id,
                    kind: q.kind,
                    options: q.options.clone(),
                    required: q.required,
                })
                .collect(),
        }
    }
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(FromRow)]
struct QuestionRow {
    id: i64,
    position: i64,
    #[sqlx(try_from = "String")]
    kind: QuestionKind,
    label: String,
    /// One choice a line.
    options: String,
    #[sqlx(try_from = "i64")]
    required: Flag,
}

#[derive(FromRow)]
struct SessionRow {
    id: i64,
    day_id: i64,
    #[sqlx(try_from = "String")]
    kind: SessionKind,
    title: String,
    description_md: String,
    starts_at: String,
    ends_at: String,
    room: String,
    seats: Option<i64>,
}

pub async fn programme(db: &Db, event: Event) -> Result<Programme, sqlx::Error> {
    let days: Vec<Day> =
        sqlx::query_as("SELECT id, day, seats FROM event_days WHERE event_id = $1 ORDER BY day")
            .bind(event.id)
            .fetch_all(&db.pool)
            .await?;
    let rows: Vec<SessionRow> = sqlx::query_as(
        "SELECT s.id, s.day_id, s.kind, s.title, s.description_md, s.starts_at, s.ends_at, s.room, s.seats \
         FROM event_sessions s JOIN event_days d ON d.id = s.day_id WHERE s.event_id = $1 \
         ORDER BY d.day, s.starts_at, s.title, s.id",
    )
    .bind(event.id)
    .fetch_all(&db.pool)
    .await?;
    let themes_of: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT t.session_id, t.theme_id FROM event_session_themes t JOIN event_sessions s ON s.id = t.session_id \
         WHERE s.event_id = $1 ORDER BY t.theme_id",
    )
    .bind(event.id)
    .fetch_all(&db.pool)
    .await?;
    let speakers_of: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT x.session_id, x.speaker_id FROM event_session_speakers x JOIN event_sessions s ON s.id = x.session_id \
         WHERE s.event_id = $1 ORDER BY x.position, x.speaker_id",
    )
    .bind(event.id)
    .fetch_all(&db.pool)
    .await?;
    let mut theme_map = grouped(themes_of);
    let mut speaker_map = grouped(speakers_of);
    let sessions = rows
        .into_iter()
        .map(|r| Session {
            kind: r.kind,
            theme_ids: theme_map.remove(&r.id).unwrap_or_default(),
            speaker_ids: speaker_map.remove(&r.id).unwrap_or_default(),
            id: r.id,
            day_id: r.day_id,
            title: r.title,
            description_md: r.description_md,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            room: r.room,
            seats: r.seats.map(count),
        })
        .collect();
    let speakers: Vec<Speaker> = sqlx::query_as(
        "SELECT sp.id, name, role, organisation, bio, photo_url, is_demo, photo_id, photo_alt, \
         m.width AS photo_width, m.height AS photo_height, m.ext AS photo_ext \
         FROM event_speakers sp LEFT JOIN media_images m ON m.id = sp.photo_id WHERE event_id = $1 \
         ORDER BY name, sp.id",
    )
    .bind(event.id)
    .fetch_all(&db.pool)
    .await?;
    let questions: Vec<QuestionRow> = sqlx::query_as(
        "SELECT id, position, kind, label, options, required FROM event_questions WHERE event_id = $1 \
         ORDER BY position, id",
    )
    .bind(event.id)
    .fetch_all(&db.pool)
    .await?;
    let questions = questions
        .into_iter()
        .map(|q| Question {
            id: q.id,
            position: q.position,
            kind: q.kind,
            label: q.label,
            options: lines(&q.options),
            required: *q.required,
        })
        .collect();
    let themes: Vec<(i64, String)> = sqlx::query_as(
        "SELECT t.id, t.name FROM themes t JOIN phases p ON p.process_id = t.process_id \
         JOIN components c ON c.phase_id = p.id WHERE c.id = $1 ORDER BY t.position",
    )
    .bind(event.component_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(Programme {
        event,
        days,
        sessions,
        speakers,
        questions,
        themes,
    })
}

/// A session's title (for mails about one workshop).
pub async fn session_title(
    conn: &mut sqlx::AnyConnection,
    session_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT title FROM event_sessions WHERE id = $1")
        .bind(session_id)
        .fetch_optional(conn)
        .await
}

// ---- Programme editing (admin) ----

/// Creates (`id` None) or changes a day; its id, or `None` if `id` is not a day of this event.
pub async fn save_day(
    db: &Db,
    event_id: i64,
    id: Option<i64>,
    day: NaiveDate,
    seats: u32,
) -> Result<Option<i64>, sqlx::Error> {
    let d = date_text(day);
    match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE event_days SET day = $1, seats = $2 WHERE id = $3 AND event_id = $4",
            )
            .bind(d)
            .bind(i64::from(seats))
            .bind(id)
            .bind(event_id)
            .execute(&db.pool)
            .await?;
            Ok((done.rows_affected() == 1).then_some(id))
        }
        None => sqlx::query_scalar(
            "INSERT INTO event_days (event_id, day, seats) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(event_id)
        .bind(d)
        .bind(i64::from(seats))
        .fetch_one(&db.pool)
        .await
        .map(Some),
    }
}

/// Creates (`id` None) or replaces a session with its themes and speakers.
/// Returns its id, or `None` when `id` is not a session of this event.
pub async fn save_session(
    db: &Db,
    event_id: i64,
    id: Option<i64>,
    s: &SessionInput,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let seats = s.seats.map(i64::from);
    let id = match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE event_sessions SET day_id = $1, kind = $2, title = $3, description_md = $4, starts_at = $5, \
                 ends_at = $6, room = $7, seats = $8 WHERE id = $9 AND event_id = $10",
            )
            .bind(s.day_id)
            .bind(s.kind.as_str())
            .bind(&s.title)
            .bind(&s.description_md)
            .bind(&s.starts_at)
            .bind(&s.ends_at)
            .bind(&s.room)
            .bind(seats)
            .bind(id)
            .bind(event_id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Ok(None);
            }
            id
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO event_sessions (event_id, day_id, kind, title, description_md, starts_at, ends_at, room, \
                 seats) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(event_id)
            .bind(s.day_id)
            .bind(s.kind.as_str())
            .bind(&s.title)
            .bind(&s.description_md)
            .bind(&s.starts_at)
            .bind(&s.ends_at)
            .bind(&s.room)
            .bind(seats)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    replace_links(
        &mut tx,
        "event_session_themes",
        "session_id",
        id,
        "theme_id",
        &s.theme_ids,
    )
    .await?;
    sqlx::query("DELETE FROM event_session_speakers WHERE session_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for (position, sp) in s.speaker_ids.iter().enumerate() {
        sqlx::query("INSERT INTO event_session_speakers (session_id, speaker_id, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(sp)
            .bind(position as i64)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Some(id))
}

pub async fn save_speaker(
    db: &Db,
    event_id: i64,
    id: Option<i64>,
    s: &SpeakerInput,
) -> Result<Option<i64>, sqlx::Error> {
    match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE event_speakers SET name = $1, role = $2, organisation = $3, bio = $4, photo_url = $5 \
                 WHERE id = $6 AND event_id = $7",
            )
            .bind(&s.name)
            .bind(&s.role)
            .bind(&s.organisation)
            .bind(&s.bio)
            .bind(&s.photo_url)
            .bind(id)
            .bind(event_id)
            .execute(&db.pool)
            .await?;
            Ok((done.rows_affected() == 1).then_some(id))
        }
        None => sqlx::query_scalar(
            "INSERT INTO event_speakers (event_id, name, role, organisation, bio, photo_url, is_demo) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(event_id)
        .bind(&s.name)
        .bind(&s.role)
        .bind(&s.organisation)
        .bind(&s.bio)
        .bind(&s.photo_url)
        .bind(i64::from(s.is_demo))
        .fetch_one(&db.pool)
        .await
        .map(Some),
    }
}

pub async fn save_question(
    db: &Db,
    event_id: i64,
    id: Option<i64>,
    q: &QuestionInput,
) -> Result<Option<i64>, sqlx::Error> {
    let options = q.options.join("\n");
    match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE event_questions SET position = $1, kind = $2, label = $3, options = $4, required = $5 \
                 WHERE id = $6 AND event_id = $7",
            )
            .bind(q.position)
            .bind(q.kind.as_str())
            .bind(&q.label)
            .bind(options)
            .bind(i64::from(q.required))
            .bind(id)
            .bind(event_id)
            .execute(&db.pool)
            .await?;
            Ok((done.rows_affected() == 1).then_some(id))
        }
        None => sqlx::query_scalar(
            "INSERT INTO event_questions (event_id, position, kind, label, options, required) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(event_id)
        .bind(q.position)
        .bind(q.kind.as_str())
        .bind(&q.label)
        .bind(options)
        .bind(i64::from(q.required))
        .fetch_one(&db.pool)
        .await
        .map(Some),
    }
}

/// The table an item is stored in.
fn table(item: ProgrammeItem) -> &'static str {
    match item {
        ProgrammeItem::Day => "event_days",
        ProgrammeItem::Session => "event_sessions",
        ProgrammeItem::Speaker => "event_speakers",
        ProgrammeItem::Question => "event_questions",
    }
}

/// Deletes a day, session, speaker or question of the event (with what hangs on it).
pub async fn delete_item(
    db: &Db,
    event_id: i64,
    item: ProgrammeItem,
    id: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(&format!(
        "DELETE FROM {} WHERE id = $1 AND event_id = $2",
        table(item)
    ))
    .bind(id)
    .bind(event_id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
