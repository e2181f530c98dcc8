//! Action avenues in the database, with their links to themes and to the
//! consultation proposals they grew from.

use super::grouped;
use crate::event::logic::avenues::{Avenue, AvenueInput, LinkedProposal, Theme};
use crate::ssr::db::replace_links;
use crate::ssr::db_types::Flag;
use crate::ssr::Db;
use sqlx::{Any, AnyConnection, Transaction};

#[derive(sqlx::FromRow)]
struct AvenueRow {
    id: i64,
    session_id: i64,
    workshop: String,
    event_slug: String,
    title: String,
    description: String,
    lead_actors: String,
    #[sqlx(try_from = "i64")]
    published: Flag,
    #[sqlx(try_from = "i64")]
    is_demo: Flag,
}

/// Which avenues to read; each is a condition on `a` (avenue), `s` (its
/// session) and `e` (its event) with one parameter.
#[derive(Debug, Clone, Copy)]
enum Filter {
    Session(i64),
    PublishedOfEvent(i64),
    PublishedOfProcess(i64),
}

impl Filter {
    fn sql(self) -> &'static str {
        match self {
            Filter::Session(_) => "a.session_id = $1",
            Filter::PublishedOfEvent(_) => "e.id = $1 AND a.published = 1",
            Filter::PublishedOfProcess(_) => {
                "a.published = 1 AND e.component_id IN (SELECT pc.id FROM components pc \
                 JOIN phases pp ON pp.id = pc.phase_id WHERE pp.process_id = $1)"
            }
        }
    }

    fn id(self) -> i64 {
        match self {
            Filter::Session(id) | Filter::PublishedOfEvent(id) | Filter::PublishedOfProcess(id) => {
                id
            }
        }
    }
}

const FROM: &str = "FROM action_avenues a JOIN event_sessions s ON s.id = a.session_id \
    JOIN events e ON e.id = s.event_id JOIN event_days d ON d.id = s.day_id";

async fn load(db: &Db, filter: Filter) -> Result<Vec<Avenue>, sqlx::Error> {
    let rows: Vec<AvenueRow> = sqlx::query_as(&format!(
        "SELECT a.id, a.session_id, s.title AS workshop, e.slug AS event_slug, a.title, a.description, \
         a.lead_actors, a.published, a.is_demo {FROM} WHERE {} ORDER BY d.day, s.starts_at, s.title, a.id",
        filter.sql()
    ))
    .bind(filter.id())
    .fetch_all(&db.pool)
    .await?;
    let themes: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT x.avenue_id, x.theme_id FROM action_avenue_themes x JOIN themes t ON t.id = x.theme_id \
         JOIN action_avenues a ON a.id = x.avenue_id JOIN event_sessions s ON s.id = a.session_id \
         JOIN events e ON e.id = s.event_id WHERE {} ORDER BY t.position",
        filter.sql()
    ))
    .bind(filter.id())
    .fetch_all(&db.pool)
    .await?;
    let proposals: Vec<(i64, i64, String, String)> = sqlx::query_as(&format!(
        "SELECT x.avenue_id, p.id, c.slug, p.content FROM action_avenue_proposals x \
         JOIN proposals p ON p.id = x.proposal_id JOIN consultations c ON c.id = p.consultation_id \
         JOIN action_avenues a ON a.id = x.avenue_id JOIN event_sessions s ON s.id = a.session_id \
         JOIN events e ON e.id = s.event_id WHERE {} AND p.status = 'accepted' ORDER BY p.id",
        filter.sql()
    ))
    .bind(filter.id())
    .fetch_all(&db.pool)
    .await?;
    let mut theme_map = grouped(themes);
    let mut proposal_map = grouped(proposals.into_iter().map(
        |(a, id, consultation_slug, content)| {
            (
                a,
                LinkedProposal {
                    id,
                    consultation_slug,
                    content,
                },
            )
        },
    ));
    Ok(rows
        .into_iter()
        .map(|r| Avenue {
            theme_ids: theme_map.remove(&r.id).unwrap_or_default(),
            proposals: proposal_map.remove(&r.id).unwrap_or_default(),
            id: r.id,
            session_id: r.session_id,
            workshop: r.workshop,
            event_slug: r.event_slug,
            title: r.title,
            description: r.description,
            lead_actors: r.lead_actors,
            published: *r.published,
            is_demo: *r.is_demo,
        })
        .collect())
}

/// A process's themes, in their order.
pub async fn themes(db: &Db, process_id: i64) -> Result<Vec<Theme>, sqlx::Error> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM themes WHERE process_id = $1 ORDER BY position")
            .bind(process_id)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Theme { id, name })
        .collect())
}

/// The published avenues of every event of a process.
pub async fn published_of_process(db: &Db, process_id: i64) -> Result<Vec<Avenue>, sqlx::Error> {
    load(db, Filter::PublishedOfProcess(process_id)).await
}

/// The published avenues of one event.
pub async fn published_of_event(db: &Db, event_id: i64) -> Result<Vec<Avenue>, sqlx::Error> {
    load(db, Filter::PublishedOfEvent(event_id)).await
}

/// How many avenues of an event are published (whether to link to them).
pub async fn published_count(db: &Db, event_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM action_avenues a JOIN event_sessions s ON s.id = a.session_id \
         WHERE s.event_id = $1 AND a.published = 1",
    )
    .bind(event_id)
    .fetch_one(&db.pool)
    .await
}

