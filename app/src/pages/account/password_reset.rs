//! "Forgot your password?" and the page a reset link leads to, where a new
//! password is set. Both work without JavaScript.

use crate::account::api::{ForgotPassword, ResetPassword};
use crate::account::service;
use crate::components::{load_page, Field, FormAlert, Page};
use crate::error::AppError;
use crate::pages::param;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn ForgotPage() -> impl IntoView {
    let tr = Tr::current();
    let Ok(ctx) = Ctx::get() else {
        return view! { <p>{tr.t("error-internal")}</p> }.into_any();
    };
    let form = FormState::of(&ctx, "forgot");
    view! {
        <Page title=tr.t("forgot-title")>
            <h1>{tr.t("forgot-title")}</h1>
            <p>{tr.t("forgot-intro")}</p>
            <form method="post" action=ForgotPassword::url() class="stack narrow" novalidate>
                <FormAlert message=form.message()/>
                <Field name="email" kind="email" label=tr.t("field-email") value=form.value("email", "")
                    error=form.error("email") required=true autocomplete=Some("username")/>
                <button type="submit" class="button">{tr.t("forgot-submit")}</button>
            </form>
            <p><a href="/login">{tr.t("forgot-back")}</a></p>
        </Page>
    }
    .into_any()
}

async fn load_reset(token: String) -> Result<Ctx, AppError> {
    let ctx = Ctx::get()?;
    service::reset_link(&ctx, &token).await?;
    Ok(ctx)
}

#[component]
pub fn ResetPage() -> impl IntoView {
    let tr = Tr::current();
    let token = param("token");
    view! {
        <Page title=tr.t("reset-title")>
            <h1>{tr.t("reset-title")}</h1>
            {load_page(load_reset(token.clone()), move |ctx| {
                let form = FormState::of(&ctx, "reset");
                view! {
                    <form method="post" action=ResetPassword::url() class="stack narrow" novalidate>
                        <FormAlert message=form.message()/>
                        <input type="hidden" name="password_reset_token" value=token/>
                        <Field name="new_password" kind="password" label=tr.t("field-new-password") value=""
                            error=form.error("new_password") required=true autocomplete=Some("new-password")
                            hint=tr.t("password-hint")/>
                        <Field name="confirm_password" kind="password" label=tr.t("field-confirm-password") value=""
                            required=true autocomplete=Some("new-password")/>
                        <button type="submit" class="button">{tr.t("reset-submit")}</button>
                    </form>
                }
            })}
            <p><a href="/password/forgot">{tr.t("reset-new-link")}</a></p>
        </Page>
    }
}
