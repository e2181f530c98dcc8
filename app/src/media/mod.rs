//! Uploaded images, reusable by any component: checked (type by magic
//! numbers, size, dimensions by decoding with limits), resized for phones,
//! content-addressed, stored on disk (SQLite) or in the database
//! (PostgreSQL), and served with long caching.

#[cfg(feature = "ssr")]
pub mod logic;
#[cfg(feature = "ssr")]
pub mod serve;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod upload;
