//! The account server functions. Each is thin: it hands the form to
//! `service` and ends the form (redirect, or the form echoed back).

use super::forms::{
    AccountForm, AccountRoleForm, AccountStateForm, ForgotForm, LoginForm, PasswordForm, ResetForm,
    StaffForm,
};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "login")]
pub async fn login(#[server(flatten)] form: LoginForm) -> Result<(), AppError> {
    crate::ssr::form::answer("login", &form, async |ctx| {
        super::service::login(ctx, &form).await
    })
    .await
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    crate::ssr::form::answer("logout", &(), async |ctx| super::service::logout(ctx).await).await
}

#[server(endpoint = "staff/password")]
pub async fn change_password(#[server(flatten)] form: PasswordForm) -> Result<(), AppError> {
    crate::ssr::form::answer("password", &form, async |ctx| {
        super::service::change_password(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/accounts/create")]
pub async fn create_staff_account(#[server(flatten)] form: StaffForm) -> Result<(), AppError> {
    crate::ssr::form::answer("staff", &form, async |ctx| {
        super::service::create_staff_account(ctx, &form).await
    })
    .await
}

#[server(endpoint = "password/forgot")]
pub async fn forgot_password(#[server(flatten)] form: ForgotForm) -> Result<(), AppError> {
    crate::ssr::form::answer("forgot", &form, async |ctx| {
        super::service::forgot_password(ctx, &form).await
    })
    .await
}

#[server(endpoint = "password/reset")]
pub async fn reset_password(#[server(flatten)] form: ResetForm) -> Result<(), AppError> {
    crate::ssr::form::answer("reset", &form, async |ctx| {
        super::service::reset_password(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/accounts/state")]
pub async fn change_account_state(
    #[server(flatten)] form: AccountStateForm,
) -> Result<(), AppError> {
    crate::ssr::form::answer("staff-state", &form, async |ctx| {
        super::service::change_account_state(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/accounts/role")]
pub async fn change_account_role(#[server(flatten)] form: AccountRoleForm) -> Result<(), AppError> {
    crate::ssr::form::answer("staff-role", &form, async |ctx| {
        super::service::change_account_role(ctx, &form).await
    })
    .await
}

#[server(endpoint = "staff/accounts/reset")]
pub async fn send_account_reset(#[server(flatten)] form: AccountForm) -> Result<(), AppError> {
    crate::ssr::form::answer("staff-reset", &form, async |ctx| {
        super::service::send_account_reset(ctx, &form).await
    })
    .await
}
