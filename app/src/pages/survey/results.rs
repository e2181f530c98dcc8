//! A survey's results, for staff and, once published, for everyone: per
//! question the count and share of each option with an SVG bar chart and its
//! data table side by side, the "top box" share and averages, matrices item by
//! item, rankings, and free texts; a plain GET form filters by an answer.

use super::question::option_label;
use crate::components::{load_page, Page};
use crate::pages::{param, query};
use crate::ssr::{Ctx, Tr};
use crate::survey::logic::{Kind, OptionCount, Question, QuestionResult, Summary};
use crate::survey::service::{self, ResultsData, MIN_FILTERED};
use leptos::prelude::*;

fn pct(p: u32) -> String {
    format!("{p} %")
}

fn decimal(tr: Tr, x: f64) -> String {
    let s = format!("{x:.1}");
    if tr.lang() == crate::lang::Lang::Fr {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Horizontal bars (share of each option) beside their data table.
fn option_chart(tr: Tr, q: &Question, caption: &str, options: &[OptionCount]) -> AnyView {
    const ROW: usize = 34;
    let height = options.len() * ROW;
    let bars = options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let y = i * ROW;
            let width = o.percent as f64 / 100.0 * 260.0;
            view! {
                <text x="0" y=y + 12 class="chart-label">{option_label(tr, q, o.index)}</text>
                <rect x="0" y=y + 16 width=format!("{width:.1}") height="12" class="bar-0"/>
                <text x=format!("{:.1}", width + 4.0) y=y + 27 class="chart-value">{pct(o.percent)}</text>
            }
        })
        .collect_view();
    let rows = options
        .iter()
        .map(|o| {
            view! {
                <tr>
                    <th scope="row">{option_label(tr, q, o.index)}</th>
                    <td>{o.count}</td>
                    <td>{pct(o.percent)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="chart-with-table">
            <svg class="chart" viewBox=format!("0 0 320 {height}") role="img" aria-label=caption.to_owned()>
                <title>{caption.to_owned()}</title>
                {bars}
            </svg>
            <table class="survey-table">
                <caption class="visually-hidden">{caption.to_owned()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr.t("survey-results-option")}</th>
                        <th scope="col">{tr.t("survey-results-count")}</th>
                        <th scope="col">{tr.t("results-share")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn top_box_line(tr: Tr, q: &Question, top_box: Option<u32>, average: Option<f64>) -> impl IntoView {
    let top = top_box.map(|p| {
        let label = option_label(tr, q, 0);
        view! {
            <p class="top-box">
                <span class="top-box-figure">{pct(p)}</span>" "
                <span>{tr.t_args("survey-results-top-box", &[("option", label)])}</span>
            </p>
        }
    });
    let average = average.map(|a| {
        let key = if q.kind == Kind::Scale {
            "survey-results-average-scale"
        } else {
            "survey-results-average-rating"
        };
        let max = if q.kind == Kind::Scale {
            10
        } else {
            q.options.len()
        };
        view! { <p>{tr.t_args(key, &[("average", decimal(tr, a)), ("max", max.to_string())])}</p> }
    });
    view! { {top}{average} }
}

fn result_view(tr: Tr, q: &Question, r: &QuestionResult) -> AnyView {
    let answered = tr.t_args(
        "survey-results-answered",
        &[("count", r.answered.to_string())],
    );
    let body = match &r.summary {
        Summary::Options {
            options,
            top_box,
            average,
        } => view! {
            {top_box_line(tr, q, *top_box, *average)}
            {(q.kind == Kind::Multiple).then(|| view! { <p class="hint">{tr.t("survey-results-multiple")}</p> })}
            {option_chart(tr, q, &q.prompt, options)}
        }
        .into_any(),
        Summary::Matrix(items) => items
            .iter()
            .map(|item| {
                let caption = format!("{} · {}", q.prompt, item.label);
                let answered = tr.t_args("survey-results-answered", &[("count", item.answered.to_string())]);
                view! {
                    <h4>{item.label.clone()}" "<span class="hint">"("{answered}")"</span></h4>
                    {top_box_line(tr, q, item.top_box, item.average)}
                    {option_chart(tr, q, &caption, &item.options)}
                }
            })
            .collect_view()
            .into_any(),
        Summary::Ranking(rows) => {
            let rows = rows
                .iter()
                .map(|(label, avg, first)| {
                    view! { <tr><th scope="row">{label.clone()}</th><td>{decimal(tr, *avg)}</td><td>{*first}</td></tr> }
                })
                .collect_view();
            view! {
                <table class="survey-table">
                    <caption class="visually-hidden">{q.prompt.clone()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr.t("survey-results-option")}</th>
                            <th scope="col">{tr.t("survey-results-average-rank")}</th>
                            <th scope="col">{tr.t("survey-results-first")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
        Summary::Texts(texts) => {
            let items = texts
                .iter()
                .map(|t| view! { <li>{t.clone()}</li> })
                .collect_view();
            view! { <ul class="survey-texts">{items}</ul> }.into_any()
        }
    };
    view! {
        <section class="survey-result">
            <h3>{q.prompt.clone()}</h3>
            <p class="hint">{answered}</p>
            {body}
        </section>
    }
    .into_any()
}

fn filter_form(tr: Tr, d: &ResultsData) -> impl IntoView {
    let current = d.filter.map(|((q, o), _)| format!("{q}:{o}"));
    let groups = d
        .questions
        .iter()
        .filter(|q| (q.kind.is_choice() && q.kind != Kind::Scale) || q.kind == Kind::Multiple)
        .map(|q| {
            let options = (0..q.option_count())
                .map(|i| {
                    let value = format!("{}:{i}", q.id);
                    let selected = current.as_deref() == Some(value.as_str());
                    view! { <option value=value selected=selected>{option_label(tr, q, i)}</option> }
                })
                .collect_view();
            view! { <optgroup label=q.prompt.clone()>{options}</optgroup> }
        })
        .collect_view();
    view! {
        <form method="get" action="#filter-title" class="group-picker">
            <div class="field">
                <label for="filter">{tr.t("survey-results-filter")}</label>
                <select id="filter" name="filter">
                    <option value="">{tr.t("survey-results-everyone")}</option>
                    {groups}
                </select>
            </div>
            <button type="submit" class="button secondary">{tr.t("results-group-show")}</button>
        </form>
    }
}

#[component]
pub fn SurveyResultsPage() -> impl IntoView {
    let tr = Tr::current();
    let data = async move {
        let ctx = Ctx::get()?;
        let filter = query("filter");
        service::results(&ctx, &param("slug"), filter.as_deref()).await
    };
    load_page(data, move |d| {
        let title = tr.t_args("survey-results-title", &[("title", d.survey.title.clone())]);
        let filtered = d.filter.map(|((qid, option), kept)| {
            let q = d.questions.iter().find(|q| q.id == qid);
            let text = tr.t_args(
                "survey-results-filtered",
                &[
                    ("count", kept.to_string()),
                    ("option", q.map(|q| option_label(tr, q, option)).unwrap_or_default()),
                    ("question", q.map(|q| q.prompt.clone()).unwrap_or_default()),
                ],
            );
            view! {
                <p class="notice" role="status">{text}" "
                    <a href=format!("/surveys/{}/results", d.survey.slug)>{tr.t("survey-results-show-all")}</a>
                </p>
            }
        });
        let body = match &d.results {
            None => view! { <p>{tr.t_args("survey-results-too-few", &[("min", MIN_FILTERED.to_string())])}</p> }
                .into_any(),
            Some(results) => d
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let items = d
                        .questions
                        .iter()
                        .zip(results)
                        .filter(|(q, _)| q.section == i)
                        .map(|(q, r)| result_view(tr, q, r))
                        .collect_view();
                    let heading = (!s.title.is_empty()).then(|| view! { <h2>{s.title.clone()}</h2> });
                    view! { {heading}{items} }
                })
                .collect_view()
                .into_any(),
        };
        let slug = d.survey.slug.clone();
        let unpublished = (!d.survey.results_published)
            .then(|| view! { <p class="notice">{tr.t("survey-results-staff-only")}</p> });
        view! {
            <Page title=title.clone()>
                <h1>{title.clone()}</h1>
                {unpublished}
                <p class="lead">{tr.t_args("survey-results-responses", &[("count", d.total.to_string())])}</p>
                <h2 id="filter-title">{tr.t("survey-results-filter-title")}</h2>
                {filter_form(tr, &d)}
                {filtered}
                {body}
                <p>
                    <a href=format!("/api/surveys/{slug}/responses.csv")>{tr.t("survey-export-csv")}</a>" · "
                    <a href=format!("/api/surveys/{slug}/responses.xlsx")>{tr.t("survey-export-xlsx")}</a>
                </p>
            </Page>
        }
    })
}
