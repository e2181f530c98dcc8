//! Pure, I/O-free domain logic of consultations: the rules of proposals and
//! settings (forms parsed into valid values), vote scoring, opinion zones,
//! voting sequence selection, signatures and similar-proposal detection.
//!
//! Nothing here touches the database, the clock or a global random generator:
//! callers pass data and a seeded [`rand::Rng`], which keeps every function
//! deterministic and unit-testable.

pub mod dashboard;
pub mod groups;
pub mod ideas;
pub mod moderation;
pub mod rules;
pub mod scoring;
pub mod sequence;
pub mod settings;
pub mod short_link;
pub mod signing;
pub mod similarity;
pub mod stopwords;
pub mod votes;
pub mod zones;

pub use scoring::{
    allowed_for, validate_qualifications, BetaPosterior, EffectiveCounts, Qualification,
    QualificationError, SampledScores, Score, Scores, Tally, VoteCounts, VoteKey, VoteTally,
    DEFAULT_TRUSTED_WEIGHT,
};
pub use sequence::{select_sequence, Candidate, SequenceParams};
pub use similarity::{keywords, keywords_for, Lang, SimilarityIndex};
pub use zones::{classify, Zone};
