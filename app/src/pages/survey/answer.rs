//! Answering a survey, one section per page: the open link
//! (`/surveys/{slug}`) and invitations (`/surveys/{slug}/i/{token}`). Every
//! step is a plain form post; what was typed is kept in the draft, so leaving,
//! going back, or a refusal never loses it.

use super::question::{anchor, condition_note, question_view, Rendering};
use crate::components::{load_page, FormAlert, Page};
use crate::error::AppError;
use crate::pages::{param, query};
use crate::ssr::{Ctx, Tr};
use crate::survey::api::Answer;
use crate::survey::logic::{self, Answers, Problem, Question};
use crate::survey::service::{self, Gate};
use crate::survey::store::{Section, Survey};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::collections::HashMap;

struct Data {
    survey: Survey,
    token: Option<String>,
    gate: Gate,
    sections: Vec<Section>,
    questions: Vec<Question>,
    section: usize,
    values: HashMap<String, String>,
    answers: Answers,
    problems: Vec<(i64, Problem)>,
    /// A refusal other than missing answers (closed meanwhile...), shown once.
    alert: Option<String>,
}

async fn load(slug: String, token: Option<String>) -> Result<Data, AppError> {
    let ctx = Ctx::get()?;
    let service::AnswerPageData {
        survey,
        gate,
        sections,
        questions,
        draft,
    } = service::answer_page(&ctx, &slug, token.as_deref()).await?;
    let answers = logic::check(&questions, &draft.values, |_| false).answers;
    let section = query("section")
        .and_then(|s| s.parse::<usize>().ok())
        .and_then(|s| s.checked_sub(1))
        .filter(|s| *s < sections.len())
        .unwrap_or(0);
    // After a refused step the page is asked for with `check`: the problems are
    // worked out again from the draft, which holds what was just sent.
    let problems = if query("check").is_some() {
        logic::check(&questions, &draft.values, |q| q.section == section).problems
    } else {
        Vec::new()
    };
    let alert = crate::ssr::form::FormState::of(&ctx, "survey").message();
    Ok(Data {
        alert,
        survey,
        token,
        gate,
        sections,
        questions,
        section,
        values: draft.values,
        answers,
        problems,
    })
}

/// Whether a section after `section` may still show, whatever is answered on
/// this page: then the button says "continue", else "send".
fn more_to_come(d: &Data) -> bool {
    d.questions.iter().any(|q| {
        q.section > d.section
            && (logic::shown_on_page(q, &d.questions, &d.answers)
                || q.condition.is_some_and(|c| {
                    d.questions
                        .iter()
                        .any(|o| o.id == c.question && o.section >= d.section)
                }))
    })
}

fn error_summary(tr: Tr, d: &Data) -> impl IntoView {
    (!d.problems.is_empty()).then(|| {
        let items = d
            .problems
            .iter()
            .filter_map(|(id, p)| {
                let q = d.questions.iter().find(|q| q.id == *id)?;
                Some(view! {
                    <li><a href=format!("#{}", anchor(q))>{q.prompt.clone()}" : "{tr.t(p.message_key())}</a></li>
                })
            })
            .collect_view();
        view! {
            <div class="form-alert" role="alert" id="problems" tabindex="-1">
                <p>{tr.t_args("survey-problems", &[("count", d.problems.len().to_string())])}</p>
                <ul>{items}</ul>
            </div>
        }
    })
}

fn form_view(tr: Tr, d: &Data) -> AnyView {
    let total = d.sections.len().max(1);
    let questions = d
        .questions
        .iter()
        .filter(|q| q.section == d.section && logic::shown_on_page(q, &d.questions, &d.answers))
        .map(|q| {
            let same_page_condition = q.condition.is_some_and(|c| {
                d.questions
                    .iter()
                    .any(|o| o.id == c.question && o.section == d.section)
            });
            let rendering = Rendering {
                values: &d.values,
                problem: d
                    .problems
                    .iter()
                    .find(|(id, _)| *id == q.id)
                    .map(|(_, p)| *p),
                note: same_page_condition
                    .then(|| condition_note(tr, q, &d.questions))
                    .flatten(),
            };
            question_view(tr, q, rendering)
        })
        .collect_view();
    let section_title = d
        .sections
        .get(d.section)
        .map(|s| s.title.clone())
        .filter(|t| !t.is_empty());
    let progress = tr.t_args(
        "survey-progress",
        &[
            ("n", (d.section + 1).to_string()),
            ("total", total.to_string()),
        ],
    );
    let send_label = if more_to_come(d) {
        tr.t("survey-continue")
    } else {
        tr.t("survey-send")
    };
    let back = (d.section > 0).then(|| {
        view! { <button type="submit" name="action" value="back" class="button secondary">{tr.t("survey-back")}</button> }
    });
    let intro = (d.section == 0 && !d.survey.intro.is_empty())
        .then(|| view! { <p class="lead">{d.survey.intro.clone()}</p> });
    view! {
        {intro}
        <p class="survey-progress">
            <span>{progress}</span>
            <progress max=total value=d.section + 1 aria-hidden="true"></progress>
        </p>
        <FormAlert message=d.alert.clone()/>
        {error_summary(tr, d)}
        <form method="post" action=Answer::url() class="stack survey-form" novalidate>
            <input type="hidden" name="survey" value=d.survey.slug.clone()/>
            <input type="hidden" name="token" value=d.token.clone().unwrap_or_default()/>
            <input type="hidden" name="section" value=d.section/>
            {section_title.map(|t| view! { <h2>{t}</h2> })}
            <p class="hint">{tr.t("survey-required-note")}</p>
            {questions}
            <div class="survey-actions">
                <button type="submit" name="action" value="next" class="button big">{send_label}</button>
                {back}
                <button type="submit" name="action" value="save" class="button secondary">{tr.t("survey-save-draft")}</button>
            </div>
        </form>
    }
    .into_any()
}

fn page(token: Option<String>) -> impl IntoView {
    let tr = Tr::current();
    load_page(load(param("slug"), token), move |d| {
        let body = if d.gate == Gate::Open {
            form_view(tr, &d)
        } else {
            let results = (d.survey.results_published).then(|| {
                view! { <p><a href=format!("/surveys/{}/results", d.survey.slug)>{tr.t("survey-see-results")}</a></p> }
            });
            view! { <p class="notice">{tr.t(d.gate.message_key())}</p>{results} }.into_any()
        };
        view! {
            <Page title=d.survey.title.clone()>
                <h1>{d.survey.title.clone()}</h1>
                {d.survey.anonymous.then(|| view! { <p class="hint">{tr.t("survey-anonymous-note")}</p> })}
                {body}
            </Page>
        }
    })
}

#[component]
pub fn SurveyPage() -> impl IntoView {
    page(None)
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    page(Some(param("token")))
}

#[component]
pub fn ThanksPage() -> impl IntoView {
    let tr = Tr::current();
    let data = async {
        let ctx = Ctx::get()?;
        service::survey(&ctx, &param("slug")).await
    };
    load_page(data, move |s| {
        let results = s.results_published.then(|| {
            view! { <p><a href=format!("/surveys/{}/results", s.slug)>{tr.t("survey-see-results")}</a></p> }
        });
        view! {
            <Page title=s.title.clone()>
                <h1>{s.title.clone()}</h1>
                <p>{tr.t("survey-thanks-body")}</p>
                {results}
                <p><a href="/">{tr.t("error-back-home")}</a></p>
            </Page>
        }
    })
}
