//! The `staff_accounts` table.

use crate::account::logic::changes::StaffChange;
use crate::account::logic::password::{self, NewPassword};
use crate::account::logic::session::AccountNow;
use crate::account::logic::NewStaff;
use crate::model::{Role, StaffUser};
use crate::ssr::db::{now, Db};
use crate::ssr::db_types::Flag;
use sqlx::AnyConnection;

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

/// An account as the admin pages show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffAccount {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub disabled_at: Option<i64>,
    #[sqlx(try_from = "i64")]
    pub is_demo: Flag,
}

impl StaffAccount {
    pub fn disabled(&self) -> bool {
        self.disabled_at.is_some()
    }

    pub fn user(&self) -> StaffUser {
        StaffUser {
            id: self.id,
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
        }
    }
}

const ACCOUNT_COLUMNS: &str = "id, email, display_name, role, disabled_at, is_demo";

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

/// The account unless it is disabled: a disabled account cannot sign in.
async fn find_enabled_staff(db: &Db, id: i64) -> Result<Option<StaffUser>, sqlx::Error> {
    let row: Option<StaffRow> = sqlx::query_as(
        "SELECT id, email, display_name, role FROM staff_accounts WHERE id = $1 AND disabled_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(StaffUser::from))
}

/// The account and what decides whether its sessions still hold.
pub async fn staff_now(db: &Db, id: i64) -> Result<Option<(StaffUser, AccountNow)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        staff: StaffRow,
        session_generation: i64,
        disabled_at: Option<i64>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, email, display_name, role, session_generation, disabled_at \
         FROM staff_accounts WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| {
        let now = AccountNow {
            generation: r.session_generation,
            disabled: r.disabled_at.is_some(),
        };
        (StaffUser::from(r.staff), now)
    }))
}

pub async fn list_staff(db: &Db) -> Result<Vec<StaffUser>, sqlx::Error> {
    let rows: Vec<StaffRow> = sqlx::query_as(
        "SELECT id, email, display_name, role FROM staff_accounts ORDER BY role, email",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(StaffUser::from).collect())
}

/// Every account with its state, for the admin list.
pub async fn list_accounts(db: &Db) -> Result<Vec<StaffAccount>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM staff_accounts ORDER BY role, email"
    ))
    .fetch_all(&db.pool)
    .await
}

pub async fn account(db: &Db, id: i64) -> Result<Option<StaffAccount>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM staff_accounts WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// The enabled account with this address (already normalised), if any.
pub async fn enabled_account_by_email(
    db: &Db,
    email: &str,
) -> Result<Option<StaffAccount>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM staff_accounts WHERE email = $1 AND disabled_at IS NULL"
    ))
    .bind(email)
    .fetch_optional(&db.pool)
    .await
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
        find_enabled_staff(db, id).await
    } else {
        Ok(None)
    }
}

/// The account's current session generation (stored in a session at sign-in).
pub async fn session_generation(db: &Db, id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT session_generation FROM staff_accounts WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await
}

/// Sets the password and ends every session of the account (a new
/// generation); returns the new generation.
pub async fn set_password(db: &Db, id: i64, new: &NewPassword) -> Result<i64, sqlx::Error> {
    let hash = new.hash();
    let mut conn = db.pool.acquire().await?;
    set_password_hash_in(&mut conn, id, &hash).await
}

/// [`set_password`] with a hash made already, in the caller's transaction.
pub async fn set_password_hash_in(
    conn: &mut AnyConnection,
    id: i64,
    hash: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE staff_accounts SET password_hash = $1, session_generation = session_generation + 1 \
         WHERE id = $2 RETURNING session_generation",
    )
    .bind(hash)
    .bind(id)
    .fetch_one(&mut *conn)
    .await
}

/// What came of an admin's change to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOutcome {
    Done,
    NotFound,
    /// Refused: no active admin would be left.
    LastAdmin,
}

/// Disables, enables or changes the role of an account, unless that leaves
/// no active admin. Disabling also ends every session of the account.
pub async fn change_staff(
    db: &Db,
    id: i64,
    change: StaffChange,
) -> Result<ChangeOutcome, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    // Writing the active admins' rows first makes such changes take turns (row
    // locks on PostgreSQL, the write lock on SQLite): two admins demoting each
    // other at the same moment cannot both succeed.
    sqlx::query(
        "UPDATE staff_accounts SET role = role WHERE role = 'admin' AND disabled_at IS NULL",
    )
    .execute(&mut *tx)
    .await?;
    let current: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT role, disabled_at FROM staff_accounts WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((role, disabled_at)) = current else {
        return Ok(ChangeOutcome::NotFound);
    };
    let role = Role::parse(&role).ok_or_else(|| sqlx::Error::Decode("unknown role".into()))?;
    let other_admins: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM staff_accounts WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if change.leaves_no_admin(role, disabled_at.is_some(), other_admins) {
        return Ok(ChangeOutcome::LastAdmin);
    }
    let query = match change {
        StaffChange::Disable => sqlx::query(
            "UPDATE staff_accounts SET disabled_at = COALESCE(disabled_at, $2), \
             session_generation = session_generation + 1 WHERE id = $1",
        )
        .bind(id)
        .bind(now()),
        StaffChange::Enable => {
            sqlx::query("UPDATE staff_accounts SET disabled_at = NULL WHERE id = $1").bind(id)
        }
        StaffChange::Role(new) => sqlx::query("UPDATE staff_accounts SET role = $2 WHERE id = $1")
            .bind(id)
            .bind(new.as_str()),
    };
    query.execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(ChangeOutcome::Done)
}

/// How many demo accounts (with published passwords) exist.
pub async fn count_demo_accounts(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM staff_accounts WHERE is_demo = 1")
        .fetch_one(&db.pool)
        .await
}

/// Deletes the demo accounts; returns their ids and addresses. What they did
/// stays (moderation decisions, check-ins), no longer linked to an account.
pub async fn delete_demo_accounts(db: &Db) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let demo: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, email FROM staff_accounts WHERE is_demo = 1 ORDER BY id")
            .fetch_all(&mut *tx)
            .await?;
    // The columns that point at staff accounts (see the migrations) let go first.
    for unlink in [
        "UPDATE proposals SET moderated_by = NULL WHERE moderated_by IN (SELECT id FROM staff_accounts WHERE is_demo = 1)",
        "UPDATE proposals SET locked_by = NULL, locked_until = NULL WHERE locked_by IN (SELECT id FROM staff_accounts WHERE is_demo = 1)",
        "UPDATE registration_days SET checked_in_by = NULL WHERE checked_in_by IN (SELECT id FROM staff_accounts WHERE is_demo = 1)",
        "DELETE FROM password_resets WHERE staff_id IN (SELECT id FROM staff_accounts WHERE is_demo = 1)",
        "DELETE FROM staff_accounts WHERE is_demo = 1",
    ] {
        sqlx::query(unlink).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(demo)
}
