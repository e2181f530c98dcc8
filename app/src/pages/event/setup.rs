//! Setting up an event's programme (admins): its settings, days, sessions,
//! speakers and the extra questions of its registration form.

use super::kind_label;
use crate::components::{load_page, Checkbox, Field, FormAlert, Page, TextArea};
use crate::error::AppError;
use crate::event::api::{DeleteItem, SaveDay, SaveEvent, SaveQuestion, SaveSession, SaveSpeaker};
use crate::event::logic::programme::SessionKind;
use crate::event::logic::QuestionKind;
use crate::event::service;
use crate::event::service::programme::{self, admin_path, SetupView};
use crate::event::store::{self, Programme};
use crate::model::Role;
use crate::pages::admin::staff_ctx;
use crate::pages::event::register::radio_group;
use crate::pages::param;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

fn breadcrumb(tr: Tr, p: Option<&Programme>, here: String) -> impl IntoView {
    let event =
        p.map(|p| view! { <li><a href=admin_path(&p.event)>{p.event.title.clone()}</a></li> });
    view! {
        <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
            <ol>
                <li><a href="/admin">{tr.t("admin-title")}</a></li>
                {event}
                <li aria-current="page">{here}</li>
            </ol>
        </nav>
    }
}

/// The event of a component (none yet if it was never set up), for admins.
type SetupData = (Ctx, i64, String, Option<Programme>, Option<(i64, String)>);

async fn load_by_component(component_id: i64) -> Result<SetupData, AppError> {
    let ctx = staff_ctx(Role::Admin)?;
    let SetupView {
        component_id,
        process,
        title,
        programme,
    } = programme::setup_view(&ctx, component_id).await?;
    Ok((ctx, component_id, title, programme, process))
}

async fn load_by_event(event_id: i64) -> Result<(Ctx, Programme), AppError> {
    let ctx = staff_ctx(Role::Admin)?;
    let p = programme::editor_view(&ctx, event_id).await?;
    Ok((ctx, p))
}

