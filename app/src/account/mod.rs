//! Staff accounts (admin, moderator, mediator, event staff) and the login
//! that goes with them. Participants need no account: see `participant`.

pub mod api;
pub mod forms;

#[cfg(feature = "ssr")]
pub mod logic;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
pub mod participant;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod throttle;
