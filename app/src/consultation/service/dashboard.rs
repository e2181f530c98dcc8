//! The staff dashboard of a consultation: participation per day (in the
//! city's time zone), by neighbourhood with its coverage, and by age. One
//! read model serves the page and the CSV and XLSX exports.

use crate::consultation::logic::dashboard::{self, Coverage};
use crate::consultation::logic::rules::AGE_BRACKETS;
use crate::consultation::store::consultations::{consultation_of_component, Consultation};
use crate::consultation::store::dashboard::{self as store, DayFigures, Dimension};
use crate::error::AppError;
use crate::model::{ComponentKind, Role};
use crate::ssr::{Ctx, Db};
use chrono_tz::Tz;

/// Who may see the dashboard (admins, as for the consultation's settings).
pub const ROLE: Role = Role::Admin;

pub struct Dashboard {
    pub component_id: i64,
    pub consultation: Consultation,
    /// Every day from the first activity to the last, zeros included.
    pub days: Vec<DayFigures>,
    /// (distinct participants, proposals, votes) over the whole consultation.
    pub totals: (i64, i64, i64),
    /// Participants per neighbourhood: the consultation's list in order,
    /// then other answers, then `None` for those who said nothing.
    pub neighbourhoods: Vec<(Option<String>, i64)>,
    pub coverage: Coverage,
    /// Participants per age bracket (bracket ids), then `None`.
    pub ages: Vec<(Option<String>, i64)>,
    pub timezone: Tz,
}

/// The dashboard of the consultation of `component_id`, if there is one.
pub async fn load(db: &Db, tz: Tz, component_id: i64) -> Result<Option<Dashboard>, sqlx::Error> {
    let Some(consultation) = consultation_of_component(db, component_id).await? else {
        return Ok(None);
    };
    let days = match store::activity_span(db, consultation.id).await? {
        Some((first, last)) => {
            let ranges = dashboard::day_ranges(
                dashboard::local_day(first, tz),
                dashboard::local_day(last, tz),
                tz,
            );
            store::per_day(db, consultation.id, &ranges).await?
        }
        None => Vec::new(),
    };
    let totals = store::totals(db, consultation.id).await?;
    let by_hood = store::participants_by(db, consultation.id, Dimension::Neighbourhood).await?;
    let by_age = store::participants_by(db, consultation.id, Dimension::Age).await?;
    let brackets: Vec<String> = AGE_BRACKETS.iter().map(|a| a.to_string()).collect();
    Ok(Some(Dashboard {
        component_id,
        coverage: dashboard::coverage(&consultation.neighbourhoods, &by_hood),
        neighbourhoods: dashboard::group_rows(&consultation.neighbourhoods, &by_hood),
        ages: dashboard::group_rows(&brackets, &by_age),
        consultation,
        days,
        totals,
        timezone: tz,
    }))
}

/// The page's read model: staff only, and only for a consultation component.
pub async fn dashboard_page(
    ctx: &Ctx,
    component_id: i64,
) -> Result<(Dashboard, crate::process::store::Process), AppError> {
    ctx.require(ROLE)?;
    let (process, _) =
        crate::process::service::component_place(ctx, component_id, ComponentKind::Consultation)
            .await?;
    let dashboard = load(&ctx.db, ctx.settings.timezone, component_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    Ok((dashboard, process))
}

/// The dashboard's tables as text, the same in both exports: per day, by
/// neighbourhood, by age. Each is (title, header, rows).
pub fn tables(tr: crate::ssr::Tr, d: &Dashboard) -> Vec<(String, Vec<String>, Vec<Vec<Cell>>)> {
    let not_said = tr.t("dashboard-not-said");
    let days = d
        .days
        .iter()
        .map(|f| {
            vec![
                Cell::Text(f.day.clone()),
                Cell::Number(f.participants),
                Cell::Number(f.proposals),
                Cell::Number(f.votes),
            ]
        })
        .chain(std::iter::once(vec![
            Cell::Text(tr.t("dashboard-total")),
            Cell::Number(d.totals.0),
            Cell::Number(d.totals.1),
            Cell::Number(d.totals.2),
        ]))
        .collect();
    let groups = |rows: &[(Option<String>, i64)], label: &dyn Fn(&str) -> String| {
        rows.iter()
            .map(|(g, n)| {
                vec![
                    Cell::Text(g.as_deref().map_or(not_said.clone(), label)),
                    Cell::Number(*n),
                ]
            })
            .collect::<Vec<_>>()
    };
    vec![
        (
            tr.t("dashboard-per-day"),
            vec![
                tr.t("dashboard-day"),
                tr.t("dashboard-participants"),
                tr.t("dashboard-proposals"),
                tr.t("dashboard-votes"),
            ],
            days,
        ),
        (
            tr.t("dashboard-by-neighbourhood"),
            vec![
                tr.t("dashboard-neighbourhood"),
                tr.t("dashboard-participants"),
            ],
            groups(&d.neighbourhoods, &|g| g.to_owned()),
        ),
        (
            tr.t("dashboard-by-age"),
            vec![tr.t("dashboard-age"), tr.t("dashboard-participants")],
            groups(&d.ages, &|g| tr.t(&format!("age-{g}"))),
        ),
    ]
}

/// A cell of an export: numbers stay numbers in the spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}
