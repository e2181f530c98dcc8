//! The event component (the symposium): a programme of days, sessions and
//! speakers; registration with seats per event, day and workshop, waiting
//! lists with timed offers; private links; check-in at the door; attendee
//! lists and exports.

pub mod api;

#[cfg(feature = "ssr")]
pub mod admin;

#[cfg(feature = "ssr")]
pub mod avenues;
#[cfg(feature = "ssr")]
pub mod downloads;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod logic;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
pub mod notify;
#[cfg(feature = "ssr")]
pub mod registrations;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod tickets;
