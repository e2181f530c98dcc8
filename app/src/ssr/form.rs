//! Plain-HTML forms that work without JavaScript: a form posts to a server
//! function, which redirects. On success the next page shows a notice; on a
//! refusal the form page comes back with the message and everything that was
//! typed, carried across the redirect by a one-time "flash" in the session.

pub use super::flash::{Flash, FormEcho};

use super::context::{Ctx, FLASH_KEY};
use crate::error::AppError;
use serde::Serialize;
use serde_json::{Map, Value};

/// Where the browser goes next, and what it is told there.
pub struct Next {
    pub to: String,
    pub notice: Option<Notice>,
}

/// A confirmation to show once ("Process saved"), named by its message id:
/// commands say what happened, and the answer translates it in the request's
/// language.
pub struct Notice {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Next {
    pub fn to(to: impl Into<String>) -> Next {
        Next {
            to: to.into(),
            notice: None,
        }
    }

    pub fn with_notice(self, key: &'static str) -> Next {
        self.with_notice_args(key, Vec::new())
    }

    pub fn with_notice_args(
        mut self,
        key: &'static str,
        args: Vec<(&'static str, String)>,
    ) -> Next {
        self.notice = Some(Notice { key, args });
        self
    }
}

/// The whole body of a form's server function: the request's context, the
/// service's command, then the answer: a redirect with its notice, or for a
/// refusal the form echoed back with its message (plain forms) or the error
/// with its HTTP status (scripts). Server functions hold nothing else.
pub async fn answer<T>(
    form: &str,
    values: &impl Serialize,
    command: impl AsyncFnOnce(&Ctx) -> Result<(T, Next), AppError>,
) -> Result<T, AppError> {
    let ctx = Ctx::get()?;
    let result = command(&ctx).await;
    finish(&ctx, form, values, result).await
}

/// The body of a server function that answers data rather than a form: the
/// context, the command, and the error's HTTP status for scripts.
pub async fn reply<T>(
    command: impl AsyncFnOnce(&Ctx) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let ctx = Ctx::get()?;
    command(&ctx).await.map_err(|e| ctx.respond_err(e))
}

/// Ends a form submission. `form` names the form on its page; `values` are what
/// was submitted, echoed back on refusal so nothing typed is lost.
pub async fn finish<T>(
    ctx: &Ctx,
    form: &str,
    values: &impl Serialize,
    result: Result<(T, Next), AppError>,
) -> Result<T, AppError> {
    match result {
        Ok((value, next)) => {
            if ctx.info.plain_html {
                if let Some(notice) = next.notice {
                    set_flash(
                        ctx,
                        Flash {
                            notice: Some(ctx.tr.t_args(notice.key, &notice.args)),
                            form: None,
                        },
                    )
                    .await;
                }
            }
            leptos_axum::redirect(&next.to);
            Ok(value)
        }
        Err(err @ AppError::Unavailable(_)) => {
            // The database is out of reach or full: no flash can be stored.
            // The answer is a 503 that `ssr::unavailable` makes a page holding
            // the form as it was sent, to send again.
            if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(http::StatusCode::SERVICE_UNAVAILABLE);
            }
            Err(err)
        }
        Err(err) => {
            let err = ctx.respond_err(err);
            if ctx.info.plain_html {
                let values = match serde_json::to_value(values) {
                    Ok(Value::Object(map)) => map,
                    _ => Map::new(),
                };
                let values = bounded_echo(values);
                let echo = FormEcho {
                    form: form.to_owned(),
                    message: err.to_string(),
                    field: err.field().map(str::to_owned),
                    values,
                };
                set_flash(
                    ctx,
                    Flash {
                        notice: None,
                        form: Some(echo),
                    },
                )
                .await;
                leptos_axum::redirect(&back_path());
            }
            Err(err)
        }
    }
}

/// The most fields a refused form keeps (flattened extras such as a
/// registration's answers are many, but not this many).
const ECHO_FIELDS: usize = 100;
/// The longest text a refused form keeps per field, in characters: more than
/// any field of the public's forms, enough for a staff description.
const ECHO_CHARS: usize = 20_000;
/// The longest field name kept, and the longest value of a multi-valued
/// field (checkbox values are short names).
const ECHO_NAME_CHARS: usize = 64;

/// What of a refused form is kept in the session: its own fields, each text
/// cut to a sane length, never a secret. The session row stays small
/// whatever was posted.
fn bounded_echo(values: Map<String, Value>) -> Map<String, Value> {
    fn cut(value: Value, chars: usize) -> Value {
        match value {
            Value::String(s) if s.chars().count() > chars => {
                Value::String(s.chars().take(chars).collect())
            }
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .take(ECHO_FIELDS)
                    .map(|v| cut(v, ECHO_NAME_CHARS))
                    .collect(),
            ),
            Value::Object(_) => Value::Null,
            other => other,
        }
    }
    values
        .into_iter()
        // Secrets are never stored in the session.
        .filter(|(k, _)| !k.contains("password") && k.chars().count() <= ECHO_NAME_CHARS)
        .take(ECHO_FIELDS)
        .map(|(k, v)| (k, cut(v, ECHO_CHARS)))
        .collect()
}

