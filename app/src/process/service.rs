//! The process space's commands (the editor's forms) and the read models of
//! its pages: the home page, a process, a phase, the staff's editors.

pub mod themes;

use super::forms::{ArchiveForm, DeleteProcessForm, PhaseAction, PhaseForm, ProcessForm};
use super::logic::{self, PhaseInput, ProcessInput};
use super::store::{self, Phase, Process};
use crate::error::AppError;
use crate::model::{ComponentKind, Role};
use crate::ssr::form::Next;
use crate::ssr::Ctx;
use chrono::NaiveDate;
use std::collections::HashMap;

fn phases_anchor(process_id: i64) -> String {
    format!("/admin/processes/{process_id}#phases")
}

pub async fn save_process(ctx: &Ctx, form: &ProcessForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let input = ProcessInput::parse(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    if let Ok(id) = form.process_id.parse::<i64>() {
        // An uploaded image keeps its alternative text, whatever the address field says.
        let uploaded = store::process_by_id(&ctx.db, id)
            .await?
            .is_some_and(|p| p.image.is_some());
        if uploaded && input.image_alt.is_empty() {
            return Err(ctx.invalid("image_alt", "media-error-alt"));
        }
    }
    let id = match form.process_id.parse::<i64>() {
        Ok(id) => store::update_process(&ctx.db, id, &input)
            .await?
            .then_some(id)
            .ok_or_else(|| ctx.not_found())?,
        Err(_) => store::insert_process(&ctx.db, &input).await?,
    };
    let next = Next::to(format!("/admin/processes/{id}")).with_notice("process-saved");
    Ok(((), next))
}

pub async fn save_phase(ctx: &Ctx, form: &PhaseForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let process_id: i64 = form.process_id.parse().map_err(|_| ctx.not_found())?;
    let input = PhaseInput::parse(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    let found = match form.phase_id.parse::<i64>() {
        Ok(id) => store::update_phase(&ctx.db, process_id, id, &input).await?,
        // A missing process is a foreign-key refusal, hence not found.
        Err(_) => store::insert_phase(&ctx.db, process_id, &input)
            .await
            .map(|_| true)?,
    };
    if !found {
        return Err(ctx.not_found());
    }
    let next = Next::to(phases_anchor(process_id)).with_notice("phase-saved");
    Ok(((), next))
}

pub async fn delete_phase(ctx: &Ctx, form: &PhaseAction) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let id: i64 = form.phase_id.parse().map_err(|_| ctx.not_found())?;
    let process_id = store::delete_phase(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let next = Next::to(phases_anchor(process_id)).with_notice("phase-deleted");
    Ok(((), next))
}

pub async fn move_phase(ctx: &Ctx, form: &PhaseAction) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let id: i64 = form.phase_id.parse().map_err(|_| ctx.not_found())?;
    let up = form.direction == "up";
    let process_id = store::move_phase(&ctx.db, id, up)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    Ok(((), Next::to(phases_anchor(process_id))))
}

/// A process on the home page, with the phase to take part in now.
pub struct ProcessCard {
    pub process: Process,
    pub current: Option<Phase>,
    /// The id of its only open phase, when exactly one is open: the card
    /// leads straight to it.
    pub only_open: Option<i64>,
}

/// The home page: the published processes.
pub struct Home {
    pub cards: Vec<ProcessCard>,
    pub today: NaiveDate,
    /// The consultations open today: one "give your opinion" button each.
    pub open: Vec<crate::consultation::store::Consultation>,
}

/// The phase to put forward among `phases`, by its index.
fn current_index(phases: &[Phase], today: NaiveDate) -> Option<usize> {
    let dates: Vec<_> = phases.iter().map(|p| (p.start, p.end)).collect();
    logic::current_phase(&dates, today)
}

pub async fn home(ctx: &Ctx) -> Result<Home, AppError> {
    let today = ctx.settings.today();
    let mut cards = Vec::new();
    for process in store::list_processes(&ctx.db, true).await? {
        let phases = store::phases_of(&ctx.db, process.id).await?;
        let current = current_index(&phases, today).map(|i| phases[i].clone());
        let dates: Vec<_> = phases.iter().map(|p| (p.start, p.end)).collect();
        let only_open = logic::single_open_phase(&dates, today).map(|i| phases[i].id);
        cards.push(ProcessCard {
            process,
            current,
            only_open,
        });
    }
    let open = crate::consultation::service::posters::open_consultations(ctx).await?;
    Ok(Home { cards, today, open })
}

/// A process as its public page shows it.
pub struct ProcessView {
    pub process: Process,
    pub phases: Vec<Phase>,
    /// The index in `phases` of the phase to put forward.
    pub current: Option<usize>,
    pub themes: Vec<store::Theme>,
    pub today: NaiveDate,
    /// The published results of its final evaluations (the Rendez-vous
    /// citoyen's survey): where the process closes its loop.
    pub evaluations: Vec<crate::rendezvous::service::restitution::EvaluationResults>,
    /// Its events with published action avenues: (title, slug, how many).
    pub avenues: Vec<(String, String, i64)>,
}

/// A process by its slug; an unpublished one only for admins (to preview it).
async fn visible_process(ctx: &Ctx, slug: &str) -> Result<Process, AppError> {
    let is_admin = ctx.viewer().is_some_and(|u| u.role.allows(Role::Admin));
    store::process_by_slug(&ctx.db, slug)
        .await?
        .filter(|p| p.published || is_admin)
        .ok_or_else(|| ctx.not_found())
}

pub async fn process_page(ctx: &Ctx, slug: &str) -> Result<ProcessView, AppError> {
    let process = visible_process(ctx, slug).await?;
    let phases = store::phases_of(&ctx.db, process.id).await?;
    let themes = store::themes_of(&ctx.db, process.id).await?;
    let evaluations =
        crate::rendezvous::service::restitution::published_evaluations(&ctx.db, process.id).await?;
    let avenues = crate::event::service::avenues::events_with_avenues(&ctx.db, process.id).await?;
    let today = ctx.settings.today();
    Ok(ProcessView {
        current: current_index(&phases, today),
        process,
        phases,
        themes,
        today,
        evaluations,
        avenues,
    })
}

/// A phase's page: the phase within its process, and where its components live.
pub struct PhaseView {
    pub process: Process,
    pub phases: Vec<Phase>,
    /// The index of the phase asked for in `phases`; `None` when it is not one of them.
    pub index: Option<usize>,
    pub today: NaiveDate,
    /// The public address of each component that has a page, by component id.
    pub links: HashMap<i64, String>,
}

pub async fn phase_page(ctx: &Ctx, slug: &str, phase_id: i64) -> Result<PhaseView, AppError> {
    let process = visible_process(ctx, slug).await?;
    let phases = store::phases_of(&ctx.db, process.id).await?;
    let today = ctx.settings.today();
    let links = store::component_slugs(&ctx.db, process.id, today)
        .await?
        .into_iter()
        .map(|c| {
            let path = logic::component_path(c.kind, &c.slug, *c.show_results);
            (c.id, path)
        })
        .collect();
    Ok(PhaseView {
        index: phases.iter().position(|p| p.id == phase_id),
        process,
        phases,
        today,
        links,
    })
}

/// The staff dashboard: what each role is given to do.
pub struct Dashboard {
    pub role: Role,
    /// Every process, drafts included (admins only; empty for other roles).
    pub processes: Vec<Process>,
    /// The events' desks (event staff and admins): (title, public path).
    pub events: Vec<(String, String)>,
}

pub async fn dashboard(ctx: &Ctx) -> Result<Dashboard, AppError> {
    let role = ctx.require_any_staff()?.role;
    let processes = if role == Role::Admin {
        store::list_processes(&ctx.db, false).await?
    } else {
        Vec::new()
    };
    let events = if role.allows(Role::EventStaff) {
        store::event_desks(&ctx.db)
            .await?
            .into_iter()
            .map(|(title, slug)| {
                (
                    title,
                    logic::component_path(ComponentKind::Event, &slug, false),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Dashboard {
        role,
        processes,
        events,
    })
}

/// The process editor: a new process (`None`), or one with its phases.
pub struct ProcessEdit {
    pub process: Option<Process>,
    pub phases: Vec<Phase>,
    pub today: NaiveDate,
}

pub async fn process_edit(ctx: &Ctx, id: Option<i64>) -> Result<ProcessEdit, AppError> {
    ctx.require(Role::Admin)?;
    let (process, phases) = match id {
        None => (None, Vec::new()),
        Some(id) => {
            let process = store::process_by_id(&ctx.db, id)
                .await?
                .ok_or_else(|| ctx.not_found())?;
            (Some(process), store::phases_of(&ctx.db, id).await?)
        }
    };
    Ok(ProcessEdit {
        process,
        phases,
        today: ctx.settings.today(),
    })
}

/// The phase editor: a new phase (`None`) or an existing one, in its process.
pub struct PhaseEdit {
    pub process: Process,
    pub phase: Option<Phase>,
}

pub async fn phase_edit(
    ctx: &Ctx,
    process_id: i64,
    phase_id: Option<i64>,
) -> Result<PhaseEdit, AppError> {
    ctx.require(Role::Admin)?;
    let process = store::process_by_id(&ctx.db, process_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let phase = match phase_id {
        None => None,
        Some(id) => Some(
            store::phases_of(&ctx.db, process_id)
                .await?
                .into_iter()
                .find(|p| p.id == id)
                .ok_or_else(|| ctx.not_found())?,
        ),
    };
    Ok(PhaseEdit { process, phase })
}

/// A component of `kind` with its process and phase, for the component's
/// staff settings; not found when the component is of another kind.
pub async fn component_place(
    ctx: &Ctx,
    component_id: i64,
    kind: ComponentKind,
) -> Result<(Process, Phase), AppError> {
    ctx.require(Role::Admin)?;
    let Some((process_id, phase_id, _)) = store::component_location(&ctx.db, component_id)
        .await?
        .filter(|l| l.2 == kind.as_str())
    else {
        return Err(ctx.not_found());
    };
    let process = store::process_by_id(&ctx.db, process_id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let phase = store::phases_of(&ctx.db, process_id)
        .await?
        .into_iter()
        .find(|p| p.id == phase_id)
        .ok_or_else(|| ctx.not_found())?;
    Ok((process, phase))
}

/// Sets the uploaded image of a process (or removes it), from the upload form.
pub async fn set_image(
    ctx: &Ctx,
    process_id: i64,
    form: &crate::media::upload::UploadForm,
) -> Result<Next, AppError> {
    use crate::media::{logic as media, service as prepare};
    ctx.require(Role::Admin)?;
    let next = Next::to(format!("/admin/processes/{process_id}#image"));
    let old = if form.ticked("remove") {
        store::set_image(&ctx.db, process_id, None, "").await?
    } else {
        media::check_file("image", &form.file).map_err(|i| ctx.invalid(i.0, i.1))?;
        let alt = media::parse_alt("alt", form.text("alt")).map_err(|i| ctx.invalid(i.0, i.1))?;
        let image = prepare::prepare_off_thread("image", form.file.clone())
            .await
            .map_err(|e| ctx.internal(e))?
            .map_err(|i| ctx.invalid(i.0, i.1))?;
        if store::process_by_id(&ctx.db, process_id).await?.is_none() {
            return Err(ctx.not_found());
        }
        crate::media::store::save(&ctx.db, &ctx.settings.media_dir, &image).await?;
        store::set_image(&ctx.db, process_id, Some(&image.id), &alt).await?
    };
    let Some(old) = old else {
        return Err(ctx.not_found());
    };
    let notice = if form.ticked("remove") {
        "media-removed"
    } else {
        "media-saved"
    };
    crate::media::store::delete_unused(&ctx.db, &ctx.settings.media_dir, &Vec::from_iter(old))
        .await?;
    Ok(next.with_notice(notice))
}

pub async fn archive_process(ctx: &Ctx, form: &ArchiveForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let id: i64 = form.process_id.parse().map_err(|_| ctx.not_found())?;
    let archived = form.archived == "1";
    if !store::set_archived(&ctx.db, id, archived).await? {
        return Err(ctx.not_found());
    }
    let notice = if archived {
        "process-archived-notice"
    } else {
        "process-unarchived-notice"
    };
    Ok((
        (),
        Next::to(format!("/admin/processes/{id}")).with_notice(notice),
    ))
}

/// The confirmation page of a deletion: the process and what goes with it.
pub struct DeleteView {
    pub process: Process,
    pub counts: store::DeletionCounts,
}

pub async fn delete_view(ctx: &Ctx, id: i64) -> Result<DeleteView, AppError> {
    ctx.require(Role::Admin)?;
    let process = store::process_by_id(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let counts = store::deletion_counts(&ctx.db, id).await?;
    Ok(DeleteView { process, counts })
}

/// Deletes a process and everything in it, once its title was typed again;
/// then its images that nothing else uses, files included.
pub async fn delete_process(ctx: &Ctx, form: &DeleteProcessForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let id: i64 = form.process_id.parse().map_err(|_| ctx.not_found())?;
    let process = store::process_by_id(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    if !logic::deletion_confirmed(&process.title, &form.confirm_title) {
        return Err(ctx.invalid("confirm_title", "process-delete-error-confirm"));
    }
    let images = store::delete_process(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    crate::media::store::delete_unused(&ctx.db, &ctx.settings.media_dir, &images).await?;
    let next =
        Next::to("/admin").with_notice_args("process-deleted", vec![("title", process.title)]);
    Ok(((), next))
}
