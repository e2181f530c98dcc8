//! A staff member's own account: who they are, and changing their password.

pub mod login;
pub mod password_reset;
pub mod staff;

use crate::account::api::ChangePassword;
use crate::components::{ErrorView, Field, FormAlert, Page};
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

pub fn role_label(tr: Tr, role: crate::model::Role) -> String {
    tr.t(&format!("role-{}", role.as_str()))
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let tr = Tr::current();
    let user = Ctx::get().and_then(|ctx| ctx.require_any_staff().cloned());
    let ctx = Ctx::get().ok();
    let content = match (user, ctx) {
        (Ok(user), Some(ctx)) => {
            let form = FormState::of(&ctx, "password");
            view! {
                <h1>{tr.t("account-title")}</h1>
                <dl class="facts">
                    <dt>{tr.t("field-name")}</dt><dd>{user.display_name.clone()}</dd>
                    <dt>{tr.t("field-email")}</dt><dd>{user.email.clone()}</dd>
                    <dt>{tr.t("field-role")}</dt><dd>{role_label(tr, user.role)}</dd>
                </dl>
                <h2>{tr.t("password-title")}</h2>
                <form method="post" action=ChangePassword::url() class="stack narrow" novalidate>
                    <FormAlert message=form.message()/>
                    <Field name="current_password" kind="password" label=tr.t("field-current-password") value=""
                        error=form.error("current_password") required=true autocomplete=Some("current-password")/>
                    <Field name="new_password" kind="password" label=tr.t("field-new-password") value=""
                        error=form.error("new_password") required=true autocomplete=Some("new-password")
                        hint=tr.t("password-hint")/>
                    <Field name="confirm_password" kind="password" label=tr.t("field-confirm-password") value=""
                        required=true autocomplete=Some("new-password")/>
                    <button type="submit" class="button">{tr.t("password-submit")}</button>
                </form>
            }
            .into_any()
        }
        (Err(error), _) => view! { <ErrorView error/> }.into_any(),
        (_, None) => view! { <p>{tr.t("error-internal")}</p> }.into_any(),
    };
    view! { <Page title=tr.t("account-title")>{content}</Page> }
}
