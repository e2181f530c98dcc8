//! The survey's pages: answering (open link and invitations), thanks, and
//! results; for admins, the builder with its preview. The question renderer
//! is shared by answering and the preview.

pub mod answer;
pub mod builder;
pub mod question;
pub mod results;
