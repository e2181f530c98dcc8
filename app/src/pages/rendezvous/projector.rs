//! The projector view: the open question and its live results in large,
//! high-contrast type, the approved audience questions, and how to join from
//! a phone in the room. No header or footer: it fills the screen.

use super::{live_source, room_forms, room_labels};
use crate::components::load_page;
use crate::error::AppError;
use crate::islands::LiveRoom;
use crate::pages::param;
use crate::rendezvous::service;
use crate::rendezvous::state::LiveState;
use crate::rendezvous::store::{self, Rendezvous};
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos_meta::Title;

async fn load(slug: String) -> Result<(Ctx, Rendezvous, LiveState), AppError> {
    let ctx = Ctx::get()?;
    let r = service::rendezvous(&ctx, &slug).await?;
    let state = store::live_state(&ctx.db, r.id)
        .await
        .map_err(|e| ctx.internal(e))?;
    Ok((ctx, r, state))
}

#[component]
pub fn ProjectorPage() -> impl IntoView {
    let tr = Tr::current();
    load_page(load(param("slug")), move |(ctx, r, state)| {
        let join = format!(
            "{}/rendezvous/{}?mode=room",
            ctx.settings.base_url.trim_end_matches('/'),
            r.slug
        );
        view! {
            <Title text=format!("{} · {}", tr.t("rendezvous-projector-title"), r.title)/>
            <main id="main" class="projector">
                <h1>{r.title.clone()}</h1>
                <p class="projector-join">{tr.t("rendezvous-projector-join")}" "<strong>{join}</strong></p>
                <LiveRoom
                    source=live_source(&r)
                    state=state
                    view="projector".to_owned()
                    labels=room_labels(tr)
                    forms=room_forms(&r)
                    answered=Vec::new()
                    upvoted=Vec::new()
                    has_mode=false
                    comma=tr.lang() == crate::lang::Lang::Fr
                />
                <p class="refresh"><a href=format!("/rendezvous/{}/projector", r.slug)>{tr.t("rendezvous-refresh")}</a></p>
            </main>
        }
    })
}
