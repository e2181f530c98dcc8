//! The per-request context: language, signed-in staff member, flash left by a
//! plain-form redirect, database and session. An axum middleware builds it
//! once per request; pages and server functions read it through `Ctx`.

use super::db::Db;
use super::form::Flash;
use super::i18n::Tr;
use super::settings::Settings;
use crate::error::AppError;
use crate::lang::Lang;
use crate::model::{Role, StaffUser};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::prelude::use_context;
use std::sync::Arc;
use tower_sessions::Session;

pub const LANG_COOKIE: &str = "lang";
pub const STAFF_KEY: &str = "staff_id";
pub const FLASH_KEY: &str = "flash";
pub const PARTICIPANT_KEY: &str = "participant_id";

/// What the middleware learnt about the request.
#[derive(Debug, Clone)]
pub struct RequestInfo {
    pub lang: Lang,
    pub viewer: Option<StaffUser>,
    pub flash: Flash,
    /// Whether the request comes from a plain HTML form or link (no JavaScript).
    pub plain_html: bool,
}

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
            viewer = crate::account::store::find_staff(&db, staff_id)
                .await
                .ok()
                .flatten();
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

/// The request parts Leptos provides while rendering or running a server function.
fn parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The language of the request being served (French outside a request).
pub fn current_lang() -> Lang {
    parts()
        .and_then(|p| p.extensions.get::<RequestInfo>().map(|i| i.lang))
        .unwrap_or_default()
}

/// Everything a page or server function needs about the request.
#[derive(Clone)]
pub struct Ctx {
    pub db: Db,
    pub session: Session,
    pub settings: Arc<Settings>,
    pub info: RequestInfo,
    pub tr: Tr,
    pub limits: Arc<super::rate_limit::RateLimits>,
    /// The peer's address, when the server knows it.
    pub address: Option<std::net::IpAddr>,
    /// Wakes the mail worker after a mail is enqueued.
    pub mail: crate::mail::MailWaker,
}

impl Ctx {
    /// The context of the current request; fails only if the server is set up wrong.
    pub fn get() -> Result<Ctx, AppError> {
        let parts = parts().ok_or_else(|| AppError::Internal("no request".into()))?;
        let ext = &parts.extensions;
        let missing = |what: &str| AppError::Internal(format!("{what} missing from the request"));
        let info = ext
            .get::<RequestInfo>()
            .cloned()
            .ok_or_else(|| missing("request info"))?;
        Ok(Ctx {
            db: ext
                .get::<Db>()
                .cloned()
                .ok_or_else(|| missing("database"))?,
            session: ext
                .get::<Session>()
                .cloned()
                .ok_or_else(|| missing("session"))?,
            settings: ext
                .get::<Arc<Settings>>()
                .cloned()
                .ok_or_else(|| missing("settings"))?,
            limits: ext
                .get::<Arc<super::rate_limit::RateLimits>>()
                .cloned()
                .ok_or_else(|| missing("rate limits"))?,
            mail: ext
                .get::<crate::mail::MailWaker>()
                .cloned()
                .ok_or_else(|| missing("mail waker"))?,
            address: ext
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip()),
            tr: Tr(info.lang),
            info,
        })
    }

    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    pub fn viewer(&self) -> Option<&StaffUser> {
        self.info.viewer.as_ref()
    }

    /// The signed-in staff member, if their role allows `role`; every staff
    /// server function starts here.
    pub fn require(&self, role: Role) -> Result<&StaffUser, AppError> {
        match self.viewer() {
            None => Err(self.respond_err(AppError::NotSignedIn(self.t("error-not-signed-in")))),
            Some(user) if user.role.allows(role) => Ok(user),
            Some(_) => Err(self.respond_err(AppError::Forbidden(self.t("error-forbidden")))),
        }
    }

    /// Any signed-in staff member, whatever the role (their own account pages).
    pub fn require_any_staff(&self) -> Result<&StaffUser, AppError> {
        self.viewer()
            .ok_or_else(|| self.respond_err(AppError::NotSignedIn(self.t("error-not-signed-in"))))
    }

    /// Sets the HTTP status of an error for API clients; plain forms are redirected instead.
    pub fn respond_err(&self, err: AppError) -> AppError {
        if !self.info.plain_html {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                if let Ok(status) = StatusCode::from_u16(err.status()) {
                    res.set_status(status);
                }
            }
        }
        err
    }

    /// Logs an unexpected failure and returns a message that reveals nothing.
    pub fn internal(&self, err: impl std::fmt::Display) -> AppError {
        tracing::error!("internal error: {err}");
        self.respond_err(AppError::Internal(self.t("error-internal")))
    }

    pub fn invalid(&self, field: &str, key: &str) -> AppError {
        self.respond_err(AppError::invalid(field, self.t(key)))
    }

    /// Refuses one more vote or proposal when the limits are reached.
    pub fn rate_limit(
        &self,
        action: super::rate_limit::Action,
        participant: i64,
    ) -> Result<(), AppError> {
        if self.limits.allow(action, participant, self.address) {
            Ok(())
        } else {
            Err(self.respond_err(AppError::TooManyRequests(self.t("error-rate-limited"))))
        }
    }

    pub fn not_found(&self) -> AppError {
        self.respond_err(AppError::NotFound(self.t("error-not-found")))
    }
}
