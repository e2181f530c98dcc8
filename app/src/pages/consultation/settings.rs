//! The settings of a phase's consultation: question, prefix, language,
//! neighbourhoods, dates, and the parameters of sequences and scores (with the
//! published Make.org defaults). The same page creates the consultation the
//! first time.

use crate::components::{load_page, Field, FormAlert, Page, TextArea};
use crate::consultation::api::SaveSettings;
use crate::consultation::service::pages::{settings_page, SettingsPage};
use crate::consultation::store::Consultation;
use crate::error::AppError;
use crate::lang::Lang;
use crate::pages::author_news::PublishResultsSection;
use crate::pages::param;
use crate::process::store::{Phase, Process};
use crate::ssr::db_types::date_text as iso;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

struct Data {
    ctx: Ctx,
    component_id: i64,
    process: Process,
    phase: Phase,
    consultation: Option<Consultation>,
}

async fn load(component_id: i64) -> Result<Data, AppError> {
    let ctx = Ctx::get()?;
    let SettingsPage {
        component_id,
        process,
        phase,
        consultation,
    } = settings_page(&ctx, component_id).await?;
    Ok(Data {
        ctx,
        component_id,
        process,
        phase,
        consultation,
    })
}

fn pct(share: f64) -> String {
    ((share * 100.0).round() as i64).to_string()
}

fn form_view(tr: Tr, data: &Data) -> impl IntoView {
    let form = FormState::of(&data.ctx, "settings");
    let c = data.consultation.as_ref();
    let params = c.map(|c| c.params.clone()).unwrap_or_default();
    let stored = |f: &dyn Fn(&Consultation) -> String, default: String| c.map(f).unwrap_or(default);
    let lang = form.value(
        "lang",
        stored(&|c| c.lang.clone(), Lang::default().code().into()),
    );
    let langs = Lang::ALL
        .into_iter()
        .map(|l| view! { <option value=l.code() selected=lang == l.code()>{l.endonym()}</option> })
        .collect_view();
    let number = |name: &'static str, label: &'static str, hint: &'static str, value: String| {
        view! {
            <Field name kind="number" label=tr.t(label) hint=tr.t(hint)
                value=form.value(name, value) error=form.error(name) required=true/>
        }
    };
    view! {
        <form method="post" action=SaveSettings::url() class="stack" novalidate>
            <FormAlert message=form.message()/>
            <input type="hidden" name="component_id" value=data.component_id/>
            <Field name="question" label=tr.t("settings-question") required=true maxlength=Some(300)
                value=form.value("question", stored(&|c| c.question.clone(), String::new()))
                error=form.error("question")/>
            <Field name="slug" label=tr.t("field-slug") hint=tr.t("settings-slug-hint") required=true
                value=form.value("slug", stored(&|c| c.slug.clone(), data.process.slug.clone()))
                error=form.error("slug")/>
            <Field name="proposal_prefix" label=tr.t("settings-prefix") hint=tr.t("settings-prefix-hint")
                required=true maxlength=Some(40)
                value=form.value("proposal_prefix", stored(&|c| c.proposal_prefix.clone(), tr.t("settings-prefix-default")))
                error=form.error("proposal_prefix")/>
            <div class="field">
                <label for="f-lang">{tr.t("settings-lang")}</label>
                <select id="f-lang" name="lang">{langs}</select>
            </div>
            <TextArea name="neighbourhoods" label=tr.t("settings-neighbourhoods") hint=tr.t("settings-neighbourhoods-hint")
                value=form.value("neighbourhoods", stored(&|c| c.neighbourhoods.join("\n"), String::new()))
                error=form.error("neighbourhoods") rows=16/>
            <p class="hint" id="neighbourhoods-count">
                {tr.t_args("settings-neighbourhoods-count", &[("count", c.map_or(0, |c| c.neighbourhoods.len()).to_string())])}
            </p>
            <div class="row">
                <Field name="opens_on" kind="date" label=tr.t("settings-opens") hint=tr.t("field-date-hint") required=true
                    value=form.value("opens_on", stored(&|c| iso(c.opens_on), iso(data.phase.start)))
                    error=form.error("opens_on")/>
                <Field name="closes_on" kind="date" label=tr.t("settings-closes") hint=tr.t("field-date-hint") required=true
                    value=form.value("closes_on", stored(&|c| iso(c.closes_on), iso(data.phase.end)))
                    error=form.error("closes_on")/>
            </div>
            <fieldset>
                <legend>{tr.t("settings-sequences")}</legend>
                {number("sequence_size", "settings-sequence-size", "settings-sequence-size-hint", params.size.to_string())}
                {number("new_share_pct", "settings-new-share", "settings-new-share-hint", pct(params.new_share))}
                {number("new_threshold", "settings-new-threshold", "settings-new-threshold-hint", params.new_threshold.to_string())}
                {number("controversy_share_pct", "settings-controversy-share", "settings-controversy-share-hint", pct(params.controversy_share))}
                {number("trusted_weight_pct", "settings-trusted-weight", "settings-trusted-weight-hint", pct(params.trusted_weight))}
            </fieldset>
            <button type="submit" class="button">{tr.t("form-save")}</button>
        </form>
    }
}

#[component]
pub fn ConsultationEditPage() -> impl IntoView {
    let tr = Tr::current();
    let component_id = param("component_id").parse::<i64>().unwrap_or(-1);
    let title = tr.t("settings-title");
    view! {
        <Page title=title.clone()>
            {load_page(load(component_id), move |data| {
                let public = data.consultation.as_ref().map(|c| view! {
                    <p><a href=format!("/consultations/{}", c.slug)>{tr.t("admin-view-public")}</a></p>
                    <p><a href=format!("/admin/consultations/{}/dashboard", data.component_id)>{tr.t("dashboard-link")}</a></p>
                });
                view! {
                    <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                        <ol>
                            <li><a href="/admin">{tr.t("admin-title")}</a></li>
                            <li><a href=format!("/admin/processes/{}", data.process.id)>{data.process.title.clone()}</a></li>
                            <li aria-current="page">{title.clone()}</li>
                        </ol>
                    </nav>
                    <h1>{title.clone()}</h1>
                    <p>{tr.t_args("settings-phase", &[("phase", data.phase.title.clone())])}</p>
                    {public}
                    {form_view(tr, &data)}
                    {data.consultation.as_ref().map(|_| view! {
                        <PublishResultsSection component_id=data.component_id/>
                    })}
                }
            })}
        </Page>
    }
}
