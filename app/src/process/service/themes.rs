//! The themes of a process, as its admins keep them: create, rename,
//! recolour, reorder, and delete those nothing holds.

use crate::error::AppError;
use crate::model::Role;
use crate::process::forms::{ThemeAction, ThemeForm};
use crate::process::logic::themes::{self, ThemeInput, Usage};
use crate::process::store::{self, Deleted, Process, Theme};
use crate::ssr::form::Next;
use crate::ssr::Ctx;

/// The staff's themes page of a process.
pub fn themes_path(process_id: i64) -> String {
    format!("/admin/processes/{process_id}/themes")
}

async fn process_of(ctx: &Ctx, id: i64) -> Result<Process, AppError> {
    store::process_by_id(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())
}

/// The ratio as people read it: "4,48" in French, "4.48" in English (two
/// decimals, so a refused 4.48 never reads as the required 4.5).
fn ratio_text(ctx: &Ctx, ratio: f64) -> String {
    let text = format!("{ratio:.2}");
    match ctx.tr.lang() {
        crate::lang::Lang::Fr => text.replace('.', ","),
        _ => text,
    }
}

pub async fn save_theme(ctx: &Ctx, form: &ThemeForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let process_id: i64 = form.process_id.parse().map_err(|_| ctx.not_found())?;
    let input = ThemeInput::parse(form).map_err(|r| match r.ratio {
        Some(ratio) => ctx.respond_err(AppError::invalid(
            r.field,
            ctx.tr.t_args(r.key, &[("ratio", ratio_text(ctx, ratio))]),
        )),
        None => ctx.invalid(r.field, r.key),
    })?;
    match form.theme_id.parse::<i64>() {
        Ok(id) => {
            if !store::update_theme(&ctx.db, process_id, id, &input).await? {
                return Err(ctx.not_found());
            }
        }
        Err(_) => {
            process_of(ctx, process_id).await?;
            store::insert_theme(&ctx.db, process_id, &input).await?;
        }
    }
    let next = Next::to(themes_path(process_id))
        .with_notice_args("theme-saved", vec![("name", input.name)]);
    Ok(((), next))
}

pub async fn move_theme(ctx: &Ctx, form: &ThemeAction) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let id: i64 = form.theme_id.parse().map_err(|_| ctx.not_found())?;
    let process_id = store::move_theme(&ctx.db, id, form.direction == "up")
        .await?
        .ok_or_else(|| ctx.not_found())?;
    Ok(((), Next::to(themes_path(process_id))))
}

/// "used by 12 proposals and 2 sessions", in the request's language.
pub fn usage_text(ctx: &Ctx, usage: &Usage) -> String {
    let parts: Vec<String> = usage
        .parts()
        .into_iter()
        .map(|(key, n)| ctx.tr.t_args(key, &[("count", n.to_string())]))
        .collect();
    themes::join_list(&parts, &ctx.t("theme-usage-and"))
}

pub async fn delete_theme(ctx: &Ctx, form: &ThemeAction) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let id: i64 = form.theme_id.parse().map_err(|_| ctx.not_found())?;
    let theme = store::theme_by_id(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    match store::delete_theme(&ctx.db, id).await? {
        Deleted::Done(process_id) => {
            let next = Next::to(themes_path(process_id))
                .with_notice_args("theme-deleted", vec![("name", theme.name)]);
            Ok(((), next))
        }
        Deleted::InUse(usage) => Err(ctx.respond_err(AppError::Conflict(ctx.tr.t_args(
            "theme-error-in-use",
            &[("name", theme.name), ("usage", usage_text(ctx, &usage))],
        )))),
        Deleted::NotFound => Err(ctx.not_found()),
    }
}

/// A theme with what holds it, as the themes page lists it.
pub struct ThemeRow {
    pub theme: Theme,
    pub usage: Usage,
}

pub struct ThemesPage {
    pub process: Process,
    pub themes: Vec<ThemeRow>,
}

pub async fn themes_page(ctx: &Ctx, process_id: i64) -> Result<ThemesPage, AppError> {
    ctx.require(Role::Admin)?;
    let process = process_of(ctx, process_id).await?;
    let mut rows = Vec::new();
    for theme in store::themes_of(&ctx.db, process_id).await? {
        let usage = store::usage_of(&ctx.db, theme.id).await?;
        rows.push(ThemeRow { theme, usage });
    }
    Ok(ThemesPage {
        process,
        themes: rows,
    })
}

/// The editor of one theme of the process.
pub async fn theme_edit(
    ctx: &Ctx,
    process_id: i64,
    theme_id: i64,
) -> Result<(Process, Theme), AppError> {
    ctx.require(Role::Admin)?;
    let process = process_of(ctx, process_id).await?;
    let theme = store::theme_by_id(&ctx.db, theme_id)
        .await?
        .filter(|t| t.process_id == process_id)
        .ok_or_else(|| ctx.not_found())?;
    Ok((process, theme))
}

/// The chips' colours as a stylesheet: one rule per coloured theme. Served
/// from the site itself because the CSP refuses inline styles.
pub async fn chips_css(db: &crate::ssr::Db) -> Result<String, sqlx::Error> {
    Ok(store::theme_colours(db)
        .await?
        .into_iter()
        .filter_map(|(id, colour)| themes::chip_rule(id, &colour))
        .collect())
}
