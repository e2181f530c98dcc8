//! What the Rendez-vous citoyen's server functions and pages do: checks,
//! translated refusals, and where the browser goes next. The pages' read
//! models are in `pages`.

mod pages;
pub mod restitution;

pub use pages::*;

use super::forms::{
    AnswerForm, AskForm, ModeForm, ModerateForm, QuestionForm, QuestionStateForm, RegisterForm,
    SettingsForm, UpvoteForm,
};
use super::logic::{
    self, hosts, Action, AnswerError, AudienceStatus, Kind, Mode, OptionsError, SeenOpen,
};
use super::mails;
use super::store::{self, AnswerOutcome, Rendezvous};
use crate::error::AppError;
use crate::model::Role;
use crate::ssr::form::Next;
use crate::ssr::live::Topic;
use crate::ssr::rate_limit::Action as RateAction;
use crate::ssr::Ctx;

/// The live hub's topic for one meeting's live state (`super::live`).
pub fn topic(rendezvous: i64) -> Topic {
    ("rendezvous", rendezvous)
}

/// The hub's topic for the audience questions waiting for a host's decision
/// (the console's pending stream).
pub fn pending_topic(rendezvous: i64) -> Topic {
    ("pending", rendezvous)
}

/// Tells the live pages of `rendezvous` that something changed, from within
/// a server function: the hub reads the state again.
fn nudge_current(rendezvous: i64) {
    crate::ssr::live::nudge_current(topic(rendezvous));
}

pub fn live_path(r: &Rendezvous) -> String {
    format!("/rendezvous/{}", r.slug)
}

pub fn console_path(r: &Rendezvous) -> String {
    format!("/rendezvous/{}/console", r.slug)
}

/// The meeting of this slug; not found otherwise, or when its process is a
/// draft and the viewer is not staff.
pub async fn rendezvous(ctx: &Ctx, slug: &str) -> Result<Rendezvous, AppError> {
    let r = store::by_slug(&ctx.db, slug)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    crate::process::visibility::ensure_visible(ctx, r.component_id).await?;
    Ok(r)
}

pub fn require_host(ctx: &Ctx) -> Result<(), AppError> {
    match ctx.viewer() {
        Some(u) if hosts(u.role) => Ok(()),
        // Refused with the usual messages and statuses.
        _ => ctx.require(Role::EventStaff).map(|_| ()),
    }
}

fn mode_key(r: &Rendezvous) -> String {
    format!("rendezvous_mode_{}", r.id)
}

/// Where this visitor said they follow the meeting from.
pub async fn mode(ctx: &Ctx, r: &Rendezvous) -> Option<Mode> {
    let stored: Option<String> = ctx.session.get(&mode_key(r)).await.ok().flatten();
    stored.as_deref().and_then(Mode::parse)
}

/// Remembers the mode, and gives the visitor their participant identity now:
/// created later, at the first answer, a double tap would make two.
pub async fn set_mode(ctx: &Ctx, r: &Rendezvous, mode: Mode) -> Result<(), AppError> {
    crate::account::participant::ensure(&ctx.db, &ctx.session).await?;
    ctx.session
        .insert(&mode_key(r), mode.as_str())
        .await
        .map_err(|e| ctx.internal(e))
}

pub async fn choose_mode(ctx: &Ctx, form: &ModeForm) -> Result<((), Next), AppError> {
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let mode = logic::parse_mode(&form.mode).map_err(|(f, k)| ctx.invalid(f, k))?;
    set_mode(ctx, &r, mode).await?;
    Ok(((), Next::to(format!("{}#live-question", live_path(&r)))))
}

// --- Registration ------------------------------------------------------------

fn registration_path(r: &Rendezvous, token: &str) -> String {
    format!("/rendezvous/{}/registration/{token}", r.slug)
}

