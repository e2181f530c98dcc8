//! The one-time message a plain-form redirect leaves in the session: a
//! notice to show, or the refused form with what was typed.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Flash {
    /// A confirmation to show once ("Process saved").
    pub notice: Option<String>,
    /// The form that was refused, with its message and values.
    pub form: Option<FormEcho>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FormEcho {
    pub form: String,
    pub message: String,
    pub field: Option<String>,
    pub values: Map<String, Value>,
}
