//! What a city prints to bring residents to the vote: an A4 poster (the
//! question, a QR code of the short address, the address in large type, the
//! dates) and a sheet of four flyers; and the short address itself, which
//! redirects. Open to everyone, like the consultation (drafts to staff only).
//! The print stylesheet drops the site's chrome; the print button is an
//! island, and without JavaScript the page says to use the browser's command.

use super::breadcrumb;
use crate::components::{load_page, Page};
use crate::consultation::logic::short_link::ShortTarget;
use crate::consultation::service::posters::{poster_page, short_link_target, PosterPage};
use crate::islands::PrintButton;
use crate::pages::param;
use crate::rendezvous::qr::join_svg;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

/// The poster's and flyer's addresses.
pub fn poster_path(slug: &str) -> String {
    format!("/consultations/{slug}/poster")
}

pub fn flyer_path(slug: &str) -> String {
    format!("/consultations/{slug}/flyer")
}

/// A type size for the question, so that a long one still fits its sheet.
fn question_size(question: &str) -> &'static str {
    match question.chars().count() {
        0..=70 => "size-l",
        71..=140 => "size-m",
        _ => "size-s",
    }
}

/// One poster or flyer. `copy` is the copy's number on its sheet: only the
/// first is read out, the others repeat it for the scissors.
fn sheet(tr: Tr, page: &PosterPage, class: &'static str, copy: usize) -> impl IntoView {
    let c = &page.consultation;
    let label = tr.t_args("path-poster-qr", &[("url", page.short_url.clone())]);
    let qr = join_svg(&page.short_url, &label)
        .map(|svg| view! { <div class="poster-qr" inner_html=svg></div> });
    let dates = tr.t_args(
        "path-poster-dates",
        &[("range", tr.date_range(c.opens_on, c.closes_on))],
    );
    let hidden = (copy > 0).then_some("true");
    let heading = (copy == 0).then(|| format!("{class}-question"));
    let labelled_by = heading.clone();
    view! {
        <article class=class aria-hidden=hidden aria-labelledby=labelled_by>
            <p class="poster-kicker">{tr.t("path-poster-kicker")}</p>
            <h2 id=heading class=format!("poster-question {}", question_size(&c.question))>{c.question.clone()}</h2>
            <p class="poster-dates">{dates}</p>
            {qr}
            <p class="poster-scan">{tr.t("path-poster-scan")}</p>
            <p class="poster-address">{page.short_text.clone()}</p>
            <p class="poster-how">{tr.t("path-poster-how")}</p>
        </article>
    }
}

/// The screen-only part: where we are, what this is, print, the other format.
fn toolbar(
    tr: Tr,
    page: &PosterPage,
    title: String,
    intro: String,
    other: AnyView,
) -> impl IntoView {
    let c = &page.consultation;
    let warning = match page.target {
        ShortTarget::Vote => None,
        ShortTarget::Results => Some(tr.t("path-poster-closed")),
        ShortTarget::Home => {
            Some(tr.t_args("path-poster-upcoming", &[("date", tr.date(c.opens_on))]))
        }
    }
    .map(|text| view! { <p class="notice" role="status">{text}</p> });
    view! {
        <div class="no-print">
            {breadcrumb(tr, c, Some(title.clone()))}
            <h1>{title}</h1>
            <p>{intro}</p>
            {warning}
            <PrintButton label=tr.t("path-print")/>
            <noscript><p class="hint">{tr.t("path-print-hint")}</p></noscript>
            <p>{other}</p>
        </div>
    }
}

async fn load() -> Result<PosterPage, crate::error::AppError> {
    poster_page(&Ctx::get()?, &param("slug")).await
}

#[component]
pub fn PosterPage() -> impl IntoView {
    let tr = Tr::current();
    load_page(load(), move |page: PosterPage| {
        let title = tr.t("path-poster-title");
        let other = view! {
            <a href=flyer_path(&page.consultation.slug)>{tr.t("path-poster-to-flyer")}</a>
        }
        .into_any();
        view! {
            <Page title=format!("{title} · {}", page.consultation.question)>
                {toolbar(tr, &page, title.clone(), tr.t("path-poster-intro"), other)}
                {sheet(tr, &page, "poster", 0)}
            </Page>
        }
    })
}

/// Copies of the flyer on one A4 sheet: 2 columns of 2 (A6 once cut).
pub const FLYERS_PER_SHEET: usize = 4;

#[component]
pub fn FlyerPage() -> impl IntoView {
    let tr = Tr::current();
    load_page(load(), move |page: PosterPage| {
        let title = tr.t("path-flyer-title");
        let other = view! {
            <a href=poster_path(&page.consultation.slug)>{tr.t("path-flyer-to-poster")}</a>
        }
        .into_any();
        let flyers = (0..FLYERS_PER_SHEET)
            .map(|copy| sheet(tr, &page, "flyer", copy))
            .collect_view();
        view! {
            <Page title=format!("{title} · {}", page.consultation.question)>
                {toolbar(tr, &page, title.clone(), tr.t("path-flyer-intro"), other)}
                <div class="flyer-sheet">{flyers}</div>
            </Page>
        }
    })
}

/// `/v/<code>`: the short address, redirecting to where it leads today.
#[component]
pub fn ShortLinkPage() -> impl IntoView {
    let tr = Tr::current();
    let data = async { short_link_target(&Ctx::get()?, &param("code")).await };
    load_page(data, move |to: String| {
        leptos_axum::redirect(&to);
        view! {
            <Page title=tr.t("path-short-title")>
                <p><a href=to>{tr.t("path-short-continue")}</a></p>
            </Page>
        }
    })
}

/// The consultation home's link to the printables.
pub fn printables_link(tr: Tr, c: &crate::consultation::store::Consultation) -> impl IntoView {
    view! { <a href=poster_path(&c.slug)>{tr.t("path-poster-link")}</a> }
}

/// The results page's print button (a paper report for the seminar).
pub fn print_results_button(tr: Tr) -> impl IntoView {
    view! {
        <div class="no-print print-results">
            <PrintButton label=tr.t("path-results-print")/>
        </div>
    }
}

/// On paper only: the day the results were printed, since they keep moving
/// while the consultation is open.
pub fn printed_on(tr: Tr, today: chrono::NaiveDate) -> impl IntoView {
    view! { <p class="print-only">{tr.t_args("path-results-printed", &[("date", tr.date(today))])}</p> }
}
