//! Participation figures that update while the page is open, from the
//! server-sent events of `/api/consultations/{slug}/live`. Without
//! JavaScript the figures are those of the moment the page was served.
//! Not a live region: numbers ticking every few seconds would drown a
//! screen reader's speech.

use leptos::prelude::*;

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct FigureLabels {
    pub title: String,
    pub participants: String,
    pub proposals: String,
    pub votes: String,
}

#[island(lazy)]
pub fn LiveFigures(
    /// The event stream to follow.
    source: String,
    participants: i64,
    proposals: i64,
    votes: i64,
    labels: FigureLabels,
) -> impl IntoView {
    let figures = RwSignal::new((participants, proposals, votes));
    let (alive, set_alive) = signal(false);
    Effect::new(move |_| set_alive.set(true));
    #[cfg(feature = "hydrate")]
    client::follow(&source, figures);
    #[cfg(not(feature = "hydrate"))]
    let _ = source;
    view! {
        <ul class="figures" aria-label=labels.title data-live=move || alive.get().then_some("on")>
            <li><strong>{move || figures.get().0}</strong>" "{labels.participants}</li>
            <li><strong>{move || figures.get().1}</strong>" "{labels.proposals}</li>
            <li><strong>{move || figures.get().2}</strong>" "{labels.votes}</li>
        </ul>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{EventSource, MessageEvent};

    #[derive(serde::Deserialize)]
    struct Figures {
        participants: i64,
        proposals: i64,
        votes: i64,
    }

    pub fn follow(source: &str, figures: RwSignal<(i64, i64, i64)>) {
        // EventSource reconnects by itself after a network loss.
        let Ok(events) = EventSource::new(source) else {
            return;
        };
        let on_figures = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let parsed = ev
                .data()
                .as_string()
                .and_then(|s| serde_json::from_str::<Figures>(&s).ok());
            if let Some(f) = parsed {
                figures.set((f.participants, f.proposals, f.votes));
            }
        });
        let _ =
            events.add_event_listener_with_callback("figures", on_figures.as_ref().unchecked_ref());
        // Both live as long as the page.
        on_figures.forget();
        std::mem::forget(events);
    }
}
