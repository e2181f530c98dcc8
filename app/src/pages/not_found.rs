//! The page for an address that leads nowhere, with a 404 status.

use crate::components::{ErrorView, Page};
use crate::error::AppError;
use crate::ssr::Tr;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("error-title")>
            <ErrorView error=AppError::NotFound(tr.t("error-not-found"))/>
        </Page>
    }
}
