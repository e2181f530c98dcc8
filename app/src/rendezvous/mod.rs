//! The "Rendez-vous citoyen": a public evaluation meeting in a room and on
//! video. Registration to come in person or follow remotely; a live page with
//! the video (loaded only on demand), the restitution of the process and the
//! live questions; a host console that opens questions one at a time; a
//! projector view; questions from the audience with upvotes and moderation.
//!
//! `state` is shared with the browser: the JSON every live page receives.

pub mod api;
pub mod forms;
pub mod state;

#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod logic;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
pub mod qr;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
