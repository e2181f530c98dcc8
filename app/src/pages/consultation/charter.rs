//! The public moderation charter: what is published and why a proposal can be refused.

use crate::components::Page;
use crate::consultation::logic::rules::REFUSAL_REASONS;
use crate::ssr::Tr;
use leptos::prelude::*;

#[component]
pub fn CharterPage() -> impl IntoView {
    let tr = Tr::current();
    let reasons = REFUSAL_REASONS
        .iter()
        .map(|r| view! { <li>{tr.t(&format!("refusal-{r}"))}</li> })
        .collect_view();
    view! {
        <Page title=tr.t("charter-title")>
            <h1>{tr.t("charter-title")}</h1>
            <p>{tr.t("charter-intro")}</p>
            <h2>{tr.t("charter-rules")}</h2>
            <p>{tr.t("charter-rules-text")}</p>
            <h2>{tr.t("charter-reasons")}</h2>
            <ul>{reasons}</ul>
            <h2>{tr.t("charter-report")}</h2>
            <p>{tr.t("charter-report-text")}</p>
        </Page>
    }
}
