//! The programme in the database: events, days, sessions, speakers and the
//! extra questions of the registration form. Registrations live in
//! `registrations`.

use super::logic::{EventShape, QuestionKind, QuestionShape, WorkshopShape};
use crate::ssr::db::{now, replace_links, Db};
use chrono::NaiveDate;
use sqlx::FromRow;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionKind {
    Plenary,
    RoundTable,
    Workshop,
}

impl SessionKind {
    pub const ALL: [SessionKind; 3] = [
        SessionKind::Plenary,
        SessionKind::RoundTable,
        SessionKind::Workshop,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Plenary => "plenary",
            SessionKind::RoundTable => "round_table",
            SessionKind::Workshop => "workshop",
        }
    }

    pub fn parse(s: &str) -> Option<SessionKind> {
        SessionKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The Fluent id of the kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
            SessionKind::Plenary => "session-kind-plenary",
            SessionKind::RoundTable => "session-kind-round-table",
            SessionKind::Workshop => "session-kind-workshop",
        }
    }
}

#[derive(Debug, Clone, FromRow)]
struct EventRow {
    id: i64,
    component_id: i64,
    slug: String,
    title: String,
    description_md: String,
    venue: String,
    seats: i64,
    offer_hours: i64,
    registration_open: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: i64,
    pub component_id: i64,
    pub slug: String,
    pub title: String,
    pub description_md: String,
    pub venue: String,
    pub seats: u32,
    pub offer_hours: u32,
    pub registration_open: bool,
}

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

impl From<EventRow> for Event {
    fn from(r: EventRow) -> Self {
        Event {
            id: r.id,
            component_id: r.component_id,
            slug: r.slug,
            title: r.title,
            description_md: r.description_md,
            venue: r.venue,
            seats: count(r.seats),
            offer_hours: count(r.offer_hours),
            registration_open: r.registration_open != 0,
        }
    }
}

const EVENT_COLUMNS: &str =
    "id, component_id, slug, title, description_md, venue, seats, offer_hours, registration_open";

pub async fn event_by_slug(db: &Db, slug: &str) -> Result<Option<Event>, sqlx::Error> {
    let row: Option<EventRow> = sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Event::from))
}

/// Every event, for the staff dashboard.
pub async fn list_events(db: &Db) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<EventRow> =
        sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events ORDER BY id"))
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(Event::from).collect())
}

pub async fn event_by_id(db: &Db, id: i64) -> Result<Option<Event>, sqlx::Error> {
    let row: Option<EventRow> =
        sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(Event::from))
}

pub async fn event_by_component(db: &Db, component_id: i64) -> Result<Option<Event>, sqlx::Error> {
    let row: Option<EventRow> = sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE component_id = $1"
    ))
    .bind(component_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Event::from))
}

/// The event's settings, as an admin edits them.
#[derive(Debug, Clone, PartialEq)]
pub struct EventInput {
    pub slug: String,
    pub title: String,
    pub description_md: String,
    pub venue: String,
    pub seats: u32,
    pub offer_hours: u32,
    pub registration_open: bool,
}

pub async fn insert_event(db: &Db, component_id: i64, e: &EventInput) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO events (component_id, slug, title, description_md, venue, seats, offer_hours, registration_open, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(component_id)
    .bind(&e.slug)
    .bind(&e.title)
    .bind(&e.description_md)
    .bind(&e.venue)
    .bind(i64::from(e.seats))
    .bind(i64::from(e.offer_hours))
    .bind(i64::from(e.registration_open))
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

pub async fn update_event(db: &Db, id: i64, e: &EventInput) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE events SET slug = $1, title = $2, description_md = $3, venue = $4, seats = $5, offer_hours = $6, \
         registration_open = $7 WHERE id = $8",
    )
    .bind(&e.slug)
    .bind(&e.title)
    .bind(&e.description_md)
    .bind(&e.venue)
    .bind(i64::from(e.seats))
    .bind(i64::from(e.offer_hours))
    .bind(i64::from(e.registration_open))
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub id: i64,
    pub date: NaiveDate,
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
    pub is_demo: i64,
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

