//! What the Rendez-vous citoyen's server functions and pages do: checks,
//! translated refusals, and where the browser goes next.

use super::api::{
    AnswerForm, AskForm, ModeForm, ModerateForm, QuestionForm, QuestionStateForm, RegisterForm,
    SettingsForm, UpvoteForm,
};
use super::live::nudge_current;
use super::logic::{self, Action, AnswerError, AudienceStatus, Kind, Mode, OptionsError, SeenOpen};
use super::store::{self, AnswerOutcome, Rendezvous, RendezvousInput};
use crate::error::AppError;
use crate::mail::{EmailAddress, OutgoingMail};
use crate::model::{ComponentKind, Role};
use crate::ssr::form::Next;
use crate::ssr::{Ctx, Tr};

pub fn live_path(r: &Rendezvous) -> String {
    format!("/rendezvous/{}", r.slug)
}

pub fn console_path(r: &Rendezvous) -> String {
    format!("/rendezvous/{}/console", r.slug)
}

pub async fn rendezvous(ctx: &Ctx, slug: &str) -> Result<Rendezvous, AppError> {
    store::by_slug(&ctx.db, slug)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())
}

/// The staff who run the meeting: event staff and moderators (and admins).
pub fn hosts(role: Role) -> bool {
    [Role::EventStaff, Role::Moderator]
        .iter()
        .any(|r| role.allows(*r))
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
    crate::account::participant::ensure(&ctx.db, &ctx.session)
        .await
        .map_err(|e| ctx.internal(e))?;
    ctx.session
        .insert(&mode_key(r), mode.as_str())
        .await
        .map_err(|e| ctx.internal(e))
}

fn parse_mode(ctx: &Ctx, raw: &str) -> Result<Mode, AppError> {
    Mode::parse(raw).ok_or_else(|| ctx.invalid("mode", "rendezvous-error-mode"))
}

pub async fn choose_mode(ctx: &Ctx, form: &ModeForm) -> Result<((), Next), AppError> {
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let mode = parse_mode(ctx, &form.mode)?;
    set_mode(ctx, &r, mode).await?;
    Ok(((), Next::to(format!("{}#live-question", live_path(&r)))))
}

// --- Registration ------------------------------------------------------------

fn registration_path(r: &Rendezvous, token: &str) -> String {
    format!("/rendezvous/{}/registration/{token}", r.slug)
}

fn confirmation_mail(
    tr: Tr,
    to: EmailAddress,
    r: &Rendezvous,
    name: &str,
    mode: Mode,
    link: &str,
    live: &str,
) -> OutgoingMail {
    let how = tr.t(match mode {
        Mode::Room => "rendezvous-mode-room",
        Mode::Remote => "rendezvous-mode-remote",
    });
    let text = tr.t_args(
        "rendezvous-mail-body",
        &[
            ("name", name.to_owned()),
            ("title", r.title.clone()),
            ("date", tr.date(r.starts_on)),
            ("time", r.starts_at.clone()),
            ("venue", r.venue.clone()),
            ("mode", how),
            ("live", live.to_owned()),
            ("link", link.to_owned()),
        ],
    );
    OutgoingMail::new(
        to,
        &tr.t_args("rendezvous-mail-subject", &[("title", r.title.clone())]),
        &text,
    )
}

pub async fn register(ctx: &Ctx, form: &RegisterForm) -> Result<((), Next), AppError> {
    let r = rendezvous(ctx, &form.rendezvous).await?;
    if !r.registration_open {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-closed"))));
    }
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(ctx.invalid("name", "rendezvous-error-name"));
    }
    let email = form.email.trim();
    let address = if email.is_empty() {
        None
    } else {
        Some(
            EmailAddress::parse(email)
                .map_err(|_| ctx.invalid("email", "rendezvous-error-email"))?,
        )
    };
    let mode = parse_mode(ctx, &form.mode)?;
    if form.consent.is_empty() {
        return Err(ctx.invalid("consent", "rendezvous-error-consent"));
    }
    let token = crate::survey::store::new_token();
    let base = ctx.settings.base_url.trim_end_matches('/');
    let link = format!("{base}{}", registration_path(&r, &token));
    let live = format!("{base}{}", live_path(&r));
    let mail = address.map(|a| confirmation_mail(ctx.tr, a, &r, name, mode, &link, &live));
    store::register(
        &ctx.db,
        r.id,
        &crate::survey::store::token_hash(&token),
        name,
        address_text(email),
        mode,
        mail.as_ref(),
    )
    .await
    .map_err(|e| ctx.internal(e))?;
    if mail.is_some() {
        ctx.mail.wake();
    }
    set_mode(ctx, &r, mode).await?;
    Ok((
        (),
        Next::to(registration_path(&r, &token)).with_notice(ctx.t("rendezvous-registered")),
    ))
}

