//! The account server functions. Each is thin: it hands the form to
//! `service` and ends the form (redirect, or the form echoed back).

use super::forms::{LoginForm, PasswordForm, StaffForm};
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
