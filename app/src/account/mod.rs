//! Staff accounts (admin, moderator, mediator, event staff) and the login
//! that goes with them. Participants need no account: see `participant`.

#[cfg(feature = "ssr")]
pub mod participant;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod store;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    /// Where to go once signed in (a local path).
    pub next: String,
}

#[server(endpoint = "login")]
pub async fn login(#[server(flatten)] form: LoginForm) -> Result<(), AppError> {
    use crate::ssr::context::STAFF_KEY;
    use crate::ssr::form::{finish, Next};
    use crate::ssr::Ctx;
    let ctx = Ctx::get()?;
    let result = async {
        let staff = store::verify_login(&ctx.db, &form.email, &form.password)
            .await
            .map_err(|e| ctx.internal(e))?
            .ok_or_else(|| ctx.invalid("email", "login-error-credentials"))?;
        // A new session id on login defeats session fixation.
        ctx.session.cycle_id().await.map_err(|e| ctx.internal(e))?;
        ctx.session
            .insert(STAFF_KEY, staff.id)
            .await
            .map_err(|e| ctx.internal(e))?;
        let to = safe_next(&form.next).unwrap_or_else(|| "/admin".to_owned());
        let notice = ctx
            .tr
            .t_args("login-welcome", &[("name", staff.display_name.clone())]);
        Ok(((), Next::to(to).with_notice(notice)))
    }
    .await;
    finish(&ctx, "login", &form, result).await
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::ssr::form::{finish, Next};
    use crate::ssr::Ctx;
    let ctx = Ctx::get()?;
    let result = async {
        ctx.session.flush().await.map_err(|e| ctx.internal(e))?;
        Ok(((), Next::to("/").with_notice(ctx.t("logout-done"))))
    }
    .await;
    finish(&ctx, "logout", &(), result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub current_password: String,
    pub new_password: String,
    pub confirm_password: String,
}

#[server(endpoint = "staff/password")]
pub async fn change_password(#[server(flatten)] form: PasswordForm) -> Result<(), AppError> {
    use crate::ssr::form::{finish, Next};
    use crate::ssr::Ctx;
    let ctx = Ctx::get()?;
    let result = async {
        let user = ctx.require_any_staff()?;
        let new = password::NewPassword::parse(&form.new_password, &form.confirm_password)
            .map_err(|key| ctx.invalid("new_password", key))?;
        let ok = store::verify_login(&ctx.db, &user.email, &form.current_password)
            .await
            .map_err(|e| ctx.internal(e))?
            .is_some();
        if !ok {
            return Err(ctx.invalid("current_password", "password-error-current"));
        }
        store::set_password(&ctx.db, user.id, &new)
            .await
            .map_err(|e| ctx.internal(e))?;
        Ok((
            (),
            Next::to("/account").with_notice(ctx.t("password-changed")),
        ))
    }
    .await;
    finish(&ctx, "password", &form, result).await
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffForm {
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub password: String,
}

#[server(endpoint = "staff/accounts/create")]
pub async fn create_staff_account(#[server(flatten)] form: StaffForm) -> Result<(), AppError> {
    use crate::model::Role;
    use crate::ssr::form::{finish, Next};
    use crate::ssr::Ctx;
    let ctx = Ctx::get()?;
    let result = async {
        ctx.require(Role::Admin)?;
        let new = store::NewStaff::parse(&form).map_err(|(field, key)| ctx.invalid(field, key))?;
        match store::create_staff(&ctx.db, &new, false).await {
            Ok(_) => {}
            Err(e) if crate::ssr::db::is_unique_violation(&e) => {
                return Err(ctx.invalid("email", "staff-error-email-taken"))
            }
            Err(e) => return Err(ctx.internal(e)),
        }
        let notice = ctx
            .tr
            .t_args("staff-created", &[("email", new.email.clone())]);
        Ok(((), Next::to("/admin/staff").with_notice(notice)))
    }
    .await;
    finish(&ctx, "staff", &form, result).await
}

/// Only a local path may be a redirect target, never another site.
pub fn safe_next(next: &str) -> Option<String> {
    let ok = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    ok.then(|| next.to_owned())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn redirects_stay_on_site() {
        assert_eq!(
            safe_next("/admin/processes").as_deref(),
            Some("/admin/processes")
        );
        assert_eq!(safe_next("//evil.example"), None);
        assert_eq!(safe_next("https://evil.example"), None);
        assert_eq!(safe_next("/\\evil.example"), None);
        assert_eq!(safe_next(""), None);
    }
}
