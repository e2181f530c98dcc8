//! Voting in sequence without page reloads. The page is rendered on the
//! server by the same functions as here, with plain forms that post and come
//! back: voting works before (and without) any WASM. Once the island is
//! alive, a submit sends the same fields to `sequence_act` in the background
//! and the step it answers replaces the current one.
//!
//! A lost connection is retried with the same fields, hence the same
//! idempotency key (and, for "next", the same position): the server applies
//! each action once however many attempts reach it.

use crate::consultation::api::{SaveDemographics, SequenceStep, Vote};
use crate::consultation::sequence_view::{
    CardView, Choice, DemographicsView, Link, NetworkTexts, SequenceView, Step,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Called with the form's kind when one of the island's forms is submitted;
/// absent where the card is rendered without the island (the proposal page).
pub type Sender = Option<Callback<(&'static str, SubmitEvent)>>;

fn on_submit(send: Sender, form: &'static str) -> impl Fn(SubmitEvent) + 'static {
    move |ev| {
        if let Some(send) = send {
            send.run((form, ev));
        }
    }
}

#[island(lazy)]
pub fn VoteSequence(view: SequenceView, network: NetworkTexts) -> impl IntoView {
    let current = RwSignal::new(view);
    let status = RwSignal::new(String::new());
    // A refusal of a background post: shown above the step, which stays as
    // it is, with whatever was ticked or chosen.
    let refusal = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let (alive, set_alive) = signal(false);
    Effect::new(move |_| set_alive.set(true));
    #[cfg(feature = "hydrate")]
    let send: Sender = Some(client::sender(current, status, refusal, busy, network));
    #[cfg(not(feature = "hydrate"))]
    let send: Sender = {
        let _ = network;
        None
    };
    view! {
        <div class="vote-sequence" data-live=move || alive.get().then_some("on")
            aria-busy=move || busy.get().then_some("true")>
            {move || alert(refusal.get())}
            {move || current.with(|v| sequence(v, send))}
            <p class="network-status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
}

/// A hidden field.
fn hidden(name: &'static str, value: String) -> impl IntoView {
    view! { <input type="hidden" name=name value=value/> }
}

fn alert(message: Option<String>) -> impl IntoView {
    message.map(|m| view! { <div class="form-alert" role="alert"><p>{m}</p></div> })
}

fn button_link(link: &Link, class: &'static str) -> impl IntoView {
    view! { <p><a class=class href=link.href.clone()>{link.label.clone()}</a></p> }
}

/// The form that moves the sequence on ("next", "restart").
fn sequence_form(
    v: &SequenceView,
    action: &'static str,
    label: String,
    class: &'static str,
    send: Sender,
) -> impl IntoView {
    view! {
        <form method="post" action=SequenceStep::url() class="inline-form" on:submit=on_submit(send, "sequence")>
            {hidden("consultation", v.consultation.clone())}
            {hidden("action", action.to_owned())}
            {hidden("position", v.position.to_string())}
            <button type="submit" class=class>{label}</button>
        </form>
    }
}

/// The whole vote page content for one step.
pub fn sequence(v: &SequenceView, send: Sender) -> AnyView {
    let content = match &v.step {
        Step::Closed { message, results } => view! {
            <p class="notice">{message.clone()}</p>
            {button_link(results, "")}
        }
        .into_any(),
        Step::Empty { message, propose } => view! {
            <p>{message.clone()}</p>
            {button_link(propose, "button")}
        }
        .into_any(),
        Step::Done {
            title,
            summary,
            propose,
            results,
            restart,
        } => view! {
            <div class="vote-card done">
                <h2 tabindex="-1" data-focus="">{title.clone()}</h2>
                <p>{summary.clone()}</p>
                {button_link(propose, "button")}
                {button_link(results, "button secondary")}
                {sequence_form(v, "restart", restart.clone(), "small", send)}
            </div>
        }
        .into_any(),
        Step::Demographics(d) => demographics(v, d, send).into_any(),
        Step::Card {
            card: c,
            next,
            skip,
        } => {
            let after_vote = c
                .vote
                .is_some()
                .then(|| sequence_form(v, "next", next.clone(), "button", send).into_any());
            let skip = c
                .vote
                .is_none()
                .then(|| sequence_form(v, "next", skip.clone(), "link-button", send));
            view! {
                {card(c, v.alert.clone(), after_vote, send)}
                <p class="skip">{skip}</p>
            }
            .into_any()
        }
    };
    // A card shows its own refusal; other steps show it above.
    let alert_above = match &v.step {
        Step::Card { .. } | Step::Demographics(_) => None,
        _ => v.alert.clone(),
    };
    view! { {alert(alert_above)}{content} }.into_any()
}

fn select(
    name: &'static str,
    label: String,
    prefer_not: String,
    options: &[Choice],
    chosen: &str,
    error: Option<String>,
) -> impl IntoView {
    let options = options
        .iter()
        .map(|o| {
            let selected = o.value == chosen;
            view! { <option value=o.value.clone() selected=selected>{o.label.clone()}</option> }
        })
        .collect_view();
    let described = error.as_ref().map(|_| format!("f-{name}-err"));
    view! {
        <div class="field">
            <label for=format!("f-{name}")>{label}</label>
            {error.map(|e| view! { <p class="field-problem" id=format!("f-{name}-err")>{e}</p> })}
            <select id=format!("f-{name}") name=name aria-describedby=described>
                <option value="">{prefer_not}</option>
                {options}
            </select>
        </div>
    }
}

fn demographics(v: &SequenceView, d: &DemographicsView, send: Sender) -> impl IntoView {
    view! {
        <div class="vote-card">
            <h2 tabindex="-1" data-focus="">{d.title.clone()}</h2>
            <p>{d.intro.clone()}</p>
            <form method="post" action=SaveDemographics::url() class="stack" on:submit=on_submit(send, "demographics")>
                {alert(v.alert.clone())}
                {hidden("consultation", v.consultation.clone())}
                {select("age_bracket", d.age_label.clone(), d.prefer_not.clone(), &d.ages, &d.age, d.age_error.clone())}
                {select("neighbourhood", d.neighbourhood_label.clone(), d.prefer_not.clone(), &d.neighbourhoods, &d.neighbourhood, d.neighbourhood_error.clone())}
                <div class="row">
                    <button type="submit" name="action" value="save" class="button">{d.save.clone()}</button>
                    <button type="submit" name="action" value="skip" class="small">{d.skip.clone()}</button>
                </div>
            </form>
        </div>
    }
}

fn card_fields(c: &CardView) -> impl IntoView {
    view! {
        {hidden("proposal_id", c.proposal_id.to_string())}
        {hidden("served_in", c.served_in.clone())}
        {hidden("signature", c.signature.clone())}
        {hidden("back", c.back.clone())}
        {hidden("idempotency_key", c.idempotency_key.clone())}
    }
}

fn vote_buttons(c: &CardView, small: bool, send: Sender) -> impl IntoView {
    let current = c.vote.as_ref().map(|v| v.key.as_str());
    let buttons = c
        .keys
        .iter()
        .map(|k| {
            let pressed = (current == Some(k.value.as_str())).then_some("true");
            view! {
                <button type="submit" name="key" value=k.value.clone() class=format!("vote vote-{}", k.value) aria-pressed=pressed>
                    {k.label.clone()}
                </button>
            }
        })
        .collect_view();
    let class = if small {
        "vote-buttons small-buttons"
    } else {
        "vote-buttons"
    };
    view! {
        <form method="post" action=Vote::url() class=class on:submit=on_submit(send, "vote")>
            {card_fields(c)}
            {buttons}
        </form>
    }
}

/// One proposal card with its vote forms. `after_vote` shows once voted.
pub fn card(
    c: &CardView,
    refusal: Option<String>,
    after_vote: Option<AnyView>,
    send: Sender,
) -> impl IntoView {
    let t = &c.texts;
    let body = match &c.vote {
        None => view! {
            <p class="card-question">{t.prompt.clone()}</p>
            {vote_buttons(c, false, send)}
        }
        .into_any(),
        Some(vote) => {
            let checks = vote
                .checks
                .iter()
                .map(|q| {
                    let id = format!("q-{}-{}", c.proposal_id, q.slug);
                    view! {
                        <div class="field checkbox">
                            <input type="checkbox" id=id.clone() name=format!("q_{}", q.slug) value="on" checked=q.checked/>
                            <label for=id>{q.label.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <p class="voted" role="status">{vote.recorded.clone()}</p>
                <form method="post" action=Vote::url() class="qualify" on:submit=on_submit(send, "vote")>
                    {card_fields(c)}
                    <fieldset>
                        <legend>{t.qualify.clone()}</legend>
                        {checks}
                    </fieldset>
                    <button type="submit" name="key" value="qualify" class="small">{t.qualify_submit.clone()}</button>
                </form>
                {after_vote}
                <details class="change-vote">
                    <summary>{t.change.clone()}</summary>
                    {vote_buttons(c, true, send)}
                    <form method="post" action=Vote::url() on:submit=on_submit(send, "vote")>
                        {card_fields(c)}
                        <button type="submit" name="key" value="withdraw" class="link-button">{t.withdraw.clone()}</button>
                    </form>
                </details>
            }
            .into_any()
        }
    };
    let text_id = format!("proposal-{}", c.proposal_id);
    let labelled_by = text_id.clone();
    view! {
        <article class="vote-card" aria-labelledby=labelled_by>
            {c.progress.clone().map(|p| view! { <p class="progress">{p}</p> })}
            {alert(refusal)}
            <p class="proposal-text" id=text_id tabindex="-1" data-focus="">{c.content.clone()}</p>
            {body}
        </article>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use crate::consultation::api::sequence_act;
    use crate::consultation::sequence_view::{NetworkTexts, SequencePost, SequenceView};
    use crate::error::AppError;
    use leptos::ev::SubmitEvent;
    use leptos::prelude::*;
    use std::collections::VecDeque;
    use wasm_bindgen::JsCast;

    /// Attempts before giving up, and the first pause between them (doubled each time).
    const ATTEMPTS: u32 = 4;
    const FIRST_PAUSE_MS: i32 = 700;

    pub fn sender(
        current: RwSignal<SequenceView>,
        status: RwSignal<String>,
        refusal: RwSignal<Option<String>>,
        busy: RwSignal<bool>,
        texts: NetworkTexts,
    ) -> Callback<(&'static str, SubmitEvent)> {
        let texts = StoredValue::new(texts);
        // Posts wait their turn: a tap on "next" while qualifications are on
        // their way is sent after them, not lost. Each keeps its own fields
        // (key, position), so a double tap is still applied once.
        let queue = StoredValue::new(VecDeque::<SequencePost>::new());
        Callback::new(move |(form, ev): (&'static str, SubmitEvent)| {
            ev.prevent_default();
            queue.update_value(|q| {
                q.push_back(SequencePost {
                    consultation: current.with_untracked(|v| v.consultation.clone()),
                    form: form.to_owned(),
                    fields: fields(&ev),
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
                            current.set(next);
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
        })
    }

    /// The step that comes next; `Err(None)` when the network never answered.
    async fn send(
        act: SequencePost,
        status: RwSignal<String>,
        texts: StoredValue<NetworkTexts>,
    ) -> Result<SequenceView, Option<AppError>> {
        let mut pause = FIRST_PAUSE_MS;
        for attempt in 1..=ATTEMPTS {
            match sequence_act(act.clone()).await {
                Ok(next) => return Ok(next),
                // Transport failures (no network, a proxy's 502) are retried.
                Err(AppError::ServerFn(_)) if attempt < ATTEMPTS => {
                    status.set(texts.with_value(|t| t.retrying.clone()));
                    sleep(pause).await;
                    pause *= 2;
                }
                Err(AppError::ServerFn(_)) => return Err(None),
                Err(refusal) => return Err(Some(refusal)),
            }
        }
        Err(None)
    }

    /// The submitted form's fields, with the pressed button's name and value,
    /// exactly as the browser would post them.
    fn fields(ev: &SubmitEvent) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return out;
        };
        if let Ok(data) = web_sys::FormData::new_with_form(&form) {
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
