//! At the door, on a phone or tablet: type the ticket code, see at once
//! whether the person is admitted (with their name and workshops) or refused
//! and why, in words and not by colour alone; counts of arrivals per day.
//! The arrivals page refreshes itself for a screen at the desk.

use super::{breadcrumb, hours};
use crate::components::{load_page, FormAlert, Page};
use crate::error::AppError;
use crate::event::api::CheckIn;
use crate::event::forms::CheckInResult;
use crate::event::service::checkin::CHECK_IN_KEY;
use crate::event::service::{self, DoorView};
use crate::event::store::registrations::Occupancy;
use crate::event::store::{Day, Programme};
use crate::islands::{CheckInScanner, ScanLabels};
use crate::model::Role;
use crate::pages::admin::staff_ctx;
use crate::pages::{param, query};
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Meta;

/// The event, for event staff only, with its seats and arrivals.
async fn load_staff(slug: String) -> Result<(Ctx, Programme, Occupancy), AppError> {
    let ctx = staff_ctx(Role::EventStaff)?;
    let DoorView {
        programme,
        occupancy,
    } = service::door_view(&ctx, &slug).await?;
    Ok((ctx, programme, occupancy))
}

/// The day asked for, else today if the event runs today, else its first day.
fn chosen_day(p: &Programme, asked: Option<i64>, today: chrono::NaiveDate) -> Option<Day> {
    asked
        .and_then(|id| p.day(id))
        .or_else(|| p.days.iter().find(|d| *d.date == today))
        .or_else(|| p.days.first())
        .cloned()
}

