//! The account forms, as the browser sends them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    /// Where to go once signed in (a local path).
    pub next: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub current_password: String,
    pub new_password: String,
    pub confirm_password: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffForm {
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub password: String,
}

/// "Forgot your password?": the address to send a link to.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ForgotForm {
    pub email: String,
}

/// The new password, set through a reset link. The token's field name holds
/// "password" so that a refused form never copies it into the session.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    pub password_reset_token: String,
    pub new_password: String,
    pub confirm_password: String,
}

/// An admin disables (`action` = `disable`) or re-enables (`enable`) an account.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountStateForm {
    pub account_id: String,
    pub action: String,
}

/// An admin gives an account another role.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountRoleForm {
    pub account_id: String,
    pub role: String,
}

/// An admin sends an account a password-reset link.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountForm {
    pub account_id: String,
}
