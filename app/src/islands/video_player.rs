//! The meeting's video, embedded from its configured address only once the
//! participant presses play: before that no request reaches the video host.
//! Without JavaScript the button is a link to `?video=1`, and the server
//! renders the player. The frame is sandboxed: the player runs its own
//! scripts in its own origin, but may not navigate this page, open forms or
//! pop-ups.

use leptos::prelude::*;

#[island(lazy)]
pub fn VideoPlayer(
    url: String,
    /// The frame's accessible name.
    title: String,
    play: String,
    note: String,
    /// Already playing (the page was asked with `?video=1`).
    started: bool,
) -> impl IntoView {
    let (on, set_on) = signal(started);
    move || {
        if on.get() {
            view! {
                <div class="video-frame">
                    <iframe src=url.clone() title=title.clone() allow="autoplay; fullscreen; picture-in-picture"
                        allowfullscreen=true referrerpolicy="no-referrer"
                        sandbox="allow-scripts allow-same-origin allow-presentation"></iframe>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="video-placeholder">
                    <a class="button" href="?video=1#video"
                        on:click=move |ev| {
                            ev.prevent_default();
                            set_on.set(true);
                        }>
                        <span aria-hidden="true">"▶ "</span>{play.clone()}
                    </a>
                    <p class="hint">{note.clone()}</p>
                </div>
            }
            .into_any()
        }
    }
}
