//! The live page for participants, on a phone in the room or at home: where
//! they follow from (asked once), the video (loaded only on demand), the open
//! question with its results, the audience questions, the final evaluation
//! of the process and the restitution of what the process produced.

use super::{breadcrumb, live_source, room_forms, room_labels, when_where};
use crate::components::{load_page, FormAlert, Page, TextArea};
use crate::error::AppError;
use crate::islands::{LiveRoom, VideoPlayer};
use crate::pages::{param, query};
use crate::rendezvous::api::{Ask, ChooseMode};
use crate::rendezvous::logic::Mode;
use crate::rendezvous::service::restitution::{self, Restitution};
use crate::rendezvous::service::{self, Evaluation};
use crate::rendezvous::state::LiveState;
use crate::rendezvous::store::Rendezvous;
use crate::ssr::form::FormState;
use crate::ssr::{markdown, Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

struct LiveData {
    ctx: Ctx,
    r: Rendezvous,
    state: LiveState,
    mode: Option<Mode>,
    answered: Vec<i64>,
    upvoted: Vec<i64>,
    pending_mine: usize,
    restitution: Restitution,
    evaluation: Option<Evaluation>,
}

async fn load(slug: String, asked_mode: Option<String>) -> Result<LiveData, AppError> {
    let ctx = Ctx::get()?;
    let service::LivePageData {
        r,
        state,
        mode,
        answered,
        upvoted,
        pending_mine,
        restitution,
        evaluation,
    } = service::live_page(&ctx, &slug, asked_mode.as_deref().and_then(Mode::parse)).await?;
    Ok(LiveData {
        ctx,
        r,
        state,
        mode,
        answered,
        upvoted,
        pending_mine,
        restitution,
        evaluation,
    })
}

fn mode_section(tr: Tr, r: &Rendezvous, mode: Option<Mode>) -> impl IntoView {
    let buttons = |room_key: &str, remote_key: &str| {
        view! {
            <form method="post" action=ChooseMode::url() class="mode-form">
                <input type="hidden" name="rendezvous" value=r.slug.clone()/>
                <button type="submit" name="mode" value="room" class="button">{tr.t(room_key)}</button>
                <button type="submit" name="mode" value="remote" class="button">{tr.t(remote_key)}</button>
            </form>
        }
    };
    match mode {
        None => view! {
            <section class="mode-choice" aria-labelledby="mode-title">
                <h2 id="mode-title">{tr.t("rendezvous-mode-question")}</h2>
                <p class="hint">{tr.t("rendezvous-mode-why")}</p>
                {buttons("rendezvous-mode-in-room", "rendezvous-mode-at-home")}
            </section>
        }
        .into_any(),
        Some(m) => {
            let (now, other, other_value) = match m {
                Mode::Room => (
                    "rendezvous-mode-now-room",
                    "rendezvous-mode-switch-remote",
                    "remote",
                ),
                Mode::Remote => (
                    "rendezvous-mode-now-remote",
                    "rendezvous-mode-switch-room",
                    "room",
                ),
            };
            view! {
                <form method="post" action=ChooseMode::url() class="mode-current">
                    <input type="hidden" name="rendezvous" value=r.slug.clone()/>
                    <p>{tr.t(now)}" "
                        <button type="submit" name="mode" value=other_value class="link-button">{tr.t(other)}</button>
                    </p>
                </form>
            }
            .into_any()
        }
    }
}

fn video_section(tr: Tr, r: &Rendezvous) -> impl IntoView {
    (!r.video_url.is_empty()).then(|| {
        view! {
            <section id="video" class="video" aria-labelledby="video-title">
                <h2 id="video-title">{tr.t("rendezvous-video-title")}</h2>
                <VideoPlayer
                    url=r.video_url.clone()
                    title=tr.t_args("rendezvous-video-frame", &[("title", r.title.clone())])
                    play=tr.t("rendezvous-video-play")
                    note=tr.t("rendezvous-video-privacy")
                    started=query("video").as_deref() == Some("1")
                />
            </section>
        }
    })
}

/// The consultation's ideas and controversies, the published surveys, and
/// the symposium's action avenues.
pub fn restitution_view(tr: Tr, rest: &Restitution) -> impl IntoView {
    if rest.is_empty() {
        return None;
    }
    let ideas = |items: &[restitution::Idea]| {
        items
            .iter()
            .map(|i| {
                view! {
                    <li>
                        {i.content.clone()}
                        <span class="idea-figures">
                            " "{tr.t_args("rendezvous-idea-figures", &[("agree", i.agree.to_string()), ("disagree", i.disagree.to_string())])}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let consultations = rest
        .consultations
        .iter()
        .map(|c| {
            view! {
                <h3>{tr.t("rendezvous-restitution-consensus")}</h3>
                <p class="hint">{c.question.clone()}</p>
                {if c.consensus.is_empty() {
                    view! { <p>{tr.t("rendezvous-restitution-empty")}</p> }.into_any()
                } else {
                    view! { <ol class="ideas">{ideas(&c.consensus)}</ol> }.into_any()
                }}
                <h3>{tr.t("rendezvous-restitution-controversies")}</h3>
                {if c.controversies.is_empty() {
                    view! { <p>{tr.t("rendezvous-restitution-empty")}</p> }.into_any()
                } else {
                    view! { <ol class="ideas">{ideas(&c.controversies)}</ol> }.into_any()
                }}
                <p><a href=format!("/consultations/{}/results", c.slug)>{tr.t("rendezvous-restitution-all-results")}</a></p>
            }
        })
        .collect_view();
    let surveys = (!rest.surveys.is_empty()).then(|| {
        let items = rest
            .surveys
            .iter()
            .map(|s| {
                view! {
                    <li>
                        <a href=format!("/surveys/{}/results", s.slug)>{s.title.clone()}</a>
                        " "{tr.t_args("rendezvous-restitution-respondents", &[("count", s.respondents.to_string())])}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{tr.t("rendezvous-restitution-surveys")}</h3>
            <ul>{items}</ul>
        }
    });
    // The symposium's action avenues.
    let avenues = (!rest.avenues.is_empty()).then(|| {
        let items = rest
            .avenues
            .iter()
            .map(|a| view! { <li><strong>{a.title.clone()}</strong>" "{a.summary.clone()}</li> })
            .collect_view();
        view! {
            <h3>{tr.t("rendezvous-restitution-avenues")}</h3>
            <ul class="avenues">{items}</ul>
        }
    });
    Some(view! {
        <section id="restitution" class="restitution" aria-labelledby="restitution-title">
            <h2 id="restitution-title">{tr.t("rendezvous-restitution-title")}</h2>
            {consultations}
            {avenues}
            {surveys}
        </section>
    })
}

#[component]
pub fn LivePage() -> impl IntoView {
    let tr = Tr::current();
    load_page(load(param("slug"), query("mode")), move |d| {
        let LiveData {
            ctx,
            r,
            state,
            mode,
            answered,
            upvoted,
            pending_mine,
            restitution,
            evaluation,
        } = d;
        let alert = ["rendezvous-answer", "rendezvous-mode", "rendezvous-upvote"]
            .into_iter()
            .find_map(|f| FormState::of(&ctx, f).message());
        let ask = FormState::of(&ctx, "rendezvous-ask");
        let register = r.registration_open.then(|| {
            view! { <p><a class="button secondary" href=format!("/rendezvous/{}/register", r.slug)>{tr.t("rendezvous-register-link")}</a></p> }
        });
        let evaluation_view = evaluation.map(|e| {
            let link = if e.open {
                view! { <p><a class="button" href=format!("/surveys/{}", e.slug)>{tr.t("rendezvous-evaluation-answer")}</a></p> }.into_any()
            } else if e.published {
                view! { <p><a class="button secondary" href=format!("/surveys/{}/results", e.slug)>{tr.t("rendezvous-evaluation-results")}</a></p> }.into_any()
            } else {
                view! { <p>{tr.t("rendezvous-evaluation-closed")}</p> }.into_any()
            };
            view! {
                <section id="evaluation" class="evaluation" aria-labelledby="evaluation-title">
                    <h2 id="evaluation-title">{tr.t("rendezvous-evaluation-title")}</h2>
                    <p>{tr.t("rendezvous-evaluation-what")}</p>
                    {link}
                </section>
            }
        });
        let pending = (pending_mine > 0)
            .then(|| view! { <p class="notice">{tr.t("rendezvous-ask-pending")}</p> });
        let ask_section = view! {
            <section id="audience" class="ask" aria-labelledby="ask-title">
                <h2 id="ask-title">{tr.t("rendezvous-ask-title")}</h2>
                {pending}
                {if mode.is_some() {
                    view! {
                        <form method="post" action=Ask::url() class="ask-form">
                            <FormAlert message=ask.message()/>
                            <input type="hidden" name="rendezvous" value=r.slug.clone()/>
                            <TextArea name="body" label=tr.t("rendezvous-ask-label") value=ask.value("body", "")
                                error=ask.error("body") hint=tr.t("rendezvous-ask-hint") rows=3/>
                            <button type="submit" class="button">{tr.t("rendezvous-ask-submit")}</button>
                        </form>
                    }
                    .into_any()
                } else {
                    view! { <p>{tr.t("rendezvous-live-choose-mode")}</p> }.into_any()
                }}
            </section>
        };
        view! {
            <Page title=r.title.clone()>
                {breadcrumb(tr, &r, None)}
                <h1>{r.title.clone()}</h1>
                <p class="phase-when">{when_where(tr, &r)}</p>
                <div class="prose" inner_html=markdown::render(&r.description)></div>
                {register}
                {mode_section(tr, &r, mode)}
                {video_section(tr, &r)}
                <FormAlert message=alert/>
                <LiveRoom
                    source=live_source(&r)
                    state=state
                    view="participant".to_owned()
                    labels=room_labels(tr)
                    forms=room_forms(&r)
                    answered=answered
                    upvoted=upvoted
                    has_mode=mode.is_some()
                    comma=tr.lang() == crate::lang::Lang::Fr
                    pending=None
                />
                <p class="refresh"><a href=format!("/rendezvous/{}#live-question", r.slug)>{tr.t("rendezvous-refresh")}</a></p>
                {ask_section}
                {evaluation_view}
                {restitution_view(tr, &restitution)}
            </Page>
        }
    })
}