fn address_text(email: &str) -> Option<&str> {
    (!email.is_empty()).then_some(email)
}

/// A registration through its private link.
pub async fn registration(
    ctx: &Ctx,
    r: &Rendezvous,
    token: &str,
) -> Result<store::Registration, AppError> {
    store::registration_by_token(&ctx.db, r.id, &crate::survey::store::token_hash(token))
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())
}

// --- Answers -------------------------------------------------------------------

/// The values of an answer form, in the order `logic::parse_answer` reads.
fn answer_values(kind: Kind, form: &AnswerForm) -> Vec<String> {
    match kind {
        Kind::Word => vec![form.text.clone()],
        Kind::Multiple => form
            .extra
            .iter()
            .filter(|(k, v)| k.starts_with('o') && !v.is_empty())
            .map(|(k, _)| k[1..].to_owned())
            .collect(),
        _ => vec![form.choice.clone()],
    }
}

pub async fn answer(ctx: &Ctx, form: &AnswerForm) -> Result<((), Next), AppError> {
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let next = Next::to(format!("{}#live-question", live_path(&r)));
    let q = match form.question_id.parse() {
        Ok(id) => store::question(&ctx.db, r.id, id)
            .await
            .map_err(|e| ctx.internal(e))?,
        Err(_) => None,
    }
    .ok_or_else(|| ctx.not_found())?;
    let Some(mode) = mode(ctx, &r).await else {
        return Err(ctx.invalid("mode", "rendezvous-error-mode"));
    };
    let value = logic::parse_answer(q.kind, q.options.len(), &answer_values(q.kind, form))
        .map_err(|e| {
            let key = match e {
                AnswerError::Empty => "rendezvous-error-answer-empty",
                AnswerError::UnknownOption => "rendezvous-error-answer-option",
                AnswerError::TooLong => "rendezvous-error-answer-long",
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
    let participant = crate::account::participant::ensure(&ctx.db, &ctx.session)
        .await
        .map_err(|e| ctx.internal(e))?;
    match store::answer(&ctx.db, q.id, participant, mode, &value)
        .await
        .map_err(|e| ctx.internal(e))?
    {
        AnswerOutcome::Stored => {
            nudge_current(r.id);
            Ok(((), next.with_notice(ctx.t("rendezvous-answered"))))
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
            },
        )
    })?;
    let Some(mode) = mode(ctx, &r).await else {
        return Err(ctx.invalid("mode", "rendezvous-error-mode"));
    };
    let participant = crate::account::participant::ensure(&ctx.db, &ctx.session)
        .await
        .map_err(|e| ctx.internal(e))?;
    ctx.rate_limit(crate::ssr::rate_limit::Action::Propose, participant)?;
    store::ask(&ctx.db, r.id, participant, &body, mode)
        .await
        .map_err(|e| ctx.internal(e))?;
    Ok((
        (),
        Next::to(format!("{}#audience", live_path(&r))).with_notice(ctx.t("rendezvous-asked")),
    ))
}

pub async fn upvote(ctx: &Ctx, form: &UpvoteForm) -> Result<((), Next), AppError> {
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let id: i64 = form.question_id.parse().map_err(|_| ctx.not_found())?;
    let participant = crate::account::participant::ensure(&ctx.db, &ctx.session)
        .await
        .map_err(|e| ctx.internal(e))?;
    let counted = store::upvote(&ctx.db, r.id, id, participant)
        .await
        .map_err(|e| ctx.internal(e))?;
    if !counted {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-upvoted"))));
    }
    nudge_current(r.id);
    Ok(((), Next::to(format!("{}#audience", live_path(&r)))))
}

// --- Staff -------------------------------------------------------------------------

fn valid_slug(slug: &str) -> bool {
    (1..=80).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// The evaluation component `id`, for its settings page.
pub async fn evaluation_component(ctx: &Ctx, id: i64) -> Result<(i64, String), AppError> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT p.process_id, c.title FROM components c JOIN phases p ON p.id = c.phase_id \
         WHERE c.id = $1 AND c.kind = $2",
    )
    .bind(id)
    .bind(ComponentKind::Rendezvous.as_str())
    .fetch_optional(&ctx.db.pool)
    .await
    .map_err(|e| ctx.internal(e))?;
    row.ok_or_else(|| ctx.not_found())
}

