//! The request-context middleware: before every page and server function it
//! refuses cross-site posts, picks the language, finds the signed-in staff
//! member and takes the flash left by a plain-form redirect.

use super::db::Db;
use super::flash::Flash;
use super::request::{RequestInfo, FLASH_KEY, LANG_COOKIE, STAFF_KEY};
use crate::lang::Lang;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

fn cookie<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
}

fn query_param<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.uri()
        .query()?
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
}

/// A cross-site form post is refused: the session cookie is `SameSite=Lax`, and
/// this closes the gap for browsers that send `Origin` but not that attribute.
fn cross_site_post(req: &Request) -> bool {
    if req.method() != Method::POST {
        return false;
    }
    let (Some(origin), Some(host)) = (
        req.headers().get(header::ORIGIN),
        req.headers().get(header::HOST),
    ) else {
        return false;
    };
    let origin = origin.to_str().unwrap_or_default();
    let host = host.to_str().unwrap_or_default();
    origin != "null" && origin.split("://").nth(1) != Some(host)
}

pub async fn request_context(mut req: Request, next: Next) -> Response {
    if cross_site_post(&req) {
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    let url_lang = query_param(&req, "lang").and_then(Lang::from_code);
    let lang = Lang::negotiate(
        url_lang.map(Lang::code),
        cookie(&req, LANG_COOKIE),
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let plain_html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
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
