//! Mail to proposal authors who left an address: when staff publish the
//! consultation's results, and when an action avenue cites their idea. Every
//! such mail offers a one-click unsubscribe (RFC 2369 and RFC 8058).
//!
//! Inner shape: `forms` -> `logic` (tokens, letters) -> `store` (SQL) ->
//! `service` (commands, in the change's transaction) -> `api` (server
//! function); `one_click` is the plain unsubscribe route.

pub mod api;
pub mod forms;

#[cfg(feature = "ssr")]
pub mod logic;
#[cfg(feature = "ssr")]
pub mod one_click;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
