//! Classification of a proposal into an opinion zone from its scores.
//!
//! Zones summarise what the voters think of a proposal for results pages and
//! moderation: broad agreement (consensus), broad disagreement (rejection),
//! a split between two camps (controversy), or nothing decisive yet (limbo).

use super::scoring::{Score, Scores};

/// Below this effective number of votes the zone is always [`Zone::Limbo`]:
/// a handful of votes says nothing about the population.
pub const MIN_VOTES_FOR_ZONE: f64 = 10.0;
/// A side must reach this smoothed share to be decisive (Make.org's dial uses 0.6).
pub const DECISIVE_SHARE: f64 = 0.6;
/// ...and the lower bound of its 95% interval must reach this value, i.e. we are
/// confident a majority of voters is on that side, not just lucky early votes.
pub const DECISIVE_LOWER_BOUND: f64 = 0.5;
/// A proposal is controversial when both agree and disagree reach this share:
/// two sizeable camps, even if one of them is a majority.
pub const CONTROVERSY_SHARE: f64 = 0.3;

/// Opinion zone of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// Broad, confident agreement with little opposition.
    Consensus,
    /// Broad, confident disagreement with little support.
    Rejection,
    /// Too few votes, or mostly neutral / undecided.
    Limbo,
    /// Two sizeable camps agree and disagree.
    Controversy,
}

impl Zone {
    /// All zones.
    pub const ALL: [Zone; 4] = [
        Zone::Consensus,
        Zone::Rejection,
        Zone::Limbo,
        Zone::Controversy,
    ];

    /// Stable identifier used for storage, CSS classes and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Zone::Consensus => "consensus",
            Zone::Rejection => "rejection",
            Zone::Limbo => "limbo",
            Zone::Controversy => "controversy",
        }
    }

    /// Parses a [`Zone::slug`].
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|zone| zone.slug() == slug)
    }
}

/// Zone of a proposal from its computed scores.
pub fn classify(scores: &Scores) -> Zone {
    classify_shares(scores.total_votes, scores.agree, scores.disagree)
}

/// Zone from the effective vote count and the agree / disagree scores.
///
/// Rules, in order (all bounds inclusive):
/// 1. fewer than [`MIN_VOTES_FOR_ZONE`] votes: Limbo;
/// 2. agree ≥ [`CONTROVERSY_SHARE`] and disagree ≥ [`CONTROVERSY_SHARE`]: Controversy;
/// 3. agree ≥ [`DECISIVE_SHARE`] and its lower bound ≥ [`DECISIVE_LOWER_BOUND`]: Consensus;
/// 4. the same for disagree: Rejection;
/// 5. otherwise (neutral-heavy or not yet significant): Limbo.
pub fn classify_shares(total_votes: f64, agree: Score, disagree: Score) -> Zone {
    let decisive = |s: Score| s.value >= DECISIVE_SHARE && s.lower() >= DECISIVE_LOWER_BOUND;
    if total_votes.is_nan() || total_votes < MIN_VOTES_FOR_ZONE {
        Zone::Limbo
    } else if agree.value >= CONTROVERSY_SHARE && disagree.value >= CONTROVERSY_SHARE {
        Zone::Controversy
    } else if decisive(agree) {
        Zone::Consensus
    } else if decisive(disagree) {
        Zone::Rejection
    } else {
        Zone::Limbo
    }
}

#[cfg(test)]
mod tests {
    use super::super::scoring::{VoteCounts, VoteTally, DEFAULT_TRUSTED_WEIGHT};
    use super::*;

    fn zone_of(agree: u32, disagree: u32, neutral: u32) -> Zone {
        let tally = VoteTally {
            sequence: VoteCounts::from_votes(agree, disagree, neutral),
            trusted: VoteCounts::default(),
        };
        classify(&Scores::compute(&tally.effective(DEFAULT_TRUSTED_WEIGHT)))
    }

    fn score(value: f64, margin: f64) -> Score {
        Score { value, margin }
    }

    #[test]
    fn each_zone_from_realistic_counts() {
        assert_eq!(zone_of(80, 10, 10), Zone::Consensus);
        assert_eq!(zone_of(10, 80, 10), Zone::Rejection);
        assert_eq!(zone_of(45, 45, 10), Zone::Controversy);
        assert_eq!(zone_of(20, 20, 60), Zone::Limbo);
        assert_eq!(zone_of(0, 0, 0), Zone::Limbo);
    }

    #[test]
    fn few_votes_are_limbo_even_if_unanimous() {
        assert_eq!(zone_of(9, 0, 0), Zone::Limbo);
        assert_eq!(zone_of(10, 0, 0), Zone::Consensus);
    }

    #[test]
    fn uncertain_majority_is_limbo() {
        // 7/10 agree: share 0.67 but lower bound ≈ 0.39, not significant yet.
        assert_eq!(zone_of(7, 1, 2), Zone::Limbo);
        assert_eq!(zone_of(70, 10, 20), Zone::Consensus);
    }

    #[test]
    fn vote_count_boundary() {
        let (a, d) = (score(0.9, 0.0), score(0.05, 0.0));
        assert_eq!(classify_shares(MIN_VOTES_FOR_ZONE, a, d), Zone::Consensus);
        assert_eq!(
            classify_shares(MIN_VOTES_FOR_ZONE - 1e-9, a, d),
            Zone::Limbo
        );
        assert_eq!(classify_shares(f64::NAN, a, d), Zone::Limbo);
    }

    #[test]
    fn decisive_share_boundary() {
        let d = score(0.1, 0.0);
        assert_eq!(
            classify_shares(100.0, score(DECISIVE_SHARE, 0.0), d),
            Zone::Consensus
        );
        assert_eq!(
            classify_shares(100.0, score(DECISIVE_SHARE - 1e-9, 0.0), d),
            Zone::Limbo
        );
        assert_eq!(
            classify_shares(100.0, d, score(DECISIVE_SHARE, 0.0)),
            Zone::Rejection
        );
        assert_eq!(
            classify_shares(100.0, d, score(DECISIVE_SHARE - 1e-9, 0.0)),
            Zone::Limbo
        );
    }

    #[test]
    fn lower_bound_boundary() {
        let d = score(0.1, 0.0);
        // 0.75 - 0.25 is exactly 0.5 in binary floating point.
        assert_eq!(
            classify_shares(100.0, score(0.75, 0.25), d),
            Zone::Consensus
        );
        assert_eq!(
            classify_shares(100.0, score(0.75, 0.25 + 1e-9), d),
            Zone::Limbo
        );
        assert_eq!(
            classify_shares(100.0, d, score(0.75, 0.25 + 1e-9)),
            Zone::Limbo
        );
    }

    #[test]
    fn controversy_boundary_and_priority() {
        let c = CONTROVERSY_SHARE;
        assert_eq!(
            classify_shares(100.0, score(c, 0.0), score(c, 0.0)),
            Zone::Controversy
        );
        assert_eq!(
            classify_shares(100.0, score(c - 1e-9, 0.0), score(c, 0.0)),
            Zone::Limbo
        );
        // A 65 / 30 split has a majority but also a sizeable opposition.
        assert_eq!(
            classify_shares(100.0, score(0.65, 0.05), score(c, 0.05)),
            Zone::Controversy
        );
        assert_eq!(
            classify_shares(100.0, score(0.65, 0.05), score(c - 1e-9, 0.05)),
            Zone::Consensus
        );
    }

    #[test]
    fn slugs_round_trip() {
        for zone in Zone::ALL {
            assert_eq!(Zone::from_slug(zone.slug()), Some(zone));
        }
    }
}
