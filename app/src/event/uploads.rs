//! `POST /api/staff/media/speakers/{id}/photo`: a speaker's photo upload form
//! (`photo`, the file; `alt`, its alternative text, the speaker's name when
//! left empty; `remove`, ticked to take the photo off), posted as
//! `multipart/form-data` without JavaScript.

use crate::media::upload;
use axum::extract::{Path, Request};
use axum::response::Response;

pub async fn photo(Path(id): Path<i64>, req: Request) -> Response {
    let (ctx, form) = match upload::read(req, "photo").await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    let result = super::service::programme::set_speaker_photo(&ctx, id, &form).await;
    // Back to the speaker's editor; its event is in the page's own address.
    let back = form.back.clone().unwrap_or_else(|| "/admin".to_owned());
    upload::answer(&ctx, "speaker-photo", &back, form.fields.clone(), result).await
}
