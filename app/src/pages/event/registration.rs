//! The private registration page, reached by the link in the confirmation
//! mail: the ticket code, days and workshops with where the person stands
//! (with a seat offer to accept or decline), the form to change it all, and
//! cancellation. No account is needed; the link is the key.

use super::register::registration_fields;
use super::{breadcrumb, hours};
use crate::components::{load_page, FormAlert, Page};
use crate::event::api::{AnswerOffer, CancelRegistration, ChangeRegistration};
use crate::event::exports::tickets;
use crate::event::logic::{ticket, PlaceStatus};
use crate::event::service::{self, RegistrationView};
use crate::event::wording::{place_label, when};
use crate::pages::param;
use crate::ssr::form::FormState;
use crate::ssr::Ctx;
use crate::ssr::Tr;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn RegistrationPage() -> impl IntoView {
    let tr = Tr::current();
    let token = param("token");
    let data = async move {
        let ctx = Ctx::get()?;
        let view = service::registration_view(&ctx, &param("slug"), &token).await?;
        Ok::<_, crate::error::AppError>((ctx, view, token))
    };
    load_page(data, move |(ctx, view, token)| {
        let RegistrationView { event, details: d } = view;
        let (p, occupancy) = (event.programme, event.occupancy);
        let cancelled = d.registration.is_cancelled();
        let name = format!("{} {}", d.registration.first_name, d.registration.last_name);
        let code = ticket::display_code(&d.registration.ticket_code);
        let here = service::registration_path(&p.event, &token);
        let form = FormState::of(&ctx, "registration");
        let cancel_form = FormState::of(&ctx, "cancel");
        let offer_form = FormState::of(&ctx, "offer");
        let days = d
            .days
            .iter()
            .filter_map(|(id, at)| {
                let day = p.day(*id)?;
                let arrived = at.map(|t| view! { " · "{tr.t_args("registration-arrived", &[("when", when(tr, &ctx.settings, t))])} });
                Some(view! { <li>{tr.date(*day.date)}{arrived}</li> })
            })
            .collect_view();
        let places = d
            .places
            .iter()
            .filter_map(|pl| {
                let s = p.session(pl.session_id)?;
                let status = place_label(tr, &ctx.settings, pl);
                let actions = (pl.status == PlaceStatus::Offered && !cancelled).then(|| {
                    let buttons = [("accept", "registration-offer-accept", "button"), ("decline", "registration-offer-decline", "button secondary")]
                        .into_iter()
                        .map(|(answer, label, class)| {
                            view! {
                                <form method="post" action=AnswerOffer::url() class="inline-form">
                                    <input type="hidden" name="event" value=p.event.slug.clone()/>
                                    <input type="hidden" name="token" value=token.clone()/>
                                    <input type="hidden" name="session_id" value=s.id/>
                                    <input type="hidden" name="answer" value=answer/>
                                    <button type="submit" class=class>{tr.t(label)}</button>
                                </form>
                            }
                        })
                        .collect_view();
                    view! { <div class="actions">{buttons}</div> }
                });
                let day = p.day(s.day_id).map(|d| tr.date(*d.date)).unwrap_or_default();
                Some(view! {
                    <li class=format!("card place place-{}", pl.status.as_str())>
                        <h3>{s.title.clone()}</h3>
                        <p>{day}", "{hours(s)}{(!s.room.is_empty()).then(|| format!(" · {}", s.room))}</p>
                        <p><strong>{status}</strong></p>
                        {actions}
                    </li>
                })
            })
            .collect_view();
        let manage = (!cancelled).then(|| {
            let confirm_error = cancel_form.error("confirm");
            let confirm_problem = confirm_error.is_some();
            view! {
                <section aria-labelledby="change-title">
                    <h2 id="change-title">{tr.t("registration-change")}</h2>
                    <form method="post" action=ChangeRegistration::url() class="stack" novalidate>
                        <FormAlert message=form.message()/>
                        <input type="hidden" name="event" value=p.event.slug.clone()/>
                        <input type="hidden" name="token" value=token.clone()/>
                        {registration_fields(tr, &p, &form, Some(&d), &occupancy)}
                        <button type="submit" class="button">{tr.t("registration-change-submit")}</button>
                    </form>
                </section>
                <section aria-labelledby="cancel-title">
                    <h2 id="cancel-title">{tr.t("registration-cancel")}</h2>
                    <p>{tr.t("registration-cancel-intro")}</p>
                    <form method="post" action=CancelRegistration::url() class="stack narrow" novalidate>
                        <FormAlert message=cancel_form.message()/>
                        <input type="hidden" name="event" value=p.event.slug.clone()/>
                        <input type="hidden" name="token" value=token.clone()/>
                        <div class="field checkbox" class:has-problem=confirm_problem>
                            <input id="f-confirm" type="checkbox" name="confirm" value="on"
                                aria-describedby=confirm_error.as_ref().map(|_| "f-confirm-err") aria-invalid=confirm_error.as_ref().map(|_| "true")/>
                            <label for="f-confirm">{tr.t("registration-cancel-confirm")}</label>
                            {confirm_error.map(|e| view! { <p class="field-problem" id="f-confirm-err"><span class="visually-hidden">{tr.t("form-error-prefix")}</span>{e}</p> })}
                        </div>
                        <button type="submit" class="button danger">{tr.t("registration-cancel-submit")}</button>
                    </form>
                </section>
            }
        });
        let state = if cancelled {
            view! { <p class="form-alert" role="status">{tr.t("registration-is-cancelled")}</p> }
                .into_any()
        } else {
            view! {
                <div class="ticket">
                    <p>{tr.t("registration-ticket")}</p>
                    <p class="ticket-code">{code.clone()}</p>
                    <img class="ticket-qr" src=format!("{here}/ticket.png") width="232" height="232"
                        alt=tr.t_args("ticket-qr-alt", &[("code", code.clone())])/>
                    <p class="hint">{tr.t("registration-ticket-hint")}</p>
                    <ul class="actions ticket-files">
                        <li><a href=format!("{here}/ticket.png") download=tickets::qr_file_name(&d.registration.ticket_code)>{tr.t("ticket-download-qr")}</a></li>
                        <li><a href=format!("{here}/calendar.ics") download=tickets::CALENDAR_FILE_NAME>{tr.t("ticket-download-ics")}</a></li>
                    </ul>
                </div>
            }
            .into_any()
        };
        view! {
            <Page title=format!("{} · {}", tr.t("registration-mine"), p.event.title)>
                // A private page: kept out of search engines.
                <leptos_meta::Meta name="robots" content="noindex"/>
                {breadcrumb(tr, &p, Some(tr.t("registration-mine")))}
                <h1>{tr.t("registration-mine")}</h1>
                <p class="question">{p.event.title.clone()}</p>
                <p>{tr.t_args("registration-hello", &[("name", name)])}</p>
                <p class="hint">{tr.t("registration-private-link")}</p>
                {state}
                <FormAlert message=offer_form.message()/>
                <h2>{tr.t("registration-days")}</h2>
                <ul>{days}</ul>
                {(!d.places.is_empty()).then(|| view! {
                    <h2>{tr.t("registration-workshops")}</h2>
                    <ul class="cards">{places}</ul>
                })}
                {manage}
            </Page>
        }
    })
}
