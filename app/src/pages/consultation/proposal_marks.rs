//! What the public sees of moderation on an idea: the mark of a spelling
//! correction with the author's own text, the count of duplicates merged
//! into it, and the page of a duplicate, which leads to the idea it repeats.

use super::breadcrumb;
use crate::components::Page;
use crate::consultation::store::proposals::Proposal;
use crate::consultation::store::Consultation;
use crate::ssr::Tr;
use leptos::prelude::*;

/// "Orthographe corrigée par la modération", when it was.
pub fn mark(tr: Tr, p: &Proposal) -> Option<impl IntoView> {
    p.is_corrected()
        .then(|| view! { <p class="edit-mark">{tr.t("proposal-corrected")}</p> })
}

/// The author's own text of a corrected idea, folded away.
pub fn original(tr: Tr, p: &Proposal) -> Option<impl IntoView> {
    p.original_content.clone().map(|text| {
        view! {
            <details class="original">
                <summary>{tr.t("proposal-original")}</summary>
                <p>{text}</p>
            </details>
        }
    })
}

/// "Cette idée regroupe 2 doublons", when some were merged into it.
pub fn merged(tr: Tr, count: i64) -> Option<impl IntoView> {
    (count > 0).then(|| {
        view! { <p class="merged-mark">{tr.t_args("proposal-merged", &[("count", count.to_string())])}</p> }
    })
}

/// A duplicate's page: its text, that it repeats another idea, and the link
/// to that one (its votes are kept but counted nowhere).
pub fn duplicate_page(
    tr: Tr,
    c: &Consultation,
    p: &Proposal,
    kept: Option<(Proposal, String)>,
    staff: Option<impl IntoView + 'static>,
) -> impl IntoView {
    let kept = match kept {
        Some((k, link)) => view! {
            <p class="duplicate-mark">{tr.t("proposal-duplicate")}</p>
            <p class="proposal-text"><a href=link>{k.content}</a></p>
            <p>{tr.t("proposal-duplicate-votes")}</p>
        }
        .into_any(),
        None => {
            view! { <p class="duplicate-mark">{tr.t("proposal-duplicate-gone")}</p> }.into_any()
        }
    };
    let crumbs = breadcrumb(tr, c, Some(tr.t("proposal-title")));
    let (question, content) = (c.question.clone(), p.content.clone());
    let (mark, original) = (mark(tr, p), original(tr, p));
    view! {
        <Page title=content.clone()>
            {crumbs}
            <h1>{tr.t("proposal-duplicate-title")}</h1>
            <p class="question">{question}</p>
            <blockquote class="duplicate"><p>{content}</p></blockquote>
            {mark}
            {original}
            {kept}
            {staff}
        </Page>
    }
}
