//! The live part of the Rendez-vous citoyen's pages (participant, projector,
//! host console): the current question, its answer form and its results, and
//! the approved audience questions. It follows the server-sent events of
//! `/api/rendezvous/{slug}/live`, each holding the whole state as JSON, and
//! updates its signals: no HTML is fetched or swapped. Without JavaScript
//! the same markup is served as it stands, forms post normally, and the page
//! offers a refresh link.

use crate::rendezvous::state::{AudienceItem, Bar, LiveQuestion, LiveState, PendingFeed, Word};
use leptos::prelude::*;

/// Every text the island shows, translated on the server.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct RoomLabels {
    pub question_title: String,
    pub no_question: String,
    pub open: String,
    pub closed: String,
    pub answers: String,
    pub room: String,
    pub remote: String,
    pub mean: String,
    pub option: String,
    pub count: String,
    pub share: String,
    pub submit: String,
    pub choose_mode: String,
    pub answered: String,
    pub waiting_results: String,
    pub several: String,
    pub words_hint: String,
    pub word_label: String,
    pub no_answers: String,
    pub audience_title: String,
    pub no_audience: String,
    pub upvote: String,
    pub upvotes: String,
    pub upvoted: String,
    pub answered_question: String,
}

/// The form addresses and hidden values the island's forms post.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct RoomForms {
    pub rendezvous: String,
    pub answer_action: String,
    pub upvote_action: String,
}

/// What identifies the question on screen: the answer form is rebuilt only
/// when it changes, so new results never reset a choice being made.
#[derive(Clone, Debug, PartialEq)]
struct Head {
    id: i64,
    kind: String,
    prompt: String,
    options: Vec<String>,
    open: bool,
}

fn head(q: &LiveQuestion) -> Head {
    Head {
        id: q.id,
        kind: q.kind.clone(),
        prompt: q.prompt.clone(),
        options: q.options.clone(),
        open: q.open,
    }
}

fn decimal(tenths: u32, comma: bool) -> String {
    let s = format!("{}.{}", tenths / 10, tenths % 10);
    if comma {
        s.replace('.', ",")
    } else {
        s
    }
}

#[island(lazy)]
pub fn LiveRoom(
    /// The event stream to follow.
    source: String,
    state: LiveState,
    /// "participant", "projector" or "console".
    view: String,
    labels: RoomLabels,
    forms: RoomForms,
    /// Questions this participant already answered.
    answered: Vec<i64>,
    /// Audience questions this participant already upvoted.
    upvoted: Vec<i64>,
    /// Whether the participant said where they follow from (needed to answer).
    has_mode: bool,
    /// French decimals ("4,2").
    comma: bool,
    /// The console's queue of questions waiting for moderation, with its
    /// staff-only stream; `None` on the public views.
    pending: Option<PendingFeed>,
) -> impl IntoView {
    let live = RwSignal::new(state);
    let (alive, set_alive) = signal(false);
    Effect::new(move |_| set_alive.set(true));
    #[cfg(feature = "hydrate")]
    client::follow(&source, "state", live);
    #[cfg(not(feature = "hydrate"))]
    let _ = source;
    let participant = view == "participant";
    let split = view != "participant";
    let head = Memo::new(move |_| live.with(|s| s.question.as_ref().map(head)));
    let labels = StoredValue::new(labels);
    let forms = StoredValue::new(forms);
    // Grows when an answer sent in the background is stored.
    let answered = RwSignal::new(answered);
    let problem = RwSignal::new(None::<String>);
    // With JavaScript the answer goes in the background: the page (and its
    // video) stays, and the next event brings the results. Without, or when
    // the request cannot be made, the form posts as usual.
    let on_submit = Callback::new(move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        client::send_answer(&ev, answered, problem);
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, answered, problem);
    });
    let upvoted = StoredValue::new(upvoted);

    let question_part = move || {
        let l = labels.get_value();
        let Some(h) = head.get() else {
            return view! { <p class="live-empty">{l.no_question}</p> }.into_any();
        };
        let done = answered.with(|a| a.contains(&h.id));
        let status = if h.open {
            l.open.clone()
        } else {
            l.closed.clone()
        };
        let form = (participant && h.open && !done && has_mode)
            .then(|| answer_form(&h, &l, &forms.get_value(), on_submit));
        let note = if participant && h.open && done {
            Some(l.answered.clone())
        } else if participant && h.open && !has_mode {
            Some(l.choose_mode.clone())
        } else {
            None
        };
        let show_results = !participant || done || !h.open;
        let prompt = form
            .is_none()
            .then(|| view! { <p class="live-prompt">{h.prompt.clone()}</p> });
        let results = if show_results {
            view! { <div class="live-results">{move || live.with(|s| s.question.as_ref().map(|q| results_view(q, &labels.get_value(), split, comma)))}</div> }.into_any()
        } else {
            view! { <p class="hint">{l.waiting_results.clone()}</p> }.into_any()
        };
        view! {
            <p class="live-status" class:live-open=h.open>{status}</p>
            {prompt}
            {note.map(|n| view! { <p class="notice">{n}</p> })}
            {form}
            {move || problem.get().map(|m| view! { <p class="field-problem" role="alert">{m}</p> })}
            {results}
        }
        .into_any()
    };

    let audience_part = move || {
        let l = labels.get_value();
        let items = live.with(|s| s.audience.clone());
        if items.is_empty() {
            return view! { <p>{l.no_audience}</p> }.into_any();
        }
        let f = forms.get_value();
        let list = items
            .into_iter()
            .map(|a| audience_item(a, &l, &f, participant, upvoted.with_value(|u| u.clone())))
            .collect_view();
        view! { <ol class="audience-list">{list}</ol> }.into_any()
    };

    let rendezvous = forms.with_value(|f| f.rendezvous.clone());
    let pending_part = pending.map(|feed| pending_queue(feed, rendezvous));

    let l = labels.get_value();
    view! {
        <div class=format!("live-room live-{view}") data-live=move || alive.get().then_some("on")>
            <section id="live-question" class="live-question" aria-labelledby="live-question-title">
                <h2 id="live-question-title">{l.question_title.clone()}</h2>
                <div aria-live="polite">{question_part}</div>
            </section>
            <section id="audience-live" class="audience" aria-labelledby="audience-live-title">
                <h2 id="audience-live-title">{l.audience_title.clone()}</h2>
                {audience_part}
            </section>
            {pending_part}
        </div>
    }
}

