//! Creating and editing a process, and the list of its phases.

use crate::components::{
    load_page, Checkbox, DateRangeFields, Field, FormAlert, Page, StatusBadge, TextArea,
};
use crate::error::AppError;
use crate::model::ComponentKind;
use crate::pages::param;
use crate::process::api::{MovePhase, SaveProcess};
use crate::process::service::{self, ProcessEdit};
use crate::process::store;
use crate::ssr::db_types::date_text;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

async fn load(id: Option<i64>) -> Result<(Ctx, ProcessEdit), AppError> {
    let ctx = Ctx::get()?;
    let data = service::process_edit(&ctx, id).await?;
    Ok((ctx, data))
}

fn process_form(tr: Tr, form: &FormState, p: Option<&store::Process>) -> impl IntoView {
    let stored = |f: fn(&store::Process) -> String| p.map(f).unwrap_or_default();
    view! {
        <form method="post" action=SaveProcess::url() class="stack" novalidate>
            <FormAlert message=form.message()/>
            <input type="hidden" name="process_id" value=stored(|p| p.id.to_string())/>
            <Field name="title" label=tr.t("field-title") value=form.value("title", stored(|p| p.title.clone()))
                error=form.error("title") required=true maxlength=Some(200)/>
            <Field name="slug" label=tr.t("field-slug") value=form.value("slug", stored(|p| p.slug.clone()))
                error=form.error("slug") required=true hint=tr.t("field-slug-hint") maxlength=Some(80)/>
            <Field name="subtitle" label=tr.t("field-subtitle")
                value=form.value("subtitle", stored(|p| p.subtitle.clone())) maxlength=Some(300)/>
            <TextArea name="description_md" label=tr.t("field-description")
                value=form.value("description_md", stored(|p| p.description_md.clone()))
                hint=tr.t("field-markdown-hint") rows=10/>
            {if p.is_some_and(|p| p.image.is_some()) {
                // The uploaded image's alternative text is edited with it (below).
                view! {
                    <input type="hidden" name="image_url" value=form.value("image_url", stored(|p| p.image_url.clone()))/>
                    <input type="hidden" name="image_alt" value=form.value("image_alt", stored(|p| p.image_alt.clone()))/>
                }.into_any()
            } else {
                view! {
                    <Field name="image_url" label=tr.t("field-image-url")
                        value=form.value("image_url", stored(|p| p.image_url.clone())) error=form.error("image_url")
                        hint=tr.t("field-image-url-hint")/>
                    <Field name="image_alt" label=tr.t("field-image-alt")
                        value=form.value("image_alt", stored(|p| p.image_alt.clone())) error=form.error("image_alt")
                        hint=tr.t("field-image-alt-hint")/>
                }.into_any()
            }}
            <DateRangeFields form=form.clone() start=stored(|p| date_text(p.start)) end=stored(|p| date_text(p.end))/>
            <Checkbox name="published" label=tr.t("field-published")
                checked=form.checked("published", p.is_some_and(|p| p.published)) hint=tr.t("field-published-hint")/>
            <button type="submit" class="button">{tr.t("form-save")}</button>
        </form>
    }
}

