//! "Toutes les idées": every published idea of a consultation, filtered by
//! theme, zone and searched words, in the order asked, one page at a time;
//! and what became of one idea (its zone, the action avenues citing it).

use super::results::{results, ProposalResult};
use super::{consultation, lang_of, ProposalLinks};
use crate::consultation::logic::ideas::{
    paginate, IdeasQuery, Pagination, SearchTerms, Sort, PER_PAGE,
};
use crate::consultation::logic::{self, Scores, Zone};
use crate::consultation::store::consultations::Consultation;
use crate::consultation::store::ideas::{self as store, CitingAvenue};
use crate::consultation::store::moderation::{themes_for, Theme};
use crate::error::AppError;
use crate::ssr::{Ctx, Db};
use std::collections::HashSet;

/// The ideas page's read model.
pub struct IdeasPage {
    pub consultation: Consultation,
    /// What was asked; a theme that is not the consultation's is dropped.
    pub query: IdeasQuery,
    pub themes: Vec<Theme>,
    /// Words were typed but none can be searched (only stop words): the list
    /// is not narrowed by them, and the page says so.
    pub words_ignored: bool,
    pub pagination: Pagination,
    /// The page's ideas, in order.
    pub ideas: Vec<ProposalResult>,
    pub links: ProposalLinks,
}

pub async fn ideas_page(ctx: &Ctx, slug: &str, query: IdeasQuery) -> Result<IdeasPage, AppError> {
    let c = consultation(ctx, slug).await?;
    let themes = themes_for(&ctx.db, c.id).await?;
    let mut query = query;
    if query
        .theme
        .is_some_and(|id| !themes.iter().any(|t| t.id == id))
    {
        query.theme = None;
    }
    let theme = query
        .theme
        .and_then(|id| themes.iter().find(|t| t.id == id))
        .map(|t| t.name.clone());
    let (all, words_ignored) = matching(&ctx.db, &c, &query, theme.as_deref()).await?;
    let pagination = paginate(all.len(), query.page, PER_PAGE);
    let ideas = all
        .into_iter()
        .skip(pagination.start)
        .take(pagination.end - pagination.start)
        .collect();
    Ok(IdeasPage {
        links: ProposalLinks::of(ctx, &c).await?,
        consultation: c,
        query,
        themes,
        words_ignored,
        pagination,
        ideas,
    })
}

/// Every published idea matching `query` (theme given by name), in its
/// order, and whether typed words were all ignored. Public for the benchmark.
pub async fn matching(
    db: &Db,
    c: &Consultation,
    query: &IdeasQuery,
    theme: Option<&str>,
) -> Result<(Vec<ProposalResult>, bool), sqlx::Error> {
    let terms = SearchTerms::parse(&query.text, lang_of(c));
    let words_ignored = !query.text.is_empty() && terms.is_empty();
    let found = if terms.is_empty() {
        None
    } else {
        Some(store::search(db, c.id, &terms).await?)
    };
    let all = results(db, c).await?;
    Ok((select(all, query, theme, found.as_ref()), words_ignored))
}

/// Filters by zone, theme and search hits, then sorts as asked; ties go to
/// the older idea, so pages never shuffle between two visits.
fn select(
    all: Vec<ProposalResult>,
    query: &IdeasQuery,
    theme: Option<&str>,
    found: Option<&HashSet<i64>>,
) -> Vec<ProposalResult> {
    let mut kept: Vec<ProposalResult> = all
        .into_iter()
        .filter(|r| query.zone.is_none_or(|z| r.zone == z))
        .filter(|r| theme.is_none_or(|t| r.themes.iter().any(|name| name == t)))
        .filter(|r| found.is_none_or(|ids| ids.contains(&r.id)))
        .collect();
    let key = |r: &ProposalResult| -> f64 {
        match query.sort {
            Sort::Support => r.scores.top.lower(),
            Sort::Controversy => r.scores.controversy.lower(),
            // Ids grow with time: the newest idea has the largest.
            Sort::Newest => r.id as f64,
        }
    };
    kept.sort_by(|a, b| key(b).total_cmp(&key(a)).then(a.id.cmp(&b.id)));
    kept
}

/// What became of a published idea.
pub struct Fate {
    pub zone: Zone,
    /// Counted votes (sequence + trusted).
    pub votes: u32,
    pub avenues: Vec<CitingAvenue>,
}

/// The zone of one idea from its own counts (as the results compute it) and
/// the published action avenues citing it.
pub async fn fate(ctx: &Ctx, c: &Consultation, proposal: i64) -> Result<Fate, AppError> {
    let tally = store::tally_of(&ctx.db, proposal).await?;
    let scores = Scores::compute(&tally.effective(c.trusted_weight()));
    let votes = [
        logic::VoteKey::Agree,
        logic::VoteKey::Disagree,
        logic::VoteKey::Neutral,
    ]
    .iter()
    .map(|k| tally.sequence.votes(*k) + tally.trusted.votes(*k))
    .sum();
    Ok(Fate {
        zone: logic::classify(&scores),
        votes,
        avenues: store::citing_avenues(&ctx.db, proposal).await?,
    })
}
