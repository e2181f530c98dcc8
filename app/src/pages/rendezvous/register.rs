//! Registering for the meeting, to come in person or follow remotely (an
//! address is optional: it only brings a confirmation), and the private page
//! the registration link leads to.

use super::{breadcrumb, when_where};
use crate::components::{load_page, Checkbox, Field, FormAlert, Page};
use crate::pages::event::register::radio_group;
use crate::pages::param;
use crate::rendezvous::api::Register;
use crate::rendezvous::logic::Mode;
use crate::rendezvous::service;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let tr = Tr::current();
    let data = async {
        let ctx = Ctx::get()?;
        let r = service::rendezvous(&ctx, &param("slug")).await?;
        Ok((ctx, r))
    };
    load_page(data, move |(ctx, r)| {
        let form = FormState::of(&ctx, "rendezvous-register");
        let title = tr.t("rendezvous-register-title");
        let body = if r.registration_open {
            view! {
                <form method="post" action=Register::url() class="stack" novalidate=true>
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="rendezvous" value=r.slug.clone()/>
                    <Field name="name" label=tr.t("rendezvous-register-name") value=form.value("name", "")
                        error=form.error("name") required=true autocomplete=Some("name") maxlength=Some(120)/>
                    <Field name="email" kind="email" label=tr.t("rendezvous-register-email") value=form.value("email", "")
                        error=form.error("email") hint=tr.t("rendezvous-register-email-hint") autocomplete=Some("email")/>
                    {radio_group(
                        "mode".into(),
                        tr.t("rendezvous-mode-question"),
                        vec![
                            ("room".into(), tr.t("rendezvous-mode-in-room"), None),
                            ("remote".into(), tr.t("rendezvous-mode-at-home"), Some(tr.t("rendezvous-register-remote-hint"))),
                        ],
                        form.value("mode", "room"),
                        form.error("mode"),
                        true,
                    )}
                    {form.error("consent").map(|e| view! { <p class="field-problem" id="f-consent-err">{e}</p> })}
                    <Checkbox name="consent" label=tr.t("rendezvous-register-consent") checked=form.checked("consent", false)/>
                    <button type="submit" class="button">{tr.t("rendezvous-register-submit")}</button>
                </form>
            }
            .into_any()
        } else {
            view! { <p>{tr.t("rendezvous-error-closed")}</p> }.into_any()
        };
        view! {
            <Page title=format!("{title} · {}", r.title)>
                {breadcrumb(tr, &r, Some(title.clone()))}
                <h1>{title.clone()}</h1>
                <p class="question">{r.title.clone()}</p>
                <p class="phase-when">{when_where(tr, &r)}</p>
                {body}
            </Page>
        }
    })
}

#[component]
pub fn RegistrationPage() -> impl IntoView {
    let tr = Tr::current();
    let data = async {
        let ctx = Ctx::get()?;
        service::registration_page(&ctx, &param("slug"), &param("token")).await
    };
    load_page(
        data,
        move |service::RegistrationPageData {
                  r,
                  registration: reg,
              }| {
            let title = tr.t("rendezvous-registration-title");
            let mode = tr.t(if reg.mode == Mode::Room {
                "rendezvous-mode-room"
            } else {
                "rendezvous-mode-remote"
            });
            view! {
                <Page title=format!("{title} · {}", r.title)>
                    {breadcrumb(tr, &r, Some(title.clone()))}
                    <h1>{title.clone()}</h1>
                    <dl class="ticket">
                        <dt>{tr.t("rendezvous-register-name")}</dt><dd>{reg.name.clone()}</dd>
                        <dt>{tr.t("rendezvous-registration-when")}</dt><dd>{when_where(tr, &r)}</dd>
                        <dt>{tr.t("rendezvous-registration-mode")}</dt><dd>{mode}</dd>
                    </dl>
                    <p>{tr.t("rendezvous-registration-keep")}</p>
                    <p><a class="button" href=format!("/rendezvous/{}", r.slug)>{tr.t("rendezvous-registration-live")}</a></p>
                </Page>
            }
        },
    )
}
