//! The `themes` of a process, in order.

use crate::ssr::db::Db;

pub async fn themes_of(db: &Db, process_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM themes WHERE process_id = $1 ORDER BY position")
        .bind(process_id)
        .fetch_all(&db.pool)
        .await
}

/// Numbers the themes from 1, in the order given.
pub async fn insert_themes(db: &Db, process_id: i64, names: &[&str]) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    for (position, name) in names.iter().enumerate() {
        sqlx::query("INSERT INTO themes (process_id, position, name) VALUES ($1, $2, $3)")
            .bind(process_id)
            .bind(position as i64 + 1)
            .bind(*name)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}
