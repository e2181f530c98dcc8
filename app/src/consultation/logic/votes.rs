//! Votes and their counts: vote keys, qualifications and tallies.
//!
//! A participant votes Agree, Disagree or Neutral on a proposal and may add
//! qualifications ("Coup de cœur", "Infaisable", ...) that belong to that key.
//! Votes cast inside a voting sequence are the unbiased signal; "trusted"
//! votes (cast elsewhere by verified participants) are blended in with a
//! smaller weight to give the effective counts that [`super::scoring`] uses.

use std::fmt;

/// Weight of a trusted vote relative to a sequence vote.
/// The count a vote goes to: chosen by the platform (a sequence), trusted
/// (the proposal's page within the site), or kept but not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tally {
    Sequence,
    Trusted,
    Untrusted,
}

crate::text_enum!(Tally {
    Sequence = "sequence",
    Trusted = "trusted",
    Untrusted = "untrusted",
});

pub const DEFAULT_TRUSTED_WEIGHT: f64 = 0.5;

/// The three answers a participant can give to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VoteKey {
    /// "D'accord".
    Agree,
    /// "Pas d'accord".
    Disagree,
    /// "Neutre".
    Neutral,
}

impl VoteKey {
    /// All keys, in storage order.
    pub const ALL: [VoteKey; 3] = [VoteKey::Agree, VoteKey::Disagree, VoteKey::Neutral];

    /// Stable identifier used for storage and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            VoteKey::Agree => "agree",
            VoteKey::Disagree => "disagree",
            VoteKey::Neutral => "neutral",
        }
    }

    /// Parses a [`VoteKey::slug`].
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|key| key.slug() == slug)
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// Optional qualification refining a vote; each belongs to one [`VoteKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualification {
    /// "Coup de cœur" (agree).
    LikeIt,
    /// "Réaliste" (agree).
    Doable,
    /// "Banalité" (agree).
    PlatitudeAgree,
    /// "Surtout pas !" (disagree).
    NoWay,
    /// "Infaisable" (disagree).
    Impossible,
    /// "Banalité" (disagree).
    PlatitudeDisagree,
    /// "Pas compris" (neutral).
    DoNotUnderstand,
    /// "Pas d'avis" (neutral).
    NoOpinion,
    /// "Indifférent" (neutral).
    DoNotCare,
}

use Qualification as Q;

const AGREE_QUALIFICATIONS: [Qualification; 3] = [Q::LikeIt, Q::Doable, Q::PlatitudeAgree];
const DISAGREE_QUALIFICATIONS: [Qualification; 3] = [Q::NoWay, Q::Impossible, Q::PlatitudeDisagree];
const NEUTRAL_QUALIFICATIONS: [Qualification; 3] = [Q::DoNotUnderstand, Q::NoOpinion, Q::DoNotCare];

impl Qualification {
    /// All qualifications, in storage order.
    pub const ALL: [Qualification; 9] = [
        Q::LikeIt,
        Q::Doable,
        Q::PlatitudeAgree,
        Q::NoWay,
        Q::Impossible,
        Q::PlatitudeDisagree,
        Q::DoNotUnderstand,
        Q::NoOpinion,
        Q::DoNotCare,
    ];

    /// The vote key this qualification refines.
    pub fn key(self) -> VoteKey {
        VoteKey::ALL
            .into_iter()
            .find(|key| allowed_for(*key).contains(&self))
            .unwrap_or(VoteKey::Neutral)
    }

