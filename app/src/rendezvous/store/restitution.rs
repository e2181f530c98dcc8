//! What the restitution reads of its own process: the components in phase
//! order, and the final-evaluation surveys whose results are published.

use crate::model::ComponentKind;
use crate::ssr::Db;

#[derive(sqlx::FromRow)]
struct ComponentRow {
    id: i64,
    #[sqlx(try_from = "String")]
    kind: ComponentKind,
}

/// The process's components, phase by phase: (component id, kind).
pub async fn process_components(
    db: &Db,
    process: i64,
) -> Result<Vec<(i64, ComponentKind)>, sqlx::Error> {
    let rows: Vec<ComponentRow> = sqlx::query_as(
        "SELECT c.id, c.kind FROM components c JOIN phases p ON p.id = c.phase_id \
         WHERE p.process_id = $1 ORDER BY p.position, c.id",
    )
    .bind(process)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.kind)).collect())
}

/// The surveys the process's meetings take as final evaluation, once their
/// results are published.
pub async fn published_evaluation_surveys(db: &Db, process: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT r.survey_id FROM rendezvous r JOIN components c ON c.id = r.component_id \
         JOIN phases p ON p.id = c.phase_id JOIN surveys s ON s.id = r.survey_id \
         WHERE p.process_id = $1 AND s.results_published = 1",
    )
    .bind(process)
    .fetch_all(&db.pool)
    .await
}
