//! What the author mails' server functions receive. A leaf.

use serde::{Deserialize, Serialize};

/// "Publish the results" on a consultation's settings page.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishResultsForm {
    pub component_id: String,
}
