//! The staff dashboard's downloads (admins only):
//!
//! - `GET /api/staff/consultations/{component_id}/dashboard.csv`: one table,
//!   a row per figure: section, label, participants, proposals, votes
//!   (`;`-separated with a byte order mark, for spreadsheets set to French);
//! - `GET /api/staff/consultations/{component_id}/dashboard.xlsx`: a sheet
//!   per section, numbers as numbers.
//!
//! Every text cell goes through the spreadsheet-injection defuse: a
//! neighbourhood is typed by staff and could start with `=`.

use super::service::dashboard::{load, tables, Cell, Dashboard, ROLE};
use crate::ssr::context::RequestInfo;
use crate::ssr::settings::Settings;
use crate::ssr::spreadsheet::defuse;
use crate::ssr::{Db, Tr};
use axum::extract::{Extension, Path};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

type Table = (String, Vec<String>, Vec<Vec<Cell>>);

pub fn csv_bytes(tr: Tr, tables: &[Table]) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .flexible(false)
            .from_writer(&mut out);
        w.write_record(
            [
                "dashboard-section",
                "dashboard-label",
                "dashboard-participants",
                "dashboard-proposals",
                "dashboard-votes",
            ]
            .map(|k| defuse(&tr.t(k))),
        )?;
        for (title, _, rows) in tables {
            for row in rows {
                let mut record = vec![defuse(title)];
                record.extend(row.iter().map(|c| defuse(&c.text())));
                record.resize(5, String::new());
                w.write_record(&record)?;
            }
        }
        w.flush()?;
    }
    Ok(out)
}

pub fn xlsx_bytes(tables: &[Table]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (title, header, rows) in tables {
        let ws = book.add_worksheet();
        let name: String = title
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        ws.set_name(&name)?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, defuse(h), &bold)?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match cell {
                    Cell::Text(t) => ws.write_string(r, c, defuse(t))?,
                    Cell::Number(n) => ws.write_number(r, c, *n as f64)?,
                };
            }
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofit();
    }
    book.save_to_buffer()
}

enum Format {
    Csv,
    Xlsx,
}

async fn export(
    db: Db,
    settings: Arc<Settings>,
    info: RequestInfo,
    component_id: i64,
    format: Format,
) -> Response {
    match &info.viewer {
        None => return StatusCode::UNAUTHORIZED.into_response(),
        Some(u) if !u.role.allows(ROLE) => return StatusCode::FORBIDDEN.into_response(),
        Some(_) => {}
    }
    let internal = |e: &dyn std::fmt::Display| {
        tracing::error!("dashboard export: {e}");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    };
    let d: Dashboard = match load(&db, settings.timezone, component_id).await {
        Ok(Some(d)) => d,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return internal(&e),
    };
    let tr = Tr(info.lang);
    let tables = tables(tr, &d);
    let (bytes, content_type, ext) = match format {
        Format::Csv => match csv_bytes(tr, &tables) {
            Ok(b) => (b, "text/csv; charset=utf-8", "csv"),
            Err(e) => return internal(&e),
        },
        Format::Xlsx => match xlsx_bytes(&tables) {
            Ok(b) => (
                b,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
            ),
            Err(e) => return internal(&e),
        },
    };
    let disposition = format!(
        "attachment; filename=\"{}-dashboard.{ext}\"",
        d.consultation.slug
    );
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn dashboard_csv(
    Extension(db): Extension<Db>,
    Extension(settings): Extension<Arc<Settings>>,
    Extension(info): Extension<RequestInfo>,
    Path(component_id): Path<i64>,
) -> Response {
    export(db, settings, info, component_id, Format::Csv).await
}

pub async fn dashboard_xlsx(
    Extension(db): Extension<Db>,
    Extension(settings): Extension<Arc<Settings>>,
    Extension(info): Extension<RequestInfo>,
    Path(component_id): Path<i64>,
) -> Response {
    export(db, settings, info, component_id, Format::Xlsx).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn exports_defuse_typed_text_and_keep_numbers() {
        let tables = vec![(
            "Par quartier".to_owned(),
            vec!["Quartier".to_owned(), "Participants".to_owned()],
            vec![vec![
                Cell::Text("=HYPERLINK(\"x\")".into()),
                Cell::Number(-3),
            ]],
        )];
        let csv = String::from_utf8(csv_bytes(Tr(Lang::Fr), &tables).unwrap()).unwrap();
        let line = csv.lines().nth(1).unwrap();
        assert!(line.contains("'=HYPERLINK"), "{line}");
        assert!(line.ends_with(";-3;;"), "{line}");
        assert!(!xlsx_bytes(&tables).unwrap().is_empty());
    }
}
