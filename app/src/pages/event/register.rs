//! The registration form ("S'inscrire"), which also serves to change a
//! registration from its private page. Radio and checkbox groups sit in
//! fieldsets with legends; a refusal comes back at its field with everything
//! that was typed.

use super::{breadcrumb, hours, load, seats_left, workshop_full};
use crate::components::{load_page, Field, FormAlert, Page, TextArea};
use crate::event::api::Register;
use crate::event::logic::registration::{day_field, slot_field, NO, YES};
use crate::event::logic::{PlaceStatus, Profile, QuestionKind};
use crate::event::service::EventView;
use crate::event::store::registrations::{Details, Occupancy, Registration};
use crate::event::store::{Programme, Session};
use crate::pages::param;
use crate::ssr::form::FormState;
use crate::ssr::Tr;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The error paragraph of a group, and the id inputs point at with `aria-describedby`.
fn group_error(name: &str, error: Option<String>) -> (Option<String>, impl IntoView) {
    let tr = Tr::current();
    let id = error.as_ref().map(|_| format!("f-{name}-err"));
    let view = error.map(|e| {
        view! {
            <p class="field-problem" id=format!("f-{name}-err")>
                <span class="visually-hidden">{tr.t("form-error-prefix")}</span>
                {e}
            </p>
        }
    });
    (id, view)
}

