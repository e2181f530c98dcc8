//! Everything that only runs on the server: storage, sessions, translation,
//! the per-request context and the plumbing of plain-HTML forms.

pub mod context;
pub mod db;
pub mod demo;
pub mod demo_consultation;
pub mod demo_rendezvous;
pub mod demo_survey;
pub mod demo_symposium;
pub mod form;
pub mod i18n;
pub mod live;
pub mod markdown;
pub mod rate_limit;
pub mod session_store;
pub mod settings;

pub use context::Ctx;
pub use db::Db;
pub use i18n::Tr;
