//! A process's image upload, its archiving and its deletion (with the page
//! that names what goes with it and asks for the title typed again).

use crate::components::{load_page, Field, FileField, FormAlert, Page, ResponsiveImage};
use crate::error::AppError;
use crate::pages::param;
use crate::process::api::{ArchiveProcess, DeleteProcess};
use crate::process::service::{self, DeleteView};
use crate::process::store;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The upload form of the process image (fields `image`, `alt`; `remove`).
pub fn image_section(tr: Tr, ctx: &Ctx, p: &store::Process) -> impl IntoView {
    let form = FormState::of(ctx, "process-image");
    let action = format!("/api/staff/media/processes/{}/image", p.id);
    let current = p.image.clone().map(|image| {
        view! {
            <p>{tr.t("media-current")}</p>
            <ResponsiveImage image alt=p.image_alt.clone() sizes="(min-width: 40rem) 20rem, 100vw" class="media-preview"/>
        }
    });
    let remove = p.image.is_some().then(|| {
        view! {
            <form method="post" action=action.clone() enctype="multipart/form-data" class="inline-form">
                <input type="hidden" name="remove" value="on"/>
                <button type="submit" class="small">{tr.t("media-remove")}</button>
            </form>
        }
    });
    let alt = form.value(
        "alt",
        if p.image.is_some() {
            p.image_alt.clone()
        } else {
            String::new()
        },
    );
    view! {
        <section aria-labelledby="image" id="image-section">
            <h2 id="image">{tr.t("process-image-title")}</h2>
            {current}
            <form method="post" action=action enctype="multipart/form-data" class="stack">
                <FormAlert message=form.message()/>
                <FileField name="image" label=tr.t("media-file") hint=tr.t("media-file-hint") error=form.error("image")/>
                <Field name="alt" label=tr.t("field-image-alt") value=alt error=form.error("alt")
                    required=true hint=tr.t("media-alt-hint") maxlength=Some(300)/>
                <button type="submit" class="button">{tr.t("media-upload")}</button>
            </form>
            {remove}
        </section>
    }
}

/// Archive or bring back, and the way to the deletion page.
pub fn lifecycle_section(tr: Tr, ctx: &Ctx, p: &store::Process) -> impl IntoView {
    let form = FormState::of(ctx, "process-archive");
    let (value, label, state) = if p.archived {
        (
            "",
            tr.t("process-unarchive"),
            Some(view! { <p class="notice">{tr.t("process-archived")}</p> }),
        )
    } else {
        ("1", tr.t("process-archive"), None)
    };
    view! {
        <section aria-labelledby="lifecycle" id="lifecycle-section">
            <h2 id="lifecycle">{tr.t("process-lifecycle-title")}</h2>
            {state}
            <FormAlert message=form.message()/>
            <p class="hint">{tr.t("process-archive-hint")}</p>
            <form method="post" action=ArchiveProcess::url() class="inline-form">
                <input type="hidden" name="process_id" value=p.id/>
                <input type="hidden" name="archived" value=value/>
                <button type="submit" class="button">{label}</button>
            </form>
            <p><a href=format!("/admin/processes/{}/delete", p.id)>{tr.t_args("process-delete-link", &[("title", p.title.clone())])}</a></p>
        </section>
    }
}

async fn load(id: i64) -> Result<(Ctx, DeleteView), AppError> {
    let ctx = Ctx::get()?;
    let data = service::delete_view(&ctx, id).await?;
    Ok((ctx, data))
}

#[component]
pub fn ProcessDeletePage() -> impl IntoView {
    let tr = Tr::current();
    let id = param("id").parse::<i64>().unwrap_or(-1);
    view! {
        <Page title=tr.t("process-delete-title")>
            {load_page(load(id), move |(ctx, DeleteView { process, counts })| {
                let form = FormState::of(&ctx, "process-delete");
                let back = format!("/admin/processes/{}", process.id);
                let n = |key: &'static str, count: i64| {
                    view! { <li>{tr.t_args(key, &[("count", count.to_string())])}</li> }
                };
                view! {
                    <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                        <ol>
                            <li><a href="/admin">{tr.t("admin-title")}</a></li>
                            <li><a href=back.clone()>{process.title.clone()}</a></li>
                            <li aria-current="page">{tr.t("process-delete-title")}</li>
                        </ol>
                    </nav>
                    <h1>{tr.t("process-delete-title")}</h1>
                    <p>{tr.t_args("process-delete-intro", &[("title", process.title.clone())])}</p>
                    <ul>
                        {n("process-delete-phases", counts.phases)}
                        {n("process-delete-proposals", counts.proposals)}
                        {n("process-delete-votes", counts.votes)}
                        {n("process-delete-registrations", counts.registrations)}
                        {n("process-delete-responses", counts.survey_responses)}
                        {n("process-delete-images", counts.images)}
                    </ul>
                    <p><strong>{tr.t("process-delete-irreversible")}</strong></p>
                    <form method="post" action=DeleteProcess::url() class="stack narrow">
                        <FormAlert message=form.message()/>
                        <input type="hidden" name="process_id" value=process.id/>
                        <Field name="confirm_title" label=tr.t_args("process-delete-type-title", &[("title", process.title.clone())])
                            value=form.value("confirm_title", "") error=form.error("confirm_title") required=true/>
                        <button type="submit" class="button danger">{tr.t("process-delete-submit")}</button>
                    </form>
                    <p><a href=back>{tr.t("form-cancel")}</a></p>
                }
            })}
        </Page>
    }
}
