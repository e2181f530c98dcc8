//! A staff member's session: what sign-in stores in it, and the check the
//! request middleware runs on every request (`signed_in_staff`). A session
//! ends when the account's password changes or it is disabled (the account's
//! `session_generation` moves on) and, whatever the activity, once its
//! absolute lifetime has run out.

use super::logic::session::{session_holds, SignIn};
use super::store;
use crate::model::StaffUser;
use crate::ssr::context::STAFF_KEY;
use crate::ssr::db::{now, Db};
use std::time::Duration;
use tower_sessions::Session;

const GENERATION_KEY: &str = "staff_generation";
const SIGNED_IN_AT_KEY: &str = "staff_signed_in_at";

/// The lifetime when the server sets none (`PARTICIPE_STAFF_SESSION_HOURS`).
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(12 * 3600);

fn session_error(e: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Protocol(format!("session: {e}"))
}

/// Signs `staff_id` in on this session, under a new session id (a session id
/// planted before the sign-in is worth nothing after it).
pub async fn begin(db: &Db, session: &Session, staff_id: i64) -> Result<(), sqlx::Error> {
    let generation = store::session_generation(db, staff_id).await?;
    session.cycle_id().await.map_err(session_error)?;
    session
        .insert(STAFF_KEY, staff_id)
        .await
        .map_err(session_error)?;
    renew(session, generation).await?;
    session
        .insert(SIGNED_IN_AT_KEY, now())
        .await
        .map_err(session_error)
}

/// Keeps this session signed in after its own password change moved the
/// account to `generation` (the other sessions end).
pub async fn renew(session: &Session, generation: i64) -> Result<(), sqlx::Error> {
    session
        .insert(GENERATION_KEY, generation)
        .await
        .map_err(session_error)
}

/// The staff member this session is signed in as (`staff_id`, read from the
/// session by the middleware), if the session still holds; an ended one is
/// emptied, so its cookie is worth nothing any more.
pub async fn signed_in_staff(
    db: &Db,
    session: &Session,
    staff_id: i64,
    lifetime: Duration,
) -> Option<StaffUser> {
    let generation = session.get::<i64>(GENERATION_KEY).await.ok().flatten();
    let at = session.get::<i64>(SIGNED_IN_AT_KEY).await.ok().flatten();
    let sign_in = generation
        .zip(at)
        .map(|(generation, at)| SignIn { generation, at });
    let found = match store::staff_now(db, staff_id).await {
        Ok(found) => found,
        Err(e) => {
            // The database is away: nobody is signed in for this request, and
            // the session is kept for when it is back.
            tracing::warn!("cannot check the staff session: {e}");
            return None;
        }
    };
    let lifetime = i64::try_from(lifetime.as_secs()).unwrap_or(i64::MAX);
    let holds = session_holds(sign_in, found.as_ref().map(|f| f.1), now(), lifetime);
    match found {
        Some((user, _)) if holds => Some(user),
        _ => {
            if let Err(e) = session.flush().await {
                tracing::warn!("cannot end a staff session: {e}");
            }
            None
        }
    }
}
