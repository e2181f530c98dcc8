//! Participation figures pushed live to the consultation's pages:
//! `GET /api/consultations/{slug}/live` is a stream of server-sent events,
//! each a `figures` event with `{"participants":…,"proposals":…,"votes":…}`.

use super::store;
use crate::ssr::live::LiveHub;
use crate::ssr::Db;
use axum::extract::{Extension, Path};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::StreamExt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub participants: i64,
    pub proposals: i64,
    pub votes: i64,
}

/// Live figures of every consultation someone is watching, by consultation id.
pub type FiguresHub = LiveHub<i64, Figures>;

/// How often the figures are read while someone watches.
const PERIOD: Duration = Duration::from_secs(2);

pub async fn figures_stream(
    Path(slug): Path<String>,
    Extension(db): Extension<Db>,
    Extension(hub): Extension<Arc<FiguresHub>>,
) -> Response {
    let consultation = match store::consultation_by_slug(&db, &slug).await {
        Ok(Some(c)) => c,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!("live figures: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let id = consultation.id;
    let receiver = hub.subscribe(id, PERIOD, move || {
        let db = db.clone();
        async move {
            match store::figures(&db, id).await {
                Ok((participants, proposals, votes)) => Some(Figures {
                    participants,
                    proposals,
                    votes,
                }),
                Err(e) => {
                    tracing::warn!("live figures of consultation {id}: {e}");
                    None
                }
            }
        }
    });
    let events = WatchStream::new(receiver).filter_map(|figures: Option<Figures>| {
        let event = Event::default().event("figures").json_data(figures?).ok()?;
        Some(Ok::<Event, std::convert::Infallible>(event))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}
