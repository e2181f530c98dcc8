//! Rows of the incremental vote counts (overall and per group), folded into
//! tallies per proposal.

use crate::consultation::logic::{Qualification, Tally, VoteCounts, VoteKey, VoteTally};
use sqlx::FromRow;
use std::collections::HashMap;

/// One row of the counts: (proposal, tally, item, count).
#[derive(FromRow)]
pub(super) struct CountRow {
    proposal_id: i64,
    #[sqlx(try_from = "String")]
    tally: Tally,
    item: String,
    count: i64,
}

/// Counts rows (proposal, tally, item, count) into tallies per proposal;
/// items that are neither a vote key nor a qualification are ignored.
pub(super) fn fold_tallies(rows: Vec<CountRow>) -> HashMap<i64, VoteTally> {
    let mut out: HashMap<i64, VoteTally> = HashMap::new();
    for row in rows {
        let entry = out.entry(row.proposal_id).or_default();
        let counts: &mut VoteCounts = if row.tally == Tally::Sequence {
            &mut entry.sequence
        } else {
            &mut entry.trusted
        };
        let count = row.count.max(0) as u32;
        if let Some(key) = VoteKey::from_slug(&row.item) {
            counts.set_votes(key, count);
        } else if let Some(q) = Qualification::from_slug(&row.item) {
            counts.set_qualification(q, count);
        }
    }
    out
}
