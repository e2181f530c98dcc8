//! Accounts in the database: one file per aggregate.

mod participants;
mod staff;

pub use participants::*;
pub use staff::*;
