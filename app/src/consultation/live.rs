//! Participation figures pushed live to the consultation's pages:
//! `GET /api/consultations/{slug}/live` is a stream of server-sent events,
//! each a `figures` event with `{"participants":…,"proposals":…,"votes":…}`.

use super::store;
use crate::process::visibility::visible_or_status;
use crate::ssr::live::{self, LiveHub, Pace, Topic};
use crate::ssr::Db;
use axum::extract::{Extension, Path};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub participants: i64,
    pub proposals: i64,
    pub votes: i64,
}

/// The hub's topic for one consultation's figures.
pub fn topic(consultation: i64) -> Topic {
    ("figures", consultation)
}

/// Votes come in steadily: each nudges the figures, read at most every 2 s;
/// a change nobody nudged (moderation) shows within 30 s.
const PACE: Pace = Pace {
    poll: Duration::from_secs(30),
    min_gap: Duration::from_secs(2),
};

pub async fn figures_stream(
    Path(slug): Path<String>,
    Extension(db): Extension<Db>,
    Extension(hub): Extension<Arc<LiveHub>>,
    Extension(info): Extension<crate::ssr::context::RequestInfo>,
) -> Response {
    let found = store::consultation_by_slug(&db, &slug).await;
    let viewer = info.viewer.as_ref();
    let consultation = match visible_or_status(&db, viewer, found, |c| c.component_id).await {
        Ok(c) => c,
        Err(status) => return status.into_response(),
    };
    let id = consultation.id;
    let receiver = hub.subscribe(topic(id), PACE, move || {
        let db = db.clone();
        async move {
            match store::consultations::figures(&db, id).await {
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
    live::stream(receiver, "figures")
}
