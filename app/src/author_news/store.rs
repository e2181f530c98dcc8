//! SQL of the author mails: the results publication mark, the authors who
//! left an address, the ideas an avenue cites, and the addresses that left.
//! Functions taking a connection run inside the caller's transaction.

use crate::ssr::db::{now, Db};
use crate::ssr::db_types::DbDate;
use chrono::NaiveDate;
use sqlx::AnyConnection;

/// What the results publication needs of a consultation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ConsultationRow {
    pub id: i64,
    pub slug: String,
    pub question: String,
    pub lang: String,
    #[sqlx(try_from = "String")]
    pub closes_on: DbDate,
    pub results_published_at: Option<i64>,
}

impl ConsultationRow {
    pub fn closes_on(&self) -> NaiveDate {
        *self.closes_on
    }
}

pub async fn consultation_of_component(
    db: &Db,
    component_id: i64,
) -> Result<Option<ConsultationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, slug, question, lang, closes_on, results_published_at FROM consultations \
         WHERE component_id = $1",
    )
    .bind(component_id)
    .fetch_optional(&db.pool)
    .await
}

/// Records the publication; false when it was already recorded (a double
/// click, two staff members at once): only one transaction mails the authors.
pub async fn mark_results_published(
    conn: &mut AnyConnection,
    consultation_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE consultations SET results_published_at = $1 \
         WHERE id = $2 AND results_published_at IS NULL",
    )
    .bind(now())
    .bind(consultation_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A published idea whose author left an address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuthorIdea {
    pub id: i64,
    pub content: String,
    pub author_name: String,
    pub author_email: String,
}

/// The consultation's published ideas with an author address, oldest first.
pub async fn ideas_with_address(
    conn: &mut AnyConnection,
    consultation_id: i64,
) -> Result<Vec<AuthorIdea>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, content, author_name, author_email FROM proposals \
         WHERE consultation_id = $1 AND status = 'accepted' AND author_email <> '' ORDER BY id",
    )
    .bind(consultation_id)
    .fetch_all(&mut *conn)
    .await
}

/// A cited idea whose author left an address, with its consultation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CitedIdea {
    pub id: i64,
    pub content: String,
    pub author_name: String,
    pub author_email: String,
    pub consultation_slug: String,
    pub lang: String,
}

/// The published ideas among `ids` whose author left an address.
pub async fn cited_ideas(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<Vec<CitedIdea>, sqlx::Error> {
    let mut out = Vec::new();
    for id in ids {
        let found: Option<CitedIdea> = sqlx::query_as(
            "SELECT p.id, p.content, p.author_name, p.author_email, c.slug AS consultation_slug, c.lang \
             FROM proposals p JOIN consultations c ON c.id = p.consultation_id \
             WHERE p.id = $1 AND p.status = 'accepted' AND p.author_email <> ''",
        )
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        out.extend(found);
    }
    Ok(out)
}

/// The proposals an avenue cites.
pub async fn citations(conn: &mut AnyConnection, avenue_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT proposal_id FROM action_avenue_proposals WHERE avenue_id = $1")
        .bind(avenue_id)
        .fetch_all(&mut *conn)
        .await
}

/// Whether `address` (normalised) left `list`.
pub async fn has_left(
    conn: &mut AnyConnection,
    list: &str,
    address: &str,
) -> Result<bool, sqlx::Error> {
    let found: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mail_unsubscribes WHERE address = $1 AND list = $2",
    )
    .bind(address)
    .bind(list)
    .fetch_one(&mut *conn)
    .await?;
    Ok(found > 0)
}

/// Takes `address` (normalised) off `list`; doing it twice changes nothing.
pub async fn leave(db: &Db, list: &str, address: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO mail_unsubscribes (address, list, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (address, list) DO NOTHING",
    )
    .bind(address)
    .bind(list)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Whether `address` left `list` (outside a transaction: the page).
pub async fn left(db: &Db, list: &str, address: &str) -> Result<bool, sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    has_left(&mut conn, list, address).await
}

/// A published avenue as its citation mails name it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CitingAvenue {
    pub title: String,
    pub event_slug: String,
}

/// Avenue `id` if it is published (a draft mails nobody yet).
pub async fn published_avenue(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<CitingAvenue>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.title, e.slug AS event_slug FROM action_avenues a \
         JOIN event_sessions s ON s.id = a.session_id JOIN events e ON e.id = s.event_id \
         WHERE a.id = $1 AND a.published = 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
}
