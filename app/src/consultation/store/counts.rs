//! Rows of the incremental vote counts (overall and per group): folded into
//! tallies per proposal, and changed in one fixed order.

use crate::consultation::logic::groups::Groups;
use crate::consultation::logic::{Qualification, Tally, VoteCounts, VoteKey, VoteTally};
use sqlx::{Any, FromRow, Transaction};
use std::collections::{BTreeMap, HashMap};

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

/// The changes a vote (or a demographics answer) makes to the count rows,
/// gathered first and then written in one fixed order: every transaction
/// locks `vote_counts` rows, then `group_vote_counts` rows, each sorted by
/// key. Two participants changing their votes on one proposal in opposite
/// directions (agree → disagree and disagree → agree) used to lock the same
/// two rows in opposite orders and deadlock on PostgreSQL; sorted, the second
/// one waits for the first instead.
#[derive(Debug, Default)]
pub(super) struct CountChanges {
    /// (proposal, tally, item) → delta.
    overall: BTreeMap<(i64, &'static str, &'static str), i64>,
    /// (proposal, dimension, group, tally, item) → delta.
    groups: BTreeMap<(i64, &'static str, String, &'static str, &'static str), i64>,
}

impl CountChanges {
    /// Adds `delta` to the counts of one vote: its key and qualifications
    /// overall, and its key in each group of `groups`. Untrusted votes count nowhere.
    pub(super) fn vote(
        &mut self,
        proposal: i64,
        tally: Tally,
        key: VoteKey,
        qualifications: &[Qualification],
        delta: i64,
    ) {
        if tally == Tally::Untrusted {
            return;
        }
        let items = std::iter::once(key.slug()).chain(qualifications.iter().map(|q| q.slug()));
        for item in items {
            *self
                .overall
                .entry((proposal, tally.as_str(), item))
                .or_default() += delta;
        }
    }

    /// Adds `delta` to the group counts of one vote.
    pub(super) fn group_vote(
        &mut self,
        groups: &Groups,
        proposal: i64,
        tally: Tally,
        key: VoteKey,
        delta: i64,
    ) {
        if tally == Tally::Untrusted {
            return;
        }
        for (dimension, group) in groups.memberships() {
            *self
                .groups
                .entry((
                    proposal,
                    dimension.slug(),
                    group.to_owned(),
                    tally.as_str(),
                    key.slug(),
                ))
                .or_default() += delta;
        }
    }

    /// Writes the changes, in key order; changes that cancel out touch no row.
    pub(super) async fn write(self, tx: &mut Transaction<'_, Any>) -> Result<(), sqlx::Error> {
        // A decrement is a plain update: SQLite checks `count >= 0` on the row
        // an upsert would insert, before resolving the conflict.
        for ((proposal, tally, item), delta) in self.overall {
            let sql = match delta.signum() {
                0 => continue,
                1 => "INSERT INTO vote_counts (proposal_id, tally, item, count) VALUES ($1, $2, $3, $4) \
                      ON CONFLICT (proposal_id, tally, item) DO UPDATE SET count = vote_counts.count + excluded.count",
                _ => "UPDATE vote_counts SET count = count + $4 WHERE proposal_id = $1 AND tally = $2 AND item = $3",
            };
            sqlx::query(sql)
                .bind(proposal)
                .bind(tally)
                .bind(item)
                .bind(delta)
                .execute(&mut **tx)
                .await?;
        }
        for ((proposal, dimension, group, tally, item), delta) in self.groups {
            let sql = match delta.signum() {
                0 => continue,
                1 => "INSERT INTO group_vote_counts (proposal_id, dimension, grp, tally, item, count) VALUES ($1, $2, $3, $4, $5, $6) \
                      ON CONFLICT (proposal_id, dimension, grp, tally, item) DO UPDATE SET count = group_vote_counts.count + excluded.count",
                _ => "UPDATE group_vote_counts SET count = count + $6 \
                      WHERE proposal_id = $1 AND dimension = $2 AND grp = $3 AND tally = $4 AND item = $5",
            };
            sqlx::query(sql)
                .bind(proposal)
                .bind(dimension)
                .bind(group)
                .bind(tally)
                .bind(item)
                .bind(delta)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opposite_changes_touch_rows_in_the_same_order() {
        // agree → disagree, and disagree → agree: both list their rows sorted.
        let mut a = CountChanges::default();
        a.vote(1, Tally::Sequence, VoteKey::Agree, &[], -1);
        a.vote(1, Tally::Sequence, VoteKey::Disagree, &[], 1);
        let mut b = CountChanges::default();
        b.vote(1, Tally::Sequence, VoteKey::Disagree, &[], -1);
        b.vote(1, Tally::Sequence, VoteKey::Agree, &[], 1);
        let keys = |c: &CountChanges| c.overall.keys().copied().collect::<Vec<_>>();
        assert_eq!(keys(&a), keys(&b));
        assert_eq!(a.overall.values().copied().collect::<Vec<_>>(), [-1, 1]);
        assert_eq!(b.overall.values().copied().collect::<Vec<_>>(), [1, -1]);
    }

    #[test]
    fn a_requalified_vote_keeps_its_key_row_untouched() {
        let mut c = CountChanges::default();
        c.vote(1, Tally::Trusted, VoteKey::Agree, &[], -1);
        c.vote(
            1,
            Tally::Trusted,
            VoteKey::Agree,
            &[Qualification::LikeIt],
            1,
        );
        assert_eq!(c.overall[&(1, "trusted", "agree")], 0);
        assert_eq!(c.overall[&(1, "trusted", Qualification::LikeIt.slug())], 1);
        let mut untrusted = CountChanges::default();
        untrusted.vote(1, Tally::Untrusted, VoteKey::Agree, &[], 1);
        assert!(untrusted.overall.is_empty());
    }
}
