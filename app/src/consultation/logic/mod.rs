//! Pure, I/O-free domain logic of consultations: vote scoring, opinion zones,
//! voting sequence selection and similar-proposal detection.
//!
//! Nothing here touches the database, the clock or a global random generator:
//! callers pass data and a seeded [`rand::Rng`], which keeps every function
//! deterministic and unit-testable.

pub mod scoring;
pub mod sequence;
pub mod similarity;
pub mod stopwords;
pub mod votes;
pub mod zones;

pub use scoring::{
    allowed_for, validate_qualifications, BetaPosterior, EffectiveCounts, Qualification,
    QualificationError, SampledScores, Score, Scores, VoteCounts, VoteKey, VoteTally,
    DEFAULT_TRUSTED_WEIGHT,
};
pub use sequence::{select_sequence, Candidate, SequenceParams};
pub use similarity::{keywords, keywords_for, Lang, SimilarityIndex};
pub use zones::{classify, Zone};
