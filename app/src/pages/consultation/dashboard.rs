//! The staff dashboard of a consultation: participation per day (an SVG
//! chart with its data table, no script), by neighbourhood with coverage,
//! by age, and the downloads. The figures are defined on the page.

use crate::components::{load_page, Page};
use crate::consultation::logic::dashboard::{nice_max, Plot};
use crate::consultation::service::dashboard::{dashboard_page, Dashboard};
use crate::consultation::store::dashboard::DayFigures;
use crate::pages::param;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const PLOT: Plot = Plot {
    left: 48.0,
    top: 12.0,
    width: WIDTH - 60.0,
    height: HEIGHT - 48.0,
};

/// The three series: Fluent id, colour (AA on white), dash pattern (so
/// colour is never the only difference), and the figure.
/// (Fluent id, colour, dash pattern, figure).
type Series = (
    &'static str,
    &'static str,
    &'static str,
    fn(&DayFigures) -> i64,
);

const SERIES: [Series; 3] = [
    ("dashboard-participants", "#0b5394", "", |d| d.participants),
    ("dashboard-proposals", "#1e6b34", "8 4", |d| d.proposals),
    ("dashboard-votes", "#a4161a", "2 3", |d| d.votes),
];

fn chart(tr: Tr, days: &[DayFigures]) -> AnyView {
    let max = nice_max(
        days.iter()
            .flat_map(|d| SERIES.map(|s| (s.3)(d)))
            .max()
            .unwrap_or(0),
    );
    let grid = PLOT
        .ticks(max)
        .into_iter()
        .map(|(v, y)| {
            view! {
                <line x1=PLOT.left x2=PLOT.left + PLOT.width y1=y y2=y stroke="#c9ccd6" stroke-width="1"/>
                <text x=PLOT.left - 6.0 y=y + 4.0 text-anchor="end" font-size="12" fill="#4a4a55">{v}</text>
            }
        })
        .collect_view();
    // A date label under the first, the last and about every seventh day.
    let n = days.len();
    let every = n.div_ceil(6).max(1);
    let labels = days
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0 || *i + 1 == n)
        .map(|(i, d)| {
            let short = d.day.get(5..).unwrap_or(&d.day).to_owned();
            view! {
                <text x=PLOT.x(i, n) y=HEIGHT - 18.0 text-anchor="middle" font-size="12" fill="#4a4a55">{short}</text>
            }
        })
        .collect_view();
    let lines = SERIES
        .iter()
        .map(|(_, colour, dash, figure)| {
            let values: Vec<i64> = days.iter().map(figure).collect();
            let dots = values
                .iter()
                .enumerate()
                .map(|(i, v)| view! { <circle cx=PLOT.x(i, n) cy=PLOT.y(*v, max) r="3" fill=*colour/> })
                .collect_view();
            view! {
                <polyline points=PLOT.points(&values, max) fill="none" stroke=*colour stroke-width="2.5"
                    stroke-dasharray=(!dash.is_empty()).then_some(*dash)/>
                {dots}
            }
        })
        .collect_view();
    let legend = SERIES
        .iter()
        .map(|(key, colour, dash, _)| {
            view! {
                <li>
                    <svg width="28" height="12" aria-hidden="true">
                        <line x1="0" x2="28" y1="6" y2="6" stroke=*colour stroke-width="3"
                            stroke-dasharray=(!dash.is_empty()).then_some(*dash)/>
                    </svg>
                    " "{tr.t(key)}
                </li>
            }
        })
        .collect_view();
    let name = tr.t("dashboard-chart-name");
    view! {
        <svg class="chart dashboard-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby="dashboard-chart-title dashboard-chart-desc">
            <title id="dashboard-chart-title">{name}</title>
            <desc id="dashboard-chart-desc">{tr.t("dashboard-chart-desc")}</desc>
            {grid}
            {lines}
            {labels}
        </svg>
        <ul class="chart-legend">{legend}</ul>
    }
    .into_any()
}

