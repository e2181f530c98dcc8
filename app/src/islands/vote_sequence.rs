//! Voting in sequence without page reloads. The page is rendered on the
//! server with plain forms that post and come back (`components::vote_step`):
//! voting works before (and without) any WASM. Once this island is alive, a
//! submit of one of those forms sends the same fields to `sequence_act`
//! (below, beside the island) in the background, and the next step, rendered
//! by the same server code, replaces the current one. The island itself renders no step: it stays
//! small enough for the vote page's phone budget.
//!
//! A lost connection is retried with the same fields, hence the same
//! idempotency key (and, for "next", the same position): the server applies
//! each action once however many attempts reach it.

use crate::consultation::forms::SequencePost;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Texts of the island's network status line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkTexts {
    pub sending: String,
    pub retrying: String,
    pub failed: String,
}

/// The island's posts: the same forms as the plain page, sent in the
/// background, answered with the next step's HTML instead of a redirect.
/// The consultation service applies the form and reads the next step; the
/// same renderer as the page's draws it.
#[server(endpoint = "consultation/sequence/act", input = server_fn::codec::Json)]
pub async fn sequence_act(act: SequencePost) -> Result<String, AppError> {
    crate::ssr::form::reply(async |ctx| {
        let page = crate::consultation::service::sequence::act(ctx, &act).await?;
        Ok(crate::components::vote_step::step(ctx, &page).to_html())
    })
    .await
}

