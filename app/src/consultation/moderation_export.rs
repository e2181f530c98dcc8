//! The moderation log's downloads, for moderators and admins, with the
//! page's filter (`?action=&moderator=&from=&to=&q=`):
//!
//! - `GET /api/staff/moderation/log.csv`
//! - `GET /api/staff/moderation/log.xlsx`
//!
//! The CSV is for spreadsheets set to French (`;`, a UTF-8 byte order mark);
//! every cell goes through `ssr::spreadsheet::defuse`, as typed text (a
//! proposal, a moderator's note) must never run as a formula.

use crate::consultation::logic::moderation::LogQuery;
use crate::consultation::service::moderation_log::{all_lines, table};
use crate::model::Role;
use crate::ssr::context::RequestInfo;
use crate::ssr::settings::Settings;
use crate::ssr::spreadsheet::{csv_bytes, xlsx_bytes};
use crate::ssr::{Db, Tr};
use axum::extract::{Extension, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::Arc;

/// The filter as the address carries it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExportQuery {
    pub action: String,
    pub moderator: String,
    pub from: String,
    pub to: String,
    pub q: String,
}

impl From<ExportQuery> for LogQuery {
    fn from(q: ExportQuery) -> LogQuery {
        LogQuery {
            action: q.action,
            moderator: q.moderator,
            from: q.from,
            to: q.to,
            q: q.q,
            page: String::new(),
        }
    }
}

enum Format {
    Csv,
    Xlsx,
}

async fn export(
    db: Db,
    settings: Arc<Settings>,
    info: RequestInfo,
    q: ExportQuery,
    format: Format,
) -> Response {
    match &info.viewer {
        None => return StatusCode::UNAUTHORIZED.into_response(),
        Some(u) if !u.role.allows(Role::Moderator) => return StatusCode::FORBIDDEN.into_response(),
        Some(_) => {}
    }
    let internal = |e: &dyn std::fmt::Display| {
        tracing::error!("moderation log export: {e}");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    };
    let lines = match all_lines(&db, &settings, &q.into()).await {
        Ok(lines) => lines,
        Err(e) => return internal(&e),
    };
    let tr = Tr(info.lang);
    let (header, rows) = table(tr, &settings, &lines);
    let (bytes, content_type, ext) = match format {
        Format::Csv => match csv_bytes(&header, &rows) {
            Ok(b) => (b, "text/csv; charset=utf-8", "csv"),
            Err(e) => return internal(&e),
        },
        Format::Xlsx => match xlsx_bytes(&tr.t("moderation-log-title"), &header, &rows) {
            Ok(b) => (
                b,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
            ),
            Err(e) => return internal(&e),
        },
    };
    let disposition = format!("attachment; filename=\"moderation-log.{ext}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            // Staff names and refused texts: never kept by a shared cache.
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn log_csv(
    Extension(db): Extension<Db>,
    Extension(settings): Extension<Arc<Settings>>,
    Extension(info): Extension<RequestInfo>,
    Query(q): Query<ExportQuery>,
) -> Response {
    export(db, settings, info, q, Format::Csv).await
}

pub async fn log_xlsx(
    Extension(db): Extension<Db>,
    Extension(settings): Extension<Arc<Settings>>,
    Extension(info): Extension<RequestInfo>,
    Query(q): Query<ExportQuery>,
) -> Response {
    export(db, settings, info, q, Format::Xlsx).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_defuse_formulas_and_quote_separators() {
        let header = vec!["Quand".to_owned(), "Texte".to_owned()];
        let rows = vec![vec![
            "2026-11-29 10:00".to_owned(),
            "=HYPERLINK(\"x\"); ok".to_owned(),
        ]];
        let text = String::from_utf8(csv_bytes(&header, &rows).unwrap()).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\"'=HYPERLINK(\"\"x\"\"); ok\""), "{text}");
        let xlsx = xlsx_bytes("Journal: [modération]", &header, &rows).unwrap();
        assert_eq!(&xlsx[..2], b"PK");
    }
}
