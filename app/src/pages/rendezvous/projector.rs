//! The projector view: the open question and its live results in large,
//! high-contrast type, the approved audience questions, and how to join from
//! a phone in the room (a QR code and the address in large type). No header
//! or footer: it fills the screen.

use super::{live_source, room_forms, room_labels};
use crate::components::load_page;
use crate::error::AppError;
use crate::islands::LiveRoom;
use crate::pages::param;
use crate::rendezvous::qr::join_svg;
use crate::rendezvous::service;
use crate::rendezvous::state::LiveState;
use crate::rendezvous::store::Rendezvous;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos_meta::Title;

async fn load(slug: String) -> Result<(Ctx, Rendezvous, LiveState), AppError> {
    let ctx = Ctx::get()?;
    let service::ProjectorPageData { r, state } = service::projector_page(&ctx, &slug).await?;
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
        // Labelled with the address itself: a screen reader reads what the
        // code holds, as the text beside it does for everyone.
        let qr = join_svg(
            &join,
            &tr.t_args("rendezvous-projector-qr", &[("url", join.clone())]),
        )
        .map(|svg| view! { <div class="projector-qr" inner_html=svg></div> });
        view! {
            <Title text=format!("{} · {}", tr.t("rendezvous-projector-title"), r.title)/>
            <main id="main" class="projector">
                <h1>{r.title.clone()}</h1>
                <div class="projector-join">
                    {qr}
                    <p>{tr.t("rendezvous-projector-join")}" "<strong>{join}</strong></p>
                </div>
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
                    pending=None
                />
                <p class="refresh"><a href=format!("/rendezvous/{}/projector", r.slug)>{tr.t("rendezvous-refresh")}</a></p>
            </main>
        }
    })
}
