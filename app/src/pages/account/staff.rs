//! Staff accounts: the list, and creating one (admins only).

use super::role_label;
use crate::account::api::CreateStaffAccount;
use crate::account::service;
use crate::components::{load_page, Field, FormAlert, Page};
use crate::error::AppError;
use crate::model::{Role, StaffUser};
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

async fn load() -> Result<(Ctx, Vec<StaffUser>), AppError> {
    let ctx = Ctx::get()?;
    let staff = service::staff_list(&ctx).await?;
    Ok((ctx, staff))
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("staff-title")>
            <h1>{tr.t("staff-title")}</h1>
            {load_page(load(), move |(ctx, staff)| {
                let form = FormState::of(&ctx, "staff");
                let rows = staff
                    .into_iter()
                    .map(|u| view! {
                        <tr><th scope="row">{u.display_name}</th><td>{u.email}</td><td>{role_label(tr, u.role)}</td></tr>
                    })
                    .collect_view();
                let chosen = form.value("role", "moderator");
                let options = Role::ALL
                    .iter()
                    .copied()
                    .map(|r| {
                        let selected = chosen == r.as_str();
                        view! { <option value=r.as_str() selected=selected>{role_label(tr, r)}</option> }
                    })
                    .collect_view();
                view! {
                    <div class="table-scroll">
                        <table>
                            <caption class="visually-hidden">{tr.t("staff-title")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr.t("field-name")}</th>
                                    <th scope="col">{tr.t("field-email")}</th>
                                    <th scope="col">{tr.t("field-role")}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <h2>{tr.t("staff-new")}</h2>
                    <form method="post" action=CreateStaffAccount::url() class="stack narrow" novalidate>
                        <FormAlert message=form.message()/>
                        <Field name="display_name" label=tr.t("field-name") value=form.value("display_name", "")
                            error=form.error("display_name") required=true/>
                        <Field name="email" kind="email" label=tr.t("field-email") value=form.value("email", "")
                            error=form.error("email") required=true autocomplete=Some("off")/>
                        <div class="field">
                            <label for="f-role">{tr.t("field-role")}</label>
                            <select id="f-role" name="role">{options}</select>
                        </div>
                        <Field name="password" kind="password" label=tr.t("field-initial-password") value=""
                            error=form.error("password") required=true autocomplete=Some("new-password")
                            hint=tr.t("password-hint")/>
                        <button type="submit" class="button">{tr.t("staff-create")}</button>
                    </form>
                }
            })}
        </Page>
    }
}
