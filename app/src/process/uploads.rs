//! `POST /api/staff/media/processes/{id}/image`: the process image's upload
//! form (`image`, the file; `alt`, its alternative text; `remove`, ticked to
//! take the image off), posted as `multipart/form-data` without JavaScript.

use crate::media::upload;
use axum::extract::{Path, Request};
use axum::response::Response;

pub async fn image(Path(id): Path<i64>, req: Request) -> Response {
    let (ctx, form) = match upload::read(req, "image").await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    let result = super::service::set_image(&ctx, id, &form).await;
    let back = format!("/admin/processes/{id}");
    upload::answer(&ctx, "process-image", &back, form.fields.clone(), result).await
}
