//! The account rules, as plain functions: passwords, new staff accounts,
//! addresses, where a login may send the browser, when a staff session ends
//! and how an account may change.

pub mod changes;
pub mod next;
pub mod password;
pub mod session;
pub mod staff;

pub use next::{next_or, safe_next};
pub use staff::{normalise_email, NewStaff};
