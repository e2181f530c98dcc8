//! The plumbing of an upload form (`multipart/form-data`, posted without
//! JavaScript): read its fields, then answer like every plain form does: a
//! redirect with a notice, or back to the form with the message and what was
//! typed (the file itself cannot be given back: the message says so).

use crate::error::AppError;
use crate::ssr::flash::{Flash, FormEcho};
use crate::ssr::form::Next;
use crate::ssr::request::FLASH_KEY;
use crate::ssr::Ctx;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::{Map, Value};

/// What an upload form sent: its text fields and its one file.
#[derive(Debug, Default)]
pub struct UploadForm {
    pub fields: Map<String, Value>,
    /// The bytes of the file field (empty when none was chosen).
    pub file: Vec<u8>,
    /// The site's page the form was on (its `Referer`), to go back to on a refusal.
    pub back: Option<String>,
}

impl UploadForm {
    pub fn text(&self, name: &str) -> &str {
        self.fields
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    pub fn ticked(&self, name: &str) -> bool {
        !self.text(name).is_empty()
    }
}

/// The request's context and form; `file_field` names the file input. The
/// body was already bounded by `ssr::body_limit` (uploads get their own limit).
pub async fn read(req: Request, file_field: &str) -> Result<(Ctx, UploadForm), Response> {
    let ctx = Ctx::from_extensions(req.extensions()).map_err(|e| {
        tracing::error!("upload: {e}");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    })?;
    let back = back_path(&ctx, req.headers());
    let bad = |ctx: &Ctx| (StatusCode::BAD_REQUEST, ctx.t("media-error-form")).into_response();
    let mut multipart = Multipart::from_request(req, &())
        .await
        .map_err(|_| bad(&ctx))?;
    let mut form = UploadForm {
        back,
        ..UploadForm::default()
    };
    while let Some(field) = multipart.next_field().await.map_err(|_| bad(&ctx))? {
        let Some(name) = field.name().map(str::to_owned) else {
            continue;
        };
        if name == file_field {
            form.file = field.bytes().await.map_err(|_| bad(&ctx))?.to_vec();
        } else if form.fields.len() < 20 && name.len() <= 64 {
            let text = field.text().await.map_err(|_| bad(&ctx))?;
            form.fields.insert(name, Value::String(text));
        }
    }
    Ok((ctx, form))
}

/// Ends an upload: on success a redirect to `next` with its notice; on a
/// refusal, back to `back` where the form `form` shows the message at its
/// field and the typed values (plain forms), or the status and message (scripts).
pub async fn answer(
    ctx: &Ctx,
    form: &str,
    back: &str,
    values: Map<String, Value>,
    result: Result<Next, AppError>,
) -> Response {
    match result {
        Ok(next) => {
            if let Some(notice) = next.notice {
                let flash = Flash {
                    notice: Some(ctx.tr.t_args(notice.key, &notice.args)),
                    form: None,
                };
                store_flash(ctx, flash).await;
            }
            Redirect::to(&next.to).into_response()
        }
        Err(err) if !ctx.info.plain_html => {
            let status =
                StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (
                status,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                err.to_string(),
            )
                .into_response()
        }
        Err(err) => {
            let echo = FormEcho {
                form: form.to_owned(),
                message: err.to_string(),
                field: err.field().map(str::to_owned),
                values,
            };
            store_flash(
                ctx,
                Flash {
                    notice: None,
                    form: Some(echo),
                },
            )
            .await;
            Redirect::to(back).into_response()
        }
    }
}

async fn store_flash(ctx: &Ctx, flash: Flash) {
    if let Err(e) = ctx.session.insert(FLASH_KEY, flash).await {
        tracing::warn!("could not store the flash: {e}");
    }
}

/// A refusal of the pure checks, translated; a message about the file says
/// the file must be chosen again.
pub fn refusal(ctx: &Ctx, (field, key): super::logic::Invalid) -> AppError {
    ctx.invalid(field, key)
}

/// The path of the `Referer` when it is one of the site's pages.
fn back_path(ctx: &Ctx, headers: &axum::http::HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let site = crate::ssr::same_origin::origin_of(&ctx.settings.base_url)?;
    let url = url::Url::parse(referer).ok()?;
    (url.origin().ascii_serialization() == site).then(|| url.path().to_owned())
}
