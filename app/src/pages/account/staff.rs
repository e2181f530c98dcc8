//! Staff accounts (admins only): the list, creating one, and one account's
//! page where an admin changes its role, disables or re-enables it, or mails
//! it a password-reset link.

use super::role_label;
use crate::account::api::{
    ChangeAccountRole, ChangeAccountState, CreateStaffAccount, SendAccountReset,
};
use crate::account::service;
use crate::account::store::StaffAccount;
use crate::components::{load_page, Field, FormAlert, Page};
use crate::error::AppError;
use crate::model::Role;
use crate::pages::param;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

async fn load() -> Result<(Ctx, Vec<StaffAccount>), AppError> {
    let ctx = Ctx::get()?;
    let staff = service::staff_list(&ctx).await?;
    Ok((ctx, staff))
}

fn state_label(tr: Tr, account: &StaffAccount) -> String {
    match (account.disabled(), *account.is_demo) {
        (true, _) => tr.t("staff-state-disabled"),
        (false, true) => tr.t("staff-state-demo"),
        (false, false) => tr.t("staff-state-active"),
    }
}

/// The role choices, `chosen` selected.
fn role_options(tr: Tr, chosen: &str) -> impl IntoView {
    Role::ALL
        .iter()
        .copied()
        .map(|r| {
            let selected = chosen == r.as_str();
            view! { <option value=r.as_str() selected=selected>{role_label(tr, r)}</option> }
        })
        .collect_view()
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("staff-title")>
            <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                <ol>
                    <li><a href="/admin">{tr.t("admin-title")}</a></li>
                    <li aria-current="page">{tr.t("staff-title")}</li>
                </ol>
            </nav>
            <h1>{tr.t("staff-title")}</h1>
            {load_page(load(), move |(ctx, staff)| {
                let form = FormState::of(&ctx, "staff");
                let rows = staff
                    .into_iter()
                    .map(|u| {
                        let state = state_label(tr, &u);
                        view! {
                            <tr>
                                <th scope="row"><a href=format!("/admin/staff/{}", u.id)>{u.display_name}</a></th>
                                <td class="break">{u.email}</td>
                                <td>{role_label(tr, u.role)}</td>
                                <td>{state}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let chosen = form.value("role", "moderator");
                view! {
                    <div class="table-scroll">
                        <table>
                            <caption class="visually-hidden">{tr.t("staff-title")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr.t("field-name")}</th>
                                    <th scope="col">{tr.t("field-email")}</th>
                                    <th scope="col">{tr.t("field-role")}</th>
                                    <th scope="col">{tr.t("staff-state")}</th>
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
                            <select id="f-role" name="role">{role_options(tr, &chosen)}</select>
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

async fn load_account(id: i64) -> Result<(Ctx, StaffAccount, bool), AppError> {
    let ctx = Ctx::get()?;
    let (account, own) = service::staff_account(&ctx, id).await?;
    Ok((ctx, account, own))
}

/// Disable or enable, with what it does.
fn state_form(tr: Tr, ctx: &Ctx, account: &StaffAccount, own: bool) -> impl IntoView {
    let form = FormState::of(ctx, "staff-state");
    let (action, title, hint, button) = if account.disabled() {
        (
            "enable",
            "staff-enable-title",
            "staff-enable-hint",
            "staff-enable",
        )
    } else {
        (
            "disable",
            "staff-disable-title",
            "staff-disable-hint",
            "staff-disable",
        )
    };
    let own_hint = (own && !account.disabled())
        .then(|| view! { <p class="hint">{tr.t("staff-disable-own")}</p> });
    view! {
        <section aria-labelledby="state-title">
            <h2 id="state-title">{tr.t(title)}</h2>
            <form method="post" action=ChangeAccountState::url() class="stack narrow">
                <FormAlert message=form.message()/>
                <input type="hidden" name="account_id" value=account.id.to_string()/>
                <input type="hidden" name="action" value=action/>
                <p>{tr.t(hint)}</p>
                {own_hint}
                <button type="submit" class="button">{tr.t(button)}</button>
            </form>
        </section>
    }
}

fn role_form(tr: Tr, ctx: &Ctx, account: &StaffAccount) -> impl IntoView {
    let form = FormState::of(ctx, "staff-role");
    let chosen = form.value("role", account.role.as_str());
    let invalid = form.message().is_some().then_some("true");
    view! {
        <section aria-labelledby="role-title">
            <h2 id="role-title">{tr.t("staff-role-title")}</h2>
            <form method="post" action=ChangeAccountRole::url() class="stack narrow">
                <FormAlert message=form.message()/>
                <input type="hidden" name="account_id" value=account.id.to_string()/>
                <div class="field">
                    <label for="f-role">{tr.t("field-role")}</label>
                    <select id="f-role" name="role" aria-invalid=invalid>{role_options(tr, &chosen)}</select>
                </div>
                <button type="submit" class="button">{tr.t("staff-role-submit")}</button>
            </form>
        </section>
    }
}

fn reset_form(tr: Tr, ctx: &Ctx, account: &StaffAccount) -> impl IntoView {
    let form = FormState::of(ctx, "staff-reset");
    let hint = tr.t_args("staff-reset-hint", &[("email", account.email.clone())]);
    (!account.disabled()).then(|| {
        view! {
            <section aria-labelledby="reset-title">
                <h2 id="reset-title">{tr.t("staff-reset-title")}</h2>
                <form method="post" action=SendAccountReset::url() class="stack narrow">
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="account_id" value=account.id.to_string()/>
                    <p>{hint}</p>
                    <button type="submit" class="button">{tr.t("staff-reset-submit")}</button>
                </form>
            </section>
        }
    })
}

#[component]
pub fn StaffAccountPage() -> impl IntoView {
    let tr = Tr::current();
    let id: i64 = param("id").parse().unwrap_or(-1);
    view! {
        <Page title=tr.t("staff-account-title")>
            <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                <ol>
                    <li><a href="/admin">{tr.t("admin-title")}</a></li>
                    <li><a href="/admin/staff">{tr.t("staff-title")}</a></li>
                    <li aria-current="page">{tr.t("staff-account-title")}</li>
                </ol>
            </nav>
            {load_page(load_account(id), move |(ctx, account, own)| {
                view! {
                    <h1>{account.display_name.clone()}</h1>
                    <dl class="facts">
                        <dt>{tr.t("field-email")}</dt><dd class="break">{account.email.clone()}</dd>
                        <dt>{tr.t("field-role")}</dt><dd>{role_label(tr, account.role)}</dd>
                        <dt>{tr.t("staff-state")}</dt><dd>{state_label(tr, &account)}</dd>
                    </dl>
                    {role_form(tr, &ctx, &account)}
                    {state_form(tr, &ctx, &account, own)}
                    {reset_form(tr, &ctx, &account)}
                }
            })}
        </Page>
    }
}