pub async fn register(ctx: &Ctx, form: &RegisterForm) -> Result<((), Next), AppError> {
    let r = rendezvous(ctx, &form.rendezvous).await?;
    crate::process::visibility::ensure_not_archived(ctx, r.component_id).await?;
    if !r.registration_open {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-closed"))));
    }
    let reg = logic::parse_registration(form).map_err(|(f, k)| ctx.invalid(f, k))?;
    ctx.rate_limit(RateAction::RegisterForRendezvous, None)
        .await?;
    if let Some((typed, _)) = &reg.email {
        if let Some(standing) = store::standing_by_email(&ctx.db, r.id, typed).await? {
            return already_registered(ctx, &r, standing).await;
        }
    }
    let token = crate::ssr::private_link::new_token();
    let mail = reg.email.as_ref().map(|(_, a)| {
        let (link, live) = links(ctx, &r, &token);
        mails::confirmation(ctx.tr, a.clone(), &r, &reg.name, reg.mode, &link, &live)
    });
    let stored = store::register(
        &ctx.db,
        r.id,
        &crate::ssr::private_link::token_hash(&token),
        &reg.name,
        reg.email.as_ref().map(|(text, _)| text.as_str()),
        reg.mode,
        mail.as_ref(),
    )
    .await?;
    if stored.is_none() {
        // Registered by another request at the same moment.
        let typed = reg.email.as_ref().map_or("", |(t, _)| t.as_str());
        let standing = store::standing_by_email(&ctx.db, r.id, typed)
            .await?
            .ok_or_else(|| ctx.not_found())?;
        return already_registered(ctx, &r, standing).await;
    }
    if mail.is_some() {
        ctx.mail.wake();
    }
    set_mode(ctx, &r, reg.mode).await?;
    Ok((
        (),
        Next::to(registration_path(&r, &token)).with_notice("rendezvous-registered"),
    ))
}

/// The private link and the live page of a meeting, as a mail gives them.
fn links(ctx: &Ctx, r: &Rendezvous, token: &str) -> (String, String) {
    let base = ctx.settings.base_url.trim_end_matches('/');
    (
        format!("{base}{}", registration_path(r, token)),
        format!("{base}{}", live_path(r)),
    )
}

/// An address already registered: its private link is mailed again (for a
/// person who lost it), at most once per window, and never shown here (whoever
/// typed the address may not be its owner).
async fn already_registered(
    ctx: &Ctx,
    r: &Rendezvous,
    standing: store::Registration,
) -> Result<((), Next), AppError> {
    let to = standing
        .email
        .as_deref()
        .and_then(|e| crate::mail::EmailAddress::parse(e).ok())
        .ok_or_else(|| ctx.not_found())?;
    let token = crate::ssr::private_link::new_token();
    let (link, live) = links(ctx, r, &token);
    let mail = mails::confirmation(ctx.tr, to, r, &standing.name, standing.mode, &link, &live);
    let hash = crate::ssr::private_link::token_hash(&token);
    let sent = store::resend_link(&ctx.db, r.id, standing.id, &hash, &mail).await?;
    let notice = if sent {
        ctx.mail.wake();
        "rendezvous-link-resent"
    } else {
        "rendezvous-link-recently-sent"
    };
    Ok(((), Next::to(live_path(r)).with_notice(notice)))
}

/// A registration through its private link.
pub async fn registration(
    ctx: &Ctx,
    r: &Rendezvous,
    token: &str,
) -> Result<store::Registration, AppError> {
    store::registration_by_token(&ctx.db, r.id, &crate::ssr::private_link::token_hash(token))
        .await?
        .ok_or_else(|| ctx.not_found())
}

// --- Answers -------------------------------------------------------------------