/// The pending questions with their moderation forms (plain posts), kept
/// up to date by the staff-only stream.
fn pending_queue(feed: PendingFeed, rendezvous: String) -> impl IntoView {
    let items = RwSignal::new(feed.items.clone());
    #[cfg(feature = "hydrate")]
    client::follow(&feed.source, "pending", items);
    let feed = StoredValue::new(feed);
    let title = move || {
        let count = items.with(Vec::len).to_string();
        feed.with_value(|f| f.title.replace("{count}", &count))
    };
    let list = move || {
        let f = feed.get_value();
        let items = items.get();
        if items.is_empty() {
            return view! { <p>{f.none.clone()}</p> }.into_any();
        }
        let list = items
            .into_iter()
            .map(|a| pending_item(a, &f, &rendezvous))
            .collect_view();
        view! { <ol class="audience-list">{list}</ol> }.into_any()
    };
    view! {
        <section id="pending" class="audience pending" aria-labelledby="pending-title">
            <h2 id="pending-title" aria-live="polite">{title}</h2>
            {list}
        </section>
    }
}

fn pending_item(a: AudienceItem, f: &PendingFeed, rendezvous: &str) -> impl IntoView {
    let mode = if a.mode == "room" { &f.room } else { &f.remote };
    let form = |status: &'static str, label: &str, class: &'static str| {
        view! {
            <form method="post" action=f.moderate_action.clone() class="inline-form">
                <input type="hidden" name="rendezvous" value=rendezvous.to_owned()/>
                <input type="hidden" name="question_id" value=a.id.to_string()/>
                <input type="hidden" name="status" value=status/>
                <button type="submit" class=class>{label.to_owned()}</button>
            </form>
        }
    };
    view! {
        <li class="audience-item">
            <p class="audience-body">{a.body.clone()}</p>
            <p class="audience-meta">{mode.clone()}</p>
            <div class="actions">
                {form("approved", &f.approve, "button small")}
                {form("rejected", &f.reject, "button secondary small")}
            </div>
        </li>
    }
}

