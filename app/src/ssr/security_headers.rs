//! The browser-side defences every response carries: a Content-Security-Policy
//! with a fresh nonce per request (the only scripts that run are the ones the
//! server wrote into this page), no framing of the site by others, HSTS when
//! the site is served over https.
//!
//! The middleware makes the nonce and puts it in the request; Leptos renders
//! it on its hydration scripts through [`provide_request_nonce`], given to
//! the routes as their additional context.

use super::settings::Settings;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;
use std::sync::Arc;

/// The nonce of the request being served.
#[derive(Debug, Clone)]
pub struct CspNonce(pub Nonce);

/// The policy of an HTML page. Scripts: only those carrying the nonce, and
/// the site's own files they import (the lazy islands' chunks); WASM must be
/// compiled. Frames: only the video hosts, and nobody may frame the site.
pub fn page_policy(nonce: &str, video_hosts: &[String]) -> String {
    let frames = if video_hosts.is_empty() {
        "'none'".to_owned()
    } else {
        video_hosts
            .iter()
            .map(|h| format!("https://{h}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; \
         media-src 'self'; frame-src {frames}; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of everything else (files, data, event streams): nothing runs,
/// should one be opened as a page.
pub const OTHER_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

/// Browsers remember for a year to come back over https only.
pub const HSTS: &str = "max-age=31536000";

/// Provides the request's nonce to Leptos, replacing the one it would make,
/// so that the page's scripts carry the nonce of the response's header.
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    if let Some(CspNonce(nonce)) = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
    {
        provide_context(nonce);
    }
}

/// Middleware: a nonce for the request, the headers on the response.
pub async fn secure(mut req: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let settings = req.extensions().get::<Arc<Settings>>().cloned();
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let policy = if html {
        let hosts = settings.as_ref().map_or(&[][..], |s| &s.video_hosts[..]);
        page_policy(&nonce, hosts)
    } else {
        OTHER_POLICY.to_owned()
    };
    let headers = res.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if settings.is_some_and(|s| s.secure_cookies) {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_allows_the_nonce_and_the_video_hosts_only() {
        let p = page_policy(
            "abc",
            &["www.youtube-nocookie.com".into(), "player.vimeo.com".into()],
        );
        assert!(
            p.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"),
            "{p}"
        );
        assert!(!p.contains("unsafe-inline"), "{p}");
        assert!(
            p.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;"),
            "{p}"
        );
        assert!(p.contains("frame-ancestors 'none'"), "{p}");
        assert!(p.contains("form-action 'self'"), "{p}");
        assert!(page_policy("n", &[]).contains("frame-src 'none';"));
    }
}