    /// French label shown on the voting buttons.
    pub fn label_fr(self) -> &'static str {
        match self {
            Q::LikeIt => "Coup de cœur",
            Q::Doable => "Réaliste",
            Q::PlatitudeAgree | Q::PlatitudeDisagree => "Banalité",
            Q::NoWay => "Surtout pas !",
            Q::Impossible => "Infaisable",
            Q::DoNotUnderstand => "Pas compris",
            Q::NoOpinion => "Pas d'avis",
            Q::DoNotCare => "Indifférent",
        }
    }

    /// Stable identifier used for storage and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Q::LikeIt => "like_it",
            Q::Doable => "doable",
            Q::PlatitudeAgree => "platitude_agree",
            Q::NoWay => "no_way",
            Q::Impossible => "impossible",
            Q::PlatitudeDisagree => "platitude_disagree",
            Q::DoNotUnderstand => "do_not_understand",
            Q::NoOpinion => "no_opinion",
            Q::DoNotCare => "do_not_care",
        }
    }

    /// Parses a [`Qualification::slug`].
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|q| q.slug() == slug)
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// Qualifications a participant may attach to a vote with `key`.
pub fn allowed_for(key: VoteKey) -> &'static [Qualification] {
    match key {
        VoteKey::Agree => &AGREE_QUALIFICATIONS,
        VoteKey::Disagree => &DISAGREE_QUALIFICATIONS,
        VoteKey::Neutral => &NEUTRAL_QUALIFICATIONS,
    }
}

/// Why a set of qualifications is invalid for a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualificationError {
    /// The qualification belongs to another vote key.
    NotAllowed(VoteKey, Qualification),
    /// The same qualification was given twice.
    Duplicate(Qualification),
}

impl fmt::Display for QualificationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAllowed(key, q) => {
                write!(
                    f,
                    "qualification {} not allowed for {}",
                    q.slug(),
                    key.slug()
                )
            }
            Self::Duplicate(q) => write!(f, "qualification {} given twice", q.slug()),
        }
    }
}

impl std::error::Error for QualificationError {}

/// Checks that every qualification belongs to `key` and appears once.
pub fn validate_qualifications(
    key: VoteKey,
    qualifications: &[Qualification],
) -> Result<(), QualificationError> {
    for (i, q) in qualifications.iter().enumerate() {
        if !allowed_for(key).contains(q) {
            return Err(QualificationError::NotAllowed(key, *q));
        }
        if qualifications[..i].contains(q) {
            return Err(QualificationError::Duplicate(*q));
        }
    }
    Ok(())
}

/// Raw vote and qualification counts of one proposal for one kind of vote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VoteCounts {
    votes: [u32; 3],
    qualifications: [u32; 9],
}

impl VoteCounts {
    /// Counts with the given number of agree, disagree and neutral votes.
    pub fn from_votes(agree: u32, disagree: u32, neutral: u32) -> Self {
        Self {
            votes: [agree, disagree, neutral],
            qualifications: [0; 9],
        }
    }

    /// Returns a copy with the count of `q` set to `count` (builder style).
    pub fn with_qualification(mut self, q: Qualification, count: u32) -> Self {
        self.set_qualification(q, count);
        self
    }

    /// Sets the number of votes with `key` (e.g. when loading aggregates).
    pub fn set_votes(&mut self, key: VoteKey, count: u32) {
        self.votes[key.index()] = count;
    }

    /// Sets the number of `q` qualifications.
    pub fn set_qualification(&mut self, q: Qualification, count: u32) {
        self.qualifications[q.index()] = count;
    }

    /// Records one vote after validating its qualifications.
    pub fn record(
        &mut self,
        key: VoteKey,
        qualifications: &[Qualification],
    ) -> Result<(), QualificationError> {
        validate_qualifications(key, qualifications)?;
        self.votes[key.index()] += 1;
        for q in qualifications {
            self.qualifications[q.index()] += 1;
        }
        Ok(())
    }

    /// Number of votes with `key`.
    pub fn votes(&self, key: VoteKey) -> u32 {
        self.votes[key.index()]
    }

    /// Number of `q` qualifications.
    pub fn qualification(&self, q: Qualification) -> u32 {
        self.qualifications[q.index()]
    }

    /// Total number of votes, all keys together.
    pub fn total(&self) -> u32 {
        self.votes.iter().sum()
    }
}

