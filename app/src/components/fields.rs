//! Accessible form fields: a visible label, an optional hint, and the error
//! tied to the field with `aria-describedby` / `aria-invalid` (RGAA 11).

use crate::ssr::form::FormState;
use crate::ssr::Tr;
use leptos::prelude::*;

fn described_by(name: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(hint, "hint"), (error, "err")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, suffix)| format!("f-{name}-{suffix}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
fn Help(name: &'static str, hint: Option<String>, error: Option<String>) -> impl IntoView {
    let tr = Tr::current();
    view! {
        {hint.map(|h| view! { <p class="hint" id=format!("f-{name}-hint")>{h}</p> })}
        {error.map(|e| {
            view! {
                <p class="field-problem" id=format!("f-{name}-err")>
                    <span class="visually-hidden">{tr.t("form-error-prefix")}</span>
                    {e}
                </p>
            }
        })}
    }
}

/// A one-line input (text, email, date, password...).
#[component]
pub fn Field(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(default = None)] error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(default = None)] autocomplete: Option<&'static str>,
    #[prop(default = None)] maxlength: Option<u32>,
) -> impl IntoView {
    let tr = Tr::current();
    let described = described_by(name, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let has_problem = error.is_some();
    view! {
        <div class="field" class:has-problem=has_problem>
            <label for=format!("f-{name}")>
                {label}
                {required.then(|| view! { <span class="required">" "{tr.t("form-required")}</span> })}
            </label>
            <Help name hint error/>
            <input
                id=format!("f-{name}")
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                maxlength=maxlength
                aria-describedby=described
                aria-invalid=invalid
            />
        </div>
    }
}

#[component]
pub fn TextArea(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(default = None)] error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = 6)] rows: u32,
) -> impl IntoView {
    let described = described_by(name, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let has_problem = error.is_some();
    view! {
        <div class="field" class:has-problem=has_problem>
            <label for=format!("f-{name}")>{label}</label>
            <Help name hint error/>
            <textarea id=format!("f-{name}") name=name rows=rows aria-describedby=described aria-invalid=invalid>
                {value}
            </textarea>
        </div>
    }
}

#[component]
pub fn Checkbox(
    name: &'static str,
    #[prop(into)] label: String,
    checked: bool,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let described = hint.is_some().then(|| format!("f-{name}-hint"));
    view! {
        <div class="field checkbox">
            <input id=format!("f-{name}") type="checkbox" name=name value="on" checked=checked aria-describedby=described/>
            <label for=format!("f-{name}")>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("f-{name}-hint")>{h}</p> })}
        </div>
    }
}

/// The message at the top of a refused form; focused first by screen readers.
#[component]
pub fn FormAlert(message: Option<String>) -> impl IntoView {
    message.map(|m| {
        view! {
            <div class="form-alert" role="alert">
                <p>{m}</p>
            </div>
        }
    })
}

/// The start and end dates of a process or phase, side by side when there is room.
#[component]
pub fn DateRangeFields(form: FormState, start: String, end: String) -> impl IntoView {
    let tr = Tr::current();
    view! {
        <div class="row">
            <Field name="start_date" kind="date" label=tr.t("field-start-date")
                value=form.value("start_date", start) error=form.error("start_date")
                required=true hint=tr.t("field-date-hint")/>
            <Field name="end_date" kind="date" label=tr.t("field-end-date")
                value=form.value("end_date", end) error=form.error("end_date")
                required=true hint=tr.t("field-date-hint")/>
        </div>
    }
}

/// A `<select>` with an empty first option ("prefer not to say").
pub fn optional_select(
    name: &'static str,
    label: String,
    empty: String,
    options: Vec<(String, String)>,
    chosen: &str,
    error: Option<String>,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    let described = error.as_ref().map(|_| format!("f-{name}-err"));
    view! {
        <div class="field">
            <label for=format!("f-{name}")>{label}</label>
            {error.map(|e| view! { <p class="field-problem" id=format!("f-{name}-err")>{e}</p> })}
            <select id=format!("f-{name}") name=name aria-describedby=described>
                <option value="">{empty}</option>
                {options}
            </select>
        </div>
    }
}
