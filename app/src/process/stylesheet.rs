//! `GET /themes.css`: the colours of the theme chips, one rule per coloured
//! theme. A stylesheet of the site's own, since the CSP refuses inline
//! styles; revalidated on each use (ETag) so a new colour shows at once.

use crate::ssr::Db;
use axum::extract::Extension;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use std::hash::{Hash, Hasher};

pub async fn themes_css(Extension(db): Extension<Db>, headers: HeaderMap) -> Response {
    let css = match super::service::themes::chips_css(&db).await {
        Ok(css) => css,
        Err(e) => {
            tracing::error!("theme stylesheet: {e}");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    css.hash(&mut hasher);
    let etag = format!("\"{:x}\"", hasher.finish());
    let cache = [
        (header::CACHE_CONTROL, "no-cache".to_owned()),
        (header::ETAG, etag.clone()),
    ];
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == etag);
    if fresh {
        return (StatusCode::NOT_MODIFIED, cache).into_response();
    }
    (
        cache,
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        css,
    )
        .into_response()
}