pub async fn save_settings(ctx: &Ctx, form: &SettingsForm) -> Result<((), Next), AppError> {
    ctx.require(Role::Admin)?;
    let component: i64 = form.component_id.parse().map_err(|_| ctx.not_found())?;
    let (process, _) = evaluation_component(ctx, component).await?;
    let slug = form.slug.trim().to_owned();
    if !valid_slug(&slug) {
        return Err(ctx.invalid("slug", "rendezvous-error-slug"));
    }
    let title = form.title.trim().to_owned();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(ctx.invalid("title", "rendezvous-error-title"));
    }
    let starts_on = chrono::NaiveDate::parse_from_str(form.starts_on.trim(), "%Y-%m-%d")
        .map_err(|_| ctx.invalid("starts_on", "rendezvous-error-date"))?;
    let starts_at = chrono::NaiveTime::parse_from_str(form.starts_at.trim(), "%H:%M")
        .map_err(|_| ctx.invalid("starts_at", "rendezvous-error-time"))?
        .format("%H:%M")
        .to_string();
    let video_url = form.video_url.trim().to_owned();
    if !video_url.is_empty() && (!video_url.starts_with("https://") || video_url.len() > 500) {
        return Err(ctx.invalid("video_url", "rendezvous-error-video"));
    }
    let survey_id = match form.survey_id.trim() {
        "" => None,
        raw => {
            let id: i64 = raw
                .parse()
                .map_err(|_| ctx.invalid("survey_id", "rendezvous-error-survey"))?;
            let surveys = store::process_surveys(&ctx.db, process)
                .await
                .map_err(|e| ctx.internal(e))?;
            if !surveys.iter().any(|(s, _)| *s == id) {
                return Err(ctx.invalid("survey_id", "rendezvous-error-survey"));
            }
            Some(id)
        }
    };
    let input = RendezvousInput {
        slug,
        title,
        description: form.description.trim().chars().take(4000).collect(),
        starts_on,
        starts_at,
        venue: form.venue.trim().chars().take(300).collect(),
        video_url,
        survey_id,
        registration_open: !form.registration_open.is_empty(),
    };
    match store::save(&ctx.db, component, &input)
        .await
        .map_err(|e| ctx.internal(e))?
    {
        Some(_) => Ok((
            (),
            Next::to(format!("/admin/components/{component}/rendezvous"))
                .with_notice(ctx.t("rendezvous-settings-saved")),
        )),
        None => Err(ctx.invalid("slug", "rendezvous-error-slug-taken")),
    }
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
                .await
                .map_err(|e| ctx.internal(e))?
                .ok_or_else(|| ctx.not_found())?;
            Some(id)
        }
    };
    store::save_question(&ctx.db, r.id, id, kind, prompt, &options)
        .await
        .map_err(|e| ctx.internal(e))?;
    nudge_current(r.id);
    Ok((
        (),
        Next::to(format!("{}#questions", console_path(&r)))
            .with_notice(ctx.t("rendezvous-question-saved")),
    ))
}

pub async fn question_state(ctx: &Ctx, form: &QuestionStateForm) -> Result<((), Next), AppError> {
    require_host(ctx)?;
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let id: i64 = form.question_id.parse().map_err(|_| ctx.not_found())?;
    let q = store::question(&ctx.db, r.id, id)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    let action = Action::parse(&form.action)
        .ok_or_else(|| ctx.invalid("action", "rendezvous-error-action"))?;
    let seen = SeenOpen::parse(&form.seen_open)
        .ok_or_else(|| ctx.invalid("seen_open", "rendezvous-error-action"))?;
    let to = logic::transition(q.state, action)
        .ok_or_else(|| ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-action"))))?;
    if !store::set_state(&ctx.db, r.id, id, to, seen)
        .await
        .map_err(|e| ctx.internal(e))?
    {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-open-conflict"))));
    }
    nudge_current(r.id);
    let notice = match action {
        Action::Open => "rendezvous-question-opened",
        Action::Close => "rendezvous-question-closed",
    };
    Ok((
        (),
        Next::to(format!("{}#live-question", console_path(&r))).with_notice(ctx.t(notice)),
    ))
}

pub async fn moderate(ctx: &Ctx, form: &ModerateForm) -> Result<((), Next), AppError> {
    require_host(ctx)?;
    let r = rendezvous(ctx, &form.rendezvous).await?;
    let id: i64 = form.question_id.parse().map_err(|_| ctx.not_found())?;
    let to = AudienceStatus::parse(&form.status)
        .ok_or_else(|| ctx.invalid("status", "rendezvous-error-action"))?;
    let from = store::audience_question(&ctx.db, r.id, id)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    if !from.may_become(to)
        || !store::set_audience_status(&ctx.db, r.id, id, from, to)
            .await
            .map_err(|e| ctx.internal(e))?
    {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("rendezvous-error-action"))));
    }
    nudge_current(r.id);
    Ok((
        (),
        Next::to(format!("{}#audience", console_path(&r)))
            .with_notice(ctx.t("rendezvous-moderated")),
    ))
}
