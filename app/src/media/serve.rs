//! `GET /media/{name}`: a variant, served for a year. Its name holds the
//! hash of the upload, so it never changes once published.

use super::logic;
use crate::ssr::settings::Settings;
use crate::ssr::Db;
use axum::extract::{Extension, Path};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

pub async fn variant(
    Extension(db): Extension<Db>,
    Extension(settings): Extension<Arc<Settings>>,
    Path(name): Path<String>,
) -> Response {
    match super::store::variant(&db, &settings.media_dir, &name).await {
        Ok(Some(bytes)) => {
            let ext = name.rsplit('.').next().unwrap_or_default();
            let mut res = bytes.into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(logic::content_type(ext)),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            res
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!("serving the media {name}: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
