//! The ticket's files behind the private link: the QR code shown on the page
//! (and downloadable) and the `.ics` calendar file. The link's token is the
//! key, as for the page itself; a cancelled registration has no ticket.

use super::tickets;
use crate::event::service::{self, live_ticket};
use crate::event::store::registrations::Details;
use crate::event::store::Programme;
use crate::ssr::context::RequestInfo;
use crate::ssr::settings::Settings;
use crate::ssr::{Db, Tr};
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::sync::Arc;

/// The file, kept out of shared caches and search engines (it is a private link).
fn file(content_type: &'static str, disposition: String, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
            (
                header::HeaderName::from_static("x-robots-tag"),
                "noindex".to_owned(),
            ),
        ],
        body,
    )
        .into_response()
}

fn refused(
    result: Result<Option<(Programme, Details)>, sqlx::Error>,
) -> Result<(Programme, Details), StatusCode> {
    match result {
        Ok(Some(found)) => Ok(found),
        Ok(None) => Err(StatusCode::NOT_FOUND),
        Err(e) => {
            tracing::error!("ticket download: {e}");
            Err(StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

pub async fn ticket_png(
    Extension(db): Extension<Db>,
    Extension(info): Extension<RequestInfo>,
    Path((slug, token)): Path<(String, String)>,
) -> Response {
    match refused(live_ticket(&db, info.viewer.as_ref(), &slug, &token).await) {
        Ok((_, d)) => {
            let code = &d.registration.ticket_code;
            let name = tickets::qr_file_name(code);
            file(
                "image/png",
                format!("inline; filename=\"{name}\""),
                tickets::qr_png(code),
            )
        }
        Err(status) => status.into_response(),
    }
}

pub async fn calendar_ics(
    Extension(db): Extension<Db>,
    Extension(settings): Extension<Arc<Settings>>,
    Extension(info): Extension<RequestInfo>,
    Path((slug, token)): Path<(String, String)>,
) -> Response {
    match refused(live_ticket(&db, info.viewer.as_ref(), &slug, &token).await) {
        Ok((p, d)) => {
            let link = format!(
                "{}{}",
                settings.base_url,
                service::registration_path(&p.event, &token)
            );
            let ics = tickets::registration_calendar(&settings, &p, &d, Tr(info.lang), &link);
            file(
                "text/calendar; charset=utf-8",
                format!("attachment; filename=\"{}\"", tickets::CALENDAR_FILE_NAME),
                ics.into_bytes(),
            )
        }
        Err(status) => status.into_response(),
    }
}