/// "Arrived 57 of 212" per day.
pub fn arrival_counts(tr: Tr, p: &Programme, occupancy: &Occupancy) -> impl IntoView {
    let items = p
        .days
        .iter()
        .map(|d| {
            let (registered, arrived) = occupancy.days.get(&d.id).copied().unwrap_or((0, 0));
            view! {
                <li>
                    <strong>{arrived}</strong>" "
                    {tr.t_args("arrivals-of", &[("registered", registered.to_string()), ("date", tr.date(*d.date))])}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="figures">{items}</ul> }
}

fn result_view(tr: Tr, r: CheckInResult) -> impl IntoView {
    let (class, role, word) = if r.admitted {
        (
            "checkin-result admitted",
            "status",
            tr.t("checkin-word-admitted"),
        )
    } else {
        (
            "checkin-result refused",
            "alert",
            tr.t("checkin-word-refused"),
        )
    };
    let workshops = r
        .workshops
        .into_iter()
        .map(|w| view! { <li>{w}</li> })
        .collect_view();
    view! {
        <section class=class role=role aria-labelledby="checkin-result-title">
            <h2 id="checkin-result-title"><span aria-hidden="true">{if r.admitted { "✓ " } else { "✗ " }}</span>{word}</h2>
            <p class="checkin-message">{r.message}</p>
            <p>{tr.t("checkin-code")}" "<strong>{r.code}</strong></p>
            {(!r.name.is_empty()).then(|| view! {
                <p class="checkin-name">{r.name}</p>
                {(!r.organisation.is_empty()).then(|| view! { <p>{r.organisation}</p> })}
                <p>{tr.t("registration-days")}" : "{r.days.join(", ")}</p>
                <h3>{tr.t("registration-workshops")}</h3>
                <ul>{workshops}</ul>
            })}
        </section>
    }
}

#[component]
pub fn CheckInPage() -> impl IntoView {
    let tr = Tr::current();
    let asked: Option<i64> = query("day").and_then(|d| d.parse().ok());
    let data = async move {
        let (ctx, p, occupancy) = load_staff(param("slug")).await?;
        let last: Option<CheckInResult> = ctx.session.remove(CHECK_IN_KEY).await.ok().flatten();
        Ok((ctx, p, occupancy, last))
    };
    load_page(data, move |(ctx, p, occupancy, last)| {
        let base = service::event_path(&p.event);
        let form = FormState::of(&ctx, "check-in");
        let Some(day) = chosen_day(&p, asked, ctx.settings.today()) else {
            return view! { <Page title=tr.t("checkin-title")><p>{tr.t("programme-nothing")}</p></Page> }.into_any();
        };
        let day_options = p
            .days
            .iter()
            .map(
                |d| view! { <option value=d.id selected=d.id == day.id>{tr.date(*d.date)}</option> },
            )
            .collect_view();
        let code_error = form.error("code");
        let invalid = code_error.as_ref().map(|_| "true");
        let described = if code_error.is_some() {
            "f-code-hint f-code-err"
        } else {
            "f-code-hint"
        };
        let scan_labels = ScanLabels {
            scan: tr.t("checkin-scan"),
            stop: tr.t("checkin-scan-stop"),
            hint: tr.t("checkin-scan-hint"),
            video: tr.t("checkin-scan-video"),
            error: tr.t("checkin-scan-error"),
        };
        let sessions = p
            .sessions
            .iter()
            .filter(|s| s.day_id == day.id && s.is_workshop())
            .map(|s| view! { <li>{hours(s)}" · "{s.title.clone()}{(!s.room.is_empty()).then(|| format!(" · {}", s.room))}</li> })
            .collect_view();
        view! {
            <Page title=tr.t("checkin-title")>
                {breadcrumb(tr, &p, Some(tr.t("checkin-title")))}
                <h1>{tr.t("checkin-title")}</h1>
                {last.map(|r| result_view(tr, r))}
                <form method="post" action=CheckIn::url() class="stack checkin-form" novalidate>
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="event" value=p.event.slug.clone()/>
                    <input type="hidden" name="day_id" value=day.id/>
                    <div class="field" class:has-problem=code_error.is_some()>
                        <label for="f-code">{tr.t_args("checkin-code-label", &[("date", tr.date(*day.date))])}</label>
                        <p class="hint" id="f-code-hint">{tr.t("checkin-code-hint")}</p>
                        {code_error.clone().map(|e| view! { <p class="field-problem" id="f-code-err"><span class="visually-hidden">{tr.t("form-error-prefix")}</span>{e}</p> })}
                        <input id="f-code" name="code" type="text" class="ticket-input" autocomplete="off" autocapitalize="characters"
                            spellcheck="false" maxlength="12" required=true autofocus=true aria-describedby=described aria-invalid=invalid/>
                    </div>
                    <button type="submit" class="button big">{tr.t("checkin-submit")}</button>
                </form>
                <CheckInScanner input="f-code".to_owned() labels=scan_labels/>
                <form method="get" action=format!("{base}/check-in") class="row filters">
                    <div class="field">
                        <label for="f-day">{tr.t("checkin-day")}</label>
                        <select id="f-day" name="day">{day_options}</select>
                    </div>
                    <button type="submit" class="button secondary">{tr.t("checkin-change-day")}</button>
                </form>
                <section aria-labelledby="counts-title">
                    <h2 id="counts-title">{tr.t("arrivals-title")}</h2>
                    {arrival_counts(tr, &p, &occupancy)}
                    <p class="actions">
                        <a href=format!("{base}/arrivals")>{tr.t("arrivals-screen")}</a>
                        <a href=format!("{base}/attendees?day={}", day.id)>{tr.t("attendees-title")}</a>
                    </p>
                </section>
                <section aria-labelledby="today-workshops">
                    <h2 id="today-workshops">{tr.t("checkin-workshops-of-day")}</h2>
                    <ul>{sessions}</ul>
                </section>
            </Page>
        }
        .into_any()
    })
}

/// How often the arrivals screen reloads itself, in seconds.
const REFRESH_SECONDS: u32 = 20;

#[component]
pub fn ArrivalsPage() -> impl IntoView {
    let tr = Tr::current();
    load_page(load_staff(param("slug")), move |(_ctx, p, occupancy)| {
        let workshops = p
            .workshops()
            .map(|s| {
                let seats = s.seats.unwrap_or(0);
                let (held, waiting) = occupancy.workshops.get(&s.id).copied().unwrap_or((0, 0));
                let day = p
                    .day(s.day_id)
                    .map(|d| tr.date(*d.date))
                    .unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row">{s.title.clone()}</th>
                        <td>{day}", "{hours(s)}</td>
                        <td>{held}" / "{seats}</td>
                        <td>{waiting}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <Page title=tr.t("arrivals-title")>
                <Meta http_equiv="refresh" content=REFRESH_SECONDS.to_string()/>
                {breadcrumb(tr, &p, Some(tr.t("arrivals-title")))}
                <h1>{tr.t("arrivals-title")}</h1>
                <p class="hint">{tr.t_args("arrivals-refresh", &[("seconds", REFRESH_SECONDS.to_string())])}</p>
                <p>{tr.t_args("arrivals-registered", &[("count", occupancy.registered.to_string()), ("seats", p.event.seats.to_string())])}</p>
                {arrival_counts(tr, &p, &occupancy)}
                <h2>{tr.t("registration-workshops")}</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label=tr.t("registration-workshops")>
                    <table>
                        <caption class="visually-hidden">{tr.t("registration-workshops")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr.t("field-title")}</th>
                                <th scope="col">{tr.t("session-when")}</th>
                                <th scope="col">{tr.t("arrivals-seats-held")}</th>
                                <th scope="col">{tr.t("arrivals-waiting")}</th>
                            </tr>
                        </thead>
                        <tbody>{workshops}</tbody>
                    </table>
                </div>
                <p><a href=format!("{}/check-in", service::event_path(&p.event))>{tr.t("checkin-title")}</a></p>
            </Page>
        }
    })
}