/// A radio group in a fieldset; `options` are (value, label, hint).
pub fn radio_group(
    name: String,
    legend: String,
    options: Vec<(String, String, Option<String>)>,
    chosen: String,
    error: Option<String>,
    required: bool,
) -> impl IntoView {
    let tr = Tr::current();
    let has_problem = error.is_some();
    let (described, error_view) = group_error(&name, error);
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label, hint))| {
            let id = format!("f-{name}-{i}");
            let checked = value == chosen;
            let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
            let described = [described.clone(), hint_id.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
            let described = (!described.is_empty()).then_some(described);
            view! {
                <div class="field checkbox radio">
                    <input type="radio" id=id.clone() name=name.clone() value=value checked=checked aria-describedby=described/>
                    <label for=id.clone()>{label}</label>
                    {hint.map(|h| view! { <p class="hint" id=hint_id.unwrap_or_default()>{h}</p> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class:has-problem=has_problem>
            <legend>
                {legend}
                {required.then(|| view! { <span class="required">" "{tr.t("form-required")}</span> })}
            </legend>
            {error_view}
            {radios}
        </fieldset>
    }
}

/// The workshops of one time slot: (slot field, day id, start, workshops).
fn slots(p: &Programme) -> Vec<(String, i64, String, Vec<&Session>)> {
    let mut out: Vec<(String, i64, String, Vec<&Session>)> = Vec::new();
    for w in p.workshops() {
        let field = slot_field(w.day_id, &w.starts_at);
        match out.iter_mut().find(|s| s.0 == field) {
            Some(slot) => slot.3.push(w),
            None => out.push((field, w.day_id, w.starts_at.clone(), vec![w])),
        }
    }
    out
}

/// The fields of the form, filled from `stored` (a registration being
/// changed) or from what was just typed.
pub fn registration_fields(
    tr: Tr,
    p: &Programme,
    form: &FormState,
    stored: Option<&Details>,
    occupancy: &Occupancy,
) -> impl IntoView {
    let r = stored.map(|d| &d.registration);
    let value =
        |name: &str, f: fn(&Registration) -> String| form.value(name, r.map(f).unwrap_or_default());
    let profiles = Profile::ALL
        .iter()
        .map(|pr| {
            (
                pr.as_str().to_owned(),
                tr.t(&format!("profile-{}", pr.as_str())),
                None,
            )
        })
        .collect();
    let days = {
        let has_problem = form.error("days").is_some();
        let (described, error_view) = group_error("days", form.error("days"));
        let boxes = p
            .days
            .iter()
            .map(|d| {
                let name = day_field(d.id);
                let stored_day = stored.is_some_and(|s| s.days.iter().any(|(id, _)| *id == d.id));
                let (taken, _) = occupancy.days.get(&d.id).copied().unwrap_or((0, 0));
                let full = taken >= d.seats && !stored_day;
                let label = if full {
                    tr.t_args("registration-day-full", &[("date", tr.date(*d.date))])
                } else {
                    tr.date(*d.date)
                };
                view! {
                    <div class="field checkbox">
                        <input type="checkbox" id=format!("f-{name}") name=name.clone() value="on"
                            checked=form.checked(&name, stored_day) aria-describedby=described.clone()/>
                        <label for=format!("f-{name}")>{label}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class:has-problem=has_problem>
                <legend>{tr.t("registration-days")}<span class="required">" "{tr.t("form-required")}</span></legend>
                {error_view}
                {boxes}
            </fieldset>
        }
    };
    let workshop_groups = slots(p)
        .into_iter()
        .map(|(field, day_id, start, workshops)| {
            let date = p.day(day_id).map(|d| tr.date(*d.date)).unwrap_or_default();
            let legend = tr.t_args(
                "registration-workshop-slot",
                &[("date", date), ("time", start)],
            );
            let stored_choice = stored
                .and_then(|s| {
                    s.places.iter().find(|pl| {
                        pl.status != PlaceStatus::Expired
                            && workshops.iter().any(|w| w.id == pl.session_id)
                    })
                })
                .map(|pl| pl.session_id.to_string())
                .unwrap_or_default();
            let mut options = vec![(String::new(), tr.t("registration-no-workshop"), None)];
            for w in workshops {
                let mine = stored_choice == w.id.to_string();
                let hint = if workshop_full(w, occupancy) && !mine {
                    Some(tr.t("registration-workshop-waiting-hint"))
                } else {
                    seats_left(tr, w, occupancy)
                };
                let label = if w.room.is_empty() {
                    format!("{} ({})", w.title, hours(w))
                } else {
                    format!("{} ({}, {})", w.title, hours(w), w.room)
                };
                options.push((w.id.to_string(), label, hint));
            }
            let chosen = form.value(&field, stored_choice);
            let error = form.error(&field);
            radio_group(field, legend, options, chosen, error, false)
        })
        .collect_view();
    let questions = p
        .questions
        .iter()
        .map(|q| {
            let name = format!("q_{}", q.id);
            let stored_answer = stored
                .and_then(|s| s.answers.iter().find(|(id, _)| *id == q.id))
                .map(|(_, a)| a.clone())
                .unwrap_or_default();
            let chosen = form.value(&name, stored_answer);
            let error = form.error(&name);
            match q.kind {
                QuestionKind::Text => {
                    let has_problem = error.is_some();
                    let (described, error_view) = group_error(&name, error);
                    view! {
                        <div class="field" class:has-problem=has_problem>
                            <label for=format!("f-{name}")>
                                {q.label.clone()}
                                {q.required.then(|| view! { <span class="required">" "{tr.t("form-required")}</span> })}
                            </label>
                            {error_view}
                            <textarea id=format!("f-{name}") name=name.clone() rows="3" aria-describedby=described.clone()
                                aria-invalid=described.as_ref().map(|_| "true")>{chosen}</textarea>
                        </div>
                    }
                    .into_any()
                }
                QuestionKind::Choice => {
                    let options = q.options.iter().map(|o| (o.clone(), o.clone(), None)).collect();
                    radio_group(name, q.label.clone(), options, chosen, error, q.required).into_any()
                }
                QuestionKind::YesNo => {
                    let options = vec![
                        (YES.to_owned(), tr.t("answer-yes"), None),
                        (NO.to_owned(), tr.t("answer-no"), None),
                    ];
                    radio_group(name, q.label.clone(), options, chosen, error, q.required).into_any()
                }
            }
        })
        .collect_view();
    let consent_error = form.error("consent");
    let consent_problem = consent_error.is_some();
    view! {
        <fieldset>
            <legend>{tr.t("registration-you")}</legend>
            <div class="stack">
                <Field name="first_name" label=tr.t("registration-first-name") value=value("first_name", |r| r.first_name.clone())
                    error=form.error("first_name") required=true autocomplete=Some("given-name") maxlength=Some(80)/>
                <Field name="last_name" label=tr.t("registration-last-name") value=value("last_name", |r| r.last_name.clone())
                    error=form.error("last_name") required=true autocomplete=Some("family-name") maxlength=Some(80)/>
                <Field name="email" kind="email" label=tr.t("registration-email") value=value("email", |r| r.email.clone())
                    error=form.error("email") required=true autocomplete=Some("email") hint=tr.t("registration-email-hint")/>
                <Field name="organisation" label=tr.t("registration-organisation") value=value("organisation", |r| r.organisation.clone())
                    error=form.error("organisation") autocomplete=Some("organization") maxlength=Some(200)/>
            </div>
        </fieldset>
        {radio_group("profile".into(), tr.t("registration-profile"), profiles, value("profile", |r| r.profile.as_str().to_owned()), form.error("profile"), true)}
        {days}
        {p.workshops().next().is_some().then(|| view! { <h2>{tr.t("registration-workshops")}</h2><p class="hint">{tr.t("registration-workshops-hint")}</p> })}
        {workshop_groups}
        <h2>{tr.t("registration-needs")}</h2>
        <TextArea name="accessibility" label=tr.t("registration-accessibility") value=value("accessibility", |r| r.accessibility.clone())
            error=form.error("accessibility") hint=tr.t("registration-accessibility-hint") rows=3/>
        <TextArea name="dietary" label=tr.t("registration-dietary") value=value("dietary", |r| r.dietary.clone())
            error=form.error("dietary") hint=tr.t("registration-dietary-hint") rows=3/>
        {(!p.questions.is_empty()).then(|| view! { <h2>{tr.t("registration-questions")}</h2> })}
        {questions}
        <div class="field checkbox" class:has-problem=consent_problem>
            <input id="f-consent" type="checkbox" name="consent" value="on" checked=form.checked("consent", stored.is_some())
                aria-describedby=consent_error.as_ref().map(|_| "f-consent-err") aria-invalid=consent_error.as_ref().map(|_| "true")/>
            <label for="f-consent">{tr.t("registration-consent")}</label>
            {consent_error.map(|e| view! { <p class="field-problem" id="f-consent-err"><span class="visually-hidden">{tr.t("form-error-prefix")}</span>{e}</p> })}
        </div>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let tr = Tr::current();
    load_page(load(param("slug")), move |(ctx, view)| {
        let EventView {
            programme: p,
            occupancy,
            open,
            ..
        } = view;
        let form = FormState::of(&ctx, "registration");
        let full = occupancy.registered >= p.event.seats;
        let content = if !open {
            view! { <p class="notice">{tr.t("registration-error-closed")}</p> }.into_any()
        } else if full {
            view! { <p class="notice">{tr.t("registration-error-event-full")}</p> }.into_any()
        } else {
            view! {
                <p>{tr.t("registration-intro")}</p>
                <form method="post" action=Register::url() class="stack" novalidate>
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="event" value=p.event.slug.clone()/>
                    {registration_fields(tr, &p, &form, None, &occupancy)}
                    <button type="submit" class="button big">{tr.t("registration-submit")}</button>
                </form>
            }
            .into_any()
        };
        view! {
            <Page title=format!("{} · {}", tr.t("registration-title"), p.event.title)>
                {breadcrumb(tr, &p, Some(tr.t("registration-title")))}
                <h1>{tr.t("registration-title")}</h1>
                <p class="question">{p.event.title.clone()}</p>
                {content}
            </Page>
        }
    })
}
