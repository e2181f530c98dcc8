//! The live state of a meeting pushed to every open page:
//! `GET /api/rendezvous/{slug}/live` is a stream of server-sent events, each a
//! `state` event whose data is the whole `LiveState` as JSON.
//!
//! `GET /api/staff/rendezvous/{slug}/pending` is the hosts' own stream: the
//! audience questions waiting for moderation (`pending_stream`).
//!
//! The state travels through the app's one live hub (`crate::ssr::live`):
//! hundreds of phones cost one read, nudged by each answer or decision.

use super::logic::hosts;
use super::service::{pending_topic, topic};
use super::store;
use crate::process::visibility::visible_or_status;
use crate::ssr::context::RequestInfo;
use crate::ssr::live::{self, LiveHub, Pace};
use crate::ssr::Db;
use axum::extract::{Extension, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;

/// Answers arriving together cost one read per 100 ms; every change nudges
/// the state, and a change nobody nudged shows within 30 s.
pub const PACE: Pace = Pace {
    poll: Duration::from_secs(30),
    min_gap: Duration::from_millis(100),
};

/// `GET /api/staff/rendezvous/{slug}/pending`, for the hosts' console only: a
/// stream of `pending` events, each the whole list of audience questions
/// waiting for moderation as JSON, through the hub (nudged when a question
/// is asked or moderated). The role is checked when the console connects;
/// the public stream never carries these questions.
pub async fn pending_stream(
    Path(slug): Path<String>,
    Extension(db): Extension<Db>,
    Extension(hub): Extension<Arc<LiveHub>>,
    Extension(info): Extension<RequestInfo>,
) -> Response {
    match &info.viewer {
        None => return StatusCode::UNAUTHORIZED.into_response(),
        Some(u) if !hosts(u.role) => return StatusCode::FORBIDDEN.into_response(),
        Some(_) => {}
    }
    let rendezvous = match store::by_slug(&db, &slug).await {
        Ok(Some(r)) => r,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!("rendez-vous pending: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let id = rendezvous.id;
    let receiver = hub.subscribe(pending_topic(id), PACE, move || {
        let db = db.clone();
        async move {
            store::pending(&db, id)
                .await
                .inspect_err(|e| tracing::warn!("pending questions of rendez-vous {id}: {e}"))
                .ok()
        }
    });
    live::stream(receiver, "pending")
}

pub async fn state_stream(
    Path(slug): Path<String>,
    Extension(db): Extension<Db>,
    Extension(hub): Extension<Arc<LiveHub>>,
    Extension(info): Extension<RequestInfo>,
) -> Response {
    let found = store::by_slug(&db, &slug).await;
    let viewer = info.viewer.as_ref();
    let rendezvous = match visible_or_status(&db, viewer, found, |r| r.component_id).await {
        Ok(r) => r,
        Err(status) => return status.into_response(),
    };
    let id = rendezvous.id;
    let receiver = hub.subscribe(topic(id), PACE, move || {
        let db = db.clone();
        async move {
            store::live_state(&db, id)
                .await
                .inspect_err(|e| tracing::warn!("live state of rendez-vous {id}: {e}"))
                .ok()
        }
    });
    live::stream(receiver, "state")
}