async fn set_flash(ctx: &Ctx, flash: Flash) {
    if let Err(e) = ctx.session.insert(FLASH_KEY, flash).await {
        tracing::warn!("could not store the flash: {e}");
    }
}

/// The page the form was on: the Referer's path when it is one of the site's
/// pages (compared with the public address: a proxy may rewrite `Host`), else home.
fn back_path() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            let referer = parts.headers.get(http::header::REFERER)?.to_str().ok()?;
            let settings = parts
                .extensions
                .get::<std::sync::Arc<super::settings::Settings>>()?;
            let site = super::same_origin::origin_of(&settings.base_url)?;
            let url = url::Url::parse(referer).ok()?;
            (url.origin().ascii_serialization() == site).then(|| match url.query() {
                Some(query) => format!("{}?{query}", url.path()),
                None => url.path().to_owned(),
            })
        })
        .unwrap_or_else(|| "/".to_owned())
}

/// What a page needs to render one form: the echo when it was just refused.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    echo: Option<FormEcho>,
}

impl FormState {
    /// The state of the form called `form` on the page being rendered.
    pub fn of(ctx: &Ctx, form: &str) -> FormState {
        FormState {
            echo: ctx.info.flash.form.clone().filter(|e| e.form == form),
        }
    }

    /// The refusal message, shown at the top of the form.
    pub fn message(&self) -> Option<String> {
        self.echo.as_ref().map(|e| e.message.clone())
    }

    /// The message for one field, when the refusal points at it.
    pub fn error(&self, field: &str) -> Option<String> {
        self.echo
            .as_ref()
            .filter(|e| e.field.as_deref() == Some(field))
            .map(|e| e.message.clone())
    }

    /// The value to show: what was typed if the form came back, else `stored`.
    pub fn value(&self, field: &str, stored: impl Into<String>) -> String {
        match self.echo.as_ref().and_then(|e| e.values.get(field)) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None if self.echo.is_some() => String::new(),
            Some(other) => other.to_string(),
            None => stored.into(),
        }
    }

    /// Whether a checkbox is ticked: as submitted if the form came back, else `stored`.
    pub fn checked(&self, field: &str, stored: bool) -> bool {
        match &self.echo {
            Some(e) => match e.values.get(field) {
                Some(Value::String(s)) => !s.is_empty(),
                Some(Value::Bool(b)) => *b,
                Some(Value::Array(items)) => !items.is_empty(),
                _ => false,
            },
            None => stored,
        }
    }

    /// Whether a multi-valued field (checkbox group) holds `option`.
    pub fn has(&self, field: &str, option: &str, stored: bool) -> bool {
        match &self.echo {
            Some(e) => match e.values.get(field) {
                Some(Value::Array(items)) => items.iter().any(|v| v.as_str() == Some(option)),
                Some(Value::String(s)) => s == option,
                _ => false,
            },
            None => stored,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo(values: Value, field: Option<&str>) -> FormState {
        FormState {
            echo: Some(FormEcho {
                form: "process".into(),
                message: "Le titre est obligatoire.".into(),
                field: field.map(str::to_owned),
                values: values.as_object().unwrap().clone(),
            }),
        }
    }

    #[test]
    fn a_refused_form_gives_back_what_was_typed() {
        let state = echo(
            serde_json::json!({"title": "Mulhouse", "published": "on", "kinds": ["event"]}),
            Some("slug"),
        );
        assert_eq!(state.value("title", "stored"), "Mulhouse");
        assert_eq!(state.value("subtitle", "stored"), "");
        assert!(state.checked("published", false));
        assert!(state.has("kinds", "event", false));
        assert!(!state.has("kinds", "survey", true));
        assert_eq!(
            state.error("slug").as_deref(),
            Some("Le titre est obligatoire.")
        );
        assert_eq!(state.error("title"), None);
    }

    #[test]
    fn a_refused_form_keeps_its_fields_cut_to_size_and_no_secret() {
        let mut values = Map::new();
        values.insert("body".into(), Value::String("é".repeat(ECHO_CHARS + 500)));
        values.insert("password".into(), Value::String("secret".into()));
        values.insert(
            "x".repeat(ECHO_NAME_CHARS + 1),
            Value::String("junk".into()),
        );
        values.insert(
            "qualifications".into(),
            Value::Array(vec![
                Value::String("a".repeat(ECHO_CHARS * 2));
                ECHO_FIELDS * 2
            ]),
        );
        for i in 0..ECHO_FIELDS * 3 {
            values.insert(format!("z_{i}"), Value::String("on".into()));
        }
        let echo = bounded_echo(values);
        assert_eq!(echo.len(), ECHO_FIELDS);
        assert!(!echo.contains_key("password"));
        assert_eq!(echo["body"].as_str().unwrap().chars().count(), ECHO_CHARS);
        let list = echo["qualifications"].as_array().unwrap();
        assert_eq!(list.len(), ECHO_FIELDS);
        assert!(list
            .iter()
            .all(|v| v.as_str().unwrap().len() == ECHO_NAME_CHARS));
    }

    #[test]
    fn a_fresh_form_shows_stored_values() {
        let state = FormState::default();
        assert_eq!(state.value("title", "stored"), "stored");
        assert!(state.checked("published", true));
        assert!(state.has("kinds", "event", true));
        assert_eq!(state.message(), None);
    }
}
