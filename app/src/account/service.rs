//! The account commands (login, logout, passwords and their reset links, staff
//! accounts and what admins change on them) and the read models of their pages.

use super::forms::{
    AccountForm, AccountRoleForm, AccountStateForm, ForgotForm, LoginForm, PasswordForm, ResetForm,
    StaffForm,
};
use super::logic::changes::{
    parse_account_id, StaffChange, RESET_LINK_SECONDS, RESET_MAIL_INTERVAL_SECONDS,
};
use super::logic::{next_or, normalise_email, password::NewPassword, NewStaff};
use super::store::{self, ChangeOutcome, StaffAccount};
use super::{mails, session, throttle};
use crate::error::AppError;
use crate::mail::EmailAddress;
use crate::model::Role;
use crate::ssr::db::Db;
use crate::ssr::form::Next;
use crate::ssr::private_link::{new_token, token_hash};
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
    // A disabled account gets the same refusal as a wrong password.
    let staff = store::verify_login(&ctx.db, &form.email, &form.password).await?;
    drop(turn);
    let staff = staff.ok_or_else(|| ctx.invalid("email", "login-error-credentials"))?;
    attempt.give_back(ctx).await;
    session::begin(&ctx.db, &ctx.session, staff.id)
        .await
        .map_err(|e| ctx.internal(e))?;
    let to = next_or(&form.next, "/admin");
    let notice = vec![("name", staff.display_name.clone())];
    Ok(((), Next::to(to).with_notice_args("login-welcome", notice)))
}

pub async fn logout(ctx: &Ctx) -> Result<((), Next), AppError> {
    ctx.session.flush().await.map_err(|e| ctx.internal(e))?;
    Ok(((), Next::to("/").with_notice("logout-done")))
}

/// Changes one's own password: this session goes on (under a new id), every
/// other session of the account ends.
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
    let generation = store::set_password(&ctx.db, user.id, &new).await?;
    ctx.session.cycle_id().await.map_err(|e| ctx.internal(e))?;
    session::renew(&ctx.session, generation)
        .await
        .map_err(|e| ctx.internal(e))?;
    Ok(((), Next::to("/account").with_notice("password-changed")))
}

/// "Forgot your password?": a link goes to the address if it is an enabled
/// account's. The answer is the same whether it is or not.
pub async fn forgot_password(ctx: &Ctx, form: &ForgotForm) -> Result<((), Next), AppError> {
    let email =
        normalise_email(&form.email).ok_or_else(|| ctx.invalid("email", "staff-error-email"))?;
    if let Some(account) = store::enabled_account_by_email(&ctx.db, &email).await? {
        send_reset_link(ctx, &account, Some(RESET_MAIL_INTERVAL_SECONDS)).await?;
    }
    Ok(((), Next::to("/login").with_notice("reset-requested")))
}

/// Stores a new reset link for `account` with its mail; `false` when one sent
/// less than `unless_recent` seconds ago is still unused.
async fn send_reset_link(
    ctx: &Ctx,
    account: &StaffAccount,
    unless_recent: Option<i64>,
) -> Result<bool, AppError> {
    let to = EmailAddress::parse(&account.email).map_err(|e| ctx.internal(e))?;
    let token = new_token();
    let base = ctx.settings.base_url.trim_end_matches('/');
    let link = format!("{base}/password/reset/{token}");
    let minutes = RESET_LINK_SECONDS / 60;
    let mail = mails::password_reset(ctx.tr, to, &account.display_name, &link, minutes);
    let hash = token_hash(&token);
    let sent = store::create_reset(
        &ctx.db,
        account.id,
        &hash,
        RESET_LINK_SECONDS,
        unless_recent,
        &mail,
    )
    .await?;
    if sent {
        ctx.mail.wake();
    }
    Ok(sent)
}

fn link_refused(ctx: &Ctx) -> AppError {
    ctx.respond_err(AppError::NotFound(ctx.t("reset-error-link")))
}

/// The reset page: only while its link can still be used.
pub async fn reset_link(ctx: &Ctx, token: &str) -> Result<(), AppError> {
    match store::reset_account(&ctx.db, &token_hash(token)).await? {
        Some(_) => Ok(()),
        None => Err(link_refused(ctx)),
    }
}

