//! Accounts in the database: one file per aggregate.

mod participants;
mod resets;
mod sessions;
mod staff;

pub use participants::*;
pub use resets::*;
pub use sessions::*;
pub use staff::*;
