//! The event component (the symposium): a programme of days, sessions and
//! speakers; registration with seats per event, day and workshop, waiting
//! lists with timed offers; private links; check-in at the door; attendee
//! lists, exports and action avenues.
//!
//! Inner shape: `forms` (input) -> `logic` (pure rules) -> `store` (SQL) ->
//! `service` (commands and read models) -> `api` (server functions). Its
//! outputs beside pages: `mails` (with `notify`, the outbox), `exports`
//! (attendee lists, tickets) and `wording` (the words they share).

pub mod api;
pub mod forms;

#[cfg(feature = "ssr")]
pub mod exports;
#[cfg(feature = "ssr")]
pub mod logic;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
pub mod notify;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod uploads;
#[cfg(feature = "ssr")]
pub mod wording;
