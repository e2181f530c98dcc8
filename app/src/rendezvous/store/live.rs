//! What every live page shows, read in one go: the current question with its
//! results, and the audience questions on the wall; and, for hosts only, the
//! questions waiting for moderation.

use super::audience::{audience, AudienceQuestion};
use super::questions::{answers_of, current_question, Question};
use crate::rendezvous::logic::{self, AudienceStatus, Mode, QuestionState};
use crate::rendezvous::state::{AudienceItem, LiveQuestion, LiveState};
use crate::ssr::db::Db;

/// A question with its results.
pub async fn with_results(db: &Db, q: &Question) -> Result<LiveQuestion, sqlx::Error> {
    let answers = answers_of(db, q.id).await?;
    let pairs: Vec<(Mode, &str)> = answers.iter().map(|(m, v)| (*m, v.as_str())).collect();
    let r = logic::aggregate(q.kind, &q.options, &pairs);
    Ok(LiveQuestion {
        id: q.id,
        kind: q.kind.as_str().to_owned(),
        prompt: q.prompt.clone(),
        options: q.options.clone(),
        open: q.state == QuestionState::Open,
        total: r.total,
        bars: r.bars,
        words: r.words,
        mean_tenths: r.mean_tenths,
    })
}

/// What every live page shows now.
pub async fn live_state(db: &Db, rendezvous: i64) -> Result<LiveState, sqlx::Error> {
    let question = match current_question(db, rendezvous).await? {
        Some(q) => Some(with_results(db, &q).await?),
        None => None,
    };
    let audience = audience(
        db,
        rendezvous,
        &[AudienceStatus::Approved, AudienceStatus::Answered],
    )
    .await?
    .into_iter()
    .map(audience_item)
    .collect();
    Ok(LiveState { question, audience })
}

fn audience_item(a: AudienceQuestion) -> AudienceItem {
    AudienceItem {
        id: a.id,
        body: a.body,
        upvotes: a.upvotes.max(0) as u32,
        answered: a.status == AudienceStatus::Answered,
        mode: a.mode.as_str().to_owned(),
    }
}

/// The questions waiting for moderation, in the order they came: for the
/// hosts' console only, never for `live_state`.
pub async fn pending(db: &Db, rendezvous: i64) -> Result<Vec<AudienceItem>, sqlx::Error> {
    let mut items: Vec<AudienceItem> = audience(db, rendezvous, &[AudienceStatus::Pending])
        .await?
        .into_iter()
        .map(audience_item)
        .collect();
    items.sort_by_key(|a| a.id);
    Ok(items)
}
