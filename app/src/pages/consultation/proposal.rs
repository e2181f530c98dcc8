//! One published proposal: vote on it, share it, report it. A vote here counts
//! as "trusted" when the page was reached from within the site (a site page's
//! link carried a fresh signed token, `?from=…`), and is kept but not counted
//! when it came from a shared link.

use super::breadcrumb;
use crate::components::vote_card::VoteCard;
use crate::components::vote_step::CardForm;
use crate::components::{load_page, Page};
use crate::consultation::api::ReportProposal;
use crate::consultation::logic::rules::REPORT_REASONS;
use crate::consultation::service::ideas::fate;
use crate::consultation::service::{self, pages::proposal_page};
use crate::pages::{param, query};
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn ProposalPage() -> impl IntoView {
    let tr = Tr::current();
    let id: i64 = param("id").parse().unwrap_or(-1);
    // The site-link token of the link followed, if any: it alone says the
    // page was reached from within the site (never a header).
    let from = query("from").unwrap_or_default();
    let data = async move {
        let ctx = Ctx::get()?;
        let page = proposal_page(&ctx, &param("slug"), id, &from).await?;
        let fate = fate(&ctx, &page.consultation, page.proposal.id).await?;
        Ok((ctx, page, fate))
    };
    load_page(data, move |(ctx, page, fate)| {
        let c = page.consultation;
        let proposal = page.proposal;
        let base = service::consultation_path(&c);
        let here = service::proposal_path(&c, proposal.id);
        let open = c.is_open(ctx.settings.today());
        let staff = ctx
            .viewer()
            .is_some_and(|u| u.role.allows(crate::model::Role::Moderator))
            .then(|| view! { <p><a href=format!("/moderation/proposals/{}", proposal.id)>{tr.t("proposal-moderate")}</a></p> });
        let corrected = super::proposal_marks::original(tr, &proposal);
        let merged = super::proposal_marks::merged(tr, page.merged);
        if let Some(kept) = page.duplicate_of {
            return super::proposal_marks::duplicate_page(tr, &c, &proposal, kept, staff)
                .into_any();
        }
        let card = if open {
            // A plain vote comes back to the page as reached: from within the site or not.
            let back = match page.site_link.as_str() {
                "" => here.clone(),
                token => format!("{here}?from={token}"),
            };
            let form = CardForm {
                served_in: page.served_in,
                signature: page.signature,
                from: page.site_link,
                back,
                idempotency_key: page.idempotency_key,
            };
            view! {
                <VoteCard proposal=proposal.clone() form current=page.vote/>
            }
            .into_any()
        } else {
            view! {
                <p class="proposal-text">{proposal.content.clone()}</p>
                {super::proposal_marks::mark(tr, &proposal)}
                <p class="notice">{tr.t("consultation-error-closed")}</p>
            }
            .into_any()
        };
        let reasons = REPORT_REASONS
            .iter()
            .map(|r| view! { <option value=*r>{tr.t(&format!("report-{r}"))}</option> })
            .collect_view();
        let share = format!("{}{here}", ctx.settings.base_url);
        view! {
            <Page title=proposal.content.clone()>
                {breadcrumb(tr, &c, Some(tr.t("proposal-title")))}
                <h1 class="visually-hidden">{tr.t("proposal-title")}</h1>
                <p class="question">{c.question.clone()}</p>
                {card}
                {corrected}
                {merged}
                <p class="author">{tr.t_args("proposal-by", &[("name", proposal.author_name.clone())])}</p>
                <p><a class="button secondary" href=format!("{base}/vote")>{tr.t("proposal-more")}</a></p>
                {super::idea_fate::section(tr, &c, fate)}
                <section aria-labelledby="share-title">
                    <h2 id="share-title">{tr.t("proposal-share")}</h2>
                    <p><label for="share-link">{tr.t("proposal-share-link")}</label></p>
                    <input id="share-link" type="text" readonly value=share/>
                </section>
                <details class="report">
                    <summary>{tr.t("report-title")}</summary>
                    <form method="post" action=ReportProposal::url() class="stack narrow">
                        <input type="hidden" name="proposal_id" value=proposal.id/>
                        <div class="field">
                            <label for="f-reason">{tr.t("report-reason")}</label>
                            <select id="f-reason" name="reason">{reasons}</select>
                        </div>
                        <button type="submit" class="small">{tr.t("report-submit")}</button>
                    </form>
                </details>
                {staff}
            </Page>
        }
        .into_any()
    })
}
