//! Everything that only runs on the server: storage, sessions, translation,
//! the per-request context and the plumbing of plain-HTML forms.

pub mod body_limit;
pub mod client_address;
pub mod context;
pub mod db;
pub mod db_error;
pub mod db_types;
pub mod flash;
pub mod form;
pub mod forwarded;
pub mod i18n;
pub mod live;
pub mod markdown;
pub mod middleware;
pub mod private_link;
pub mod purge;
pub mod rate_limit;
pub mod refusal;
pub mod request;
pub mod same_origin;
pub mod security_headers;
pub mod session_store;
pub mod settings;
pub mod spreadsheet;
pub mod stream_caps;
pub mod unavailable;

pub use context::Ctx;
pub use db::Db;
pub use i18n::Tr;
