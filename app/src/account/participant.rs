//! Anonymous participants: no account, an identity carried by the session
//! cookie. The other components attach votes, answers and registrations to it.

use super::store;
use crate::ssr::context::PARTICIPANT_KEY;
use crate::ssr::db::Db;
use rand::distributions::{Alphanumeric, DistString};
use tower_sessions::Session;

/// The participant of this session, created at its first write (a page view
/// creates none). One whose row the purge removed (it had left nothing for
/// `ssr::purge`'s delay) is given a new one.
pub async fn ensure(db: &Db, session: &Session) -> Result<i64, sqlx::Error> {
    if let Ok(Some(id)) = session.get::<i64>(PARTICIPANT_KEY).await {
        if store::participant_exists(db, id).await? {
            return Ok(id);
        }
    }
    let public_id = Alphanumeric.sample_string(&mut rand::thread_rng(), 22);
    let id = store::insert_participant(db, &public_id).await?;
    session
        .insert(PARTICIPANT_KEY, id)
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("session: {e}")))?;
    Ok(id)
}

/// The first write of a visitor who had no participant, made from a card
/// signed for the one-time number `visitor`: the participant is the one of
/// that number, created now or by an earlier post of the same card (a double
/// tap, a retry, or a copy: each copy acts as that one participant, so it
/// votes once). `(id, true)` then, and when the session's participant is
/// that one (a second vote from the same card); `(id, false)` when the session
/// has another participant: the card's signature then proves nothing.
pub async fn ensure_as_visitor(
    db: &Db,
    session: &Session,
    visitor: i64,
) -> Result<(i64, bool), sqlx::Error> {
    let public_id = format!("visitor-{}", visitor.unsigned_abs());
    if let Some(known) = current(session).await {
        let same = store::participant_by_public_id(db, &public_id).await? == Some(known);
        return Ok((ensure(db, session).await?, same));
    }
    let id = match store::insert_participant_once(db, &public_id).await? {
        Some(id) => id,
        None => store::participant_by_public_id(db, &public_id)
            .await?
            .ok_or(sqlx::Error::RowNotFound)?,
    };
    session
        .insert(PARTICIPANT_KEY, id)
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("session: {e}")))?;
    Ok((id, true))
}

/// The participant of this session, if it ever took part.
pub async fn current(session: &Session) -> Option<i64> {
    session.get::<i64>(PARTICIPANT_KEY).await.ok().flatten()
}
