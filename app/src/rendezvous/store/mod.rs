//! The Rendez-vous citoyen in the database, one file per aggregate: the
//! meeting, registrations, live questions with their answers, audience
//! questions, the live state read from them, and what the restitution reads.

mod audience;
mod live;
mod meetings;
mod questions;
mod registrations;
mod restitution;

pub use audience::*;
pub use live::*;
pub use meetings::*;
pub use questions::*;
pub use registrations::*;
pub use restitution::*;
