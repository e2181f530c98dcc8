//! Arrivals at the door in the database: when a ticket was checked in for a
//! day, and recording an arrival only if none was.

use crate::ssr::Db;

/// The registration's day: `None` if it is not registered for that day, else
/// when it arrived (if it did).
pub async fn day_arrival(
    db: &Db,
    registration_id: i64,
    day_id: i64,
) -> Result<Option<Option<i64>>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT checked_in_at FROM registration_days WHERE registration_id = $1 AND day_id = $2",
    )
    .bind(registration_id)
    .bind(day_id)
    .fetch_optional(&db.pool)
    .await
}

/// Records the arrival unless one was recorded meanwhile; true if this one was.
pub async fn record_arrival(
    db: &Db,
    registration_id: i64,
    day_id: i64,
    staff_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE registration_days SET checked_in_at = $1, checked_in_by = $2 \
         WHERE registration_id = $3 AND day_id = $4 AND checked_in_at IS NULL",
    )
    .bind(now)
    .bind(staff_id)
    .bind(registration_id)
    .bind(day_id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
