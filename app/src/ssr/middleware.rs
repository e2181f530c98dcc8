//! The request-context middleware: before every page and server function it
//! refuses cross-site posts, picks the language, finds the signed-in staff
//! member and takes the flash left by a plain-form redirect.

use super::db::Db;
use super::flash::Flash;
use super::refusal::{negotiate, refuse, url_lang, wants_html};
use super::request::{RequestInfo, FLASH_KEY, LANG_COOKIE, STAFF_KEY};
use super::same_origin::{from_site, origin_of, Provenance};
use super::settings::Settings;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use tower_sessions::Session;

/// A request that changes something must come from the site's own pages
/// (`same_origin`): the session cookie is `SameSite=Lax`, and this closes the
/// gap for browsers without that attribute and for sibling sub-domains,
/// whatever the content type (a `text/plain` post needs no preflight).
fn cross_site_post(req: &Request) -> bool {
    if req.method().is_safe() {
        return false;
    }
    // RFC 8058 one-click unsubscribe: posted by mail providers from their own
    // origin; it acts on the signed token in the address only (no cookie,
    // no session), see `author_news::one_click`.
    if req.method() == Method::POST
        && crate::author_news::one_click::is_one_click_path(req.uri().path())
    {
        return false;
    }
    let base_url = req
        .extensions()
        .get::<Arc<Settings>>()
        .map(|s| s.base_url.as_str())
        .unwrap_or_default();
    let Some(site) = origin_of(base_url) else {
        tracing::error!("PARTICIPE_BASE_URL is not an address: {base_url}");
        return true;
    };
    let text = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
    !from_site(
        &site,
        Provenance {
            // An Origin that is not text is no origin of ours.
            origin: req
                .headers()
                .get(header::ORIGIN)
                .map(|v| v.to_str().unwrap_or("null")),
            sec_fetch_site: text("sec-fetch-site"),
            referer: text("referer"),
        },
    )
}

pub async fn request_context(mut req: Request, next: Next) -> Response {
    if cross_site_post(&req) {
        return refuse(
            req.headers(),
            req.uri(),
            StatusCode::FORBIDDEN,
            "error-cross-site",
        );
    }
    let url_lang = url_lang(req.uri());
    let lang = negotiate(req.headers(), req.uri());
    let plain_html = wants_html(req.headers());
    let db = req.extensions().get::<Db>().cloned();
    let session = req.extensions().get::<Session>().cloned();
    let mut viewer = None;
    let mut flash = Flash::default();
    // Pages and API calls need the viewer; static files (CSS, WASM, images: the
    // only paths with a file extension) are served without touching the session store.
    let path = req.uri().path();
    let is_file = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    let needs_session = !is_file || path.starts_with("/api/");
    if let (Some(db), Some(session), true) = (db, session, needs_session) {
        if let Ok(Some(staff_id)) = session.get::<i64>(STAFF_KEY).await {
            // The account checks that the session still holds (password, disabled, lifetime).
            let lifetime = req
                .extensions()
                .get::<std::sync::Arc<super::settings::Settings>>()
                .map_or(crate::account::session::DEFAULT_LIFETIME, |s| {
                    s.staff_session
                });
            viewer =
                crate::account::session::signed_in_staff(&db, &session, staff_id, lifetime).await;
        }
        // Only a page being shown consumes the flash; assets and API calls leave it.
        let is_page =
            req.method() == Method::GET && !req.uri().path().starts_with("/api/") && plain_html;
        if is_page {
            if let Ok(Some(f)) = session.remove::<Flash>(FLASH_KEY).await {
                flash = f;
            }
        }
    }
    req.extensions_mut().insert(RequestInfo {
        lang,
        viewer,
        flash,
        plain_html,
    });
    let mut res = next.run(req).await;
    if let Some(lang) = url_lang {
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}
