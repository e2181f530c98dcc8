//! The survey's pages: answering (open link and invitations), thanks, and
//! results. The question renderer is shared with the staff preview.

pub mod answer;
pub mod question;
pub mod results;
