//! Rows kept in order within their process (phases, themes): where one
//! stands, and moving it one step by swapping it with its neighbour.

/// A table whose rows carry `(process_id, position)`, unique together.
#[derive(Debug, Clone, Copy)]
pub(super) enum Ordered {
    Phases,
    Themes,
}

impl Ordered {
    fn table(self) -> &'static str {
        match self {
            Ordered::Phases => "phases",
            Ordered::Themes => "themes",
        }
    }
}

/// The process and position of a row, if it exists.
pub(super) async fn place(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rows: Ordered,
    id: i64,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    let table = rows.table();
    sqlx::query_as(&format!(
        "SELECT process_id, position FROM {table} WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
}

/// Swaps a row with its neighbour before (`up`) or after it; the process id,
/// if the row existed.
pub(super) async fn swap_with_neighbour(
    db: &crate::ssr::Db,
    rows: Ordered,
    id: i64,
    up: bool,
) -> Result<Option<i64>, sqlx::Error> {
    let table = rows.table();
    let mut tx = db.pool.begin().await?;
    let Some((process_id, position)) = place(&mut tx, rows, id).await? else {
        return Ok(None);
    };
    let neighbour_sql = if up {
        format!("SELECT id, position FROM {table} WHERE process_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1")
    } else {
        format!("SELECT id, position FROM {table} WHERE process_id = $1 AND position > $2 ORDER BY position LIMIT 1")
    };
    let neighbour: Option<(i64, i64)> = sqlx::query_as(&neighbour_sql)
        .bind(process_id)
        .bind(position)
        .fetch_optional(&mut *tx)
        .await?;
    if let Some((other, other_position)) = neighbour {
        // Through a free position, since (process, position) is unique.
        let update = format!("UPDATE {table} SET position = $1 WHERE id = $2");
        for (row, to) in [(id, -1), (other, position), (id, other_position)] {
            sqlx::query(&update)
                .bind(to)
                .bind(row)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(Some(process_id))
}