pub async fn answer(ctx: &Ctx, form: &AnswerForm) -> Result<((), Next), AppError> {
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let next = Next::to(format!("{}#live-question", live_path(&r)));
    let q = match form.question_id.parse() {
        Ok(id) => store::question(&ctx.db, r.id, id).await?,
        Err(_) => None,
    }
    .ok_or_else(|| ctx.not_found())?;
    let Some(mode) = mode(ctx, &r).await else {
        return Err(ctx.invalid("mode", "rendezvous-error-mode"));
    };
    let value = logic::parse_answer(q.kind, q.options.len(), &logic::answer_values(q.kind, form))
        .map_err(|e| {
        let key = match e {
            AnswerError::Empty => "rendezvous-error-answer-empty",
            AnswerError::UnknownOption => "rendezvous-error-answer-option",
            AnswerError::TooLong => "rendezvous-error-answer-long",
            AnswerError::Control => crate::text::CONTROL_ERROR,
        };
        ctx.invalid(
            if q.kind == Kind::Word {
                "text"
            } else {
                "choice"
            },
            key,
        )
    })?;
    let participant = crate::account::participant::ensure(&ctx.db, &ctx.session).await?;
    ctx.rate_limit(RateAction::Answer, participant).await?;
    match store::answer(&ctx.db, q.id, participant, mode, &value).await? {
        AnswerOutcome::Stored => {
            nudge_current(r.id);
            Ok(((), next.with_notice("rendezvous-answered")))
        }
        AnswerOutcome::AlreadyAnswered => Err(ctx.respond_err(AppError::Conflict(
            ctx.t("rendezvous-error-already-answered"),
        ))),
        AnswerOutcome::NotOpen => Err(ctx.respond_err(AppError::Conflict(
            ctx.t("rendezvous-error-question-closed"),
        ))),
    }
}

// --- Audience questions ---------------------------------------------------------

pub async fn ask(ctx: &Ctx, form: &AskForm) -> Result<((), Next), AppError> {
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let body = logic::parse_audience_question(&form.body).map_err(|e| {
        ctx.invalid(
            "body",
            match e {
                logic::AudienceError::TooShort => "rendezvous-error-ask-short",
                logic::AudienceError::TooLong => "rendezvous-error-ask-long",
                logic::AudienceError::Control => crate::text::CONTROL_ERROR,
            },
        )
    })?;
    let Some(mode) = mode(ctx, &r).await else {
        return Err(ctx.invalid("mode", "rendezvous-error-mode"));
    };
    let participant = crate::account::participant::ensure(&ctx.db, &ctx.session).await?;
    ctx.rate_limit(RateAction::Ask, participant).await?;
    store::ask(&ctx.db, r.id, participant, &body, mode).await?;
    crate::ssr::live::nudge_current(pending_topic(r.id));
    Ok((
        (),
        Next::to(format!("{}#audience", live_path(&r))).with_notice("rendezvous-asked"),
    ))
}

pub async fn upvote(ctx: &Ctx, form: &UpvoteForm) -> Result<((), Next), AppError> {
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let id: i64 = form.question_id.parse().map_err(|_| ctx.not_found())?;
    let participant = crate::account::participant::ensure(&ctx.db, &ctx.session).await?;
    ctx.rate_limit(RateAction::Upvote, participant).await?;
    let counted = store::upvote(&ctx.db, r.id, id, participant).await?;
    if !counted {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-upvoted"))));
    }
    nudge_current(r.id);
    Ok(((), Next::to(format!("{}#audience", live_path(&r)))))
}

// --- Staff -------------------------------------------------------------------------

/// The Rendez-vous component `id`: its process and title, for its settings.
pub async fn rendezvous_component(ctx: &Ctx, id: i64) -> Result<(i64, String), AppError> {
    store::component(&ctx.db, id)
        .await?
        .ok_or_else(|| ctx.not_found())
}

