//! Building a phase's survey (admins): its settings and dates, sections,
//! questions (add, edit, move, delete, conditions), a preview of every
//! section before opening, publishing the results, and invitations with
//! reminders. The same page creates the survey the first time.

use crate::components::{load_page, Checkbox, Field, FormAlert, Page, TextArea};
use crate::error::AppError;
use crate::model::Role;
use crate::pages::admin::staff_ctx;
use crate::pages::param;
use crate::pages::survey::question::{condition_note, option_label, question_view, Rendering};
use crate::process::store::{Phase, Process};
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use crate::survey::api::{
    AddSection, ChangeQuestion, PublishResults, SaveQuestion, SaveSurvey, SendInvitations,
    SendReminders,
};
use crate::survey::logic::{ConditionOp, Kind, Question};
use crate::survey::service;
use crate::survey::store::{Access, Invitation, Section, Survey};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::collections::HashMap;

struct Data {
    ctx: Ctx,
    component_id: i64,
    process: Process,
    phase: Phase,
    survey: Option<Survey>,
    sections: Vec<Section>,
    questions: Vec<Question>,
    invitations: Vec<Invitation>,
    responses: i64,
    /// (id, title) of every event, whose checked-in attendees may be invited.
    events: Vec<(i64, String)>,
}

async fn load(component_id: i64) -> Result<Data, AppError> {
    let ctx = staff_ctx(Role::Admin)?;
    let service::BuilderPageData {
        process,
        phase,
        survey,
        sections,
        questions,
        invitations,
        responses,
        events,
    } = service::builder_page(&ctx, component_id).await?;
    Ok(Data {
        events,
        ctx,
        component_id,
        process,
        phase,
        survey,
        sections,
        questions,
        invitations,
        responses,
    })
}

fn breadcrumb(tr: Tr, d: &Data, here: String) -> impl IntoView {
    view! {
        <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
            <ol>
                <li><a href="/admin">{tr.t("admin-title")}</a></li>
                <li><a href=format!("/admin/processes/{}", d.process.id)>{d.process.title.clone()}</a></li>
                <li aria-current="page">{here}</li>
            </ol>
        </nav>
    }
}

