//! The key that signs served proposals (see `logic::signing`).

use crate::ssr::db::Db;
use rand::RngCore;

/// The key that signs served proposals, made once and shared by every instance.
pub async fn signing_key(db: &Db) -> Result<Vec<u8>, sqlx::Error> {
    db.signing_key
        .get_or_try_init(|| read_or_create_signing_key(db))
        .await
        .cloned()
}

/// Written once, by whichever instance needs it first; read by all.
async fn read_or_create_signing_key(db: &Db) -> Result<Vec<u8>, sqlx::Error> {
    const READ: &str = "SELECT value FROM secrets WHERE name = 'vote_signing'";
    if let Some(value) = sqlx::query_scalar::<_, String>(READ)
        .fetch_optional(&db.pool)
        .await?
    {
        return Ok(value.into_bytes());
    }
    let mut fresh = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut fresh);
    let fresh: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
    sqlx::query("INSERT INTO secrets (name, value) VALUES ('vote_signing', $1) ON CONFLICT (name) DO NOTHING")
        .bind(fresh)
        .execute(&db.pool)
        .await?;
    let value: String = sqlx::query_scalar(READ).fetch_one(&db.pool).await?;
    Ok(value.into_bytes())
}
