//! How large a request body may be, per endpoint: a form a person fills is a
//! few kilobytes, so a larger body is refused (413, translated) before the
//! application reads it. Only the staff's long texts and pasted lists of
//! recipients need more.

use super::refusal::refuse;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

const KIB: usize = 1024;

/// Any form of the public: a vote, a proposal, a registration, a question.
pub const FORM_LIMIT: usize = 16 * KIB;
/// A survey's answers: many questions, each with a free text.
pub const SURVEY_ANSWER_LIMIT: usize = 64 * KIB;
/// Staff forms: process, phase, event and session descriptions in Markdown.
pub const STAFF_LIMIT: usize = 256 * KIB;
/// Survey invitations: a pasted list of thousands of addresses.
pub const INVITATIONS_LIMIT: usize = 1024 * KIB;

/// Image uploads: the largest image accepted (`media::logic::MAX_BYTES`) and
/// room to spare, so that a slightly larger file is refused by the form with
/// its fields kept rather than here.
pub const UPLOAD_LIMIT: usize = 16 * 1024 * KIB;

/// The largest body accepted at `path`.
pub fn limit_for(path: &str) -> usize {
    if path.starts_with("/api/staff/media/") {
        UPLOAD_LIMIT
    } else if path.starts_with("/api/staff/surveys/invitations/") {
        INVITATIONS_LIMIT
    } else if path.starts_with("/api/staff/") {
        STAFF_LIMIT
    } else if path == "/api/surveys/answer" {
        SURVEY_ANSWER_LIMIT
    } else {
        FORM_LIMIT
    }
}

fn too_large(req: &Request) -> Response {
    refuse(
        req.headers(),
        req.uri(),
        StatusCode::PAYLOAD_TOO_LARGE,
        "error-body-too-large",
    )
}

/// Middleware: refuses a body over the endpoint's limit, whether it says its
/// length (refused before a byte is read) or not (read up to the limit).
pub async fn limit(req: Request, next: Next) -> Response {
    let max = limit_for(req.uri().path());
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    match declared {
        Some(0) => return next.run(req).await,
        Some(n) if n > max as u64 => return too_large(&req),
        _ => {}
    }
    let (parts, body) = req.into_parts();
    match axum::body::to_bytes(body, max).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(_) => too_large(&Request::from_parts(parts, Body::empty())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_forms_get_a_few_kilobytes_staff_lists_more() {
        assert_eq!(limit_for("/api/consultation/vote"), FORM_LIMIT);
        assert_eq!(limit_for("/api/login"), FORM_LIMIT);
        assert_eq!(limit_for("/consultations/x"), FORM_LIMIT);
        assert_eq!(limit_for("/api/surveys/answer"), SURVEY_ANSWER_LIMIT);
        assert_eq!(limit_for("/api/staff/processes/save"), STAFF_LIMIT);
        assert_eq!(
            limit_for("/api/staff/media/processes/1/image"),
            UPLOAD_LIMIT
        );
        assert_eq!(
            limit_for("/api/staff/surveys/invitations/send"),
            INVITATIONS_LIMIT
        );
    }
}
