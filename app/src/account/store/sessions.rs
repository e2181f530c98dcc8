//! The sessions of staff accounts, found by the account they are signed in
//! as (the `sessions` table belongs to `ssr::session_store`, which writes each
//! as a JSON tower-sessions record).

use crate::ssr::context::STAFF_KEY;
use crate::ssr::db::Db;
use tower_sessions::session::Record;

/// Deletes every session signed in as one of `staff_ids`; returns how many.
/// Reads the sessions in pages: for commands run by hand, not for requests.
pub async fn delete_sessions_of(db: &Db, staff_ids: &[i64]) -> Result<u64, sqlx::Error> {
    const PAGE: i64 = 500;
    if staff_ids.is_empty() {
        return Ok(0);
    }
    let mut doomed = Vec::new();
    let mut after = String::new();
    loop {
        let page: Vec<(String, Vec<u8>)> =
            sqlx::query_as("SELECT id, data FROM sessions WHERE id > $1 ORDER BY id LIMIT $2")
                .bind(&after)
                .bind(PAGE)
                .fetch_all(&db.pool)
                .await?;
        let Some((last, _)) = page.last() else {
            break;
        };
        after = last.clone();
        for (id, data) in page {
            let staff = serde_json::from_slice::<Record>(&data)
                .ok()
                .and_then(|r| r.data.get(STAFF_KEY).and_then(|v| v.as_i64()));
            if staff.is_some_and(|s| staff_ids.contains(&s)) {
                doomed.push(id);
            }
        }
    }
    let mut deleted = 0;
    for id in doomed {
        deleted += sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id)
            .execute(&db.pool)
            .await?
            .rows_affected();
    }
    Ok(deleted)
}