fn phases_list(
    tr: Tr,
    process: &store::Process,
    phases: &[store::Phase],
    today: chrono::NaiveDate,
) -> impl IntoView {
    let count = phases.len();
    let items = phases
        .iter()
        .enumerate()
        .map(|(i, phase)| {
            let edit = format!("/admin/processes/{}/phases/{}", process.id, phase.id);
            let move_button = |direction: &'static str, label: String| {
                view! {
                    <form method="post" action=MovePhase::url() class="inline-form">
                        <input type="hidden" name="phase_id" value=phase.id/>
                        <input type="hidden" name="direction" value=direction/>
                        <button type="submit" class="small">{label}</button>
                    </form>
                }
            };
            let name = phase.title.clone();
            let settings = phase
                .components
                .iter()
                .filter(|c| c.kind == ComponentKind::Consultation)
                .map(|c| view! {
                    <a href=format!("/admin/consultations/{}", c.id)>{tr.t_args("settings-link", &[("title", name.clone())])}</a>
                    <a href=format!("/admin/consultations/{}/dashboard", c.id)>{tr.t_args("dashboard-link-phase", &[("title", name.clone())])}</a>
                })
                .collect_view();
            let survey = phase
                .components
                .iter()
                .filter(|c| c.kind == ComponentKind::Survey)
                .map(|c| view! { <a href=format!("/admin/surveys/{}", c.id)>{tr.t_args("survey-builder-link", &[("title", name.clone())])}</a> })
                .collect_view();
            view! {
                <li class="admin-phase">
                    <p>
                        <strong>{i + 1}". "{phase.title.clone()}</strong>" "
                        <StatusBadge status=phase.status(today)/>
                        <br/>
                        <span class="dates">{tr.date_range(phase.start, phase.end)}</span>
                    </p>
                    <div class="actions">
                        <a href=edit.clone()>{tr.t_args("phase-edit", &[("title", name.clone())])}</a>
                        {settings}
                        {survey}
                        {phase
                            .components
                            .iter()
                            .filter(|c| c.kind == ComponentKind::Event)
                            .map(|c| view! {
                                <a href=format!("/admin/components/{}/event", c.id)>{tr.t_args("programme-edit-event", &[("title", name.clone())])}</a>
                            })
                            .collect_view()}
                        {phase
                            .components
                            .iter()
                            .filter(|c| c.kind == ComponentKind::Rendezvous)
                            .map(|c| view! {
                                <a href=format!("/admin/components/{}/rendezvous", c.id)>{tr.t_args("rendezvous-settings-link", &[("title", name.clone())])}</a>
                            })
                            .collect_view()}
                        {(i > 0).then(|| move_button("up", tr.t_args("phase-move-up", &[("title", name.clone())])))}
                        {(i + 1 < count).then(|| move_button("down", tr.t_args("phase-move-down", &[("title", name.clone())])))}
                        <a href=format!("{edit}/delete")>{tr.t_args("phase-delete", &[("title", name.clone())])}</a>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="phases" id="phases-section">
            <h2 id="phases">{tr.t("process-phases")}</h2>
            {if count == 0 { Some(view! { <p>{tr.t("admin-no-phases")}</p> }) } else { None }}
            <ol class="admin-phases">{items}</ol>
            <p><a class="button" href=format!("/admin/processes/{}/phases/new", process.id)>{tr.t("phase-add")}</a></p>
        </section>
    }
}

#[component]
pub fn ProcessEditPage() -> impl IntoView {
    let tr = Tr::current();
    let id = param("id").parse::<i64>().ok();
    let title = if id.is_some() {
        tr.t("process-edit-title")
    } else {
        tr.t("admin-new-process")
    };
    view! {
        <Page title=title.clone()>
            <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                <ol>
                    <li><a href="/admin">{tr.t("admin-title")}</a></li>
                    <li aria-current="page">{title.clone()}</li>
                </ol>
            </nav>
            <h1>{title}</h1>
            {load_page(load(id), move |(ctx, data)| {
                let form = FormState::of(&ctx, "process");
                let phases = data.process.as_ref().map(|p| phases_list(tr, p, &data.phases, data.today));
                let public = data.process.as_ref().map(|p| {
                    view! {
                        <p><a href=format!("/processes/{}", p.slug)>{tr.t("admin-view-public")}</a></p>
                        <p><a href=crate::process::service::themes::themes_path(p.id)>{tr.t("themes-manage")}</a></p>
                    }
                });
                let image = data.process.as_ref().map(|p| super::lifecycle::image_section(tr, &ctx, p));
                let lifecycle =
                    data.process.as_ref().map(|p| super::lifecycle::lifecycle_section(tr, &ctx, p));
                view! {
                    {public}
                    {process_form(tr, &form, data.process.as_ref())}
                    {image}
                    {phases}
                    {lifecycle}
                }
            })}
        </Page>
    }
}