/// Sets a new password through a reset link, which is then used up; every
/// session of the account ends.
pub async fn reset_password(ctx: &Ctx, form: &ResetForm) -> Result<((), Next), AppError> {
    let new = NewPassword::parse(&form.new_password, &form.confirm_password)
        .map_err(|key| ctx.invalid("new_password", key))?;
    let hash = tokio::task::spawn_blocking(move || new.hash())
        .await
        .map_err(|e| ctx.internal(e))?;
    let token = token_hash(form.password_reset_token.trim());
    match store::use_reset(&ctx.db, &token, &hash).await? {
        Some(_) => Ok(((), Next::to("/login").with_notice("reset-done"))),
        None => Err(link_refused(ctx)),
    }
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

fn account_path(id: i64) -> String {
    format!("/admin/staff/{id}")
}

/// Applies an admin's change; the account as it is afterwards.
async fn apply(ctx: &Ctx, id: i64, change: StaffChange) -> Result<StaffAccount, AppError> {
    match store::change_staff(&ctx.db, id, change).await? {
        ChangeOutcome::Done => store::account(&ctx.db, id)
            .await?
            .ok_or_else(|| ctx.not_found()),
        ChangeOutcome::NotFound => Err(ctx.not_found()),
        ChangeOutcome::LastAdmin => {
            Err(ctx.respond_err(AppError::Conflict(ctx.t("staff-error-last-admin"))))
        }
    }
}

/// Disables an account (its sessions end at once) or enables it again.
pub async fn change_account_state(
    ctx: &Ctx,
    form: &AccountStateForm,
) -> Result<((), Next), AppError> {
    let admin_id = ctx.require(Role::Admin)?.id;
    let id = parse_account_id(&form.account_id).ok_or_else(|| ctx.not_found())?;
    let change = StaffChange::parse_state(&form.action).map_err(|k| ctx.invalid("action", k))?;
    let account = apply(ctx, id, change).await?;
    let key = match change {
        StaffChange::Disable => "staff-disabled",
        _ => "staff-enabled",
    };
    // An admin who disabled themselves is signed out by now.
    let to = if id == admin_id && change == StaffChange::Disable {
        "/login".to_owned()
    } else {
        account_path(id)
    };
    Ok((
        (),
        Next::to(to).with_notice_args(key, vec![("email", account.email)]),
    ))
}

/// Gives an account another role; it applies from the account's next request.
pub async fn change_account_role(
    ctx: &Ctx,
    form: &AccountRoleForm,
) -> Result<((), Next), AppError> {
    let admin_id = ctx.require(Role::Admin)?.id;
    let id = parse_account_id(&form.account_id).ok_or_else(|| ctx.not_found())?;
    let change = StaffChange::parse_role(&form.role).map_err(|k| ctx.invalid("role", k))?;
    let account = apply(ctx, id, change).await?;
    let to = if id == admin_id && account.role != Role::Admin {
        "/admin".to_owned()
    } else {
        account_path(id)
    };
    let role = ctx.t(&format!("role-{}", account.role.as_str()));
    let args = vec![("email", account.email), ("role", role)];
    Ok((
        (),
        Next::to(to).with_notice_args("staff-role-changed", args),
    ))
}

/// Mails an account a reset link (its password stays until the link is used).
pub async fn send_account_reset(ctx: &Ctx, form: &AccountForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let id = parse_account_id(&form.account_id).ok_or_else(|| ctx.not_found())?;
    let account = store::account(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    if account.disabled() {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("staff-error-reset-disabled"))));
    }
    send_reset_link(ctx, &account, None).await?;
    Ok((
        (),
        Next::to(account_path(id))
            .with_notice_args("staff-reset-sent", vec![("email", account.email)]),
    ))
}

/// The staff page: every account with its state (admins only).
pub async fn staff_list(ctx: &Ctx) -> Result<Vec<StaffAccount>, AppError> {
    ctx.require(Role::Admin)?;
    Ok(store::list_accounts(&ctx.db).await?)
}

/// One account's page (admins only); `true` when it is the viewer's own.
pub async fn staff_account(ctx: &Ctx, id: i64) -> Result<(StaffAccount, bool), AppError> {
    let admin_id = ctx.require(Role::Admin)?.id;
    let account = store::account(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    Ok((account, id == admin_id))
}

/// What `participe remove-demo` did.
#[derive(Debug, Clone, Default)]
pub struct DemoRemoval {
    /// The addresses of the deleted accounts.
    pub accounts: Vec<String>,
    /// How many of their sessions were deleted.
    pub sessions: u64,
}

/// Deletes the demo staff accounts (published password) and their sessions.
pub async fn remove_demo_accounts(db: &Db) -> Result<DemoRemoval, sqlx::Error> {
    let removed = store::delete_demo_accounts(db).await?;
    let ids: Vec<i64> = removed.iter().map(|(id, _)| *id).collect();
    // Without their accounts these sessions are refused anyway; deleting them
    // leaves nothing behind.
    let sessions = store::delete_sessions_of(db, &ids).await?;
    Ok(DemoRemoval {
        accounts: removed.into_iter().map(|(_, email)| email).collect(),
        sessions,
    })
}
