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
use super::service::topic;
use super::store;
use crate::process::service::visible_or_status;
use crate::ssr::context::RequestInfo;
use crate::ssr::live::{self, sse_response, LiveHub, Pace};
use crate::ssr::Db;
use axum::extract::{Extension, Path};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio_stream::StreamExt;

/// A change made elsewhere is read within 400 ms; answers arriving together
/// cost one read per 100 ms.
pub const PACE: Pace = Pace {
    poll: Duration::from_millis(400),
    min_gap: Duration::from_millis(100),
};

/// How often a console's queue of pending questions is read. A meeting has a
/// console or two, so each stream reads for itself.
pub const PENDING_POLL: Duration = Duration::from_millis(500);

/// `GET /api/staff/rendezvous/{slug}/pending`, for the hosts' console only: a
/// stream of `pending` events, each the whole list of audience questions
/// waiting for moderation as JSON. The role is checked when the console
/// connects; the public stream never carries these questions.
pub async fn pending_stream(
    Path(slug): Path<String>,
    Extension(db): Extension<Db>,
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
    let (sender, receiver) = tokio::sync::mpsc::channel::<String>(1);
    tokio::spawn(async move {
        let mut last = None;
        loop {
            match store::pending(&db, rendezvous.id).await {
                Ok(items) if last.as_ref() != Some(&items) => {
                    if let Ok(json) = serde_json::to_string(&items) {
                        if sender.send(json).await.is_err() {
                            break;
                        }
                    }
                    last = Some(items);
                }
                Ok(_) => {}
                Err(e) => tracing::warn!("pending questions of rendez-vous {}: {e}", rendezvous.id),
            }
            // Ends with the console's connection.
            tokio::select! {
                _ = sender.closed() => break,
                _ = tokio::time::sleep(PENDING_POLL) => {}
            }
        }
    });
    let events = tokio_stream::wrappers::ReceiverStream::new(receiver).map(|json| {
        Ok::<Event, std::convert::Infallible>(Event::default().event("pending").data(json))
    });
    sse_response(Sse::new(events).keep_alive(KeepAlive::default()))
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
