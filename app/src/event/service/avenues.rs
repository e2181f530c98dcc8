//! Action avenues for staff and readers: the staff page's commands (save,
//! publish, delete) and the read models of the public and staff pages.
//!
//! `published_by_theme` is the one entry point for other components (the
//! Rendez-vous citoyen's restitution reads it): a plain async function over
//! the database, with no request context.

use super::programme_of;
use crate::author_news::service::{self as author_news, Mailer};
use crate::error::AppError;
use crate::event::forms::{AvenueActionForm, AvenueForm};
use crate::event::logic::avenues::{
    distinct_count, group_by_theme, offered_proposals, Avenue, AvenueInput, LinkedProposal,
    ThemeAvenues,
};
use crate::event::store::{self, avenues as db, Programme, Session};
use crate::model::Role;
use crate::ssr::db::now;
use crate::ssr::form::Next;
use crate::ssr::{Ctx, Db};

/// The staff page of a workshop's avenues.
pub fn staff_path(event_id: i64, session_id: i64) -> String {
    format!("/admin/events/{event_id}/sessions/{session_id}/avenues")
}

/// The public page of an event's avenues.
pub fn public_path(event_slug: &str) -> String {
    format!("/events/{event_slug}/action-avenues")
}

/// The published action avenues of every event of a process, grouped by the
/// process's themes (in their order; an avenue of two themes is under both),
/// then those linked to no theme under `theme: None`. Within a theme they
/// follow the programme (day, start time, workshop). Unpublished avenues and
/// proposals no longer published are left out. For pages and other
/// components alike (the Rendez-vous citoyen's restitution).
pub async fn published_by_theme(
    db: &Db,
    process_id: i64,
) -> Result<Vec<ThemeAvenues>, sqlx::Error> {
    let avenues = db::published_of_process(db, process_id).await?;
    Ok(group_by_theme(&db::themes(db, process_id).await?, &avenues))
}

/// The events of a process that have published avenues: (title, slug, how many).
pub async fn events_with_avenues(
    db: &Db,
    process_id: i64,
) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    db::events_with_avenues(db, process_id).await
}

/// The public page of an event's avenues.
pub struct AvenuesView {
    pub programme: Programme,
    /// By theme, in the process's order.
    pub groups: Vec<ThemeAvenues>,
    /// Distinct avenues (one under two themes counts once).
    pub count: usize,
}

