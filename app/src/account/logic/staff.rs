//! A new staff account, parsed from the staff form.

use super::password::NewPassword;
use crate::account::forms::StaffForm;
use crate::model::Role;

/// A validated new account.
pub struct NewStaff {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub password: NewPassword,
}

impl NewStaff {
    /// The error names the field and the Fluent id of the message.
    pub fn parse(form: &StaffForm) -> Result<NewStaff, (&'static str, &'static str)> {
        let email = normalise_email(&form.email).ok_or(("email", "staff-error-email"))?;
        let display_name = crate::text::clean_field(&form.display_name, "display_name")?
            .trim()
            .to_owned();
        if display_name.is_empty() || display_name.chars().count() > 80 {
            return Err(("display_name", "staff-error-name"));
        }
        let role = Role::parse(&form.role).ok_or(("role", "staff-error-role"))?;
        let password =
            NewPassword::parse(&form.password, &form.password).map_err(|k| ("password", k))?;
        Ok(NewStaff {
            email,
            display_name,
            role,
            password,
        })
    }
}

/// Lower-cased, trimmed, and shaped like an address; `None` otherwise.
pub fn normalise_email(email: &str) -> Option<String> {
    let email = email.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.contains(char::is_whitespace)
        && email.len() <= 254;
    plausible.then_some(email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_or_refused() {
        assert_eq!(
            normalise_email("  Admin@Mulhouse.FR ").as_deref(),
            Some("admin@mulhouse.fr")
        );
        assert_eq!(normalise_email("no-at-sign"), None);
        assert_eq!(normalise_email("a@b"), None);
        assert_eq!(normalise_email("a b@c.fr"), None);
        assert_eq!(normalise_email("@c.fr"), None);
    }

    #[test]
    fn staff_forms_are_checked() {
        let form = StaffForm {
            email: "m@x.fr".into(),
            display_name: "Mo".into(),
            role: "moderator".into(),
            password: "0123456789".into(),
        };
        assert!(NewStaff::parse(&form).is_ok());
        let bad_role = StaffForm {
            role: "root".into(),
            ..form.clone()
        };
        assert_eq!(
            NewStaff::parse(&bad_role).err(),
            Some(("role", "staff-error-role"))
        );
        let short = StaffForm {
            password: "123".into(),
            ..form
        };
        assert_eq!(
            NewStaff::parse(&short).err(),
            Some(("password", "password-error-short"))
        );
    }
}
