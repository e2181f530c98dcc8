//! The built CSS, JavaScript and WASM under `/pkg`: served from the brotli
//! and gzip copies `cargo leptos build --release --precompress` writes at the
//! highest settings (rather than compressed again on every request), and
//! cached for a year by browsers when their names carry a content hash
//! (cargo-leptos `hash-files`), since a new build gets new names.

use axum::http::{header, HeaderValue};
use std::path::{Path, PathBuf};
use tower::Layer;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

/// The file cargo-leptos writes beside the server binary when it hashes names.
pub fn hash_file() -> Option<PathBuf> {
    let path = std::env::current_exe().ok()?.parent()?.join("hash.txt");
    path.exists().then_some(path)
}

/// Serves `dir` with its precompressed variants and the right cache policy.
pub fn pkg_service(dir: &Path, hashed_names: bool) -> SetResponseHeader<ServeDir, HeaderValue> {
    let policy = if hashed_names {
        "public, max-age=31536000, immutable"
    } else {
        // Unhashed names (a development build): always ask whether it changed.
        "no-cache"
    };
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(policy))
        .layer(ServeDir::new(dir).precompressed_br().precompressed_gzip())
}
