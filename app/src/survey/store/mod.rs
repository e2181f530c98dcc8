//! The survey in the database, one file per aggregate: the survey's settings,
//! its definition (sections and questions), invitations, and responses.

mod invitations;
mod questions;
mod responses;
mod surveys;

pub use invitations::*;
pub use questions::*;
pub use responses::*;
pub use surveys::*;
