//! One module per page. Pages render on the server only.

pub mod account;
pub mod admin;
pub mod author_news;
pub mod consultation;
pub mod event;
pub mod home;
pub mod not_found;
pub mod process;
pub mod rendezvous;
pub mod survey;

use leptos_router::hooks::use_params_map;

/// A route parameter of the page being rendered ("" when absent).
pub fn param(name: &str) -> String {
    use leptos::prelude::GetUntracked;
    use_params_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// A query parameter of the page being rendered.
pub fn query(name: &str) -> Option<String> {
    use leptos::prelude::GetUntracked;
    leptos_router::hooks::use_query_map()
        .get_untracked()
        .get(name)
}
