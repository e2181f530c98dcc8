//! Processes and what they hold, in the database: one file per aggregate.

mod components;
mod order;
mod phases;
mod processes;
mod themes;

pub use components::*;
pub use phases::*;
pub use processes::*;
pub use themes::*;
