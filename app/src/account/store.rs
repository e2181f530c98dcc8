//! Staff accounts in the database.

use super::password::{self, NewPassword};
use super::StaffForm;
use crate::model::{Role, StaffUser};
use crate::ssr::db::{now, Db};

#[derive(sqlx::FromRow)]
struct StaffRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
}

impl StaffRow {
    fn into_user(self) -> Option<StaffUser> {
        Some(StaffUser {
            id: self.id,
            email: self.email,
            display_name: self.display_name,
            role: Role::parse(&self.role)?,
        })
    }
}

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
        let display_name = form.display_name.trim().to_owned();
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

pub async fn create_staff(db: &Db, new: &NewStaff, is_demo: bool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO staff_accounts (email, display_name, password_hash, role, is_demo, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&new.email)
    .bind(&new.display_name)
    .bind(new.password.hash())
    .bind(new.role.as_str())
    .bind(i64::from(is_demo))
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

pub async fn find_staff(db: &Db, id: i64) -> Result<Option<StaffUser>, sqlx::Error> {
    let row: Option<StaffRow> =
        sqlx::query_as("SELECT id, email, display_name, role FROM staff_accounts WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.and_then(StaffRow::into_user))
}

pub async fn list_staff(db: &Db) -> Result<Vec<StaffUser>, sqlx::Error> {
    let rows: Vec<StaffRow> = sqlx::query_as(
        "SELECT id, email, display_name, role FROM staff_accounts ORDER BY role, email",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(StaffRow::into_user).collect())
}

/// The account if the password matches; the same work is done either way.
pub async fn verify_login(
    db: &Db,
    email: &str,
    password: &str,
) -> Result<Option<StaffUser>, sqlx::Error> {
    let email = email.trim().to_lowercase();
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT id, password_hash FROM staff_accounts WHERE email = $1")
            .bind(&email)
            .fetch_optional(&db.pool)
            .await?;
    let (id, hash) = row.unwrap_or((0, password::dummy_hash().to_owned()));
    let password = password.to_owned();
    let matches = tokio::task::spawn_blocking(move || password::verify(&password, &hash))
        .await
        .unwrap_or(false);
    if matches && id != 0 {
        find_staff(db, id).await
    } else {
        Ok(None)
    }
}

pub async fn set_password(db: &Db, id: i64, new: &NewPassword) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE staff_accounts SET password_hash = $1 WHERE id = $2")
        .bind(new.hash())
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// How many demo accounts (with published passwords) exist.
pub async fn count_demo_accounts(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM staff_accounts WHERE is_demo = 1")
        .fetch_one(&db.pool)
        .await
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
