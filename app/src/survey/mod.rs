//! The survey component: a questionnaire in sections that staff build and
//! preview, answered through an open link or one-time invitations (optionally
//! anonymous), with drafts, results, exports and publication.

pub mod api;
pub mod forms;

#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod logic;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
