//! The account commands (login, logout, passwords, new staff accounts) and
//! the staff list's read model.

use super::forms::{LoginForm, PasswordForm, StaffForm};
use super::logic::{password::NewPassword, safe_next, NewStaff};
use super::store;
use super::throttle;
use crate::error::AppError;
use crate::model::{Role, StaffUser};
use crate::ssr::context::STAFF_KEY;
use crate::ssr::form::Next;
use crate::ssr::Ctx;

pub async fn login(ctx: &Ctx, form: &LoginForm) -> Result<((), Next), AppError> {
    let attempt = throttle::begin(ctx, &form.email).await?;
    let turn = match throttle::hashing_turn(ctx).await {
        Ok(turn) => turn,
        Err(busy) => {
            attempt.give_back(ctx).await;
            return Err(busy);
        }
    };
    let staff = store::verify_login(&ctx.db, &form.email, &form.password).await?;
    drop(turn);
    let staff = staff.ok_or_else(|| ctx.invalid("email", "login-error-credentials"))?;
    attempt.give_back(ctx).await;
    // A new session id on login defeats session fixation.
    ctx.session.cycle_id().await.map_err(|e| ctx.internal(e))?;
    ctx.session
        .insert(STAFF_KEY, staff.id)
        .await
        .map_err(|e| ctx.internal(e))?;
    let to = safe_next(&form.next).unwrap_or_else(|| "/admin".to_owned());
    let notice = vec![("name", staff.display_name.clone())];
    Ok(((), Next::to(to).with_notice_args("login-welcome", notice)))
}

pub async fn logout(ctx: &Ctx) -> Result<((), Next), AppError> {
    ctx.session.flush().await.map_err(|e| ctx.internal(e))?;
    Ok(((), Next::to("/").with_notice("logout-done")))
}

pub async fn change_password(ctx: &Ctx, form: &PasswordForm) -> Result<((), Next), AppError> {
    let user = ctx.require_any_staff()?;
    let new = NewPassword::parse(&form.new_password, &form.confirm_password)
        .map_err(|key| ctx.invalid("new_password", key))?;
    let turn = throttle::hashing_turn(ctx).await?;
    let ok = store::verify_login(&ctx.db, &user.email, &form.current_password)
        .await?
        .is_some();
    drop(turn);
    if !ok {
        return Err(ctx.invalid("current_password", "password-error-current"));
    }
    store::set_password(&ctx.db, user.id, &new).await?;
    Ok(((), Next::to("/account").with_notice("password-changed")))
}

/// A taken address is refused by the database's unique key (see `db_error`).
pub async fn create_staff_account(ctx: &Ctx, form: &StaffForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let new = NewStaff::parse(form).map_err(|(field, key)| ctx.invalid(field, key))?;
    store::create_staff(&ctx.db, &new, false).await?;
    let notice = vec![("email", new.email.clone())];
    Ok((
        (),
        Next::to("/admin/staff").with_notice_args("staff-created", notice),
    ))
}

/// The staff page: every account (admins only).
pub async fn staff_list(ctx: &Ctx) -> Result<Vec<StaffUser>, AppError> {
    ctx.require(Role::Admin)?;
    Ok(store::list_staff(&ctx.db).await?)
}
