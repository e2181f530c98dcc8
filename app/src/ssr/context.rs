//! The per-request context: language, signed-in staff member, flash left by a
//! plain-form redirect, database and session. The middleware
//! (`super::middleware`) learns what the request says; pages and server
//! functions read all of it through `Ctx`.

use super::db::Db;
use super::i18n::Tr;
use super::request::parts;
use super::settings::Settings;
use crate::error::AppError;
use crate::model::{Role, StaffUser};
use axum::http::StatusCode;
use leptos::prelude::use_context;
use std::sync::Arc;
use tower_sessions::Session;

pub use super::request::{
    current_lang, RequestInfo, FLASH_KEY, LANG_COOKIE, PARTICIPANT_KEY, STAFF_KEY,
};

/// Everything a page or server function needs about the request.
#[derive(Clone)]
pub struct Ctx {
    pub db: Db,
    pub session: Session,
    pub settings: Arc<Settings>,
    pub info: RequestInfo,
    pub tr: Tr,
    pub limits: Arc<super::rate_limit::RateLimits>,
    /// The client's address, when the server knows it: the TCP peer, or
    /// behind a trusted proxy the address it forwards (`ssr::client_address`).
    pub address: Option<std::net::IpAddr>,
    /// Wakes the mail worker after a mail is enqueued.
    pub mail: crate::mail::MailWaker,
}

impl Ctx {
    /// The context of the current request; fails only if the server is set up wrong.
    pub fn get() -> Result<Ctx, AppError> {
        let parts = parts().ok_or_else(|| AppError::Internal("no request".into()))?;
        Ctx::from_extensions(&parts.extensions)
    }

    /// The context from a request's extensions, for the plain axum handlers
    /// (uploads) that run outside Leptos.
    pub fn from_extensions(ext: &http::Extensions) -> Result<Ctx, AppError> {
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
                .get::<super::client_address::ClientAddress>()
                .map(|a| a.0),
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

    /// Refuses one more `action` when the limits of the participant (if
    /// known) or of the client's address are reached, with the translated
    /// "too many" message; shared by every instance.
    pub async fn rate_limit(
        &self,
        action: super::rate_limit::Action,
        participant: impl Into<Option<i64>>,
    ) -> Result<(), AppError> {
        let who = participant.into().map(|p| p.to_string());
        if self
            .limits
            .allow(action, who.as_deref(), self.address)
            .await
        {
            Ok(())
        } else {
            Err(self.too_many())
        }
    }

    /// The refusal of a request over a rate limit.
    pub fn too_many(&self) -> AppError {
        self.respond_err(AppError::TooManyRequests(self.t("error-rate-limited")))
    }

    pub fn not_found(&self) -> AppError {
        self.respond_err(AppError::NotFound(self.t("error-not-found")))
    }
}
