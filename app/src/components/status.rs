//! The badge that says whether a phase is upcoming, open or closed.

use crate::model::PhaseStatus;
use crate::ssr::Tr;
use leptos::prelude::*;

#[component]
pub fn StatusBadge(status: PhaseStatus) -> impl IntoView {
    let tr = Tr::current();
    let label = match status {
        PhaseStatus::Upcoming => tr.t("status-upcoming"),
        PhaseStatus::Open => tr.t("status-open"),
        PhaseStatus::Closed => tr.t("status-closed"),
    };
    view! { <span class=format!("badge badge-{}", status.as_str())>{label}</span> }
}