#[island(lazy)]
pub fn VoteSequence(
    /// The consultation's slug.
    consultation: String,
    /// The current step's HTML, as the server rendered it.
    step: String,
    network: NetworkTexts,
) -> impl IntoView {
    let html = RwSignal::new(step);
    let status = RwSignal::new(String::new());
    // A refusal of a background post: shown above the step, which stays as
    // it is, with whatever was ticked or chosen.
    let refusal = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let (alive, set_alive) = signal(false);
    Effect::new(move |_| set_alive.set(true));
    #[cfg(feature = "hydrate")]
    let on_submit = client::sender(consultation, html, status, refusal, busy, network);
    #[cfg(not(feature = "hydrate"))]
    let on_submit = {
        let _ = (consultation, network);
        |_: leptos::ev::SubmitEvent| {}
    };
    view! {
        <div class="vote-sequence" data-live=move || alive.get().then_some("on")
            aria-busy=move || busy.get().then_some("true") on:submit=on_submit>
            {move || refusal.get().map(|m| view! { <div class="form-alert" role="alert"><p>{m}</p></div> })}
            <div class="vote-step" inner_html=move || html.get()></div>
            <p class="network-status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use super::{NetworkTexts, SequenceAct};
    use crate::consultation::forms::SequencePost;
    use crate::error::AppError;
    use leptos::ev::SubmitEvent;
    use leptos::prelude::*;
    use leptos::server_fn::ServerFn;
    use std::collections::VecDeque;
    use wasm_bindgen::JsCast;

    /// Attempts before giving up, and the first pause between them (doubled each time).
    const ATTEMPTS: u32 = 4;
    const FIRST_PAUSE_MS: i32 = 700;

    pub fn sender(
        consultation: String,
        html: RwSignal<String>,
        status: RwSignal<String>,
        refusal: RwSignal<Option<String>>,
        busy: RwSignal<bool>,
        texts: NetworkTexts,
    ) -> impl FnMut(SubmitEvent) + 'static {
        let texts = StoredValue::new(texts);
        let consultation = StoredValue::new(consultation);
        // Posts wait their turn: a tap on "next" while qualifications are on
        // their way is sent after them, not lost. Each keeps its own fields
        // (key, position), so a double tap is still applied once.
        let queue = StoredValue::new(VecDeque::<SequencePost>::new());
        move |ev: SubmitEvent| {
            let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            // Only the step's own forms go through the island.
            let Some(kind) = form.get_attribute("data-form") else {
                return;
            };
            ev.prevent_default();
            queue.update_value(|q| {
                q.push_back(SequencePost {
                    consultation: consultation.get_value(),
                    form: kind,
                    fields: fields(&form, &ev),
                })
            });
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            status.set(texts.with_value(|t| t.sending.clone()));
            leptos::task::spawn_local(async move {
                while let Some(act) = queue.try_update_value(|q| q.pop_front()).flatten() {
                    match send(act, status, texts).await {
                        Ok(next) => {
                            refusal.set(None);
                            html.set(next);
                            focus_step();
                        }
                        Err(failure) => {
                            // What was queued after a failure was meant for a
                            // step that did not come: drop it.
                            queue.update_value(VecDeque::clear);
                            match failure {
                                None => status.set(texts.with_value(|t| t.failed.clone())),
                                Some(refused) => {
                                    status.set(String::new());
                                    refusal.set(Some(refused.to_string()));
                                }
                            }
                            busy.set(false);
                            return;
                        }
                    }
                }
                status.set(String::new());
                busy.set(false);
            });
        }
    }

    /// The step that comes next; `Err(None)` when the network never answered.
    async fn send(
        act: SequencePost,
        status: RwSignal<String>,
        texts: StoredValue<NetworkTexts>,
    ) -> Result<String, Option<AppError>> {
        let mut pause = FIRST_PAUSE_MS;
        for attempt in 1..=ATTEMPTS {
            match post(&act).await {
                Ok(answer) => return answer.map_err(Some),
                // Transport failures (no network, a proxy's 502) are retried.
                Err(()) if attempt < ATTEMPTS => {
                    status.set(texts.with_value(|t| t.retrying.clone()));
                    sleep(pause).await;
                    pause *= 2;
                }
                Err(()) => return Err(None),
            }
        }
        Err(None)
    }

    /// The server function's argument, as its JSON input encoding expects.
    #[derive(serde::Serialize)]
    struct Args<'a> {
        act: &'a SequencePost,
    }

    /// One call of `sequence_act`, with the browser's `fetch` rather than the
    /// server function's generated client, which would weigh more on the
    /// vote page than the island itself. `Err(())` is a transport failure.
    async fn post(act: &SequencePost) -> Result<Result<String, AppError>, ()> {
        use wasm_bindgen_futures::JsFuture;
        let body = serde_json::to_string(&Args { act }).map_err(|_| ())?;
        let headers = web_sys::Headers::new().map_err(|_| ())?;
        let _ = headers.append("Content-Type", "application/json");
        let _ = headers.append("Accept", "application/json");
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&wasm_bindgen::JsValue::from_str(&body));
        let url = <SequenceAct as ServerFn>::url();
        let response: web_sys::Response =
            JsFuture::from(window().fetch_with_str_and_init(url, &init))
                .await
                .map_err(|_| ())?
                .dyn_into()
                .map_err(|_| ())?;
        // A gateway that lost the server is worth another try.
        if matches!(response.status(), 502..=504) {
            return Err(());
        }
        let text = JsFuture::from(response.text().map_err(|_| ())?)
            .await
            .map_err(|_| ())?
            .as_string()
            .unwrap_or_default();
        Ok(if response.ok() {
            serde_json::from_str::<String>(&text).map_err(|e| AppError::ServerFn(e.to_string()))
        } else {
            Err(serde_json::from_str::<AppError>(&text).unwrap_or(AppError::ServerFn(text)))
        })
    }

    /// The submitted form's fields, with the pressed button's name and value,
    /// exactly as the browser would post them.
    fn fields(form: &web_sys::HtmlFormElement, ev: &SubmitEvent) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Ok(data) = web_sys::FormData::new_with_form(form) {
            if let Ok(Some(entries)) = js_sys::try_iter(&data) {
                for entry in entries.flatten() {
                    let pair = js_sys::Array::from(&entry);
                    if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                        out.push((k, v));
                    }
                }
            }
        }
        if let Some(button) = ev.submitter() {
            if let (Some(k), Some(v)) =
                (button.get_attribute("name"), button.get_attribute("value"))
            {
                out.push((k, v));
            }
        }
        out
    }

    /// Moves focus to the new step's heading or proposal, so screen readers
    /// read it and keyboard users continue from there.
    fn focus_step() {
        request_animation_frame(|| {
            let target = document()
                .query_selector(".vote-sequence [data-focus]")
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = target {
                let _ = el.focus();
            }
        });
    }

    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}
