//! Creating, editing and deleting a phase of a process.

use crate::components::{load_page, Checkbox, DateRangeFields, Field, FormAlert, Page, TextArea};
use crate::error::AppError;
use crate::model::ComponentKind;
use crate::pages::param;
use crate::process::api::{DeletePhase, SavePhase};
use crate::process::service::{self, PhaseEdit};
use crate::process::store;
use crate::ssr::db_types::date_text;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

async fn load(process_id: i64, phase_id: Option<i64>) -> Result<(Ctx, PhaseEdit), AppError> {
    let ctx = Ctx::get()?;
    let data = service::phase_edit(&ctx, process_id, phase_id).await?;
    Ok((ctx, data))
}

fn ids() -> (i64, Option<i64>) {
    (
        param("id").parse().unwrap_or(-1),
        param("phase_id").parse().ok(),
    )
}

fn breadcrumb(tr: Tr, process: &store::Process, here: String) -> impl IntoView {
    view! {
        <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
            <ol>
                <li><a href="/admin">{tr.t("admin-title")}</a></li>
                <li><a href=format!("/admin/processes/{}", process.id)>{process.title.clone()}</a></li>
                <li aria-current="page">{here}</li>
            </ol>
        </nav>
    }
}

#[component]
pub fn PhaseEditPage() -> impl IntoView {
    let tr = Tr::current();
    let (process_id, phase_id) = ids();
    let title = if phase_id.is_some() {
        tr.t("phase-edit-title")
    } else {
        tr.t("phase-add")
    };
    view! {
        <Page title=title.clone()>
            {load_page(load(process_id, phase_id), move |(ctx, data)| {
                let form = FormState::of(&ctx, "phase");
                let phase = data.phase.as_ref();
                let stored = |f: fn(&store::Phase) -> String| phase.map(f).unwrap_or_default();
                let has = |kind: ComponentKind| phase.is_some_and(|p| p.components.iter().any(|c| c.kind == kind));
                let checkboxes = ComponentKind::ALL
                    .iter()
                    .copied()
                    .map(|kind| {
                        let name = kind.as_str();
                        let label = tr.t(&format!("component-{name}"));
                        view! { <Checkbox name label checked=form.checked(name, has(kind))/> }
                    })
                    .collect_view();
                view! {
                    {breadcrumb(tr, &data.process, title.clone())}
                    <h1>{title.clone()}</h1>
                    <form method="post" action=SavePhase::url() class="stack" novalidate>
                        <FormAlert message=form.message()/>
                        <input type="hidden" name="process_id" value=data.process.id/>
                        <input type="hidden" name="phase_id" value=stored(|p| p.id.to_string())/>
                        <Field name="title" label=tr.t("field-title") value=form.value("title", stored(|p| p.title.clone()))
                            error=form.error("title") required=true maxlength=Some(200)/>
                        <TextArea name="description_md" label=tr.t("field-description")
                            value=form.value("description_md", stored(|p| p.description_md.clone()))
                            hint=tr.t("field-markdown-hint")/>
                        <DateRangeFields form=form.clone() start=stored(|p| date_text(p.start)) end=stored(|p| date_text(p.end))/>
                        <fieldset>
                            <legend>{tr.t("phase-components")}</legend>
                            {checkboxes}
                        </fieldset>
                        <button type="submit" class="button">{tr.t("form-save")}</button>
                    </form>
                }
            })}
        </Page>
    }
}

/// Deleting asks first, on its own page, so it needs no JavaScript dialog.
#[component]
pub fn PhaseDeletePage() -> impl IntoView {
    let tr = Tr::current();
    let (process_id, phase_id) = ids();
    view! {
        <Page title=tr.t("phase-delete-title")>
            {load_page(load(process_id, Some(phase_id.unwrap_or(-1))), move |(_, data)| {
                let phase = data.phase.expect("loaded with an id");
                let back = format!("/admin/processes/{}", data.process.id);
                view! {
                    {breadcrumb(tr, &data.process, tr.t("phase-delete-title"))}
                    <h1>{tr.t("phase-delete-title")}</h1>
                    <p>{tr.t_args("phase-delete-confirm", &[("title", phase.title.clone())])}</p>
                    <form method="post" action=DeletePhase::url() class="stack narrow">
                        <input type="hidden" name="phase_id" value=phase.id/>
                        <button type="submit" class="button danger">{tr.t("phase-delete-submit")}</button>
                    </form>
                    <p><a href=back>{tr.t("form-cancel")}</a></p>
                }
            })}
        </Page>
    }
}
