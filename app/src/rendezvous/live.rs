//! The live state of a meeting pushed to every open page:
//! `GET /api/rendezvous/{slug}/live` is a stream of server-sent events, each a
//! `state` event whose data is the whole `LiveState` as JSON.
//!
//! `GET /api/staff/rendezvous/{slug}/pending` is the hosts' own stream: the
//! audience questions waiting for moderation (`pending_stream`).
//!
//! One task per watched meeting reads the state and shares it, already
//! serialised, with all its viewers: hundreds of phones cost one read. It
//! reads when this instance stores an answer or a decision (`nudge`), at most
//! every `MIN_GAP`, and every `POLL` anyway, so that changes made through
//! another instance behind the same load balancer arrive within that period.

use super::state::LiveState;
use super::store;
use crate::ssr::context::RequestInfo;
use crate::ssr::Db;
use axum::extract::{Extension, Path};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{watch, Notify};
use tokio_stream::wrappers::WatchStream;
use tokio_stream::StreamExt;

/// The longest a change made elsewhere waits to be read.
pub const POLL: Duration = Duration::from_millis(400);
/// The shortest time between two reads, however many answers arrive.
pub const MIN_GAP: Duration = Duration::from_millis(100);

struct Channel {
    sender: watch::Sender<Option<Arc<str>>>,
    wake: Arc<Notify>,
}

/// Live states of the meetings being watched, by meeting id.
#[derive(Default)]
pub struct LiveHub {
    channels: Arc<Mutex<HashMap<i64, Channel>>>,
}

impl LiveHub {
    /// Asks the reader of `rendezvous`, if anyone watches it, to read now.
    pub fn nudge(&self, rendezvous: i64) {
        let channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = channels.get(&rendezvous) {
            c.wake.notify_one();
        }
    }

    /// A receiver of the meeting's state as JSON (`None` until first read).
    pub fn subscribe(&self, db: Db, rendezvous: i64) -> watch::Receiver<Option<Arc<str>>> {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = channels.get(&rendezvous) {
            return c.sender.subscribe();
        }
        let (sender, receiver) = watch::channel(None);
        let wake = Arc::new(Notify::new());
        channels.insert(
            rendezvous,
            Channel {
                sender: sender.clone(),
                wake: Arc::clone(&wake),
            },
        );
        let channels = Arc::clone(&self.channels);
        tokio::spawn(async move {
            let mut last: Option<LiveState> = None;
            loop {
                match store::live_state(&db, rendezvous).await {
                    Ok(state) if last.as_ref() != Some(&state) => {
                        if let Ok(json) = serde_json::to_string(&state) {
                            sender.send_replace(Some(Arc::from(json)));
                        }
                        last = Some(state);
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!("live state of rendez-vous {rendezvous}: {e}"),
                }
                tokio::time::sleep(MIN_GAP).await;
                tokio::select! {
                    _ = wake.notified() => {}
                    _ = tokio::time::sleep(POLL - MIN_GAP) => {}
                }
                // Checked under the lock, so a new viewer either finds this
                // channel alive or starts a fresh one.
                let mut channels = channels.lock().unwrap_or_else(|e| e.into_inner());
                if sender.receiver_count() == 0 {
                    channels.remove(&rendezvous);
                    break;
                }
            }
        });
        receiver
    }

    /// How many meetings are being watched.
    pub fn watched(&self) -> usize {
        self.channels
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }
}

/// Nudges the reader of `rendezvous` from within a server function.
pub fn nudge_current(rendezvous: i64) {
    if let Some(hub) = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<Arc<LiveHub>>().cloned())
    {
        hub.nudge(rendezvous);
    }
}

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
        Some(u) if !super::service::hosts(u.role) => return StatusCode::FORBIDDEN.into_response(),
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

fn sse_response(sse: impl IntoResponse) -> Response {
    let mut res = sse.into_response();
    // Proxies such as nginx would otherwise hold events back.
    res.headers_mut().insert(
        "x-accel-buffering",
        axum::http::HeaderValue::from_static("no"),
    );
    res
}

pub async fn state_stream(
    Path(slug): Path<String>,
    Extension(db): Extension<Db>,
    Extension(hub): Extension<Arc<LiveHub>>,
) -> Response {
    let rendezvous = match store::by_slug(&db, &slug).await {
        Ok(Some(r)) => r,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!("rendez-vous live: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let receiver = hub.subscribe(db, rendezvous.id);
    let events = WatchStream::new(receiver).filter_map(|json: Option<Arc<str>>| {
        let event = Event::default().event("state").data(&*json?);
        Some(Ok::<Event, std::convert::Infallible>(event))
    });
    sse_response(Sse::new(events).keep_alive(KeepAlive::default()))
}