fn iso(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn settings_form(tr: Tr, d: &Data) -> impl IntoView {
    let form = FormState::of(&d.ctx, "survey-settings");
    let s = d.survey.as_ref();
    let stored = |f: &dyn Fn(&Survey) -> String, default: String| s.map(f).unwrap_or(default);
    let access = form.value(
        "access",
        stored(&|s| s.access.as_str().into(), "open".into()),
    );
    let access_options = [(Access::Open, "survey-access-open"), (Access::Invitation, "survey-access-invitation")]
        .into_iter()
        .map(|(a, key)| view! { <option value=a.as_str() selected=access == a.as_str()>{tr.t(key)}</option> })
        .collect_view();
    view! {
        <form method="post" action=SaveSurvey::url() class="stack" novalidate>
            <FormAlert message=form.message()/>
            <input type="hidden" name="component_id" value=d.component_id/>
            <Field name="title" label=tr.t("field-title") required=true maxlength=Some(200)
                value=form.value("title", stored(&|s| s.title.clone(), String::new())) error=form.error("title")/>
            <Field name="slug" label=tr.t("field-slug") hint=tr.t("survey-builder-slug-hint") required=true
                value=form.value("slug", stored(&|s| s.slug.clone(), String::new())) error=form.error("slug")/>
            <TextArea name="intro" label=tr.t("survey-builder-intro") rows=3
                value=form.value("intro", stored(&|s| s.intro.clone(), String::new())) error=form.error("intro")/>
            <div class="field">
                <label for="f-access">{tr.t("survey-builder-access")}</label>
                <select id="f-access" name="access">{access_options}</select>
            </div>
            <Checkbox name="anonymous" label=tr.t("survey-builder-anonymous") hint=tr.t("survey-builder-anonymous-hint")
                checked=form.checked("anonymous", s.is_none_or(|s| s.anonymous))/>
            <div class="row">
                <Field name="opens_on" kind="date" label=tr.t("settings-opens") hint=tr.t("field-date-hint") required=true
                    value=form.value("opens_on", stored(&|s| iso(s.opens_on), iso(d.phase.start))) error=form.error("opens_on")/>
                <Field name="closes_on" kind="date" label=tr.t("settings-closes") hint=tr.t("field-date-hint") required=true
                    value=form.value("closes_on", stored(&|s| iso(s.closes_on), iso(d.phase.end))) error=form.error("closes_on")/>
            </div>
            <button type="submit" class="button">{tr.t("form-save")}</button>
        </form>
    }
}

fn kind_label(tr: Tr, kind: Kind) -> String {
    tr.t(&format!("survey-kind-{}", kind.as_str().replace('_', "-")))
}

/// The add / edit form of one question. `q` is the question edited, if any.
fn question_form(tr: Tr, d: &Data, q: Option<&Question>) -> impl IntoView {
    let form = FormState::of(&d.ctx, "survey-question");
    let section_id = q
        .and_then(|q| d.sections.get(q.section))
        .or(d.sections.last())
        .map(|s| s.id.to_string())
        .unwrap_or_default();
    let section = form.value("section_id", section_id);
    let sections = d
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let label = tr.t_args(
                "survey-section-n",
                &[("n", (i + 1).to_string()), ("title", s.title.clone())],
            );
            view! { <option value=s.id selected=section == s.id.to_string()>{label}</option> }
        })
        .collect_view();
    let kind = form.value("kind", q.map_or("single", |q| q.kind.as_str()));
    let kinds = Kind::ALL
        .iter()
        .copied()
        .map(|k| view! { <option value=k.as_str() selected=kind == k.as_str()>{kind_label(tr, k)}</option> })
        .collect_view();
    // Conditions may test an earlier question whose answer is one option (or several).
    let stored_condition = q
        .and_then(|q| q.condition)
        .map(|c| format!("{}:{}:{}", c.question, c.op.as_str(), c.option))
        .unwrap_or_default();
    let condition = form.value("condition", stored_condition);
    let candidates = d
        .questions
        .iter()
        .take_while(|o| q.is_none_or(|q| o.id != q.id))
        .filter(|o| o.kind.is_choice() || o.kind == Kind::Multiple)
        .map(|o| {
            let op = if o.kind == Kind::Multiple { ConditionOp::Includes } else { ConditionOp::Equals };
            let options = (0..o.option_count())
                .map(|i| {
                    let value = format!("{}:{}:{i}", o.id, op.as_str());
                    let selected = condition == value;
                    view! { <option value=value selected=selected>{option_label(tr, o, i)}</option> }
                })
                .collect_view();
            view! { <optgroup label=o.prompt.clone()>{options}</optgroup> }
        })
        .collect_view();
    let title = if q.is_some() {
        tr.t("survey-builder-edit-question")
    } else {
        tr.t("survey-builder-add-question")
    };
    view! {
        <form method="post" action=SaveQuestion::url() class="stack" novalidate>
            <h2 id="question-form">{title}</h2>
            <FormAlert message=form.message()/>
            <input type="hidden" name="component_id" value=d.component_id/>
            <input type="hidden" name="question_id" value=q.map(|q| q.id.to_string()).unwrap_or_default()/>
            <div class="row">
                <div class="field">
                    <label for="f-section_id">{tr.t("survey-builder-section")}</label>
                    <select id="f-section_id" name="section_id">{sections}</select>
                </div>
                <div class="field">
                    <label for="f-kind">{tr.t("survey-builder-kind")}</label>
                    <select id="f-kind" name="kind">{kinds}</select>
                </div>
            </div>
            <Field name="prompt" label=tr.t("survey-builder-prompt") required=true maxlength=Some(500)
                value=form.value("prompt", q.map(|q| q.prompt.clone()).unwrap_or_default()) error=form.error("prompt")/>
            <Field name="help" label=tr.t("survey-builder-help") maxlength=Some(500)
                value=form.value("help", q.map(|q| q.help.clone()).unwrap_or_default()) error=form.error("help")/>
            <Checkbox name="required" label=tr.t("survey-builder-required") checked=form.checked("required", q.is_some_and(|q| q.required))/>
            <TextArea name="options" label=tr.t("survey-builder-options") hint=tr.t("survey-builder-options-hint") rows=5
                value=form.value("options", q.map(|q| q.options.join("\n")).unwrap_or_default()) error=form.error("options")/>
            <TextArea name="items" label=tr.t("survey-builder-items") hint=tr.t("survey-builder-items-hint") rows=3
                value=form.value("items", q.map(|q| q.items.join("\n")).unwrap_or_default()) error=form.error("items")/>
            <div class="field" class:has-problem=form.error("condition").is_some()>
                <label for="f-condition">{tr.t("survey-builder-condition")}</label>
                <p class="hint" id="f-condition-hint">{tr.t("survey-builder-condition-hint")}</p>
                {form.error("condition").map(|e| view! { <p class="field-problem" id="f-condition-err">{e}</p> })}
                <select id="f-condition" name="condition" aria-describedby="f-condition-hint">
                    <option value="">{tr.t("survey-builder-always")}</option>
                    {candidates}
                </select>
            </div>
            <button type="submit" class="button">{tr.t("form-save")}</button>
        </form>
    }
}

