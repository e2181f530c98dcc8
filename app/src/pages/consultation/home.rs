//! A consultation's home: the question, whether it is open, the figures, and
//! the three ways in: vote, propose, see the results.

use super::{breadcrumb, figures, status_line};
use crate::components::{load_page, Page};
use crate::consultation::service::{self, pages::home_page};
use crate::pages::param;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

#[component]
pub fn ConsultationPage() -> impl IntoView {
    let tr = Tr::current();
    let data = async {
        let ctx = Ctx::get()?;
        let page = home_page(&ctx, &param("slug")).await?;
        Ok((ctx, page.consultation, page.figures))
    };
    load_page(data, move |(ctx, c, counts)| {
        let today = ctx.settings.today();
        let base = service::consultation_path(&c);
        let actions = if c.is_open(today) {
            view! {
                <p><a class="button big" href=format!("{base}/vote")>{tr.t("consultation-vote")}</a></p>
                <p><a class="button secondary" href=format!("{base}/propose")>{tr.t("consultation-propose")}</a></p>
            }
            .into_any()
        } else {
            view! { <p class="notice">{tr.t("consultation-error-closed")}</p> }.into_any()
        };
        view! {
            <Page title=c.question.clone()>
                {breadcrumb(tr, &c, None)}
                <h1>{c.question.clone()}</h1>
                {status_line(tr, &c, today)}
                <p>{tr.t_args("consultation-how", &[("prefix", c.proposal_prefix.clone())])}</p>
                {actions}
                {figures(tr, &c.slug, counts)}
                <p><a href=format!("{base}/results")>{tr.t("consultation-results")}</a></p>
                <p><a href=super::ideas::ideas_path(&c.slug)>{tr.t("ideas-link")}</a></p>
                <p><a href="/moderation-charter">{tr.t("charter-title")}</a></p>
                <p>{super::poster::printables_link(tr, &c)}</p>
            </Page>
        }
    })
}
