//! The responses as a table, for spreadsheets: one row per response (in the
//! random order of their ids), one column per question (per item for a
//! matrix, per option for a ranking). Published results are public; before
//! that only admins may download them.
//!
//! - `GET /api/surveys/{slug}/responses.csv`
//! - `GET /api/surveys/{slug}/responses.xlsx`

use super::logic::{Answer, Answers, Kind, Question};
use super::store;
use crate::model::Role;
use crate::process::visibility::visible_or_status;
use crate::ssr::context::RequestInfo;
use crate::ssr::spreadsheet::defuse;
use crate::ssr::{Db, Tr};
use axum::extract::{Extension, Path};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

fn label(tr: Tr, q: &Question, i: usize) -> String {
    match q.kind {
        Kind::YesNo => tr.t(if i == 0 { "survey-yes" } else { "survey-no" }),
        Kind::Scale => i.to_string(),
        _ => q.options.get(i).cloned().unwrap_or_default(),
    }
}

/// The header and the rows.
pub fn table(
    tr: Tr,
    questions: &[Question],
    responses: &[Answers],
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = Vec::new();
    for q in questions {
        match q.kind {
            Kind::Matrix => header.extend(q.items.iter().map(|i| format!("{} · {i}", q.prompt))),
            Kind::Ranking => header.extend(q.options.iter().map(|o| format!("{} · {o}", q.prompt))),
            _ => header.push(q.prompt.clone()),
        }
    }
    let rows = responses
        .iter()
        .map(|answers| {
            let mut row = Vec::new();
            for q in questions {
                let a = answers.get(&q.id);
                match q.kind {
                    Kind::Matrix => row.extend((0..q.items.len()).map(|item| {
                        match a {
                            Some(Answer::Matrix(rows)) => rows
                                .get(item)
                                .copied()
                                .flatten()
                                .map(|i| label(tr, q, i))
                                .unwrap_or_default(),
                            _ => String::new(),
                        }
                    })),
                    Kind::Ranking => row.extend((0..q.options.len()).map(|option| {
                        match a {
                            Some(Answer::Ranking(order)) => order
                                .iter()
                                .position(|o| *o == option)
                                .map(|rank| (rank + 1).to_string())
                                .unwrap_or_default(),
                            _ => String::new(),
                        }
                    })),
                    _ => row.push(match a {
                        Some(Answer::Choice(i)) => label(tr, q, *i),
                        Some(Answer::Choices(chosen)) => chosen
                            .iter()
                            .map(|i| label(tr, q, *i))
                            .collect::<Vec<_>>()
                            .join("; "),
                        Some(Answer::Text(t)) => t.clone(),
                        _ => String::new(),
                    }),
                }
            }
            row
        })
        .collect();
    (header, rows)
}

pub fn to_csv(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header.iter().map(|h| defuse(h)))?;
    for row in rows {
        w.write_record(row.iter().map(|c| defuse(c)))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

pub fn to_xlsx(
    header: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, defuse(h), &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            // Numbers (0-10 scales, ranks) stay numbers in the sheet.
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r as u32 + 1, c as u16, n)?,
                Err(_) => sheet.write_string(r as u32 + 1, c as u16, defuse(cell))?,
            };
        }
    }
    book.save_to_buffer()
}

async fn load(
    db: &Db,
    info: &RequestInfo,
    slug: &str,
) -> Result<(String, Vec<String>, Vec<Vec<String>>), StatusCode> {
    let fail = |e: sqlx::Error| {
        tracing::error!("survey export: {e}");
        StatusCode::INTERNAL_SERVER_ERROR
    };
    let found = store::survey_by_slug(db, slug).await;
    let s = visible_or_status(db, info.viewer.as_ref(), found, |s| s.component_id).await?;
    let admin = info
        .viewer
        .as_ref()
        .is_some_and(|v| v.role.allows(Role::Admin));
    if !s.results_published && !admin {
        return Err(StatusCode::NOT_FOUND);
    }
    let (_, questions) = store::definition(db, s.id).await.map_err(fail)?;
    let responses: Vec<Answers> = store::responses(db, s.id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    let (header, rows) = table(Tr(info.lang), &questions, &responses);
    Ok((s.slug, header, rows))
}

fn download(bytes: Vec<u8>, mime: &'static str, name: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub async fn responses_csv(
    Extension(db): Extension<Db>,
    Extension(info): Extension<RequestInfo>,
    Path(slug): Path<String>,
) -> Response {
    match load(&db, &info, &slug).await {
        Ok((slug, header, rows)) => match to_csv(&header, &rows) {
            Ok(bytes) => download(bytes, "text/csv; charset=utf-8", format!("{slug}.csv")),
            Err(e) => {
                tracing::error!("survey CSV: {e}");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Err(status) => status.into_response(),
    }
}

pub async fn responses_xlsx(
    Extension(db): Extension<Db>,
    Extension(info): Extension<RequestInfo>,
    Path(slug): Path<String>,
) -> Response {
    match load(&db, &info, &slug).await {
        Ok((slug, header, rows)) => match to_xlsx(&header, &rows) {
            Ok(bytes) => download(
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                format!("{slug}.xlsx"),
            ),
            Err(e) => {
                tracing::error!("survey XLSX: {e}");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Err(status) => status.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::survey::logic::Question;

    fn question(id: i64, kind: Kind, options: &[&str], items: &[&str]) -> Question {
        Question {
            id,
            section: 0,
            kind,
            prompt: format!("Q{id}"),
            help: String::new(),
            required: false,
            options: options.iter().map(|s| s.to_string()).collect(),
            items: items.iter().map(|s| s.to_string()).collect(),
            condition: None,
        }
    }

    #[test]
    fn one_row_per_response_one_column_per_part() {
        let questions = [
            question(1, Kind::YesNo, &[], &[]),
            question(2, Kind::Matrix, &["Bien", "Mal"], &["Accueil", "Repas"]),
            question(3, Kind::Ranking, &["A", "B"], &[]),
            question(4, Kind::Multiple, &["x", "y"], &[]),
        ];
        let responses = [Answers::from([
            (1, Answer::Choice(0)),
            (2, Answer::Matrix(vec![None, Some(1)])),
            (3, Answer::Ranking(vec![1, 0])),
            (4, Answer::Choices(vec![0, 1])),
        ])];
        let (header, rows) = table(Tr(Lang::Fr), &questions, &responses);
        assert_eq!(
            header,
            vec!["Q1", "Q2 · Accueil", "Q2 · Repas", "Q3 · A", "Q3 · B", "Q4"]
        );
        assert_eq!(rows[0], vec!["Oui", "", "Mal", "2", "1", "x; y"]);
        let csv = String::from_utf8(to_csv(&header, &rows).unwrap()).unwrap();
        assert!(csv.starts_with("Q1,Q2 · Accueil"), "{csv}");
        let xlsx = to_xlsx(&header, &rows).unwrap();
        assert!(xlsx.starts_with(b"PK"), "a zip container");
    }
}