pub async fn save_settings(ctx: &Ctx, form: &SettingsForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = form.component_id.parse().map_err(|_| ctx.not_found())?;
    let (process, _) = rendezvous_component(ctx, component).await?;
    let input = logic::parse_settings(form, &ctx.settings.video_hosts)
        .map_err(|(f, k)| ctx.invalid(f, k))?;
    if let Some(id) = input.survey_id {
        let surveys = store::process_surveys(&ctx.db, process).await?;
        if !surveys.iter().any(|(s, _)| *s == id) {
            return Err(ctx.invalid("survey_id", "rendezvous-error-survey"));
        }
    }
    // An address already taken is refused by the database (`ssr::db_error`).
    store::save(&ctx.db, component, &input).await?;
    Ok((
        (),
        Next::to(format!("/admin/components/{component}/rendezvous"))
            .with_notice("rendezvous-settings-saved"),
    ))
}

pub async fn save_question(ctx: &Ctx, form: &QuestionForm) -> Result<((), Next), AppError> {
    require_host(ctx)?;
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let kind =
        Kind::parse(&form.kind).ok_or_else(|| ctx.invalid("kind", "rendezvous-error-kind"))?;
    let prompt = form.prompt.trim();
    if prompt.is_empty() || prompt.chars().count() > 300 {
        return Err(ctx.invalid("prompt", "rendezvous-error-prompt"));
    }
    let options = logic::parse_options(kind, &form.options);
    logic::check_options(kind, &options).map_err(|e| {
        ctx.invalid(
            "options",
            match e {
                OptionsError::TooFew => "rendezvous-error-options-few",
                OptionsError::TooMany => "rendezvous-error-options-many",
                OptionsError::TooLong => "rendezvous-error-options-long",
            },
        )
    })?;
    let id = match form.question_id.trim() {
        "" => None,
        raw => {
            let id: i64 = raw.parse().map_err(|_| ctx.not_found())?;
            store::question(&ctx.db, r.id, id)
                .await?
                .ok_or_else(|| ctx.not_found())?;
            Some(id)
        }
    };
    store::save_question(&ctx.db, r.id, id, kind, prompt, &options).await?;
    nudge_current(r.id);
    Ok((
        (),
        Next::to(format!("{}#questions", console_path(&r)))
            .with_notice("rendezvous-question-saved"),
    ))
}

pub async fn question_state(ctx: &Ctx, form: &QuestionStateForm) -> Result<((), Next), AppError> {
    require_host(ctx)?;
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let id: i64 = form.question_id.parse().map_err(|_| ctx.not_found())?;
    let q = store::question(&ctx.db, r.id, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    let action = Action::parse(&form.action)
        .ok_or_else(|| ctx.invalid("action", "rendezvous-error-action"))?;
    let seen = SeenOpen::parse(&form.seen_open)
        .ok_or_else(|| ctx.invalid("seen_open", "rendezvous-error-action"))?;
    let to = logic::transition(q.state, action)
        .ok_or_else(|| ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-action"))))?;
    if !store::set_state(&ctx.db, r.id, id, to, seen).await? {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-open-conflict"))));
    }
    nudge_current(r.id);
    let notice = match action {
        Action::Open => "rendezvous-question-opened",
        Action::Close => "rendezvous-question-closed",
    };
    Ok((
        (),
        Next::to(format!("{}#live-question", console_path(&r))).with_notice(notice),
    ))
}

pub async fn moderate(ctx: &Ctx, form: &ModerateForm) -> Result<((), Next), AppError> {
    require_host(ctx)?;
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let id: i64 = form.question_id.parse().map_err(|_| ctx.not_found())?;
    let to = AudienceStatus::parse(&form.status)
        .ok_or_else(|| ctx.invalid("status", "rendezvous-error-action"))?;
    let from = store::audience_question(&ctx.db, r.id, id)
        .await?
        .ok_or_else(|| ctx.not_found())?;
    if !from.may_become(to) || !store::set_audience_status(&ctx.db, r.id, id, from, to).await? {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-action"))));
    }
    nudge_current(r.id);
    crate::ssr::live::nudge_current(pending_topic(r.id));
    Ok((
        (),
        Next::to(format!("{}#audience", console_path(&r))).with_notice("rendezvous-moderated"),
    ))
}
