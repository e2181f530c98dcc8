//! The Rendez-vous citoyen in the database, one file per aggregate: the
//! meeting, registrations, live questions with their answers, audience
//! questions, and the live state read from them.

mod audience;
mod live;
mod meetings;
mod questions;
mod registrations;

pub use audience::*;
pub use live::*;
pub use meetings::*;
pub use questions::*;
pub use registrations::*;