fn question_list(tr: Tr, d: &Data) -> impl IntoView {
    let component_id = d.component_id;
    d.sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let in_section: Vec<&Question> = d.questions.iter().filter(|q| q.section == i).collect();
            let count = in_section.len();
            let items = in_section
                .into_iter()
                .enumerate()
                .map(|(j, q)| {
                    let change = move |action: &'static str, label: String| {
                        view! {
                            <form method="post" action=ChangeQuestion::url() class="inline-form">
                                <input type="hidden" name="component_id" value=component_id/>
                                <input type="hidden" name="question_id" value=q.id/>
                                <input type="hidden" name="action" value=action/>
                                <button type="submit" class="small">{label}</button>
                            </form>
                        }
                    };
                    let facts = format!(
                        "{}{}",
                        kind_label(tr, q.kind),
                        if q.required { format!(" · {}", tr.t("survey-builder-required-short")) } else { String::new() }
                    );
                    view! {
                        <li class="admin-phase">
                            <p><strong>{q.prompt.clone()}</strong><br/><span class="dates">{facts}</span></p>
                            {condition_note(tr, q, &d.questions).map(|n| view! { <p class="hint">{n}</p> })}
                            <div class="actions">
                                <a href=format!("/admin/surveys/{component_id}/questions/{}#question-form", q.id)>
                                    {tr.t_args("survey-builder-edit", &[("prompt", q.prompt.clone())])}
                                </a>
                                {(j > 0).then(|| change("up", tr.t("survey-builder-up")))}
                                {(j + 1 < count).then(|| change("down", tr.t("survey-builder-down")))}
                                {change("delete", tr.t("survey-builder-delete"))}
                            </div>
                        </li>
                    }
                })
                .collect_view();
            let heading = tr.t_args("survey-section-n", &[("n", (i + 1).to_string()), ("title", s.title.clone())]);
            view! {
                <h3>{heading}</h3>
                {(count == 0).then(|| view! { <p>{tr.t("survey-builder-empty-section")}</p> })}
                <ol class="admin-phases">{items}</ol>
            }
        })
        .collect_view()
}