/// Sequence and trusted tallies of one proposal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VoteTally {
    /// Votes cast inside voting sequences (unbiased exposure).
    pub sequence: VoteCounts,
    /// Votes cast elsewhere by trusted participants.
    pub trusted: VoteCounts,
}

impl VoteTally {
    /// Blends both tallies: `effective = sequence + trusted_weight * trusted`.
    pub fn effective(&self, trusted_weight: f64) -> EffectiveCounts {
        // A negative or NaN weight would create negative counts: ignore trusted votes then.
        let w = if trusted_weight.is_finite() {
            trusted_weight.max(0.0)
        } else {
            0.0
        };
        let blend = |s: u32, t: u32| f64::from(s) + w * f64::from(t);
        EffectiveCounts {
            votes: std::array::from_fn(|i| blend(self.sequence.votes[i], self.trusted.votes[i])),
            qualifications: std::array::from_fn(|i| {
                blend(
                    self.sequence.qualifications[i],
                    self.trusted.qualifications[i],
                )
            }),
        }
    }
}

/// Weighted (fractional) counts produced by [`VoteTally::effective`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EffectiveCounts {
    votes: [f64; 3],
    qualifications: [f64; 9],
}

impl EffectiveCounts {
    /// Effective number of votes with `key`.
    pub fn votes(&self, key: VoteKey) -> f64 {
        self.votes[key.index()]
    }

    /// Effective number of `q` qualifications.
    pub fn qualification(&self, q: Qualification) -> f64 {
        self.qualifications[q.index()]
    }

    /// Effective total number of votes `n`.
    pub fn total(&self) -> f64 {
        self.votes.iter().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;
    #[test]
    fn qualifications_belong_to_their_key() {
        for key in VoteKey::ALL {
            assert_eq!(allowed_for(key).len(), 3);
            assert!(allowed_for(key).iter().all(|q| q.key() == key));
        }
        assert_eq!(Q::NoWay.label_fr(), "Surtout pas !");
        assert_eq!(Qualification::from_slug("like_it"), Some(Q::LikeIt));
        assert_eq!(
            VoteKey::from_slug(VoteKey::Neutral.slug()),
            Some(VoteKey::Neutral)
        );
    }

    #[test]
    fn validation_rejects_foreign_and_duplicate_qualifications() {
        assert!(validate_qualifications(VoteKey::Agree, &[Q::LikeIt, Q::Doable]).is_ok());
        assert_eq!(
            validate_qualifications(VoteKey::Agree, &[Q::NoWay]),
            Err(QualificationError::NotAllowed(VoteKey::Agree, Q::NoWay))
        );
        assert_eq!(
            validate_qualifications(VoteKey::Neutral, &[Q::NoOpinion, Q::NoOpinion]),
            Err(QualificationError::Duplicate(Q::NoOpinion))
        );
        let mut counts = VoteCounts::default();
        assert!(counts.record(VoteKey::Disagree, &[Q::LikeIt]).is_err());
        assert_eq!(counts.total(), 0, "an invalid vote must not be counted");
        counts.record(VoteKey::Disagree, &[Q::NoWay]).unwrap();
        assert_eq!(
            (
                counts.votes(VoteKey::Disagree),
                counts.qualification(Q::NoWay)
            ),
            (1, 1)
        );
    }

    #[test]
    fn trusted_votes_are_weighted() {
        let tally = VoteTally {
            sequence: VoteCounts::from_votes(10, 4, 2).with_qualification(Q::LikeIt, 3),
            trusted: VoteCounts::from_votes(6, 0, 2).with_qualification(Q::LikeIt, 2),
        };
        let eff = tally.effective(DEFAULT_TRUSTED_WEIGHT);
        assert!((eff.votes(VoteKey::Agree) - 13.0).abs() < EPS);
        assert!((eff.qualification(Q::LikeIt) - 4.0).abs() < EPS);
        assert!((eff.total() - 20.0).abs() < EPS);
        assert_eq!(tally.effective(f64::NAN), tally.effective(0.0));
    }
}
