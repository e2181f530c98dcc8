//! Staff login. Participants never need one.

use crate::account::api::Login;
use crate::account::logic::next_or;
use crate::components::{Field, FormAlert, Page};
use crate::islands::PasswordToggle;
use crate::pages::query;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::Redirect;

#[component]
pub fn LoginPage() -> impl IntoView {
    let tr = Tr::current();
    let next = next_or(&query("next").unwrap_or_default(), "/admin");
    let Ok(ctx) = Ctx::get() else {
        return view! { <p>{tr.t("error-internal")}</p> }.into_any();
    };
    if ctx.viewer().is_some() {
        return view! { <Redirect path=next/> }.into_any();
    }
    let form = FormState::of(&ctx, "login");
    view! {
        <Page title=tr.t("login-title")>
            <h1>{tr.t("login-title")}</h1>
            <p>{tr.t("login-intro")}</p>
            <form method="post" action=Login::url() class="stack narrow" novalidate>
                <FormAlert message=form.message()/>
                <input type="hidden" name="next" value=form.value("next", next)/>
                <Field name="email" kind="email" label=tr.t("field-email") value=form.value("email", "")
                    error=form.error("email") required=true autocomplete=Some("username")/>
                <Field name="password" kind="password" label=tr.t("field-password") value=""
                    error=form.error("password") required=true autocomplete=Some("current-password")/>
                <PasswordToggle target="f-password".into() show_label=tr.t("password-show") hide_label=tr.t("password-hide")/>
                <button type="submit" class="button">{tr.t("login-submit")}</button>
            </form>
            <p><a href="/password/forgot">{tr.t("login-forgot")}</a></p>
        </Page>
    }
    .into_any()
}
