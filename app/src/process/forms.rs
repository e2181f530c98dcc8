//! The process editor's forms, as the browser sends them: all text, so that a
//! form never fails to decode and what was typed can always be echoed back.

use crate::model::ComponentKind;
use serde::{Deserialize, Serialize};

/// The process editor's fields.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProcessForm {
    /// Empty when creating.
    pub process_id: String,
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    pub description_md: String,
    pub image_url: String,
    pub image_alt: String,
    pub start_date: String,
    pub end_date: String,
    /// "on" when ticked.
    pub published: String,
}

/// The phase editor's fields; one checkbox per component kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PhaseForm {
    pub process_id: String,
    /// Empty when creating.
    pub phase_id: String,
    pub title: String,
    pub description_md: String,
    pub start_date: String,
    pub end_date: String,
    pub consultation: String,
    pub event: String,
    pub survey: String,
    pub evaluation: String,
}

impl PhaseForm {
    pub fn components(&self) -> Vec<ComponentKind> {
        [
            (&self.consultation, ComponentKind::Consultation),
            (&self.event, ComponentKind::Event),
            (&self.survey, ComponentKind::Survey),
            (&self.evaluation, ComponentKind::Rendezvous),
        ]
        .into_iter()
        .filter(|(v, _)| !v.is_empty())
        .map(|(_, k)| k)
        .collect()
    }
}

/// A phase to delete or move.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PhaseAction {
    pub phase_id: String,
    /// "up" or "down" when moving.
    pub direction: String,
}

/// Archive (`archived` = "1") or bring back a process.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ArchiveForm {
    pub process_id: String,
    pub archived: String,
}

/// Delete a process, confirmed by typing its title.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DeleteProcessForm {
    pub process_id: String,
    pub confirm_title: String,
}

/// The theme editor's fields (a new theme when `theme_id` is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ThemeForm {
    pub process_id: String,
    pub theme_id: String,
    pub name: String,
    /// A palette colour (`#rrggbb`), or empty for the neutral chip.
    pub colour: String,
    /// A colour typed as a code; when given it wins over `colour`.
    pub colour_custom: String,
}

/// A theme to delete or move.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ThemeAction {
    pub theme_id: String,
    /// "up" or "down" when moving.
    pub direction: String,
}
