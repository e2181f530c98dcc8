//! The host console, on a tablet or laptop at the desk: prepare the live
//! questions, open one (which closes the one before) and close it, follow its
//! results split between the room and remote participants, and moderate the
//! audience's questions, most upvoted first. The queue waiting for moderation
//! updates live, through a stream only hosts may follow.

use super::{breadcrumb, live_source, room_forms, room_labels};
use crate::components::{load_page, Field, FormAlert, Page, TextArea};
use crate::error::AppError;
use crate::islands::LiveRoom;
use crate::pages::{param, query};
use crate::rendezvous::api::{Moderate, QuestionState as QuestionStateFn, SaveQuestion};
use crate::rendezvous::logic::{AudienceStatus, Kind, Mode, QuestionState, SeenOpen};
use crate::rendezvous::service;
use crate::rendezvous::state::{AudienceItem, LiveState, PendingFeed};
use crate::rendezvous::store::{AudienceQuestion, Question, Rendezvous};
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

struct ConsoleData {
    ctx: Ctx,
    r: Rendezvous,
    questions: Vec<Question>,
    state: LiveState,
    pending: Vec<AudienceItem>,
    approved: Vec<AudienceQuestion>,
    done: Vec<AudienceQuestion>,
    registrations: (i64, i64),
}

async fn load(slug: String) -> Result<ConsoleData, AppError> {
    let ctx = Ctx::get()?;
    let service::ConsolePageData {
        r,
        questions,
        state,
        pending,
        approved,
        done,
        registrations,
    } = service::console_page(&ctx, &slug).await?;
    Ok(ConsoleData {
        ctx,
        r,
        questions,
        state,
        pending,
        approved,
        done,
        registrations,
    })
}

/// The queue waiting for moderation, shown and kept live by the island
/// through the hosts' own stream.
fn pending_feed(tr: Tr, r: &Rendezvous, items: Vec<AudienceItem>) -> PendingFeed {
    PendingFeed {
        source: format!("/api/staff/rendezvous/{}/pending", r.slug),
        items,
        // The island puts the live count in place of `{count}`.
        title: tr.t_args(
            "rendezvous-moderation-pending",
            &[("count", "{count}".to_owned())],
        ),
        none: tr.t("rendezvous-moderation-none"),
        approve: tr.t("rendezvous-moderate-approve"),
        reject: tr.t("rendezvous-moderate-reject"),
        room: tr.t("rendezvous-live-room"),
        remote: tr.t("rendezvous-live-remote"),
        moderate_action: Moderate::url().to_owned(),
    }
}

fn kind_label(tr: Tr, kind: Kind) -> String {
    tr.t(match kind {
        Kind::Rating => "rendezvous-kind-rating",
        Kind::Single => "rendezvous-kind-single",
        Kind::Multiple => "rendezvous-kind-multiple",
        Kind::Word => "rendezvous-kind-word",
    })
}

fn state_label(tr: Tr, s: QuestionState) -> String {
    tr.t(match s {
        QuestionState::Draft => "rendezvous-state-draft",
        QuestionState::Open => "rendezvous-state-open",
        QuestionState::Closed => "rendezvous-state-closed",
    })
}

fn state_button(tr: Tr, r: &Rendezvous, q: &Question, seen_open: &str) -> impl IntoView {
    let (action, key) = if q.state == QuestionState::Open {
        ("close", "rendezvous-question-close")
    } else {
        ("open", "rendezvous-question-open")
    };
    let class = if action == "open" {
        "button"
    } else {
        "button danger"
    };
    view! {
        <form method="post" action=QuestionStateFn::url() class="inline-form">
            <input type="hidden" name="rendezvous" value=r.slug.clone()/>
            <input type="hidden" name="question_id" value=q.id.to_string()/>
            <input type="hidden" name="action" value=action/>
            <input type="hidden" name="seen_open" value=seen_open.to_owned()/>
            <button type="submit" class=class>{tr.t_args(key, &[("n", q.position.to_string())])}</button>
        </form>
    }
}

