//! Voting in sequence: one proposal at a time, big buttons, progress, an
//! optional demographics card once per sequence, and at the end an invitation
//! to propose or see the results. The page renders the vote island: plain
//! form posts without JavaScript, background posts and no reloads with it.

use super::breadcrumb;
use crate::components::vote_step;
use crate::components::{load_page, Page};
use crate::consultation::service::sequence::vote_page;
use crate::islands::{NetworkTexts, VoteSequence};
use crate::pages::param;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

#[component]
pub fn VotePage() -> impl IntoView {
    let tr = Tr::current();
    let data = async {
        let ctx = Ctx::get()?;
        let page = vote_page(&ctx, &param("slug")).await?;
        let step = vote_step::step(&ctx, &page).to_html();
        Ok((page.consultation, step))
    };
    load_page(data, move |(c, step)| {
        let network = NetworkTexts {
            sending: tr.t("vote-network-sending"),
            retrying: tr.t("vote-network-retrying"),
            failed: tr.t("vote-network-failed"),
        };
        view! {
            <Page title=tr.t("consultation-vote")>
                {breadcrumb(tr, &c, Some(tr.t("consultation-vote")))}
                <h1 class="question">{c.question.clone()}</h1>
                <VoteSequence consultation=c.slug.clone() step network/>
            </Page>
        }
    })
}