fn day_table(tr: Tr, d: &Dashboard) -> impl IntoView {
    let rows = d
        .days
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">{f.day.clone()}</th>
                    <td>{f.participants}</td>
                    <td>{f.proposals}</td>
                    <td>{f.votes}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="survey-table" id="dashboard-days">
                <caption>{tr.t("dashboard-days-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr.t("dashboard-day")}</th>
                        <th scope="col">{tr.t("dashboard-participants")}</th>
                        <th scope="col">{tr.t("dashboard-proposals")}</th>
                        <th scope="col">{tr.t("dashboard-votes")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{tr.t("dashboard-total")}</th>
                        <td>{d.totals.0}</td>
                        <td>{d.totals.1}</td>
                        <td>{d.totals.2}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

fn group_table(
    tr: Tr,
    id: &'static str,
    caption: String,
    column: String,
    rows: &[(Option<String>, i64)],
    label: impl Fn(&str) -> String,
) -> impl IntoView {
    let rows = rows
        .iter()
        .map(|(g, n)| {
            let name = g
                .as_deref()
                .map_or_else(|| tr.t("dashboard-not-said"), &label);
            view! { <tr><th scope="row">{name}</th><td>{*n}</td></tr> }
        })
        .collect_view();
    view! {
        <table class="survey-table" id=id>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{column}</th>
                    <th scope="col">{tr.t("dashboard-participants")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn content(tr: Tr, d: Dashboard) -> AnyView {
    let c = &d.consultation;
    let base = format!("/api/staff/consultations/{}/dashboard", d.component_id);
    let coverage = if d.coverage.total == 0 {
        view! { <p>{tr.t("dashboard-no-neighbourhoods")}</p> }.into_any()
    } else {
        let missing = (!d.coverage.missing.is_empty()).then(|| {
            view! {
                <p id="dashboard-missing">
                    {tr.t_args("dashboard-missing", &[("count", d.coverage.missing.len().to_string())])}" "
                    {d.coverage.missing.join(", ")}
                </p>
            }
        });
        view! {
            <p class="top-box" id="dashboard-coverage">
                {tr.t_args("dashboard-coverage", &[
                    ("covered", d.coverage.covered.to_string()),
                    ("total", d.coverage.total.to_string()),
                ])}
            </p>
            {missing}
        }
        .into_any()
    };
    let per_day = if d.days.is_empty() {
        view! { <p>{tr.t("dashboard-no-activity")}</p> }.into_any()
    } else {
        view! {
            <figure class="dashboard-figure">
                {chart(tr, &d.days)}
                <figcaption>{tr.t_args("dashboard-timezone", &[("timezone", d.timezone.name().to_owned())])}</figcaption>
            </figure>
            {day_table(tr, &d)}
        }
        .into_any()
    };
    view! {
        <p class="question">{c.question.clone()}</p>
        <section aria-labelledby="dashboard-definitions">
            <h2 id="dashboard-definitions">{tr.t("dashboard-definitions")}</h2>
            <dl class="definitions">
                <dt>{tr.t("dashboard-participants")}</dt><dd>{tr.t("dashboard-def-participants")}</dd>
                <dt>{tr.t("dashboard-proposals")}</dt><dd>{tr.t("dashboard-def-proposals")}</dd>
                <dt>{tr.t("dashboard-votes")}</dt><dd>{tr.t("dashboard-def-votes")}</dd>
                <dt>{tr.t("dashboard-groups")}</dt><dd>{tr.t("dashboard-def-groups")}</dd>
            </dl>
        </section>
        <section aria-labelledby="dashboard-days-title">
            <h2 id="dashboard-days-title">{tr.t("dashboard-per-day")}</h2>
            <p>{tr.t_args("dashboard-totals", &[
                ("participants", d.totals.0.to_string()),
                ("proposals", d.totals.1.to_string()),
                ("votes", d.totals.2.to_string()),
            ])}</p>
            {per_day}
        </section>
        <section aria-labelledby="dashboard-hoods-title">
            <h2 id="dashboard-hoods-title">{tr.t("dashboard-by-neighbourhood")}</h2>
            {coverage}
            {group_table(tr, "dashboard-hoods", tr.t("dashboard-hoods-caption"), tr.t("dashboard-neighbourhood"), &d.neighbourhoods, |g| g.to_owned())}
        </section>
        <section aria-labelledby="dashboard-ages-title">
            <h2 id="dashboard-ages-title">{tr.t("dashboard-by-age")}</h2>
            {group_table(tr, "dashboard-ages", tr.t("dashboard-ages-caption"), tr.t("dashboard-age"), &d.ages, move |g| tr.t(&format!("age-{g}")))}
        </section>
        <section aria-labelledby="dashboard-exports-title">
            <h2 id="dashboard-exports-title">{tr.t("dashboard-exports")}</h2>
            <ul>
                <li><a href=format!("{base}.csv") download="">{tr.t("dashboard-csv")}</a></li>
                <li><a href=format!("{base}.xlsx") download="">{tr.t("dashboard-xlsx")}</a></li>
            </ul>
        </section>
    }
    .into_any()
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let tr = Tr::current();
    let component_id = param("component_id").parse::<i64>().unwrap_or(-1);
    let title = tr.t("dashboard-title");
    let data = async move {
        let ctx = Ctx::get()?;
        dashboard_page(&ctx, component_id).await
    };
    view! {
        <Page title=title.clone()>
            {load_page(data, move |(d, process)| {
                view! {
                    <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                        <ol>
                            <li><a href="/admin">{tr.t("admin-title")}</a></li>
                            <li><a href=format!("/admin/processes/{}", process.id)>{process.title.clone()}</a></li>
                            <li><a href=format!("/admin/consultations/{}", d.component_id)>{tr.t("settings-title")}</a></li>
                            <li aria-current="page">{title.clone()}</li>
                        </ol>
                    </nav>
                    <h1>{title.clone()}</h1>
                    {content(tr, d)}
                }
            })}
        </Page>
    }
}
