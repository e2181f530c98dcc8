//! "Show the password" for a password field: people with little digital ease
//! (and mediators typing for them) make fewer mistakes when they can see it.
//! Without JavaScript the button is simply absent and the field works as usual.

use leptos::prelude::*;

#[island(lazy)]
pub fn PasswordToggle(
    /// The id of the password input it controls.
    target: String,
    show_label: String,
    hide_label: String,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let (mounted, set_mounted) = signal(false);
    // Rendered hidden on the server; revealed once the island is alive.
    Effect::new(move |_| set_mounted.set(true));
    let toggle = {
        #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
        let target = target.clone();
        move |_| {
            shown.update(|s| *s = !*s);
            #[cfg(feature = "hydrate")]
            {
                use wasm_bindgen::JsCast;
                if let Some(input) = document()
                    .get_element_by_id(&target)
                    .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    input.set_type(if shown.get_untracked() {
                        "text"
                    } else {
                        "password"
                    });
                }
            }
        }
    };
    view! {
        <button
            type="button"
            class="link-button password-toggle"
            hidden=move || !mounted.get()
            aria-controls=target
            aria-pressed=move || if shown.get() { "true" } else { "false" }
            on:click=toggle
        >
            {move || if shown.get() { hide_label.clone() } else { show_label.clone() }}
        </button>
    }
}