fn day_form(tr: Tr, ctx: &Ctx, event_id: i64, day: Option<&store::Day>) -> impl IntoView {
    let name = day
        .map(|d| format!("day-{}", d.id))
        .unwrap_or_else(|| "day-new".to_owned());
    let form = FormState::of(ctx, &name);
    let id = day.map(|d| d.id.to_string()).unwrap_or_default();
    let date = day
        .map(|d| d.date.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let seats = day.map(|d| d.seats.to_string()).unwrap_or_default();
    // Each day's fields get their own ids, so labels stay unique on the page.
    let suffix = if id.is_empty() {
        "new".to_owned()
    } else {
        id.clone()
    };
    let date_error = form.error("day");
    let seats_error = form.error("seats");
    view! {
        <form method="post" action=SaveDay::url() class="row admin-day" novalidate>
            <FormAlert message=form.message()/>
            <input type="hidden" name="event_id" value=event_id/>
            <input type="hidden" name="day_id" value=id/>
            <div class="field" class:has-problem=date_error.is_some()>
                <label for=format!("f-day-{suffix}")>{tr.t("programme-day")}</label>
                <input id=format!("f-day-{suffix}") type="date" name="day" value=form.value("day", date) required=true
                    aria-invalid=date_error.as_ref().map(|_| "true")/>
            </div>
            <div class="field" class:has-problem=seats_error.is_some()>
                <label for=format!("f-seats-{suffix}")>{tr.t("session-seats")}</label>
                <input id=format!("f-seats-{suffix}") type="number" min="0" name="seats" value=form.value("seats", seats) required=true
                    aria-invalid=seats_error.as_ref().map(|_| "true")/>
            </div>
            <button type="submit" class="button secondary">{if day.is_some() { tr.t("form-save") } else { tr.t("programme-add-day") }}</button>
        </form>
    }
}

#[component]
pub fn EventAdminPage() -> impl IntoView {
    let tr = Tr::current();
    let component_id: i64 = param("component_id").parse().unwrap_or(-1);
    load_page(
        load_by_component(component_id),
        move |(ctx, component_id, component_title, p, process)| {
            let form = FormState::of(&ctx, "event");
            let e = p.as_ref().map(|p| &p.event);
            let stored = |f: fn(&store::Event) -> String, default: &str| {
                e.map(f).unwrap_or_else(|| default.to_owned())
            };
            let title = e
                .map(|e| e.title.clone())
                .unwrap_or_else(|| tr.t("programme-setup"));
            let default_title = if component_title.is_empty() {
                String::new()
            } else {
                component_title.clone()
            };
            let settings = view! {
                <form method="post" action=SaveEvent::url() class="stack" novalidate>
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="component_id" value=component_id/>
                    <Field name="title" label=tr.t("field-title") value=form.value("title", stored(|e| e.title.clone(), &default_title))
                        error=form.error("title") required=true maxlength=Some(200)/>
                    <Field name="slug" label=tr.t("field-slug") value=form.value("slug", stored(|e| e.slug.clone(), ""))
                        error=form.error("slug") required=true hint=tr.t("field-slug-hint") maxlength=Some(80)/>
                    <TextArea name="description_md" label=tr.t("field-description")
                        value=form.value("description_md", stored(|e| e.description_md.clone(), "")) hint=tr.t("field-markdown-hint")/>
                    <Field name="venue" label=tr.t("programme-venue") value=form.value("venue", stored(|e| e.venue.clone(), ""))
                        error=form.error("venue") maxlength=Some(300)/>
                    <div class="row">
                        <Field name="seats" kind="number" label=tr.t("programme-event-seats") value=form.value("seats", stored(|e| e.seats.to_string(), ""))
                            error=form.error("seats") required=true/>
                        <Field name="offer_hours" kind="number" label=tr.t("programme-offer-hours") value=form.value("offer_hours", stored(|e| e.offer_hours.to_string(), "48"))
                            error=form.error("offer_hours") required=true hint=tr.t("programme-offer-hours-hint")/>
                    </div>
                    <Checkbox name="registration_open" label=tr.t("programme-registration-open")
                        checked=form.checked("registration_open", e.is_none_or(|e| *e.registration_open))/>
                    <button type="submit" class="button">{tr.t("form-save")}</button>
                </form>
            };
            let rest = p.as_ref().map(|p| {
            let id = p.event.id;
            let days = p.days.iter().map(|d| day_form(tr, &ctx, id, Some(d))).collect_view();
            let sessions = p
                .sessions
                .iter()
                .map(|s| {
                    let day = p.day(s.day_id).map(|d| tr.date(*d.date)).unwrap_or_default();
                    view! {
                        <li class="admin-phase">
                            <p><strong>{s.title.clone()}</strong><br/>
                            <span class="dates">{day}", "{s.starts_at.clone()}" – "{s.ends_at.clone()}" · "{kind_label(tr, s.kind)}</span></p>
                            <p class="actions"><a href=format!("/admin/events/{id}/sessions/{}", s.id)>{tr.t_args("programme-edit-item", &[("title", s.title.clone())])}</a></p>
                        </li>
                    }
                })
                .collect_view();
            let speakers = p
                .speakers
                .iter()
                .map(|s| view! {
                    <li class="admin-phase">
                        <p><strong>{s.name.clone()}</strong>" "{crate::pages::event::demo_mark(tr, s)}<br/><span class="dates">{crate::pages::event::speaker_line(s)}</span></p>
                        <p class="actions"><a href=format!("/admin/events/{id}/speakers/{}", s.id)>{tr.t_args("programme-edit-item", &[("title", s.name.clone())])}</a></p>
                    </li>
                })
                .collect_view();
            let questions = p
                .questions
                .iter()
                .map(|q| view! {
                    <li class="admin-phase">
                        <p><strong>{q.label.clone()}</strong><br/><span class="dates">{tr.t(&format!("question-kind-{}", q.kind.as_str().replace('_', "-")))}</span></p>
                        <p class="actions"><a href=format!("/admin/events/{id}/questions/{}", q.id)>{tr.t_args("programme-edit-item", &[("title", q.label.clone())])}</a></p>
                    </li>
                })
                .collect_view();
            let public = service::event_path(&p.event);
            view! {
                <p class="actions">
                    <a href=public.clone()>{tr.t("admin-view-public")}</a>
                    <a href=format!("{public}/attendees")>{tr.t("attendees-title")}</a>
                    <a href=format!("{public}/check-in")>{tr.t("checkin-title")}</a>
                </p>
                <section aria-labelledby="days">
                    <h2 id="days">{tr.t("programme-days")}</h2>
                    {days}
                    <h3>{tr.t("programme-add-day")}</h3>
                    {day_form(tr, &ctx, id, None)}
                </section>
                <section aria-labelledby="sessions">
                    <h2 id="sessions">{tr.t("programme-sessions")}</h2>
                    <ul class="admin-phases">{sessions}</ul>
                    <p><a class="button" href=format!("/admin/events/{id}/sessions/new")>{tr.t("programme-add-session")}</a></p>
                </section>
                <section aria-labelledby="speakers">
                    <h2 id="speakers">{tr.t("speakers-title")}</h2>
                    <ul class="admin-phases">{speakers}</ul>
                    <p><a class="button" href=format!("/admin/events/{id}/speakers/new")>{tr.t("programme-add-speaker")}</a></p>
                </section>
                <section aria-labelledby="questions">
                    <h2 id="questions">{tr.t("registration-questions")}</h2>
                    <ul class="admin-phases">{questions}</ul>
                    <p><a class="button" href=format!("/admin/events/{id}/questions/new")>{tr.t("programme-add-question")}</a></p>
                </section>
            }
        });
            view! {
                <Page title=title.clone()>
                    <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                        <ol>
                            <li><a href="/admin">{tr.t("admin-title")}</a></li>
                            {process.map(|(id, name)| view! { <li><a href=format!("/admin/processes/{id}")>{name}</a></li> })}
                            <li aria-current="page">{title.clone()}</li>
                        </ol>
                    </nav>
                    <h1>{title.clone()}</h1>
                    <h2>{tr.t("programme-settings")}</h2>
                    {settings}
                    {rest}
                </Page>
            }
        },
    )
}

/// The delete form at the bottom of an item's page, with its confirmation box.
fn delete_form(tr: Tr, ctx: &Ctx, event_id: i64, kind: &'static str, id: i64) -> impl IntoView {
    let form = FormState::of(ctx, "delete");
    let error = form.error("confirm");
    let problem = error.is_some();
    view! {
        <section aria-labelledby="delete-title">
            <h2 id="delete-title">{tr.t("programme-delete")}</h2>
            <form method="post" action=DeleteItem::url() class="stack narrow" novalidate>
                <input type="hidden" name="event_id" value=event_id/>
                <input type="hidden" name="kind" value=kind/>
                <input type="hidden" name="id" value=id/>
                <div class="field checkbox" class:has-problem=problem>
                    <input id="f-confirm" type="checkbox" name="confirm" value="on"
                        aria-describedby=error.as_ref().map(|_| "f-confirm-err") aria-invalid=error.as_ref().map(|_| "true")/>
                    <label for="f-confirm">{tr.t("programme-delete-confirm")}</label>
                    {error.map(|e| view! { <p class="field-problem" id="f-confirm-err"><span class="visually-hidden">{tr.t("form-error-prefix")}</span>{e}</p> })}
                </div>
                <button type="submit" class="button danger">{tr.t("programme-delete")}</button>
            </form>
        </section>
    }
}

fn ids() -> (i64, Option<i64>) {
    (
        param("event_id").parse().unwrap_or(-1),
        param("id").parse().ok(),
    )
}

#[component]
pub fn SessionEditPage() -> impl IntoView {
    let tr = Tr::current();
    let (event_id, id) = ids();
    load_page(load_by_event(event_id), move |(ctx, p)| {
        let s = id.and_then(|id| p.session(id)).cloned();
        if id.is_some() && s.is_none() {
            return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
        }
        let form = FormState::of(&ctx, "session");
        let title = s
            .as_ref()
            .map(|s| s.title.clone())
            .unwrap_or_else(|| tr.t("programme-add-session"));
        let kept = s.clone();
        let stored =
            move |f: fn(&store::Session) -> String| kept.as_ref().map(f).unwrap_or_default();
        let days = p
            .days
            .iter()
            .map(|d| (d.id.to_string(), tr.date(*d.date), None))
            .collect();
        let kinds = SessionKind::ALL
            .iter()
            .map(|k| (k.as_str().to_owned(), kind_label(tr, *k), None))
            .collect();
        let has_themes = !p.themes.is_empty();
        let themes = p
            .themes
            .iter()
            .map(|(tid, name)| {
                let field = format!("theme_{tid}");
                let on = s.as_ref().is_some_and(|s| s.theme_ids.contains(tid));
                view! {
                    <div class="field checkbox">
                        <input type="checkbox" id=format!("f-{field}") name=field.clone() value="on" checked=form.checked(&field, on)/>
                        <label for=format!("f-{field}")>{name.clone()}</label>
                    </div>
                }
            })
            .collect_view();
        let no_speakers = p.speakers.is_empty();
        let speakers = p
            .speakers
            .iter()
            .map(|sp| {
                let field = format!("speaker_{}", sp.id);
                let on = s.as_ref().is_some_and(|s| s.speaker_ids.contains(&sp.id));
                view! {
                    <div class="field checkbox">
                        <input type="checkbox" id=format!("f-{field}") name=field.clone() value="on" checked=form.checked(&field, on)/>
                        <label for=format!("f-{field}")>{sp.name.clone()}</label>
                    </div>
                }
            })
            .collect_view();
        let delete = s
            .as_ref()
            .map(|s| delete_form(tr, &ctx, p.event.id, "session", s.id));
        view! {
            <Page title=title.clone()>
                {breadcrumb(tr, Some(&p), title.clone())}
                <h1>{title.clone()}</h1>
                <form method="post" action=SaveSession::url() class="stack" novalidate>
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="event_id" value=p.event.id/>
                    <input type="hidden" name="session_id" value=stored(|s| s.id.to_string())/>
                    {radio_group("day_id".into(), tr.t("programme-day"), days, form.value("day_id", stored(|s| s.day_id.to_string())), form.error("day_id"), true)}
                    {radio_group("kind".into(), tr.t("programme-kind"), kinds, form.value("kind", stored(|s| s.kind.as_str().to_owned())), form.error("kind"), true)}
                    <Field name="title" label=tr.t("field-title") value=form.value("title", stored(|s| s.title.clone()))
                        error=form.error("title") required=true maxlength=Some(200)/>
                    <TextArea name="description_md" label=tr.t("field-description")
                        value=form.value("description_md", stored(|s| s.description_md.clone())) hint=tr.t("field-markdown-hint")/>
                    <div class="row">
                        <Field name="starts_at" label=tr.t("programme-starts") value=form.value("starts_at", stored(|s| s.starts_at.clone()))
                            error=form.error("starts_at") required=true hint=tr.t("programme-time-hint")/>
                        <Field name="ends_at" label=tr.t("programme-ends") value=form.value("ends_at", stored(|s| s.ends_at.clone()))
                            error=form.error("ends_at") required=true hint=tr.t("programme-time-hint")/>
                    </div>
                    <Field name="room" label=tr.t("session-room") value=form.value("room", stored(|s| s.room.clone()))
                        error=form.error("room") maxlength=Some(120)/>
                    <Field name="seats" kind="number" label=tr.t("programme-workshop-seats")
                        value=form.value("seats", stored(|s| s.seats.map(|n| n.to_string()).unwrap_or_default()))
                        error=form.error("seats") hint=tr.t("programme-workshop-seats-hint")/>
                    // No empty group before the process has themes.
                    {has_themes.then(|| view! {
                        <fieldset>
                            <legend>{tr.t("session-themes")}</legend>
                            {themes}
                        </fieldset>
                    })}
                    <fieldset>
                        <legend>{tr.t("session-speakers")}</legend>
                        {no_speakers.then(|| view! { <p class="hint">{tr.t("scratch-session-no-speakers")}</p> })}
                        {speakers}
                    </fieldset>
                    <button type="submit" class="button">{tr.t("form-save")}</button>
                </form>
                {delete}
            </Page>
        }
        .into_any()
    })
}

#[component]
pub fn SpeakerEditPage() -> impl IntoView {
    let tr = Tr::current();
    let (event_id, id) = ids();
    load_page(load_by_event(event_id), move |(ctx, p)| {
        let s = id.and_then(|id| p.speaker(id)).cloned();
        if id.is_some() && s.is_none() {
            return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
        }
        let form = FormState::of(&ctx, "speaker");
        let title = s
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_else(|| tr.t("programme-add-speaker"));
        let kept = s.clone();
        let stored =
            move |f: fn(&store::Speaker) -> String| kept.as_ref().map(f).unwrap_or_default();
        let delete = s
            .as_ref()
            .map(|s| delete_form(tr, &ctx, p.event.id, "speaker", s.id));
        let photo = s
            .as_ref()
            .map(|s| super::speaker_photo::photo_section(tr, &ctx, s));
        view! {
            <Page title=title.clone()>
                {breadcrumb(tr, Some(&p), title.clone())}
                <h1>{title.clone()}</h1>
                <form method="post" action=SaveSpeaker::url() class="stack" novalidate>
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="event_id" value=p.event.id/>
                    <input type="hidden" name="speaker_id" value=stored(|s| s.id.to_string())/>
                    <Field name="name" label=tr.t("programme-speaker-name") value=form.value("name", stored(|s| s.name.clone()))
                        error=form.error("name") required=true maxlength=Some(120)/>
                    <Field name="role" label=tr.t("programme-speaker-role") value=form.value("role", stored(|s| s.role.clone()))
                        error=form.error("role") maxlength=Some(200)/>
                    <Field name="organisation" label=tr.t("registration-organisation") value=form.value("organisation", stored(|s| s.organisation.clone()))
                        error=form.error("organisation") maxlength=Some(200)/>
                    <TextArea name="bio" label=tr.t("programme-speaker-bio") value=form.value("bio", stored(|s| s.bio.clone()))
                        error=form.error("bio") hint=tr.t("programme-speaker-bio-hint") rows=4/>
                    <Field name="photo_url" label=tr.t("programme-speaker-photo") value=form.value("photo_url", stored(|s| s.photo_url.clone()))
                        error=form.error("photo_url") hint=tr.t("field-image-url-hint")/>
                    <button type="submit" class="button">{tr.t("form-save")}</button>
                </form>
                {photo}
                {delete}
            </Page>
        }
        .into_any()
    })
}

#[component]
pub fn QuestionEditPage() -> impl IntoView {
    let tr = Tr::current();
    let (event_id, id) = ids();
    load_page(load_by_event(event_id), move |(ctx, p)| {
        let q = id
            .and_then(|id| p.questions.iter().find(|q| q.id == id))
            .cloned();
        if id.is_some() && q.is_none() {
            return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
        }
        let form = FormState::of(&ctx, "question");
        let title = q
            .as_ref()
            .map(|q| q.label.clone())
            .unwrap_or_else(|| tr.t("programme-add-question"));
        let kinds = QuestionKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_owned(),
                    tr.t(&format!("question-kind-{}", k.as_str().replace('_', "-"))),
                    None,
                )
            })
            .collect();
        let next_position = p.questions.iter().map(|q| q.position).max().unwrap_or(0) + 1;
        let delete = q
            .as_ref()
            .map(|q| delete_form(tr, &ctx, p.event.id, "question", q.id));
        view! {
            <Page title=title.clone()>
                {breadcrumb(tr, Some(&p), title.clone())}
                <h1>{title.clone()}</h1>
                <form method="post" action=SaveQuestion::url() class="stack" novalidate>
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="event_id" value=p.event.id/>
                    <input type="hidden" name="question_id" value=q.as_ref().map(|q| q.id.to_string()).unwrap_or_default()/>
                    <Field name="label" label=tr.t("programme-question-label") value=form.value("label", q.as_ref().map(|q| q.label.clone()).unwrap_or_default())
                        error=form.error("label") required=true maxlength=Some(300)/>
                    {radio_group("kind".into(), tr.t("programme-question-kind"), kinds,
                        form.value("kind", q.as_ref().map(|q| q.kind.as_str().to_owned()).unwrap_or_default()), form.error("kind"), true)}
                    <TextArea name="options" label=tr.t("programme-question-options")
                        value=form.value("options", q.as_ref().map(|q| q.options.join("\n")).unwrap_or_default())
                        error=form.error("options") hint=tr.t("programme-question-options-hint") rows=4/>
                    <Field name="position" kind="number" label=tr.t("programme-question-position")
                        value=form.value("position", q.as_ref().map(|q| q.position).unwrap_or(next_position).to_string())/>
                    <Checkbox name="required" label=tr.t("programme-question-required") checked=form.checked("required", q.as_ref().is_some_and(|q| q.required))/>
                    <button type="submit" class="button">{tr.t("form-save")}</button>
                </form>
                {delete}
            </Page>
        }
        .into_any()
    })
}
