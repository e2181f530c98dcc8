//! Voting without page reloads. Every form inside works on its own without
//! JavaScript (it posts, the server redirects back, the next card renders).
//! Once the WASM is alive, this island sends the same post in the background,
//! reads the page the server answers with, and puts its content in place:
//! the same HTML, rendered by the same server code, with no reload and no
//! second rendering path to keep in step.
//!
//! A flaky network is retried with the same form, hence the same idempotency
//! key: the server applies the vote once however many attempts arrive.
//!
//! The answered page never enters WASM memory: it goes from `fetch` to the
//! browser's HTML parser as a JS value, and its nodes move into the page.
//! The island's own view is static (no reactive text), so hydration has
//! nothing to match but one element.

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
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            client::enhance(root, texts.clone());
        }
    });
    view! {
        <div class="enhanced" node_ref=root>
            <div data-swap="">{children()}</div>
            <p class="network-status" role="status" aria-live="polite"></p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use super::NetworkTexts;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        Document, Element, FormData, HtmlElement, HtmlFormElement, RequestInit,
        Response, SubmitEvent, UrlSearchParams,
    };

    #[wasm_bindgen]
    extern "C" {
        /// `DOMParser`, whose `parseFromString` takes the JS string as it
        /// came from `fetch`, so the page is not copied through WASM memory.
        #[wasm_bindgen(js_name = DOMParser)]
        type HtmlParser;
        #[wasm_bindgen(constructor, js_class = "DOMParser")]
        fn new() -> HtmlParser;
        #[wasm_bindgen(method, js_class = "DOMParser", js_name = parseFromString)]
        fn parse(this: &HtmlParser, html: &JsValue, kind: &str) -> Document;
    }

    /// Attempts before giving up, and the first pause between them (doubled each time).
    const ATTEMPTS: u32 = 4;
    const FIRST_PAUSE_MS: i32 = 800;

    /// Everything one submit needs, shared by the listener and its task.
    struct Island {
        root: web_sys::HtmlDivElement,
        texts: NetworkTexts,
        busy: Cell<bool>,
    }

    impl Island {
        fn say(&self, text: &str) {
            if let Ok(Some(status)) = self.root.query_selector(".network-status") {
                status.set_text_content(Some(text));
            }
        }

        fn set_busy(&self, busy: bool) {
            self.busy.set(busy);
            let _ = if busy {
                self.root.set_attribute("aria-busy", "true")
            } else {
                self.root.remove_attribute("aria-busy")
            };
        }
    }

    pub fn enhance(root: web_sys::HtmlDivElement, texts: NetworkTexts) {
        // The effect may run again; one listener is enough.
        if root.has_attribute("data-enhanced") {
            return;
        }
        let island = Rc::new(Island {
            root: root.clone(),
            texts,
            busy: Cell::new(false),
        });
        let on_submit = Closure::<dyn FnMut(SubmitEvent)>::new(move |ev: SubmitEvent| {
            submit(island.clone(), ev)
        });
        let _ = root.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_submit.forget();
        // Says (to tests, and to styles) that posts no longer reload the page.
        let _ = root.set_attribute("data-enhanced", "on");
    }

    fn submit(island: Rc<Island>, ev: SubmitEvent) {
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
        if island.busy.get() {
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
        island.set_busy(true);
        island.say(&island.texts.sending);
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = post_with_retries(&island, &action, &body).await;
            island.set_busy(false);
            match outcome {
                Ok((url, html)) => {
                    island.say("");
                    swap(&url, &html);
                }
                Err(()) => island.say(&island.texts.failed),
            }
        });
    }

    async fn post_with_retries(
        island: &Island,
        action: &str,
        body: &UrlSearchParams,
    ) -> Result<(String, JsValue), ()> {
        let mut pause = FIRST_PAUSE_MS;
        for attempt in 1..=ATTEMPTS {
            match post(action, body).await {
                Ok(done) => return Ok(done),
                Err(_) if attempt < ATTEMPTS => {
                    island.say(&island.texts.retrying);
                    sleep(pause).await;
                    pause *= 2;
                }
                Err(_) => break,
            }
        }
        Err(())
    }

    /// Posts like the browser would and follows the redirect to the page.
    async fn post(action: &str, body: &UrlSearchParams) -> Result<(String, JsValue), JsValue> {
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
        Ok((response.url(), text))
    }

    fn window() -> web_sys::Window {
        web_sys::window().expect("a window")
    }

    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        });
        let _ = JsFuture::from(promise).await;
    }

    /// Puts the answered page's content in place of ours, or goes to it when
    /// the server sent us to another page.
    fn swap(url: &str, html: &JsValue) {
        let location = window().location();
        let here = location.pathname().unwrap_or_default();
        let there = web_sys::Url::new(url).ok().map(|u| u.pathname());
        if there.as_deref() != Some(here.as_str()) {
            let _ = location.assign(url);
            return;
        }
        let doc = HtmlParser::new().parse(html, "text/html");
        let fresh = doc.query_selector(".enhanced [data-swap]").ok().flatten();
        let current = window()
            .document()
            .and_then(|d| d.query_selector(".enhanced [data-swap]").ok().flatten());
        let (Some(fresh), Some(current)) = (fresh, current) else {
            return location.reload().unwrap_or_default();
        };
        // The parsed nodes move into the page (adopted by `replaceWith`).
        if current.replace_with_with_node_1(&fresh).is_err() {
            return location.reload().unwrap_or_default();
        }
        if let Some(page) = window().document() {
            page.set_title(&doc.title());
        }
        focus_new_content(&fresh);
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
