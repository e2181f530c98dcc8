//! "Print" for the badge sheets. Without JavaScript the button is absent and
//! the page tells to use the browser's own Print command instead.

use leptos::prelude::*;

#[island(lazy)]
pub fn PrintButton(label: String) -> impl IntoView {
    let (mounted, set_mounted) = signal(false);
    Effect::new(move |_| set_mounted.set(true));
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let _ = window().print();
        }
    };
    view! {
        <button type="button" class="button big print-button" hidden=move || !mounted.get() on:click=print>
            {label}
        </button>
    }
}
