//! The `staff_accounts` table.

use crate::account::logic::password::{self, NewPassword};
use crate::account::logic::NewStaff;
use crate::model::{Role, StaffUser};
use crate::ssr::db::{now, Db};

#[derive(sqlx::FromRow)]
struct StaffRow {
    id: i64,
    email: String,
    display_name: String,
    #[sqlx(try_from = "String")]
    role: Role,
}

impl From<StaffRow> for StaffUser {
    fn from(r: StaffRow) -> StaffUser {
        StaffUser {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            role: r.role,
        }
    }
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
    Ok(row.map(StaffUser::from))
}

pub async fn list_staff(db: &Db) -> Result<Vec<StaffUser>, sqlx::Error> {
    let rows: Vec<StaffRow> = sqlx::query_as(
        "SELECT id, email, display_name, role FROM staff_accounts ORDER BY role, email",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(StaffUser::from).collect())
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
