//! Voting without page reloads. Every form inside works on its own without
//! JavaScript (it posts, the server redirects back, the next card renders).
//! Once the WASM is alive, this island sends the same post in the background,
//! reads the page the server answers with, and swaps in its content: the same
//! HTML, rendered by the same server code, with no reload and no second
//! rendering path to keep in step.
//!
//! A flaky network is retried with the same form, hence the same idempotency
//! key: the server applies the vote once however many attempts arrive.

use leptos::prelude::*;

/// Texts the island shows, translated on the server.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct NetworkTexts {
    pub sending: String,
    pub retrying: String,
    pub failed: String,
}

#[island]
pub fn EnhancedForms(
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))] texts: NetworkTexts,
    children: Children,
) -> impl IntoView {
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
    let (status, set_status) = signal(String::new());
    let busy = RwSignal::new(false);
    // Says (to tests, and to styles) that posts no longer reload the page.
    let (alive, set_alive) = signal(false);
    Effect::new(move |_| set_alive.set(true));
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        client::submit(ev, texts.clone(), set_status, busy);
    };
    view! {
        <div
            class="enhanced"
            data-enhanced=move || alive.get().then_some("on")
            on:submit=on_submit
            aria-busy=move || busy.get().then_some("true")
        >
            <div data-swap="">{children()}</div>
            <p class="network-status" role="status" aria-live="polite">{status}</p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use super::NetworkTexts;
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        DomParser, Element, FormData, HtmlElement, HtmlFormElement, RequestInit, Response,
        SupportedType, UrlSearchParams,
    };

    /// Attempts before giving up, and the first pause between them (doubled each time).
    const ATTEMPTS: u32 = 4;
    const FIRST_PAUSE_MS: i32 = 800;

    pub fn submit(
        ev: leptos::ev::SubmitEvent,
        texts: NetworkTexts,
        set_status: WriteSignal<String>,
        busy: RwSignal<bool>,
    ) {
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        // GET forms (filters) navigate as usual.
        if !form.method().eq_ignore_ascii_case("post") {
            return;
        }
        ev.prevent_default();
        // A second tap while the first is on its way adds nothing.
        if busy.get_untracked() {
            return;
        }
        let Ok(data) = FormData::new_with_form(&form) else {
            return form.submit().unwrap_or_default();
        };
        // The pressed button carries the vote key ("agree", "next"...).
        if let Some(button) = ev.submitter() {
            if let Some(name) = button.get_attribute("name") {
                let value = button.get_attribute("value").unwrap_or_default();
                let _ = data.append_with_str(&name, &value);
            }
        }
        let Ok(body) = UrlSearchParams::new_with_str_sequence_sequence(&data) else {
            return form.submit().unwrap_or_default();
        };
        let action = form.action();
        busy.set(true);
        set_status.set(texts.sending.clone());
        leptos::task::spawn_local(async move {
            let outcome = post_with_retries(&action, &body, &texts, set_status).await;
            busy.set(false);
            match outcome {
                Ok((url, html)) => {
                    set_status.set(String::new());
                    swap(&url, &html);
                }
                Err(()) => set_status.set(texts.failed.clone()),
            }
        });
    }

    async fn post_with_retries(
        action: &str,
        body: &UrlSearchParams,
        texts: &NetworkTexts,
        set_status: WriteSignal<String>,
    ) -> Result<(String, String), ()> {
        let mut pause = FIRST_PAUSE_MS;
        for attempt in 1..=ATTEMPTS {
            match post(action, body).await {
                Ok(done) => return Ok(done),
                Err(_) if attempt < ATTEMPTS => {
                    set_status.set(texts.retrying.clone());
                    sleep(pause).await;
                    pause *= 2;
                }
                Err(_) => break,
            }
        }
        Err(())
    }

    /// Posts like the browser would and follows the redirect to the page.
    async fn post(action: &str, body: &UrlSearchParams) -> Result<(String, String), JsValue> {
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(body);
        let headers = web_sys::Headers::new()?;
        headers.set("Accept", "text/html")?;
        headers.set("Content-Type", "application/x-www-form-urlencoded")?;
        init.set_headers(&headers);
        let response: Response = JsFuture::from(window().fetch_with_str_and_init(action, &init))
            .await?
            .dyn_into()?;
        // A server in trouble is retried like a lost network.
        if response.status() >= 500 {
            return Err(JsValue::from_str("server error"));
        }
        let text = JsFuture::from(response.text()?).await?;
        Ok((response.url(), text.as_string().unwrap_or_default()))
    }

    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        });
        let _ = JsFuture::from(promise).await;
    }

    /// Puts the answered page's content in place of ours, or goes to it when
    /// the server sent us to another page.
    fn swap(url: &str, html: &str) {
        let location = window().location();
        let here = location.pathname().unwrap_or_default();
        let there = web_sys::Url::new(url).ok().map(|u| u.pathname());
        if there.as_deref() != Some(here.as_str()) {
            let _ = location.assign(url);
            return;
        }
        let Ok(parser) = DomParser::new() else {
            return location.reload().unwrap_or_default();
        };
        let Ok(doc) = parser.parse_from_string(html, SupportedType::TextHtml) else {
            return location.reload().unwrap_or_default();
        };
        let fresh = doc.query_selector(".enhanced [data-swap]").ok().flatten();
        let current = document()
            .query_selector(".enhanced [data-swap]")
            .ok()
            .flatten();
        let (Some(fresh), Some(current)) = (fresh, current) else {
            return location.reload().unwrap_or_default();
        };
        current.set_inner_html(&fresh.inner_html());
        document().set_title(&doc.title());
        focus_new_content(&current);
    }

    /// Screen reader and keyboard users land on what changed: the message
    /// the server put first (an error, "vote recorded"), else the new card.
    fn focus_new_content(root: &Element) {
        let target = ["[role=alert]", "[role=status]", ".vote-card .proposal-text", "h2"]
            .iter()
            .find_map(|selector| root.query_selector(selector).ok().flatten());
        if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
        }
    }
}
