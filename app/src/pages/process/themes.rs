//! A process's themes for its admins: the list (reorder, delete when
//! unused), a form to add one, and a page to rename or recolour one. Also
//! the theme chip every page shows, coloured by `/themes.css`.

use crate::components::{load_page, Field, FormAlert, Page};
use crate::error::AppError;
use crate::pages::param;
use crate::process::api::{DeleteTheme, MoveTheme, SaveTheme};
use crate::process::logic::themes::{chip_text, PALETTE};
use crate::process::service::themes::{self, usage_text, ThemesPage};
use crate::process::store::{Process, Theme};
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The stylesheet of the chips' colours; a page showing chips includes it once.
pub fn chip_stylesheet() -> impl IntoView {
    view! { <link rel="stylesheet" href="/themes.css"/> }
}

/// A theme's chip, inside a `<ul class="tags">`.
pub fn chip(id: i64, name: String) -> impl IntoView {
    view! { <li class=format!("theme-{id}")>{name}</li> }
}

fn breadcrumb(tr: Tr, process: &Process, here: Option<String>) -> impl IntoView {
    let list = themes::themes_path(process.id);
    view! {
        <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
            <ol>
                <li><a href="/admin">{tr.t("admin-title")}</a></li>
                <li><a href=format!("/admin/processes/{}", process.id)>{process.title.clone()}</a></li>
                {match here {
                    Some(here) => view! {
                        <li><a href=list>{tr.t("themes-title")}</a></li>
                        <li aria-current="page">{here}</li>
                    }.into_any(),
                    None => view! { <li aria-current="page">{tr.t("themes-title")}</li> }.into_any(),
                }}
            </ol>
        </nav>
    }
}

/// The name and colour fields; `theme` is the stored one when editing.
fn theme_form(tr: Tr, ctx: &Ctx, process_id: i64, theme: Option<&Theme>) -> AnyView {
    let form_name = theme.map_or("theme-new".to_owned(), |t| format!("theme-{}", t.id));
    let form = FormState::of(ctx, &form_name);
    let stored_colour = theme.map(|t| t.colour.clone()).unwrap_or_default();
    let in_palette = PALETTE.iter().any(|(_, c)| *c == stored_colour);
    let chosen = form.value(
        "colour",
        if in_palette {
            stored_colour.clone()
        } else {
            String::new()
        },
    );
    let custom = form.value(
        "colour_custom",
        if in_palette {
            String::new()
        } else {
            stored_colour.clone()
        },
    );
    let colour_error = form.error("colour");
    let colour_described = colour_error.as_ref().map(|_| "f-colour-err");
    let radio = |value: String, label: String, swatch: Option<&'static str>| {
        let id = format!("f-colour-{}", value.trim_start_matches('#'));
        let id = if value.is_empty() {
            "f-colour-none".to_owned()
        } else {
            id
        };
        let checked = chosen == value;
        view! {
            <div class="field radio">
                <input type="radio" id=id.clone() name="colour" value=value checked=checked/>
                <label for=id>
                    {swatch.map(|c| view! {
                        <svg class="swatch" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
                            <rect width="20" height="20" rx="4" fill=c/>
                        </svg>
                    })}
                    " "{label}
                </label>
            </div>
        }
    };
    let palette = PALETTE
        .iter()
        .map(|(key, colour)| {
            radio(
                (*colour).to_owned(),
                format!("{} ({colour})", tr.t(key)),
                Some(colour),
            )
        })
        .collect_view();
    let submit = if theme.is_some() {
        tr.t("form-save")
    } else {
        tr.t("themes-add")
    };
    view! {
        <form method="post" action=SaveTheme::url() class="stack" novalidate>
            <FormAlert message=form.message()/>
            <input type="hidden" name="process_id" value=process_id/>
            <input type="hidden" name="theme_id" value=theme.map(|t| t.id.to_string()).unwrap_or_default()/>
            <Field name="name" label=tr.t("theme-name") required=true maxlength=Some(120)
                value=form.value("name", theme.map(|t| t.name.clone()).unwrap_or_default())
                error=form.error("name")/>
            <fieldset aria-describedby=colour_described>
                <legend>{tr.t("theme-colour")}</legend>
                <p class="hint">{tr.t("theme-colour-hint")}</p>
                {colour_error.map(|e| view! { <p class="field-problem" id="f-colour-err">{e}</p> })}
                {radio(String::new(), tr.t("theme-colour-none"), None)}
                {palette}
            </fieldset>
            <Field name="colour_custom" label=tr.t("theme-colour-custom") hint=tr.t("theme-colour-custom-hint")
                value=custom error=form.error("colour_custom") maxlength=Some(7)/>
            <button type="submit" class="button">{submit}</button>
        </form>
    }
    .into_any()
}

