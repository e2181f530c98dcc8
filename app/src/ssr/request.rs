//! What the request-context middleware learnt about a request, readable
//! anywhere while Leptos serves it: language, signed-in staff member, flash.
//! A leaf of the server modules: translation, errors and forms read it.

use super::flash::Flash;
use crate::lang::Lang;
use crate::model::StaffUser;
use leptos::prelude::use_context;

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

/// The request parts Leptos provides while rendering or running a server function.
pub fn parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The language of the request being served (French outside a request).
pub fn current_lang() -> Lang {
    parts()
        .and_then(|p| p.extensions.get::<RequestInfo>().map(|i| i.lang))
        .unwrap_or_default()
}
