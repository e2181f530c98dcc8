//! Open data at stable URLs: the results (JSON) and the published proposals
//! with their anonymised vote counts (CSV). No participant identifier leaves.
//!
//! - `GET /api/consultations/{slug}/results.json`
//! - `GET /api/consultations/{slug}/proposals.csv`

use super::logic::Score;
use super::service::{self, ProposalResult};
use super::store::{self, consultations::Consultation};
use crate::process::visibility::visible_or_status;
use crate::ssr::context::RequestInfo;
use crate::ssr::spreadsheet::defuse;
use crate::ssr::Db;
use axum::extract::{Extension, Path};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Serialize)]
struct ScoreOut {
    value: f64,
    lower: f64,
    upper: f64,
}

impl From<Score> for ScoreOut {
    fn from(s: Score) -> Self {
        ScoreOut {
            value: s.value,
            lower: s.lower(),
            upper: s.upper(),
        }
    }
}

#[derive(Serialize)]
struct ProposalOut {
    id: i64,
    content: String,
    themes: Vec<String>,
    zone: &'static str,
    votes: VotesOut,
    scores: ScoresOut,
}

#[derive(Serialize)]
struct VotesOut {
    agree: u32,
    disagree: u32,
    neutral: u32,
}

#[derive(Serialize)]
struct ScoresOut {
    agree: ScoreOut,
    disagree: ScoreOut,
    neutral: ScoreOut,
    top: ScoreOut,
    controversy: ScoreOut,
    rejection: ScoreOut,
    realistic: ScoreOut,
    engagement: ScoreOut,
}

#[derive(Serialize)]
struct ResultsOut {
    consultation: String,
    question: String,
    opens_on: String,
    closes_on: String,
    participants: i64,
    proposals: i64,
    votes: i64,
    /// How to read the scores.
    method: &'static str,
    results: Vec<ProposalOut>,
}

fn proposal_out(r: ProposalResult) -> ProposalOut {
    let s = r.scores;
    ProposalOut {
        id: r.id,
        zone: r.zone.slug(),
        votes: VotesOut {
            agree: r.votes[0],
            disagree: r.votes[1],
            neutral: r.votes[2],
        },
        scores: ScoresOut {
            agree: s.agree.into(),
            disagree: s.disagree.into(),
            neutral: s.neutral.into(),
            top: s.top.into(),
            controversy: s.controversy.into(),
            rejection: s.rejection.into(),
            realistic: s.realistic.into(),
            engagement: s.engagement.into(),
        },
        content: r.content,
        themes: r.themes,
    }
}

const METHOD: &str = "Counted votes are sequence votes plus trusted votes (proposal page, weight set per consultation). \
Each share is smoothed: min((count + 0.33) / (1 + n), 1), with a 95% interval; zones come from the shares and their lower bounds.";

fn internal(e: sqlx::Error) -> Response {
    tracing::error!("open data: {e}");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// The consultation of `slug`, if this viewer may see it (drafts are staff's).
async fn visible(db: &Db, info: &RequestInfo, slug: &str) -> Result<Consultation, StatusCode> {
    let found = store::consultation_by_slug(db, slug).await;
    visible_or_status(db, info.viewer.as_ref(), found, |c| c.component_id).await
}

pub async fn results_json(
    Extension(db): Extension<Db>,
    Extension(info): Extension<RequestInfo>,
    Path(slug): Path<String>,
) -> Response {
    let c = match visible(&db, &info, &slug).await {
        Ok(c) => c,
        Err(status) => return status.into_response(),
    };
    let (figures, results) = match (
        store::consultations::figures(&db, c.id).await,
        service::results(&db, &c).await,
    ) {
        (Ok(f), Ok(r)) => (f, r),
        (Err(e), _) | (_, Err(e)) => return internal(e),
    };
    let out = ResultsOut {
        question: c.question.clone(),
        opens_on: c.opens_on.to_string(),
        closes_on: c.closes_on.to_string(),
        consultation: c.slug,
        participants: figures.0,
        proposals: figures.1,
        votes: figures.2,
        method: METHOD,
        results: results.into_iter().map(proposal_out).collect(),
    };
    (
        [
            (header::CACHE_CONTROL, "public, max-age=60"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        axum::Json(out),
    )
        .into_response()
}

pub async fn proposals_csv(
    Extension(db): Extension<Db>,
    Extension(info): Extension<RequestInfo>,
    Path(slug): Path<String>,
) -> Response {
    let c = match visible(&db, &info, &slug).await {
        Ok(c) => c,
        Err(status) => return status.into_response(),
    };
    let results = match service::results(&db, &c).await {
        Ok(r) => r,
        Err(e) => return internal(e),
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header_row = [
        "id",
        "content",
        "themes",
        "zone",
        "agree",
        "disagree",
        "neutral",
        "top_score",
        "controversy",
    ];
    let write = || -> Result<Vec<u8>, Box<dyn std::error::Error>> {
        writer.write_record(header_row)?;
        for r in results {
            writer.write_record([
                r.id.to_string(),
                defuse(&r.content),
                defuse(&r.themes.join("; ")),
                r.zone.slug().to_owned(),
                r.votes[0].to_string(),
                r.votes[1].to_string(),
                r.votes[2].to_string(),
                format!("{:.4}", r.scores.top.value),
                format!("{:.4}", r.scores.controversy.value),
            ])?;
        }
        Ok(writer.into_inner()?)
    };
    match write() {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CACHE_CONTROL, "public, max-age=60"),
                (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            tracing::error!("csv: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
