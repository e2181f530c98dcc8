//! Participe: the Leptos library shared by the server and the browser.
//!
//! Pages render on the server only (islands mode); the browser receives just the
//! islands in `islands/`. Shared types and server functions compile for both.

pub mod error;
pub mod lang;
pub mod model;
pub mod text;

pub mod account;
pub mod author_news;
pub mod consultation;
pub mod event;
pub mod media;
pub mod process;
pub mod rendezvous;
pub mod survey;

pub mod islands;

#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod ssr;

#[cfg(feature = "ssr")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod shell;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
