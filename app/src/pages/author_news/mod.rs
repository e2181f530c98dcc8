//! The author mails' pages: the unsubscribe page a mail links to (a confirm
//! button: a GET never unsubscribes), and the "publish the results" section
//! of a consultation's settings page.

use crate::author_news::api::PublishResults;
use crate::author_news::logic::token::unsubscribe_path;
use crate::author_news::service::{self, PublicationState, UnsubscribeView};
use crate::components::{load_page, FormAlert, Page};
use crate::error::AppError;
use crate::pages::param;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

async fn load_unsubscribe(token: String) -> Result<UnsubscribeView, AppError> {
    let ctx = Ctx::get()?;
    service::unsubscribe_view(&ctx, &token).await
}

/// `/unsubscribe/{token}`: says which address leaves which mails, with a
/// button posting to the same address (the one-click route); once done, says so.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let tr = Tr::current();
    let title = tr.t("author-news-unsubscribe-title");
    view! {
        <Page title=title.clone()>
            <h1>{title.clone()}</h1>
            {load_page(load_unsubscribe(param("token")), move |v| {
                let address = ("address", v.address.clone());
                if v.left {
                    view! {
                        <p role="status">{tr.t_args("author-news-unsubscribe-done", &[address])}</p>
                        <p><a href="/">{tr.t("error-back-home")}</a></p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>{tr.t_args("author-news-unsubscribe-ask", &[address])}</p>
                        <form method="post" action=unsubscribe_path(&v.token) class="stack">
                            <button type="submit" class="button">{tr.t("author-news-unsubscribe-confirm")}</button>
                        </form>
                    }
                    .into_any()
                }
            })}
        </Page>
    }
}

async fn load_state(component_id: i64) -> Result<PublicationState, AppError> {
    let ctx = Ctx::get()?;
    service::publication_state(&ctx, component_id).await
}

/// The settings page's section: publish the results once the consultation
/// has closed (which mails the authors), or when they were published.
#[component]
pub fn PublishResultsSection(component_id: i64) -> impl IntoView {
    let tr = Tr::current();
    load_page(load_state(component_id), move |s| {
        let form = Ctx::get()
            .map(|ctx| FormState::of(&ctx, "publish-results"))
            .unwrap_or_default();
        let body = match (s.published_on, s.closed) {
            (Some(date), _) => view! {
                <p>{tr.t_args("author-news-published-on", &[("date", date)])}</p>
            }
            .into_any(),
            (None, false) => view! { <p>{tr.t("author-news-error-open")}</p> }.into_any(),
            (None, true) => view! {
                <form method="post" action=PublishResults::url() class="stack">
                    <FormAlert message=form.message()/>
                    <input type="hidden" name="component_id" value=component_id/>
                    <p>{tr.t("author-news-publish-help")}</p>
                    <button type="submit" class="button">{tr.t("author-news-publish-button")}</button>
                </form>
            }
            .into_any(),
        };
        view! {
            <section aria-labelledby="publish-results">
                <h2 id="publish-results">{tr.t("author-news-publish-title")}</h2>
                {body}
            </section>
        }
    })
}