pub async fn avenues_view(ctx: &Ctx, slug: &str) -> Result<AvenuesView, AppError> {
    let programme = super::programme(ctx, slug).await?;
    let process_id = db::process_of_event(&ctx.db, programme.event.component_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let avenues = db::published_of_event(&ctx.db, programme.event.id).await?;
    let groups = group_by_theme(&db::themes(&ctx.db, process_id).await?, &avenues);
    Ok(AvenuesView {
        count: distinct_count(&groups),
        programme,
        groups,
    })
}

/// The staff page of one workshop's avenues.
pub struct WorkshopAvenuesView {
    pub programme: Programme,
    pub workshop: Session,
    /// Published or not.
    pub avenues: Vec<Avenue>,
    /// The proposals an avenue may be linked to.
    pub offered: Vec<LinkedProposal>,
}

pub async fn workshop_avenues_view(
    ctx: &Ctx,
    event_id: &str,
    session_id: &str,
) -> Result<WorkshopAvenuesView, AppError> {
    ctx.require(Role::EventStaff)?;
    let (programme, workshop, process_id) = workshop(ctx, event_id, session_id).await?;
    let avenues = db::of_session(&ctx.db, workshop.id).await?;
    let candidates = db::candidate_proposals(&ctx.db, process_id).await?;
    let linked: Vec<i64> = avenues
        .iter()
        .flat_map(|a| a.proposals.iter().map(|p| p.id))
        .collect();
    let offered = offered_proposals(&candidates, &workshop.theme_ids, &linked);
    Ok(WorkshopAvenuesView {
        programme,
        workshop,
        avenues,
        offered,
    })
}

/// The workshop a staff form is about, with its event's programme and process.
async fn workshop(
    ctx: &Ctx,
    event_id: &str,
    session_id: &str,
) -> Result<(Programme, Session, i64), AppError> {
    let parse = |s: &str| s.parse::<i64>().map_err(|_| ctx.not_found());
    let (event_id, session_id) = (parse(event_id)?, parse(session_id)?);
    let event = store::event_by_id(&ctx.db, event_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let process_id = db::process_of_event(&ctx.db, event.component_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let p = programme_of(ctx, event).await?;
    let s = p
        .session(session_id)
        .filter(|s| s.is_workshop())
        .cloned()
        .ok_or_else(|| ctx.not_found())?;
    Ok((p, s, process_id))
}

pub async fn save(ctx: &Ctx, form: &AvenueForm) -> Result<((), Next), AppError> {
    ctx.require(Role::EventStaff)?;
    let (p, s, process_id) = workshop(ctx, &form.event_id, &form.session_id).await?;
    let id = match form.avenue_id.trim() {
        "" => None,
        id => Some(id.parse::<i64>().map_err(|_| ctx.not_found())?),
    };
    let theme_ids: Vec<i64> = p.themes.iter().map(|t| t.0).collect();
    let proposal_ids: Vec<i64> = db::candidate_proposals(&ctx.db, process_id)
        .await?
        .into_iter()
        .map(|(p, _)| p.id)
        .collect();
    let input = AvenueInput::parse(form, &theme_ids, &proposal_ids)
        .map_err(|(field, key)| ctx.invalid(field, key))?;
    // The authors of newly cited ideas hear of it in the same transaction.
    let mailer = Mailer::of(&ctx.db, &ctx.settings).await?;
    let mut tx = ctx.db.pool.begin().await?;
    let id = db::save_in(&mut tx, s.id, id, &input, now())
        .await?
        .ok_or_else(|| ctx.not_found())?;
    author_news::avenue_cited(&mut tx, &mailer, id, public_path).await?;
    tx.commit().await?;
    ctx.mail.wake();
    let notice = if input.published {
        "avenue-saved-published"
    } else {
        "avenue-saved-draft"
    };
    Ok((
        (),
        Next::to(staff_path(p.event.id, s.id)).with_notice(notice),
    ))
}

pub async fn act(ctx: &Ctx, form: &AvenueActionForm) -> Result<((), Next), AppError> {
    ctx.require(Role::EventStaff)?;
    let (p, s, _) = workshop(ctx, &form.event_id, &form.session_id).await?;
    let id: i64 = form.avenue_id.parse().map_err(|_| ctx.not_found())?;
    let (done, notice) = match form.action.as_str() {
        "publish" | "unpublish" => {
            let publish = form.action == "publish";
            let mailer = Mailer::of(&ctx.db, &ctx.settings).await?;
            let mut tx = ctx.db.pool.begin().await?;
            let done = db::set_published_in(&mut tx, s.id, id, publish, now()).await?;
            if done {
                author_news::avenue_cited(&mut tx, &mailer, id, public_path).await?;
                tx.commit().await?;
                ctx.mail.wake();
            }
            let notice = if publish {
                "avenue-published"
            } else {
                "avenue-unpublished"
            };
            (done, notice)
        }
        "delete" => {
            if form.confirm.is_empty() {
                return Err(ctx.invalid("confirm", "avenue-error-confirm-delete"));
            }
            (db::delete(&ctx.db, s.id, id).await?, "avenue-deleted")
        }
        _ => return Err(ctx.not_found()),
    };
    if !done {
        return Err(ctx.not_found());
    }
    Ok((
        (),
        Next::to(staff_path(p.event.id, s.id)).with_notice(notice),
    ))
}