fn question_list(tr: Tr, r: &Rendezvous, questions: &[Question]) -> impl IntoView {
    if questions.is_empty() {
        return view! { <p>{tr.t("rendezvous-questions-none")}</p> }.into_any();
    }
    let seen_open = SeenOpen::field(
        questions
            .iter()
            .find(|q| q.state == QuestionState::Open)
            .map(|q| q.id),
    );
    let items = questions
        .iter()
        .map(|q| {
            let open = q.state == QuestionState::Open;
            view! {
                <li class="console-question" class:is-open=open>
                    <p>
                        <strong>{q.position}". "{q.prompt.clone()}</strong>
                        <br/>
                        <span class="hint">{kind_label(tr, q.kind)}" · "{state_label(tr, q.state)}</span>
                    </p>
                    <div class="actions">
                        {state_button(tr, r, q, &seen_open)}
                        <a href=format!("/rendezvous/{}/console?edit={}#question-form", r.slug, q.id)>
                            {tr.t_args("rendezvous-question-edit", &[("n", q.position.to_string())])}
                        </a>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="console-questions">{items}</ol> }.into_any()
}

fn question_form(tr: Tr, ctx: &Ctx, r: &Rendezvous, editing: Option<&Question>) -> impl IntoView {
    let form = FormState::of(ctx, "rendezvous-question");
    let kind = form.value("kind", editing.map_or("single", |q| q.kind.as_str()));
    let kinds = Kind::ALL
        .iter()
        .copied()
        .map(|k| {
            view! { <option value=k.as_str() selected=kind == k.as_str()>{kind_label(tr, k)}</option> }
        })
        .collect_view();
    let title = match editing {
        Some(q) => tr.t_args("rendezvous-question-edit", &[("n", q.position.to_string())]),
        None => tr.t("rendezvous-question-add"),
    };
    view! {
        <section id="question-form" aria-labelledby="question-form-title">
            <h2 id="question-form-title">{title}</h2>
            <form method="post" action=SaveQuestion::url() class="stack">
                <FormAlert message=form.message()/>
                <input type="hidden" name="rendezvous" value=r.slug.clone()/>
                <input type="hidden" name="question_id" value=editing.map(|q| q.id.to_string()).unwrap_or_default()/>
                <div class="field">
                    <label for="f-kind">{tr.t("rendezvous-question-kind")}</label>
                    <select id="f-kind" name="kind">{kinds}</select>
                </div>
                <Field name="prompt" label=tr.t("rendezvous-question-prompt")
                    value=form.value("prompt", editing.map(|q| q.prompt.clone()).unwrap_or_default())
                    error=form.error("prompt") required=true maxlength=Some(300)/>
                <TextArea name="options" label=tr.t("rendezvous-question-options")
                    value=form.value("options", editing.map(|q| q.options.join("\n")).unwrap_or_default())
                    error=form.error("options") hint=tr.t("rendezvous-question-options-hint") rows=5/>
                <button type="submit" class="button">{tr.t("rendezvous-question-save")}</button>
            </form>
        </section>
    }
}

fn moderate_button(
    tr: Tr,
    r: &Rendezvous,
    a: &AudienceQuestion,
    to: AudienceStatus,
    key: &str,
) -> impl IntoView {
    let class = if to == AudienceStatus::Rejected {
        "button secondary small"
    } else {
        "button small"
    };
    view! {
        <form method="post" action=Moderate::url() class="inline-form">
            <input type="hidden" name="rendezvous" value=r.slug.clone()/>
            <input type="hidden" name="question_id" value=a.id.to_string()/>
            <input type="hidden" name="status" value=to.as_str()/>
            <button type="submit" class=class>{tr.t(key)}</button>
        </form>
    }
}

fn audience_list(tr: Tr, r: &Rendezvous, items: &[AudienceQuestion], empty: &str) -> impl IntoView {
    if items.is_empty() {
        return view! { <p>{tr.t(empty)}</p> }.into_any();
    }
    let list = items
        .iter()
        .map(|a| {
            let mode = tr.t(if a.mode == Mode::Room { "rendezvous-live-room" } else { "rendezvous-live-remote" });
            let actions: Vec<(AudienceStatus, &str)> = match a.status {
                AudienceStatus::Pending => vec![
                    (AudienceStatus::Approved, "rendezvous-moderate-approve"),
                    (AudienceStatus::Rejected, "rendezvous-moderate-reject"),
                ],
                AudienceStatus::Approved => vec![
                    (AudienceStatus::Answered, "rendezvous-moderate-answered"),
                    (AudienceStatus::Rejected, "rendezvous-moderate-reject"),
                ],
                _ => vec![(AudienceStatus::Approved, "rendezvous-moderate-restore")],
            };
            let buttons = actions
                .into_iter()
                .map(|(to, key)| moderate_button(tr, r, a, to, key))
                .collect_view();
            view! {
                <li class="audience-item">
                    <p class="audience-body">{a.body.clone()}</p>
                    <p class="audience-meta">
                        <strong>{a.upvotes}</strong>" "{tr.t("rendezvous-audience-upvotes")}" · "{mode}
                    </p>
                    <div class="actions">{buttons}</div>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="audience-list">{list}</ol> }.into_any()
}

#[component]
pub fn ConsolePage() -> impl IntoView {
    let tr = Tr::current();
    let editing: Option<i64> = query("edit").and_then(|v| v.parse().ok());
    load_page(load(param("slug")), move |d| {
        let ConsoleData {
            ctx,
            r,
            questions,
            state,
            pending,
            approved,
            done,
            registrations,
        } = d;
        let alert = ["rendezvous-question-state", "rendezvous-moderate"]
            .into_iter()
            .find_map(|f| FormState::of(&ctx, f).message());
        let editing = editing.and_then(|id| questions.iter().find(|q| q.id == id).cloned());
        let title = tr.t("rendezvous-console-title");
        let settings = ctx
            .viewer()
            .is_some_and(|v| v.role.allows(crate::model::Role::Admin))
            .then(|| view! { <a href=format!("/admin/components/{}/rendezvous", r.component_id)>{tr.t("rendezvous-settings-title")}</a> });
        view! {
            <Page title=format!("{title} · {}", r.title)>
                {breadcrumb(tr, &r, Some(title.clone()))}
                <h1>{title.clone()}</h1>
                <p class="question">{r.title.clone()}</p>
                <p class="actions">
                    <a href=format!("/rendezvous/{}/projector", r.slug)>{tr.t("rendezvous-projector-link")}</a>
                    <a href=format!("/rendezvous/{}", r.slug)>{tr.t("rendezvous-live-link")}</a>
                    {settings}
                </p>
                <p>{tr.t_args("rendezvous-registrations", &[("room", registrations.0.to_string()), ("remote", registrations.1.to_string())])}</p>
                <FormAlert message=alert/>
                <LiveRoom
                    source=live_source(&r)
                    state=state
                    view="console".to_owned()
                    labels=room_labels(tr)
                    forms=room_forms(&r)
                    answered=Vec::new()
                    upvoted=Vec::new()
                    has_mode=false
                    comma=tr.lang() == crate::lang::Lang::Fr
                    pending=Some(pending_feed(tr, &r, pending))
                />
                <p class="refresh"><a href=format!("/rendezvous/{}/console", r.slug)>{tr.t("rendezvous-refresh")}</a></p>
                <section id="questions" aria-labelledby="questions-title">
                    <h2 id="questions-title">{tr.t("rendezvous-questions-title")}</h2>
                    {question_list(tr, &r, &questions)}
                </section>
                {question_form(tr, &ctx, &r, editing.as_ref())}
                <section id="audience" aria-labelledby="moderation-title">
                    <h2 id="moderation-title">{tr.t("rendezvous-moderation-title")}</h2>
                    <p><a href="#pending">{tr.t("rendezvous-moderation-pending-link")}</a></p>
                    <h3>{tr.t("rendezvous-moderation-approved")}</h3>
                    {audience_list(tr, &r, &approved, "rendezvous-moderation-none")}
                    <h3>{tr.t("rendezvous-moderation-done")}</h3>
                    {audience_list(tr, &r, &done, "rendezvous-moderation-none")}
                </section>
            </Page>
        }
    })
}