fn answer_form(
    h: &Head,
    l: &RoomLabels,
    f: &RoomForms,
    on_submit: Callback<leptos::ev::SubmitEvent>,
) -> AnyView {
    let fields = match h.kind.as_str() {
        "word" => view! {
            <div class="field">
                <label for=format!("answer-{}", h.id)>{l.word_label.clone()}</label>
                <p class="hint" id=format!("answer-{}-hint", h.id)>{l.words_hint.clone()}</p>
                <input id=format!("answer-{}", h.id) name="text" type="text" maxlength="40" required=true
                    autocomplete="off" aria-describedby=format!("answer-{}-hint", h.id)/>
            </div>
        }
        .into_any(),
        kind => {
            let multiple = kind == "multiple";
            let options = h
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let id = format!("answer-{}-{i}", h.id);
                    let input = if multiple {
                        view! { <input type="checkbox" id=id.clone() name=format!("o{i}") value="on"/> }.into_any()
                    } else {
                        view! { <input type="radio" id=id.clone() name="choice" value=i.to_string() required=true/> }.into_any()
                    };
                    view! { <div class="choice">{input}<label for=id>{o.clone()}</label></div> }
                })
                .collect_view();
            let class = if kind == "rating" { "choices scale" } else { "choices" };
            view! {
                {multiple.then(|| view! { <p class="hint">{l.several.clone()}</p> })}
                <div class=class>{options}</div>
            }
            .into_any()
        }
    };
    view! {
        <form method="post" action=f.answer_action.clone() class="live-answer" on:submit=move |ev| on_submit.run(ev)>
            <input type="hidden" name="rendezvous" value=f.rendezvous.clone()/>
            <input type="hidden" name="question_id" value=h.id.to_string()/>
            <fieldset>
                <legend class="live-prompt">{h.prompt.clone()}</legend>
                {fields}
            </fieldset>
            <button type="submit" class="button">{l.submit.clone()}</button>
        </form>
    }
    .into_any()
}

fn results_view(q: &LiveQuestion, l: &RoomLabels, split: bool, comma: bool) -> AnyView {
    let total = view! {
        <p class="live-total">
            {l.answers.clone()}" : "<strong>{q.total.all}</strong>
            " ("{l.room.clone()}" "{q.total.room}", "{l.remote.clone()}" "{q.total.remote}")"
        </p>
    };
    if q.total.all == 0 {
        return view! { {total}<p>{l.no_answers.clone()}</p> }.into_any();
    }
    let mean = q.mean_tenths.map(|m| {
        let max = q.options.len();
        view! {
            <p class="live-mean">
                {l.mean.clone()}" : "<strong>{decimal(m.all, comma)}" / "{max}</strong>
                " ("{l.room.clone()}" "{decimal(m.room, comma)}", "{l.remote.clone()}" "{decimal(m.remote, comma)}")"
            </p>
        }
    });
    let body = if q.kind == "word" {
        words_view(&q.words, l)
    } else {
        bars_view(q, &q.bars, l, split)
    };
    view! { {total}{mean}{body} }.into_any()
}

