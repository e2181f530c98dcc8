//! The consultation component: proposals, moderation, votes in sequences,
//! trusted counting and results.
//!
//! `forms` (what server functions receive) -> `logic` (pure rules, scoring,
//! sequence selection) and `store` (SQL per aggregate) -> `service` (commands
//! and the pages' read models) -> `api` (thin server functions).

pub mod api;
pub mod forms;

#[cfg(feature = "ssr")]
pub mod dashboard;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod logic;
#[cfg(feature = "ssr")]
pub mod mails;
#[cfg(feature = "ssr")]
pub mod moderation_export;
#[cfg(feature = "ssr")]
pub mod open_data;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
