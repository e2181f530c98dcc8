//! Editing the programme (admins): event settings, days, sessions, speakers
//! and the registration form's extra questions; and the editor's read model.

use super::programme_of;
use crate::error::AppError;
use crate::event::forms::{
    DayForm, DeleteItemForm, EventForm, QuestionForm, SessionForm, SpeakerForm,
};
use crate::event::logic::programme::{self as parse, ProgrammeItem};
use crate::event::store::{self, Event, Programme};
use crate::event::store::{events, programme as db};
use crate::model::{ComponentKind, Role};
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
        .await?
        .ok_or_else(|| ctx.not_found())
}

fn optional_id(ctx: &Ctx, id: &str) -> Result<Option<i64>, AppError> {
    if id.trim().is_empty() {
        Ok(None)
    } else {
        id.parse().map(Some).map_err(|_| ctx.not_found())
    }
}

fn saved(event: &Event, anchor: &str) -> Next {
    Next::to(format!("{}#{anchor}", admin_path(event))).with_notice("programme-saved")
}

/// The editor's page of an event component: the component's title and its
/// event's programme (none yet if it was never set up).
pub struct SetupView {
    pub component_id: i64,
    /// The process (id, title), for the breadcrumb back to it.
    pub process: Option<(i64, String)>,
    pub title: String,
    pub programme: Option<Programme>,
}

pub async fn setup_view(ctx: &Ctx, component_id: i64) -> Result<SetupView, AppError> {
    ctx.require(Role::Admin)?;
    let title = match events::component_of(&ctx.db, component_id).await? {
        Some((ComponentKind::Event, title)) => title,
        _ => return Err(ctx.not_found()),
    };
    let programme = match store::event_by_component(&ctx.db, component_id).await? {
        Some(e) => Some(programme_of(ctx, e).await?),
        None => None,
    };
    let process = match crate::process::store::component_location(&ctx.db, component_id).await? {
        Some((id, _, _)) => crate::process::store::process_by_id(&ctx.db, id)
            .await?
            .map(|p| (p.id, p.title)),
        None => None,
    };
    Ok(SetupView {
        component_id,
        process,
        title,
        programme,
    })
}

/// The programme of an event, for the pages editing one of its parts.
pub async fn editor_view(ctx: &Ctx, event_id: i64) -> Result<Programme, AppError> {
    ctx.require(Role::Admin)?;
    let event = store::event_by_id(&ctx.db, event_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    programme_of(ctx, event).await
}

/// Creates the event of an event component, or changes its settings.
pub async fn save_event(ctx: &Ctx, form: &EventForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = form.component_id.parse().map_err(|_| ctx.not_found())?;
    if !matches!(
        events::component_of(&ctx.db, component).await?,
        Some((ComponentKind::Event, _))
    ) {
        return Err(ctx.not_found());
    }
    let input = parse::event(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    match store::event_by_component(&ctx.db, component).await? {
        Some(e) => {
            events::update_event(&ctx.db, e.id, &input).await?;
        }
        None => {
            events::insert_event(&ctx.db, component, &input).await?;
        }
    }
    let to = format!("/admin/components/{component}/event");
    Ok(((), Next::to(to).with_notice("programme-saved")))
}

pub async fn save_day(ctx: &Ctx, form: &DayForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let (date, seats) = parse::day(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    let id = optional_id(ctx, &form.day_id)?;
    db::save_day(&ctx.db, event.id, id, date, seats)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    Ok(((), saved(&event, "days")))
}

pub async fn save_session(ctx: &Ctx, form: &SessionForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let p = programme_of(ctx, event.clone()).await?;
    let day_ids: Vec<i64> = p.days.iter().map(|d| d.id).collect();
    let mut input = parse::session(form, &day_ids).map_err(|(f, k)| ctx.invalid(f, k))?;
    // Only this event's speakers and this process's themes.
    input.speaker_ids.retain(|id| p.speaker(*id).is_some());
    input.theme_ids.retain(|id| p.theme(*id).is_some());
    let id = optional_id(ctx, &form.session_id)?;
    db::save_session(&ctx.db, event.id, id, &input)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    Ok(((), saved(&event, "sessions")))
}

pub async fn save_speaker(ctx: &Ctx, form: &SpeakerForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let input = parse::speaker(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    let id = optional_id(ctx, &form.speaker_id)?;
    db::save_speaker(&ctx.db, event.id, id, &input)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    Ok(((), saved(&event, "speakers")))
}

pub async fn save_question(ctx: &Ctx, form: &QuestionForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let input = parse::question(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    let id = optional_id(ctx, &form.question_id)?;
    db::save_question(&ctx.db, event.id, id, &input)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    Ok(((), saved(&event, "questions")))
}

/// Deletes a day (with its sessions and the registrations' places in them),
/// a session, a speaker or a question, once the admin confirmed.
pub async fn delete_item(ctx: &Ctx, form: &DeleteItemForm) -> Result<((), Next), AppError> {
    let event = event_of(ctx, &form.event_id).await?;
    let item = ProgrammeItem::parse(&form.kind).ok_or_else(|| ctx.not_found())?;
    let id: i64 = form.id.parse().map_err(|_| ctx.not_found())?;
    if form.confirm.is_empty() {
        return Err(ctx.invalid("confirm", "programme-error-confirm-delete"));
    }
    if !db::delete_item(&ctx.db, event.id, item, id).await? {
        return Err(ctx.not_found());
    }
    let to = format!("{}#{}s", admin_path(&event), form.kind);
    Ok(((), Next::to(to).with_notice("programme-deleted")))
}

/// Sets a speaker's uploaded photo (or removes it), from the upload form.
/// Without alternative text the photo is described by the speaker's name.
pub async fn set_speaker_photo(
    ctx: &Ctx,
    speaker_id: i64,
    form: &crate::media::upload::UploadForm,
) -> Result<Next, AppError> {
    use crate::media::{logic as media, service as prepare, store as media_store};
    ctx.require(Role::Admin)?;
    let remove = form.ticked("remove");
    let changed = if remove {
        db::set_speaker_photo(&ctx.db, speaker_id, None, "").await?
    } else {
        media::check_file("photo", &form.file).map_err(|i| ctx.invalid(i.0, i.1))?;
        let alt = form.text("alt").trim();
        let alt = if alt.is_empty() {
            String::new()
        } else {
            media::parse_alt("alt", alt).map_err(|i| ctx.invalid(i.0, i.1))?
        };
        let image = prepare::prepare_off_thread("photo", form.file.clone())
            .await
            .map_err(|e| ctx.internal(e))?
            .map_err(|i| ctx.invalid(i.0, i.1))?;
        media_store::save(&ctx.db, &ctx.settings.media_dir, &image).await?;
        db::set_speaker_photo(&ctx.db, speaker_id, Some(&image.id), &alt).await?
    };
    let (event_id, old) = changed.ok_or_else(|| ctx.not_found())?;
    media_store::delete_unused(&ctx.db, &ctx.settings.media_dir, &Vec::from_iter(old)).await?;
    let notice = if remove {
        "media-removed"
    } else {
        "media-saved"
    };
    Ok(Next::to(format!("/admin/events/{event_id}/speakers/{speaker_id}")).with_notice(notice))
}
