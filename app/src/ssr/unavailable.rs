//! The answer while the database is out of reach (PostgreSQL stopped or
//! restarting) or full: a translated 503 page instead of a hang or an
//! internal error. A plain form that could not be saved comes back on that
//! page, filled in as it was sent, ready to be sent again: nothing typed is lost.
//!
//! Wraps the session layer: while the database's last probe failed
//! (`Db::reachable`), requests that need it are answered at once, without
//! waiting for the pool to give up on each of them.

use super::db::Db;
use super::i18n::Tr;
use crate::error::AppError;
use crate::lang::Lang;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The largest plain-form body kept aside to be offered again on the 503 page.
const MAX_KEPT_FORM: usize = 64 * 1024;

/// What the 503 page needs to know about the request.
struct Asked {
    lang: Lang,
    wants_html: bool,
    /// The form posted, when it was a plain form: its action and fields.
    form: Option<(String, Vec<(String, String)>)>,
}

fn asked(req: &Request) -> Asked {
    let headers = req.headers();
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let cookie_lang = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix("lang="));
    let url_lang = req
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("lang=")));
    Asked {
        lang: Lang::negotiate(url_lang, cookie_lang, text(header::ACCEPT_LANGUAGE)),
        wants_html: text(header::ACCEPT).is_some_and(|v| v.contains("text/html")),
        form: None,
    }
}

/// Static files (CSS, WASM, images: the only paths with a file extension)
/// and the health check never touch the database.
fn needs_database(req: &Request) -> bool {
    let path = req.uri().path();
    let is_file = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    path != "/health" && (!is_file || path.starts_with("/api/"))
}

/// A plain form's body, when it is small enough to keep aside: the request
/// is rebuilt around the same bytes.
async fn keep_form(req: Request) -> (Request, Option<Bytes>) {
    let is_form = req.method() == Method::POST
        && req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let small = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .is_some_and(|n| n <= MAX_KEPT_FORM);
    if !(is_form && small) {
        return (req, None);
    }
    let (parts, body) = req.into_parts();
    match axum::body::to_bytes(body, MAX_KEPT_FORM).await {
        Ok(bytes) => (
            Request::from_parts(parts, Body::from(bytes.clone())),
            Some(bytes),
        ),
        Err(_) => (Request::from_parts(parts, Body::empty()), None),
    }
}

pub async fn guard(req: Request, next: Next) -> Response {
    let mut asked = asked(&req);
    let db_down = req
        .extensions()
        .get::<Db>()
        .is_some_and(|db| !db.reachable());
    let needs_db = needs_database(&req);
    let (req, kept) = if asked.wants_html {
        keep_form(req).await
    } else {
        (req, None)
    };
    if let Some(bytes) = kept {
        let fields = form_urlencoded::parse(&bytes)
            .into_owned()
            // Secrets are never written back into a page.
            .filter(|(k, _)| !k.contains("password"))
            .collect();
        asked.form = Some((req.uri().path().to_owned(), fields));
    }
    if db_down && needs_db {
        return unavailable(&asked);
    }
    let res = next.run(req).await;
    // The session layer answers a bare 500 when it cannot save the session:
    // the database went away while the request ran.
    let session_lost = res.status() == StatusCode::INTERNAL_SERVER_ERROR
        && !res.headers().contains_key(header::CONTENT_TYPE);
    if session_lost {
        return unavailable(&asked);
    }
    if res.status() != StatusCode::SERVICE_UNAVAILABLE || !asked.wants_html {
        return res;
    }
    // A page already rendered its message; a server function's refusal is
    // data (the error, translated): made a page here.
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        return res;
    }
    let body = axum::body::to_bytes(res.into_body(), MAX_KEPT_FORM)
        .await
        .unwrap_or_default();
    let message = match serde_json::from_slice::<AppError>(&body) {
        Ok(AppError::Unavailable(message)) => message,
        _ => Tr(asked.lang).t("error-unavailable"),
    };
    page(&asked, &message)
}

/// "Temporarily unavailable": a page for browsers, the error as server
/// functions answer it for scripts.
fn unavailable(asked: &Asked) -> Response {
    let message = Tr(asked.lang).t("error-unavailable");
    if asked.wants_html {
        return page(asked, &message);
    }
    let body = serde_json::to_string(&AppError::Unavailable(message)).unwrap_or_default();
    let mut res = (StatusCode::SERVICE_UNAVAILABLE, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    res
}

fn page(asked: &Asked, message: &str) -> Response {
    let mut res = (StatusCode::SERVICE_UNAVAILABLE, page_html(asked, message)).into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Text made safe for HTML, in an element or a quoted attribute.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The page: the message, and the form as it was sent, to send it again.
fn page_html(asked: &Asked, message: &str) -> String {
    let tr = Tr(asked.lang);
    let resend = asked.form.as_ref().map(|(action, fields)| {
        let inputs: String = fields
            .iter()
            .map(|(k, v)| {
                format!(
                    r#"<input type="hidden" name="{}" value="{}">"#,
                    esc(k),
                    esc(v)
                )
            })
            .collect();
        format!(
            r#"<form method="post" action="{}">{inputs}<button type="submit">{}</button></form>"#,
            esc(action),
            esc(&tr.t("error-unavailable-resend"))
        )
    });
    format!(
        r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head><body><main><h1>{title}</h1><p>{message}</p>{resend}<p><a href="/">{home}</a></p></main></body></html>"#,
        lang = asked.lang.code(),
        title = esc(&tr.t("error-unavailable-title")),
        message = esc(message),
        resend = resend.unwrap_or_default(),
        home = esc(&tr.t("error-back-home")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_gives_back_the_form_without_its_secrets_escaped() {
        let asked = Asked {
            lang: Lang::En,
            wants_html: true,
            form: Some((
                "/api/events/register".into(),
                vec![("first_name".into(), "Amina \"<b>\"".into())],
            )),
        };
        let html = page_html(&asked, "Try again <soon>");
        assert!(html.contains("Try again &lt;soon&gt;"), "{html}");
        assert!(html.contains(r#"action="/api/events/register""#), "{html}");
        assert!(html.contains(r#"name="first_name""#), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        let res = page(&asked, "Try again");
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(res.headers().get(header::RETRY_AFTER).is_some());
    }
}
