//! The author mails' server function: the staff action that publishes a
//! consultation's results (and mails the authors). Unsubscribing is a plain
//! route (`one_click`), as RFC 8058 posts to the address in the mail.

use super::forms::PublishResultsForm;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "staff/consultations/publish-results")]
pub async fn publish_results(#[server(flatten)] form: PublishResultsForm) -> Result<(), AppError> {
    crate::ssr::form::answer("publish-results", &form, async |ctx| {
        super::service::publish_results(ctx, &form).await
    })
    .await
}