fn bars_view(q: &LiveQuestion, bars: &[Bar], l: &RoomLabels, split: bool) -> AnyView {
    const ROW: usize = 36;
    let height = bars.len() * ROW;
    let max = bars.iter().map(|b| b.count.all).max().unwrap_or(0).max(1);
    let svg_bars = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i * ROW;
            let width = b.count.all as f64 / max as f64 * 250.0;
            let room = b.count.room as f64 / max as f64 * 250.0;
            view! {
                <text x="0" y=y + 12 class="chart-label">{b.label.clone()}</text>
                <rect x="0" y=y + 16 width=format!("{room:.1}") height="14" class="bar-room"/>
                <rect x=format!("{room:.1}") y=y + 16 width=format!("{:.1}", width - room) height="14" class="bar-remote"/>
                <text x=format!("{:.1}", width + 4.0) y=y + 28 class="chart-value">{format!("{} %", b.percent)}</text>
            }
        })
        .collect_view();
    let rows = bars
        .iter()
        .map(|b| {
            view! {
                <tr>
                    <th scope="row">{b.label.clone()}</th>
                    <td>{b.count.all}</td>
                    <td>{format!("{} %", b.percent)}</td>
                    {split.then(|| view! { <td>{b.count.room}</td><td>{b.count.remote}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="chart-with-table">
            <div>
                <svg class="chart live-chart" viewBox=format!("0 0 320 {height}") role="img" aria-label=q.prompt.clone()>
                <title>{q.prompt.clone()}</title>
                {svg_bars}
            </svg>
            <p class="chart-legend" aria-hidden="true">
                <span class="key key-room"></span>{l.room.clone()}" "
                <span class="key key-remote"></span>{l.remote.clone()}
            </p>
            </div>
            <table class="data-table">
                <caption class="visually-hidden">{q.prompt.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{l.option.clone()}</th>
                        <th scope="col">{l.count.clone()}</th>
                        <th scope="col">{l.share.clone()}</th>
                        {split.then(|| view! { <th scope="col">{l.room.clone()}</th><th scope="col">{l.remote.clone()}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn words_view(words: &[Word], l: &RoomLabels) -> AnyView {
    let max = words.iter().map(|w| w.count).max().unwrap_or(1).max(1);
    let items = words
        .iter()
        .map(|w| {
            // Five sizes, so the most cited stand out without unreadable extremes.
            let size = 1 + (w.count * 4).div_ceil(max).min(4);
            view! {
                <li class=format!("word word-{size}")>
                    {w.text.clone()}" "<span class="word-count">"("{w.count}")"</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="word-list" aria-label=l.answers.clone()>{items}</ul> }.into_any()
}

fn audience_item(
    a: AudienceItem,
    l: &RoomLabels,
    f: &RoomForms,
    participant: bool,
    upvoted: Vec<i64>,
) -> impl IntoView {
    let mine = upvoted.contains(&a.id);
    let action = if participant && !a.answered && !mine {
        Some(view! {
            <form method="post" action=f.upvote_action.clone() class="inline-form">
                <input type="hidden" name="rendezvous" value=f.rendezvous.clone()/>
                <input type="hidden" name="question_id" value=a.id.to_string()/>
                <button type="submit" class="button secondary small">{l.upvote.clone()}</button>
            </form>
        })
    } else {
        None
    };
    view! {
        <li class="audience-item" class:answered=a.answered>
            <p class="audience-body">{a.body}</p>
            <p class="audience-meta">
                <strong>{a.upvotes}</strong>" "{l.upvotes.clone()}
                {a.answered.then(|| view! { " · "{l.answered_question.clone()} })}
                {(participant && mine).then(|| view! { " · "{l.upvoted.clone()} })}
            </p>
            {action}
        </li>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use crate::error::AppError;
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        EventSource, FormData, Headers, HtmlFormElement, MessageEvent, RequestInit, Response,
        SubmitEvent, UrlSearchParams,
    };

    /// Sets `live` from each `event` of the stream `source`.
    pub fn follow<T>(source: &str, event: &str, live: RwSignal<T>)
    where
        T: serde::de::DeserializeOwned + Send + Sync + 'static,
    {
        // EventSource reconnects by itself after a network loss, and each
        // event holds the whole state, so nothing is missed.
        let Ok(events) = EventSource::new(source) else {
            return;
        };
        let on_state = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let parsed = ev
                .data()
                .as_string()
                .and_then(|s| serde_json::from_str::<T>(&s).ok());
            if let Some(state) = parsed {
                live.set(state);
            }
        });
        let _ = events.add_event_listener_with_callback(event, on_state.as_ref().unchecked_ref());
        on_state.forget();
        std::mem::forget(events);
    }

    thread_local! {
        static SENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Sends the answer form that `ev` submits in the background. Leaves the
    /// browser to post it when the request cannot be prepared, and posts it
    /// when the request fails on the way (the plain path then handles it).
    pub fn send_answer(
        ev: &SubmitEvent,
        answered: RwSignal<Vec<i64>>,
        problem: RwSignal<Option<String>>,
    ) {
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let Ok(data) = FormData::new_with_form(&form) else {
            return;
        };
        let Some(question) = data
            .get("question_id")
            .as_string()
            .and_then(|s| s.parse::<i64>().ok())
        else {
            return;
        };
        let Ok(body) = UrlSearchParams::new_with_str_sequence_sequence(&data) else {
            return;
        };
        ev.prevent_default();
        // A double tap sends once.
        if SENDING.with(|s| s.replace(true)) {
            return;
        }
        problem.set(None);
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        if let Ok(headers) = Headers::new() {
            // Asked for as data: a refusal comes back as its message.
            let _ = headers.set("Accept", "application/json");
            init.set_headers(&headers);
        }
        let action = form.action();
        leptos::task::spawn_local(async move {
            match post(&action, &init).await {
                Ok((true, _)) => {
                    problem.set(None);
                    answered.update(|a| a.push(question));
                }
                Ok((false, text)) => match serde_json::from_str::<AppError>(&text) {
                    Ok(err) => problem.set(Some(err.to_string())),
                    Err(_) => {
                        let _ = form.submit();
                    }
                },
                Err(_) => {
                    let _ = form.submit();
                }
            }
            SENDING.with(|s| s.set(false));
        });
    }

    async fn post(url: &str, init: &RequestInit) -> Result<(bool, String), JsValue> {
        let res: Response = JsFuture::from(window().fetch_with_str_and_init(url, init))
            .await?
            .dyn_into()?;
        let text = JsFuture::from(res.text()?).await?;
        Ok((res.ok(), text.as_string().unwrap_or_default()))
    }
}
