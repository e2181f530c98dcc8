//! The Rendez-vous citoyen's rules as plain functions, without I/O: who hosts
//! a meeting, what a registration and the settings hold, live questions and
//! their answers, results split by room and remote, and audience questions.

mod answers;
mod audience;
mod questions;
mod registration;
mod results;
mod video;

pub use answers::*;
pub use audience::*;
pub use questions::*;
pub use registration::*;
pub use results::*;
pub use video::*;

use crate::model::Role;

/// Where a participant follows the meeting from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Room,
    Remote,
}

crate::text_enum!(Mode {
    Room = "room",
    Remote = "remote",
});

/// The staff who run the meeting: event staff and moderators (and admins).
pub fn hosts(role: Role) -> bool {
    [Role::EventStaff, Role::Moderator]
        .iter()
        .any(|r| role.allows(*r))
}
