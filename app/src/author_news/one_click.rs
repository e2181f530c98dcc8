//! `POST /unsubscribe/{token}`: the one-click unsubscribe of RFC 8058, also
//! the target of the page's confirm button. Mail providers post here without
//! cookies and from their own origin, so the route is exempt from the
//! same-origin check (`ssr::middleware`): it reads nothing but the signed
//! token in its address, so a cross-site post can do no more than whoever
//! holds the link may. A GET never unsubscribes (link scanners follow links).

use crate::ssr::db::Db;
use crate::ssr::refusal::{refuse, wants_html};
use crate::ssr::settings::Settings;
use axum::extract::{Path, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::sync::Arc;

/// Whether `path` is a one-click unsubscribe address (`/unsubscribe/{token}`).
pub fn is_one_click_path(path: &str) -> bool {
    path.strip_prefix("/unsubscribe/")
        .is_some_and(|token| !token.is_empty() && !token.contains('/'))
}

pub async fn unsubscribe(
    Extension(db): Extension<Db>,
    Extension(settings): Extension<Arc<Settings>>,
    Path(token): Path<String>,
    req: Request,
) -> Response {
    match super::service::unsubscribe(&db, &settings, &token).await {
        // A person pressed the page's button: back to the page, which now
        // says it is done (post, redirect, get).
        Ok(true) if wants_html(req.headers()) => (
            StatusCode::SEE_OTHER,
            [(
                header::LOCATION,
                super::logic::token::unsubscribe_path(&token),
            )],
        )
            .into_response(),
        Ok(true) => (StatusCode::OK, "unsubscribed\n").into_response(),
        Ok(false) => refuse(
            req.headers(),
            req.uri(),
            StatusCode::NOT_FOUND,
            "author-news-error-token",
        ),
        Err(e) => {
            tracing::error!("unsubscribe: {e}");
            refuse(
                req.headers(),
                req.uri(),
                StatusCode::SERVICE_UNAVAILABLE,
                "error-internal",
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_unsubscribe_addresses_are_one_click() {
        assert!(is_one_click_path("/unsubscribe/YW1pbmE.c2ln"));
        assert!(!is_one_click_path("/unsubscribe/"));
        assert!(!is_one_click_path("/unsubscribe/a/b"));
        assert!(!is_one_click_path("/api/staff/consultations/save"));
        assert!(!is_one_click_path("/x/unsubscribe/abc"));
    }
}