fn date(s: &str) -> Result<NaiveDate, sqlx::Error> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(FromRow)]
struct SessionRow {
    id: i64,
    day_id: i64,
    kind: String,
    title: String,
    description_md: String,
    starts_at: String,
    ends_at: String,
    room: String,
    seats: Option<i64>,
}

pub async fn programme(db: &Db, event: Event) -> Result<Programme, sqlx::Error> {
    let days: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT id, day, seats FROM event_days WHERE event_id = $1 ORDER BY day")
            .bind(event.id)
            .fetch_all(&db.pool)
            .await?;
    let days = days
        .into_iter()
        .map(|(id, d, seats)| {
            Ok(Day {
                id,
                date: date(&d)?,
                seats: count(seats),
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
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
    let mut theme_map: HashMap<i64, Vec<i64>> = HashMap::new();
    for (s, t) in themes_of {
        theme_map.entry(s).or_default().push(t);
    }
    let mut speaker_map: HashMap<i64, Vec<i64>> = HashMap::new();
    for (s, sp) in speakers_of {
        speaker_map.entry(s).or_default().push(sp);
    }
    let sessions = rows
        .into_iter()
        .filter_map(|r| {
            Some(Session {
                kind: SessionKind::parse(&r.kind)?,
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
        })
        .collect();
    let speakers: Vec<Speaker> = sqlx::query_as(
        "SELECT id, name, role, organisation, bio, photo_url, is_demo FROM event_speakers WHERE event_id = $1 \
         ORDER BY name, id",
    )
    .bind(event.id)
    .fetch_all(&db.pool)
    .await?;
    let questions: Vec<(i64, i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, position, kind, label, options, required FROM event_questions WHERE event_id = $1 \
         ORDER BY position, id",
    )
    .bind(event.id)
    .fetch_all(&db.pool)
    .await?;
    let questions = questions
        .into_iter()
        .filter_map(|(id, position, kind, label, options, required)| {
            Some(Question {
                id,
                position,
                kind: QuestionKind::parse(&kind)?,
                label,
                options: lines(&options),
                required: required != 0,
            })
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

/// Where the event sits: the process slug and phase id, for breadcrumbs.
pub async fn event_place(
    db: &Db,
    component_id: i64,
) -> Result<Option<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT pr.slug, pr.title, p.id FROM components c JOIN phases p ON p.id = c.phase_id \
         JOIN processes pr ON pr.id = p.process_id WHERE c.id = $1",
    )
    .bind(component_id)
    .fetch_optional(&db.pool)
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
    let d = day.format("%Y-%m-%d").to_string();
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

/// A session as an admin (or the demo loader) writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionInput {
    pub day_id: i64,
    pub kind: SessionKind,
    pub title: String,
    pub description_md: String,
    pub starts_at: String,
    pub ends_at: String,
    pub room: String,
    pub seats: Option<u32>,
    pub theme_ids: Vec<i64>,
    pub speaker_ids: Vec<i64>,
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

#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerInput {
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub bio: String,
    pub photo_url: String,
    pub is_demo: bool,
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

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionInput {
    pub position: i64,
    pub kind: QuestionKind,
    pub label: String,
    pub options: Vec<String>,
    pub required: bool,
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

/// The tables an admin may delete rows of, by the name the forms use.
pub fn deletable_table(kind: &str) -> Option<&'static str> {
    match kind {
        "day" => Some("event_days"),
        "session" => Some("event_sessions"),
        "speaker" => Some("event_speakers"),
        "question" => Some("event_questions"),
        _ => None,
    }
}

/// Deletes a day, session, speaker or question of the event (with what hangs on it).
pub async fn delete_item(
    db: &Db,
    event_id: i64,
    table: &'static str,
    id: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(&format!(
        "DELETE FROM {table} WHERE id = $1 AND event_id = $2"
    ))
    .bind(id)
    .bind(event_id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
