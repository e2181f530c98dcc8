//! Results: scores and zones of every published proposal from the
//! incremental counts, overall or among one demographic group, and the
//! results page's read model.

use super::{consultation, lang_of};
use crate::consultation::logic::groups::{Dimension, MIN_GROUP_SIZE};
use crate::consultation::logic::{self, Scores, VoteKey, VoteTally, Zone};
use crate::consultation::store::consultations::{self, Consultation};
use crate::consultation::store::moderation::{themes_for, Theme};
use crate::consultation::store::proposals::{self, Proposal};
use crate::consultation::store::{demographics, votes};
use crate::error::AppError;
use crate::ssr::{Ctx, Db};
use std::collections::HashMap;

/// One published proposal's results.
#[derive(Debug, Clone)]
pub struct ProposalResult {
    pub id: i64,
    pub content: String,
    pub author_name: String,
    pub themes: Vec<String>,
    /// Counted votes (sequence + trusted) per key.
    pub votes: [u32; 3],
    pub scores: Scores,
    pub zone: Zone,
    /// A moderator corrected its spelling (the author's text is kept).
    pub corrected: bool,
}

impl ProposalResult {
    pub fn total_votes(&self) -> u32 {
        self.votes.iter().sum()
    }
}

/// Scores and zones of every published proposal, from the incremental counts.
pub async fn results(db: &Db, c: &Consultation) -> Result<Vec<ProposalResult>, sqlx::Error> {
    let tallies = votes::tallies(db, c.id).await?;
    score(db, c, tallies).await
}

/// The same results among one demographic group (only its members' votes).
async fn group_results(
    db: &Db,
    c: &Consultation,
    dimension: Dimension,
    group: &str,
) -> Result<Vec<ProposalResult>, sqlx::Error> {
    let tallies = demographics::group_tallies(db, c.id, dimension, group).await?;
    score(db, c, tallies).await
}

async fn score(
    db: &Db,
    c: &Consultation,
    mut tallies: HashMap<i64, VoteTally>,
) -> Result<Vec<ProposalResult>, sqlx::Error> {
    let proposals = proposals::accepted_proposals(db, c.id).await?;
    let mut themes = proposals::proposal_themes(db, c.id).await?;
    Ok(proposals
        .into_iter()
        .map(|p| {
            let tally = tallies.remove(&p.id).unwrap_or_default();
            let effective = tally.effective(c.trusted_weight());
            let scores = Scores::compute(&effective);
            let votes = [VoteKey::Agree, VoteKey::Disagree, VoteKey::Neutral]
                .map(|k| tally.sequence.votes(k) + tally.trusted.votes(k));
            ProposalResult {
                corrected: p.is_corrected(),
                id: p.id,
                content: p.content,
                author_name: p.author_name,
                themes: themes.remove(&p.id).unwrap_or_default(),
                votes,
                zone: logic::classify(&scores),
                scores,
            }
        })
        .collect())
}

/// Proposals similar to a draft, to vote on instead of proposing twice.
pub(super) async fn similar(
    db: &Db,
    c: &Consultation,
    draft: &str,
) -> Result<Vec<Proposal>, sqlx::Error> {
    let proposals = proposals::accepted_proposals(db, c.id).await?;
    let index = logic::SimilarityIndex::new(
        lang_of(c),
        proposals.iter().map(|p| (p.id, p.content.as_str())),
    );
    let found = index.similar(draft, 3, SIMILARITY_THRESHOLD);
    Ok(found
        .into_iter()
        .filter_map(|(id, _)| proposals.iter().find(|p| p.id == id).cloned())
        .collect())
}

/// Above this cosine similarity a proposal is shown as "similar".
const SIMILARITY_THRESHOLD: f64 = 0.4;

/// How many answered, per group of each dimension, and a chosen group's results.
pub struct GroupData {
    pub sizes: Vec<(Dimension, Vec<(String, i64)>)>,
    pub chosen: Option<ChosenGroup>,
}

pub struct ChosenGroup {
    pub dimension: Dimension,
    pub group: String,
    pub size: i64,
    /// None when the group is too small to show.
    pub results: Option<Vec<ProposalResult>>,
}

/// Reads the group sizes and, for `choice` ("neighbourhood:Dornach"), that group's results.
async fn group_data(
    db: &Db,
    c: &Consultation,
    choice: Option<&str>,
) -> Result<GroupData, sqlx::Error> {
    let mut sizes = Vec::new();
    for dimension in Dimension::ALL {
        let found = demographics::group_sizes(db, c.id, dimension).await?;
        sizes.push((dimension, found));
    }
    let chosen = choice.and_then(|s| s.split_once(':')).and_then(|(d, g)| {
        let dimension = Dimension::from_slug(d)?;
        let size = sizes
            .iter()
            .find(|(dim, _)| *dim == dimension)
            .and_then(|(_, list)| list.iter().find(|(name, _)| name == g))
            .map_or(0, |(_, n)| *n);
        Some((dimension, g.to_owned(), size))
    });
    let chosen = match chosen {
        None => None,
        Some((dimension, group, size)) => {
            let results = if size >= MIN_GROUP_SIZE {
                Some(group_results(db, c, dimension, &group).await?)
            } else {
                None
            };
            Some(ChosenGroup {
                dimension,
                group,
                size,
                results,
            })
        }
    };
    Ok(GroupData { sizes, chosen })
}

/// The results page's read model.
pub struct ResultsPage {
    pub consultation: Consultation,
    /// (participants, published proposals, counted votes).
    pub figures: (i64, i64, i64),
    pub results: Vec<ProposalResult>,
    pub themes: Vec<Theme>,
    pub groups: GroupData,
    pub links: super::ProposalLinks,
}

/// `group` is the chosen demographic group ("neighbourhood:Dornach"), if any.
pub async fn results_page(
    ctx: &Ctx,
    slug: &str,
    group: Option<&str>,
) -> Result<ResultsPage, AppError> {
    let c = consultation(ctx, slug).await?;
    let db = &ctx.db;
    Ok(ResultsPage {
        figures: consultations::figures(db, c.id).await?,
        results: results(db, &c).await?,
        themes: themes_for(db, c.id).await?,
        groups: group_data(db, &c, group).await?,
        links: super::ProposalLinks::of(ctx, &c).await?,
        consultation: c,
    })
}
