//! The consultation's SQL, one file per aggregate. Rows are typed; nothing
//! here decides anything a rule in `logic` decides.

pub mod consultations;
mod counts;
pub mod dashboard;
pub mod demographics;
pub mod ideas;
mod idempotency;
pub mod moderation;
pub mod moderation_log;
pub mod proposals;
pub mod secrets;
pub mod votes;

// The root aggregate, named by other components (phase pages, demo data,
// the Rendez-vous restitution).
pub use consultations::{
    consultation_by_slug, create_consultation, slug_for_component, Consultation, NewConsultation,
};
