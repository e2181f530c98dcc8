//! Editing the programme (admins): event settings, days, sessions, speakers
//! and the registration form's extra questions.

use super::api::{DayForm, DeleteItemForm, EventForm, QuestionForm, SessionForm, SpeakerForm};
use super::logic::programme as parse;
use super::store::{self, Event};
use crate::error::AppError;
use crate::model::{ComponentKind, Role};
use crate::ssr::db::is_unique_violation;
use crate::ssr::form::Next;
use crate::ssr::Ctx;

/// The admin page of an event.
pub fn admin_path(event: &Event) -> String {
    format!("/admin/components/{}/event", event.component_id)
}

async fn event_of(ctx: &Ctx, id: &str) -> Result<Event, AppError> {
    ctx.require(Role::Admin)?;
    let id: i64 = id.parse().map_err(|_| ctx.not_found())?;
    store::event_by_id(&ctx.db, id)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())
}

fn optional_id(ctx: &Ctx, id: &str) -> Result<Option<i64>, AppError> {
    if id.trim().is_empty() {
        Ok(None)
    } else {
        id.parse().map(Some).map_err(|_| ctx.not_found())
    }
}

fn saved(ctx: &Ctx, event: &Event, anchor: &str) -> Next {
    Next::to(format!("{}#{anchor}", admin_path(event))).with_notice(ctx.t("programme-saved"))
}

/// Creates the event of an event component, or changes its settings.
pub async fn save_event(ctx: &Ctx, form: &EventForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = form.component_id.parse().map_err(|_| ctx.not_found())?;
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM components WHERE id = $1")
        .bind(component)
        .fetch_optional(&ctx.db.pool)
        .await
        .map_err(|e| ctx.internal(e))?;
    if kind.as_deref() != Some(ComponentKind::Event.as_str()) {
        return Err(ctx.not_found());
    }
    let input = parse::event(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    let existing = store::event_by_component(&ctx.db, component)
        .await
        .map_err(|e| ctx.internal(e))?;
    let result = match &existing {
        Some(e) => store::update_event(&ctx.db, e.id, &input).await.map(|_| ()),
        None => store::insert_event(&ctx.db, component, &input)
            .await
            .map(|_| ()),
    };
    match result {
        Ok(()) => {}
        Err(e) if is_unique_violation(&e) => {
            return Err(ctx.invalid("slug", "process-error-slug-taken"))
        }
        Err(e) => return Err(ctx.internal(e)),
    }
    let to = format!("/admin/components/{component}/event");
    Ok(((), Next::to(to).with_notice(ctx.t("programme-saved"))))
}

pub async fn save_day(ctx: &Ctx, form: &DayForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let (date, seats) = parse::day(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    let id = optional_id(ctx, &form.day_id)?;
    match store::save_day(&ctx.db, event.id, id, date, seats).await {
        Ok(Some(_)) => Ok(((), saved(ctx, &event, "days"))),
        Ok(None) => Err(ctx.not_found()),
        Err(e) if is_unique_violation(&e) => Err(ctx.invalid("day", "programme-error-day-taken")),
        Err(e) => Err(ctx.internal(e)),
    }
}

pub async fn save_session(ctx: &Ctx, form: &SessionForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let p = store::programme(&ctx.db, event.clone())
        .await
        .map_err(|e| ctx.internal(e))?;
    let day_ids: Vec<i64> = p.days.iter().map(|d| d.id).collect();
    let mut input = parse::session(form, &day_ids).map_err(|(f, k)| ctx.invalid(f, k))?;
    // Only this event's speakers and this process's themes.
    input.speaker_ids.retain(|id| p.speaker(*id).is_some());
    input.theme_ids.retain(|id| p.theme(*id).is_some());
    let id = optional_id(ctx, &form.session_id)?;
    store::save_session(&ctx.db, event.id, id, &input)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    Ok(((), saved(ctx, &event, "sessions")))
}

pub async fn save_speaker(ctx: &Ctx, form: &SpeakerForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let input = parse::speaker(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    let id = optional_id(ctx, &form.speaker_id)?;
    store::save_speaker(&ctx.db, event.id, id, &input)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    Ok(((), saved(ctx, &event, "speakers")))
}

pub async fn save_question(ctx: &Ctx, form: &QuestionForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let input = parse::question(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    let id = optional_id(ctx, &form.question_id)?;
    store::save_question(&ctx.db, event.id, id, &input)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    Ok(((), saved(ctx, &event, "questions")))
}

/// Deletes a day (with its sessions and the registrations' places in them),
/// a session, a speaker or a question, once the admin confirmed.
pub async fn delete_item(ctx: &Ctx, form: &DeleteItemForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let table = store::deletable_table(&form.kind).ok_or_else(|| ctx.not_found())?;
    let id: i64 = form.id.parse().map_err(|_| ctx.not_found())?;
    if form.confirm.is_empty() {
        return Err(ctx.invalid("confirm", "programme-error-confirm-delete"));
    }
    let done = store::delete_item(&ctx.db, event.id, table, id)
        .await
        .map_err(|e| ctx.internal(e))?;
    if !done {
        return Err(ctx.not_found());
    }
    let to = format!("{}#{}s", admin_path(&event), form.kind);
    Ok(((), Next::to(to).with_notice(ctx.t("programme-deleted"))))
}
