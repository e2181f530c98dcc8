//! Refusals answered at the edge, before the application runs (a cross-site
//! post, a body too large, too many live streams): in the request's language,
//! a small HTML page for browsers and plain text for scripts.

use super::i18n::Tr;
use crate::lang::Lang;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// The value of cookie `name`.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
}

/// The value of query parameter `name`.
pub fn query_param<'a>(uri: &'a Uri, name: &str) -> Option<&'a str> {
    uri.query()?
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
}

/// The language asked in the address (`?lang=en`), if any.
pub fn url_lang(uri: &Uri) -> Option<Lang> {
    query_param(uri, "lang").and_then(Lang::from_code)
}

/// The request's language: the address, else the cookie, else the browser's.
pub fn negotiate(headers: &HeaderMap, uri: &Uri) -> Lang {
    Lang::negotiate(
        url_lang(uri).map(Lang::code),
        cookie(headers, super::request::LANG_COOKIE),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// Whether the request comes from a browser page (a plain form or link).
pub fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The refusal `status` with the message `key`, translated.
pub fn refuse(headers: &HeaderMap, uri: &Uri, status: StatusCode, key: &str) -> Response {
    let tr = Tr(negotiate(headers, uri));
    let message = tr.t(key);
    if !wants_html(headers) {
        return (status, message).into_response();
    }
    let lang = tr.lang();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body><main><h1>{title}</h1><p>{message}</p>\
         <p><a href=\"/\">{home}</a></p></main></body></html>\n",
        code = lang.code(),
        dir = lang.dir(),
        title = escape(&tr.t("error-title")),
        message = escape(&message),
        home = escape(&tr.t("error-back-home")),
    );
    let mut res = (status, page).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res
}
