//! What an admin may change on a staff account (disable, enable, role) and
//! the one rule that guards it: there is always an active admin left.
//! Also how long a password-reset link lives.

use crate::model::Role;

/// A reset link works for an hour, once.
pub const RESET_LINK_SECONDS: i64 = 3600;
/// While a link sent less than this long ago is unused, "forgot password"
/// sends no other, so nobody can flood a staff member's mailbox.
pub const RESET_MAIL_INTERVAL_SECONDS: i64 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffChange {
    Disable,
    Enable,
    Role(Role),
}

impl StaffChange {
    /// The state form's `action`; the error is the Fluent id of the message.
    pub fn parse_state(action: &str) -> Result<StaffChange, &'static str> {
        match action {
            "disable" => Ok(StaffChange::Disable),
            "enable" => Ok(StaffChange::Enable),
            _ => Err("staff-error-action"),
        }
    }

    pub fn parse_role(role: &str) -> Result<StaffChange, &'static str> {
        Role::parse(role)
            .map(StaffChange::Role)
            .ok_or("staff-error-role")
    }

    /// Whether the change makes an active admin stop being one.
    pub fn removes_admin(self, role: Role, disabled: bool) -> bool {
        let active_admin = role == Role::Admin && !disabled;
        active_admin
            && match self {
                StaffChange::Disable => true,
                StaffChange::Enable => false,
                StaffChange::Role(new) => new != Role::Admin,
            }
    }

    /// Refused when it would leave nobody able to manage the accounts.
    pub fn leaves_no_admin(self, role: Role, disabled: bool, other_active_admins: i64) -> bool {
        self.removes_admin(role, disabled) && other_active_admins == 0
    }
}

/// The account id of an admin form; `None` when it is not a number.
pub fn parse_account_id(text: &str) -> Option<i64> {
    text.trim().parse().ok().filter(|id| *id > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_parse_into_changes() {
        assert_eq!(
            StaffChange::parse_state("disable"),
            Ok(StaffChange::Disable)
        );
        assert_eq!(StaffChange::parse_state("enable"), Ok(StaffChange::Enable));
        assert_eq!(
            StaffChange::parse_state("delete"),
            Err("staff-error-action")
        );
        assert_eq!(
            StaffChange::parse_role("mediator"),
            Ok(StaffChange::Role(Role::Mediator))
        );
        assert_eq!(StaffChange::parse_role("root"), Err("staff-error-role"));
        assert_eq!(parse_account_id(" 12 "), Some(12));
        assert_eq!(parse_account_id("-1"), None);
        assert_eq!(parse_account_id("x"), None);
    }

    #[test]
    fn the_last_active_admin_stays() {
        let demote = StaffChange::Role(Role::Moderator);
        for change in [StaffChange::Disable, demote] {
            assert!(change.leaves_no_admin(Role::Admin, false, 0));
            assert!(!change.leaves_no_admin(Role::Admin, false, 1));
            // A disabled admin, or another role, is no active admin to keep.
            assert!(!change.leaves_no_admin(Role::Admin, true, 0));
            assert!(!change.leaves_no_admin(Role::Moderator, false, 0));
        }
        assert!(!StaffChange::Enable.leaves_no_admin(Role::Admin, false, 0));
        assert!(!StaffChange::Role(Role::Admin).leaves_no_admin(Role::Admin, false, 0));
    }
}