/// "Everyone checked in at the door of…": the events' attendee lists.
fn event_picker(tr: Tr, d: &Data, form: &FormState) -> impl IntoView {
    (!d.events.is_empty()).then(|| {
        let chosen = form.value("event_id", String::new());
        let options = d
            .events
            .iter()
            .map(|(id, title)| {
                view! { <option value=*id selected=chosen == id.to_string()>{title.clone()}</option> }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for="f-event_id">{tr.t("survey-invite-event")}</label>
                <p class="hint" id="f-event_id-hint">{tr.t("survey-invite-event-hint")}</p>
                <select id="f-event_id" name="event_id" aria-describedby="f-event_id-hint">
                    <option value="">{tr.t("survey-invite-event-none")}</option>
                    {options}
                </select>
            </div>
        }
    })
}

fn invitations_section(tr: Tr, d: &Data) -> impl IntoView {
    let form = FormState::of(&d.ctx, "survey-invite");
    let invited = d.invitations.len();
    let answered = d.invitations.iter().filter(|i| i.used_on.is_some()).count();
    let pending = invited - answered;
    let summary = tr.t_args(
        "survey-invite-summary",
        &[
            ("invited", invited.to_string()),
            ("answered", answered.to_string()),
            ("pending", pending.to_string()),
        ],
    );
    view! {
        <section aria-labelledby="invitations">
            <h2 id="invitations">{tr.t("survey-invite-title")}</h2>
            <p>{summary}</p>
            <form method="post" action=SendInvitations::url() class="stack" novalidate>
                <FormAlert message=form.message()/>
                <input type="hidden" name="component_id" value=d.component_id/>
                {event_picker(tr, d, &form)}
                <TextArea name="recipients" label=tr.t("survey-invite-recipients") hint=tr.t("survey-invite-recipients-hint")
                    rows=6 value=form.value("recipients", String::new()) error=form.error("recipients")/>
                <button type="submit" class="button">{tr.t("survey-invite-send")}</button>
            </form>
            {(pending > 0).then(|| view! {
                <form method="post" action=SendReminders::url() class="stack">
                    <input type="hidden" name="component_id" value=d.component_id/>
                    <p class="hint">{tr.t("survey-remind-hint")}</p>
                    <button type="submit" class="button secondary">
                        {tr.t_args("survey-remind-send", &[("count", pending.to_string())])}
                    </button>
                </form>
            })}
        </section>
    }
}

fn survey_parts(tr: Tr, d: &Data, s: &Survey) -> impl IntoView {
    let section_form = FormState::of(&d.ctx, "survey-section");
    let publish = if s.results_published {
        (
            String::new(),
            tr.t("survey-results-withdraw"),
            tr.t("survey-results-are-public"),
        )
    } else {
        (
            "on".to_owned(),
            tr.t("survey-results-publish"),
            tr.t("survey-results-staff-only"),
        )
    };
    view! {
        <p>
            <a href=format!("/admin/surveys/{}/preview", d.component_id)>{tr.t("survey-builder-preview")}</a>" · "
            <a href=format!("/surveys/{}", s.slug)>{tr.t("admin-view-public")}</a>" · "
            <a href=format!("/surveys/{}/results", s.slug)>{tr.t_args("survey-builder-results", &[("count", d.responses.to_string())])}</a>
        </p>
        <form method="post" action=PublishResults::url() class="stack">
            <input type="hidden" name="component_id" value=d.component_id/>
            <input type="hidden" name="publish" value=publish.0/>
            <p>{publish.2}</p>
            <button type="submit" class="button secondary">{publish.1}</button>
        </form>
        <section aria-labelledby="questions-title">
            <h2 id="questions-title">{tr.t("survey-builder-questions")}</h2>
            {question_list(tr, d)}
            <form method="post" action=AddSection::url() class="row group-picker" novalidate>
                <input type="hidden" name="component_id" value=d.component_id/>
                <Field name="title" label=tr.t("survey-builder-section-title") maxlength=Some(200)
                    value=section_form.value("title", String::new()) error=section_form.error("title")/>
                <button type="submit" class="button secondary">{tr.t("survey-builder-add-section")}</button>
            </form>
        </section>
        {question_form(tr, d, None)}
        {invitations_section(tr, d)}
    }
}

#[component]
pub fn SurveyEditPage() -> impl IntoView {
    let tr = Tr::current();
    let component_id = param("component_id").parse::<i64>().unwrap_or(-1);
    let title = tr.t("survey-builder-title");
    view! {
        <Page title=title.clone()>
            {load_page(load(component_id), move |d| {
                let parts = d.survey.as_ref().map(|s| survey_parts(tr, &d, s));
                view! {
                    {breadcrumb(tr, &d, title.clone())}
                    <h1>{title.clone()}</h1>
                    <p>{tr.t_args("settings-phase", &[("phase", d.phase.title.clone())])}</p>
                    {settings_form(tr, &d)}
                    {parts}
                }
            })}
        </Page>
    }
}

#[component]
pub fn QuestionEditPage() -> impl IntoView {
    let tr = Tr::current();
    let component_id = param("component_id").parse::<i64>().unwrap_or(-1);
    let question_id = param("question_id").parse::<i64>().unwrap_or(-1);
    let title = tr.t("survey-builder-edit-question");
    view! {
        <Page title=title.clone()>
            {load_page(load(component_id), move |d| {
                let Some(q) = d.questions.iter().find(|q| q.id == question_id).cloned() else {
                    return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
                };
                view! {
                    {breadcrumb(tr, &d, title.clone())}
                    <p><a href=format!("/admin/surveys/{component_id}")>{tr.t("survey-builder-title")}</a></p>
                    {question_form(tr, &d, Some(&q))}
                }
                .into_any()
            })}
        </Page>
    }
}

/// Every section on one page, as respondents will see them; nothing is sent.
#[component]
pub fn SurveyPreviewPage() -> impl IntoView {
    let tr = Tr::current();
    let component_id = param("component_id").parse::<i64>().unwrap_or(-1);
    let title = tr.t("survey-builder-preview");
    view! {
        <Page title=title.clone()>
            {load_page(load(component_id), move |d| {
                let Some(s) = d.survey.as_ref() else {
                    return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
                };
                let empty = HashMap::new();
                let total = d.sections.len();
                let sections = d
                    .sections
                    .iter()
                    .enumerate()
                    .map(|(i, section)| {
                        let questions = d
                            .questions
                            .iter()
                            .filter(|q| q.section == i)
                            .map(|q| question_view(tr, q, Rendering {
                                values: &empty,
                                problem: None,
                                note: condition_note(tr, q, &d.questions),
                            }))
                            .collect_view();
                        let heading = tr.t_args("survey-progress", &[("n", (i + 1).to_string()), ("total", total.to_string())]);
                        view! {
                            <section class="survey-preview-section">
                                <p class="survey-progress">{heading}</p>
                                {(!section.title.is_empty()).then(|| view! { <h2>{section.title.clone()}</h2> })}
                                <div class="stack">{questions}</div>
                            </section>
                        }
                    })
                    .collect_view();
                view! {
                    {breadcrumb(tr, &d, title.clone())}
                    <h1>{s.title.clone()}</h1>
                    <p class="notice">{tr.t("survey-preview-note")}</p>
                    {(!s.intro.is_empty()).then(|| view! { <p class="lead">{s.intro.clone()}</p> })}
                    <div class="stack survey-form">{sections}</div>
                    <p><a href=format!("/admin/surveys/{component_id}")>{tr.t("survey-builder-title")}</a></p>
                }
                .into_any()
            })}
        </Page>
    }
}