fn theme_row(tr: Tr, ctx: &Ctx, row: &themes::ThemeRow, index: usize, count: usize) -> AnyView {
    let t = &row.theme;
    let name = t.name.clone();
    let action = |url: String, direction: &'static str, label: String, class: &'static str| {
        view! {
            <form method="post" action=url class="inline-form">
                <input type="hidden" name="theme_id" value=t.id/>
                <input type="hidden" name="direction" value=direction/>
                <button type="submit" class=class>{label}</button>
            </form>
        }
    };
    let colour = if t.colour.is_empty() {
        tr.t("theme-colour-none")
    } else {
        let (_, ratio) = chip_text(&t.colour);
        tr.t_args(
            "theme-colour-ratio",
            &[
                ("colour", t.colour.clone()),
                ("ratio", format!("{ratio:.1}")),
            ],
        )
    };
    let usage = if row.usage.is_unused() {
        tr.t("theme-unused")
    } else {
        usage_text(ctx, &row.usage)
    };
    view! {
        <li class="admin-theme">
            <div class="admin-theme-name">
                <strong>{index + 1}". "</strong>
                <ul class="tags">{chip(t.id, name.clone())}</ul>
            </div>
            <p class="hint">{colour}" · "{usage}</p>
            <div class="actions">
                <a href=format!("{}/{}", themes::themes_path(t.process_id), t.id)>{tr.t_args("theme-edit", &[("name", name.clone())])}</a>
                {(index > 0).then(|| action(MoveTheme::url().to_owned(), "up", tr.t_args("theme-move-up", &[("name", name.clone())]), "small"))}
                {(index + 1 < count).then(|| action(MoveTheme::url().to_owned(), "down", tr.t_args("theme-move-down", &[("name", name.clone())]), "small"))}
                {row.usage.is_unused().then(|| action(DeleteTheme::url().to_owned(), "", tr.t_args("theme-delete", &[("name", name.clone())]), "small danger"))}
            </div>
        </li>
    }
    .into_any()
}

#[component]
pub fn ThemesListPage() -> impl IntoView {
    let tr = Tr::current();
    let process_id = param("id").parse::<i64>().unwrap_or(-1);
    let data = async move {
        let ctx = Ctx::get()?;
        let page = themes::themes_page(&ctx, process_id).await?;
        Ok::<_, AppError>((ctx, page))
    };
    view! {
        <Page title=tr.t("themes-title")>
            {load_page(data, move |(ctx, page): (Ctx, ThemesPage)| {
                let count = page.themes.len();
                let actions = FormState::of(&ctx, "theme-action");
                let items = page
                    .themes
                    .iter()
                    .enumerate()
                    .map(|(i, row)| theme_row(tr, &ctx, row, i, count))
                    .collect_view();
                view! {
                    {chip_stylesheet()}
                    {breadcrumb(tr, &page.process, None)}
                    <h1>{tr.t("themes-title")}</h1>
                    <p>{tr.t_args("themes-intro", &[("process", page.process.title.clone())])}</p>
                    <FormAlert message=actions.message()/>
                    {(count == 0).then(|| view! { <p>{tr.t("themes-none")}</p> })}
                    <ol class="admin-themes">{items}</ol>
                    <section aria-labelledby="theme-new-title">
                        <h2 id="theme-new-title">{tr.t("themes-add")}</h2>
                        {theme_form(tr, &ctx, page.process.id, None)}
                    </section>
                }
            })}
        </Page>
    }
}

#[component]
pub fn ThemeEditPage() -> impl IntoView {
    let tr = Tr::current();
    let process_id = param("id").parse::<i64>().unwrap_or(-1);
    let theme_id = param("theme_id").parse::<i64>().unwrap_or(-1);
    let data = async move {
        let ctx = Ctx::get()?;
        let (process, theme) = themes::theme_edit(&ctx, process_id, theme_id).await?;
        Ok::<_, AppError>((ctx, process, theme))
    };
    view! {
        <Page title=tr.t("theme-edit-title")>
            {load_page(data, move |(ctx, process, theme): (Ctx, Process, Theme)| {
                view! {
                    {breadcrumb(tr, &process, Some(theme.name.clone()))}
                    <h1>{tr.t("theme-edit-title")}</h1>
                    {theme_form(tr, &ctx, process.id, Some(&theme))}
                    <p><a href=themes::themes_path(process.id)>{tr.t("form-cancel")}</a></p>
                }
            })}
        </Page>
    }
}
