//! Setting up a phase's evaluation component as a Rendez-vous citoyen
//! (admins): address, title, description, date, time and venue, the video's
//! embed address, the final evaluation survey, and whether registration is open.

use crate::components::{load_page, Checkbox, Field, FormAlert, Page, TextArea};
use crate::error::AppError;
use crate::model::Role;
use crate::pages::admin::staff_ctx;
use crate::pages::param;
use crate::rendezvous::api::SaveSettings;
use crate::rendezvous::service;
use crate::rendezvous::store::Rendezvous;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

type SettingsData = (
    Ctx,
    i64,
    String,
    Option<Rendezvous>,
    Vec<(i64, String)>,
    (i64, String),
);

async fn load(component: String) -> Result<SettingsData, AppError> {
    let ctx = staff_ctx(Role::Admin)?;
    let service::SettingsPageData {
        component_id,
        process,
        title,
        r,
        surveys,
    } = service::settings_page(&ctx, &component).await?;
    Ok((ctx, component_id, title, r, surveys, process))
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let tr = Tr::current();
    load_page(
        load(param("component_id")),
        move |(ctx, component, title, r, surveys, (process_id, process_title))| {
            let form = FormState::of(&ctx, "rendezvous-settings");
            let stored = |f: fn(&Rendezvous) -> String| r.as_ref().map(f).unwrap_or_default();
            let v_title = stored(|r| r.title.clone());
            let v_slug = stored(|r| r.slug.clone());
            let v_description = stored(|r| r.description.clone());
            let v_date = stored(|r| r.starts_on.format("%Y-%m-%d").to_string());
            let v_time = stored(|r| r.starts_at.clone());
            let v_venue = stored(|r| r.venue.clone());
            let v_video = stored(|r| r.video_url.clone());
            let registration_open = r.as_ref().is_none_or(|r| r.registration_open);
            let chosen = form.value(
                "survey_id",
                r.as_ref()
                    .and_then(|r| r.survey_id)
                    .map(|id| id.to_string())
                    .unwrap_or_default(),
            );
            let options = surveys
                .into_iter()
                .map(|(id, t)| {
                    let id = id.to_string();
                    view! { <option value=id.clone() selected=chosen == id>{t}</option> }
                })
                .collect_view();
            let links = r.as_ref().map(|r| {
            view! {
                <p class="actions">
                    <a href=format!("/rendezvous/{}/console", r.slug)>{tr.t("rendezvous-console-title")}</a>
                    <a href=format!("/rendezvous/{}", r.slug)>{tr.t("rendezvous-live-link")}</a>
                </p>
            }
        });
            let page_title = tr.t("rendezvous-settings-title");
            view! {
                <Page title=page_title.clone()>
                    <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                        <ol>
                            <li><a href="/admin">{tr.t("admin-title")}</a></li>
                            <li><a href=format!("/admin/processes/{process_id}")>{process_title}</a></li>
                            <li aria-current="page">{page_title.clone()}</li>
                        </ol>
                    </nav>
                    <h1>{page_title.clone()}</h1>
                    {(!title.is_empty()).then(|| view! { <p class="question">{title.clone()}</p> })}
                    {links}
                    <form method="post" action=SaveSettings::url() class="stack">
                        <FormAlert message=form.message()/>
                        <input type="hidden" name="component_id" value=component.to_string()/>
                        <Field name="title" label=tr.t("rendezvous-settings-name") value=form.value("title", v_title)
                            error=form.error("title") required=true maxlength=Some(200)/>
                        <Field name="slug" label=tr.t("rendezvous-settings-slug") value=form.value("slug", v_slug)
                            error=form.error("slug") required=true hint=tr.t("rendezvous-settings-slug-hint") maxlength=Some(80)/>
                        <TextArea name="description" label=tr.t("rendezvous-settings-description")
                            value=form.value("description", v_description) error=form.error("description") rows=5/>
                        <div class="row">
                            <Field name="starts_on" kind="date" label=tr.t("rendezvous-settings-date")
                                value=form.value("starts_on", v_date)
                                error=form.error("starts_on") required=true/>
                            <Field name="starts_at" kind="time" label=tr.t("rendezvous-settings-time")
                                value=form.value("starts_at", v_time)
                                error=form.error("starts_at") required=true/>
                        </div>
                        <Field name="venue" label=tr.t("rendezvous-settings-venue") value=form.value("venue", v_venue)
                            error=form.error("venue") maxlength=Some(300)/>
                        <Field name="video_url" kind="url" label=tr.t("rendezvous-settings-video")
                            value=form.value("video_url", v_video)
                            error=form.error("video_url") hint=tr.t("rendezvous-settings-video-hint")/>
                        <div class="field">
                            <label for="f-survey_id">{tr.t("rendezvous-settings-survey")}</label>
                            <select id="f-survey_id" name="survey_id">
                                <option value="">{tr.t("rendezvous-settings-no-survey")}</option>
                                {options}
                            </select>
                        </div>
                        <Checkbox name="registration_open" label=tr.t("rendezvous-settings-registration")
                            checked=form.checked("registration_open", registration_open)/>
                        <button type="submit" class="button">{tr.t("rendezvous-settings-save")}</button>
                    </form>
                </Page>
            }
        },
    )
}