/// The events of a process that have published avenues: (title, slug, how many).
pub async fn events_with_avenues(
    db: &Db,
    process_id: i64,
) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.title, e.slug, COUNT(a.id) FROM events e JOIN components c ON c.id = e.component_id \
         JOIN phases ph ON ph.id = c.phase_id JOIN event_sessions s ON s.event_id = e.id \
         JOIN action_avenues a ON a.session_id = s.id \
         WHERE ph.process_id = $1 AND a.published = 1 GROUP BY e.id, e.title, e.slug ORDER BY e.title",
    )
    .bind(process_id)
    .fetch_all(&db.pool)
    .await
}

/// Every avenue of a workshop, published or not (the staff page).
pub async fn of_session(db: &Db, session_id: i64) -> Result<Vec<Avenue>, sqlx::Error> {
    load(db, Filter::Session(session_id)).await
}

/// The process an event belongs to.
pub async fn process_of_event(db: &Db, component_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.process_id FROM components c JOIN phases p ON p.id = c.phase_id WHERE c.id = $1",
    )
    .bind(component_id)
    .fetch_optional(&db.pool)
    .await
}

/// The published proposals of the process's consultations, with their themes:
/// what an avenue may be linked to.
pub async fn candidate_proposals(
    db: &Db,
    process_id: i64,
) -> Result<Vec<(LinkedProposal, Vec<i64>)>, sqlx::Error> {
    let scope = "FROM proposals p JOIN consultations c ON c.id = p.consultation_id \
        JOIN components k ON k.id = c.component_id JOIN phases ph ON ph.id = k.phase_id \
        WHERE ph.process_id = $1 AND p.status = 'accepted'";
    let rows: Vec<(i64, String, String)> = sqlx::query_as(&format!(
        "SELECT p.id, c.slug, p.content {scope} ORDER BY p.content, p.id"
    ))
    .bind(process_id)
    .fetch_all(&db.pool)
    .await?;
    let themes: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT pt.proposal_id, pt.theme_id FROM proposal_themes pt WHERE pt.proposal_id IN (SELECT p.id {scope})"
    ))
    .bind(process_id)
    .fetch_all(&db.pool)
    .await?;
    let mut theme_map = grouped(themes);
    Ok(rows
        .into_iter()
        .map(|(id, consultation_slug, content)| {
            let t = theme_map.remove(&id).unwrap_or_default();
            (
                LinkedProposal {
                    id,
                    consultation_slug,
                    content,
                },
                t,
            )
        })
        .collect())
}

/// Creates (`id` None) or replaces an avenue of `session_id` with its links.
/// Returns its id, or `None` when `id` is not an avenue of that workshop.
pub async fn save(
    db: &Db,
    session_id: i64,
    id: Option<i64>,
    a: &AvenueInput,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let id = save_in(&mut tx, session_id, id, a, at).await?;
    if id.is_some() {
        tx.commit().await?;
    }
    Ok(id)
}

/// [`save`] inside the caller's transaction (which may enqueue the mails
/// the change calls for before committing).
pub async fn save_in(
    tx: &mut Transaction<'_, Any>,
    session_id: i64,
    id: Option<i64>,
    a: &AvenueInput,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let published = i64::from(a.published);
    let id = match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE action_avenues SET title = $1, description = $2, lead_actors = $3, published = $4, \
                 updated_at = $5 WHERE id = $6 AND session_id = $7",
            )
            .bind(&a.title)
            .bind(&a.description)
            .bind(&a.lead_actors)
            .bind(published)
            .bind(at)
            .bind(id)
            .bind(session_id)
            .execute(&mut **tx)
            .await?;
            if done.rows_affected() != 1 {
                return Ok(None);
            }
            id
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO action_avenues (session_id, title, description, lead_actors, published, is_demo, \
                 created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
            )
            .bind(session_id)
            .bind(&a.title)
            .bind(&a.description)
            .bind(&a.lead_actors)
            .bind(published)
            .bind(i64::from(a.is_demo))
            .bind(at)
            .fetch_one(&mut **tx)
            .await?
        }
    };
    replace_links(
        tx,
        "action_avenue_themes",
        "avenue_id",
        id,
        "theme_id",
        &a.theme_ids,
    )
    .await?;
    replace_links(
        tx,
        "action_avenue_proposals",
        "avenue_id",
        id,
        "proposal_id",
        &a.proposal_ids,
    )
    .await?;
    Ok(Some(id))
}

pub async fn set_published(
    db: &Db,
    session_id: i64,
    id: i64,
    published: bool,
    at: i64,
) -> Result<bool, sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    set_published_in(&mut conn, session_id, id, published, at).await
}

/// [`set_published`] inside the caller's transaction.
pub async fn set_published_in(
    conn: &mut AnyConnection,
    session_id: i64,
    id: i64,
    published: bool,
    at: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE action_avenues SET published = $1, updated_at = $2 WHERE id = $3 AND session_id = $4",
    )
    .bind(i64::from(published))
    .bind(at)
    .bind(id)
    .bind(session_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(db: &Db, session_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM action_avenues WHERE id = $1 AND session_id = $2")
        .bind(id)
        .bind(session_id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}
