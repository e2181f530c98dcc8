//! The one error type of the application, shared by server functions and pages.
//!
//! Messages are translated on the server, where the request's language is known,
//! so the browser never needs the Fluent files.

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The action needs a staff login.
    #[error("{0}")]
    NotSignedIn(String),
    /// Signed in, but the role does not allow it.
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    /// Bad input; `field` names the form field to point at, when there is one.
    #[error("{message}")]
    Invalid {
        field: Option<String>,
        message: String,
    },
    /// The request clashes with stored data (a duplicate slug, a full workshop...).
    #[error("{0}")]
    Conflict(String),
    /// Too many requests from one participant or address.
    #[error("{0}")]
    TooManyRequests(String),
    /// The database cannot be reached or cannot store more for now (it is
    /// restarting, or its disk is full), or the server is too busy for the
    /// request (password hashing): try again in a moment.
    #[error("{0}")]
    Unavailable(String),
    /// Anything unexpected: details are logged on the server, never shown.
    #[error("{0}")]
    Internal(String),
    /// Transport or decoding failure of the server function machinery.
    #[error("{0}")]
    ServerFn(String),
}

impl AppError {
    pub fn invalid(field: &str, message: String) -> Self {
        AppError::Invalid {
            field: Some(field.to_owned()),
            message,
        }
    }

    /// The form field this error points at, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Invalid { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    /// The HTTP status that goes with the error.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotSignedIn(_) => 401,
            AppError::Forbidden(_) => 403,
            AppError::NotFound(_) => 404,
            AppError::Invalid { .. } => 422,
            AppError::Conflict(_) => 409,
            AppError::TooManyRequests(_) => 429,
            AppError::Unavailable(_) => 503,
            AppError::Internal(_) | AppError::ServerFn(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::ServerFn(value.to_string())
    }
}
