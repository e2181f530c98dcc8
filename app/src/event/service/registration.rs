//! The person's commands: registering through the form, and changing,
//! cancelling or answering a seat offer through the private link. The seats
//! themselves are taken and freed in `seats`, which queues the mails
//! (`mailing`) in the same transactions.

use super::seats::{self, OfferAnswer, OfferReply, Origin, Refusal};
use super::{accepts_registrations, programme, registration_path};
use crate::error::AppError;
use crate::event::forms::RegisterResult;
use crate::event::forms::{CancelForm, OfferForm, RegistrationForm};
use crate::event::logic::{ticket, NewRegistration};
use crate::event::store::registrations::{self as regs, Registration};
use crate::event::store::Programme;
use crate::ssr::db::now;
use crate::ssr::form::Next;
use crate::ssr::rate_limit::Action;
use crate::ssr::Ctx;

/// The message of a refusal, pointed at the field it concerns.
fn refusal(ctx: &Ctx, p: &Programme, r: Refusal) -> AppError {
    let err = match r {
        Refusal::EventFull => AppError::Conflict(ctx.t("registration-error-event-full")),
        Refusal::DayFull(day) => {
            let date = p.day(day).map(|d| ctx.tr.date(*d.date)).unwrap_or_default();
            AppError::invalid(
                "days",
                ctx.tr
                    .t_args("registration-error-day-full", &[("date", date)]),
            )
        }
        Refusal::AlreadyRegistered => {
            AppError::invalid("email", ctx.t("registration-error-already"))
        }
        Refusal::Cancelled => AppError::Conflict(ctx.t("registration-error-cancelled")),
        Refusal::NoOffer => AppError::Conflict(ctx.t("registration-error-no-offer")),
    };
    ctx.respond_err(err)
}

fn parse(ctx: &Ctx, p: &Programme, form: &RegistrationForm) -> Result<NewRegistration, AppError> {
    NewRegistration::parse(form, &p.shape()).map_err(|(field, key)| ctx.invalid(&field, key))
}

pub async fn register(
    ctx: &Ctx,
    form: &RegistrationForm,
) -> Result<(RegisterResult, Next), AppError> {
    let p = programme(ctx, &form.event).await?;
    crate::process::visibility::ensure_not_archived(ctx, p.event.component_id).await?;
    if !accepts_registrations(&p, ctx.settings.today()) {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("registration-error-closed"))));
    }
    let new = parse(ctx, &p, form)?;
    // Counted once the form is valid, so a person correcting mistakes is not held back.
    let allowed = ctx
        .limits
        .allow(Action::RegisterForEvent, None, ctx.address)
        .await;
    if !allowed {
        return Err(ctx.respond_err(AppError::TooManyRequests(
            ctx.t("registration-error-rate-limited"),
        )));
    }
    let origin = Origin {
        lang: ctx.tr.lang().code(),
        is_demo: false,
        now: now(),
    };
    let done = match seats::register(&ctx.db, &ctx.settings, &p, &new, origin).await? {
        Ok(done) => done,
        Err(Refusal::AlreadyRegistered) => return Err(resend_link(ctx, &p, &new.email).await?),
        Err(r) => return Err(refusal(ctx, &p, r)),
    };
    ctx.mail.wake();
    let path = registration_path(&p.event, &done.token);
    Ok((
        RegisterResult {
            ticket_code: ticket::display_code(&done.ticket_code),
            path: path.clone(),
        },
        Next::to(path).with_notice_args(
            "registration-done",
            vec![("code", ticket::display_code(&done.ticket_code))],
        ),
    ))
}

/// An address already registered: the ticket mail, with a fresh private link,
/// goes to it again for a person who lost it, at most once per window. The
/// link is never shown here: whoever typed the address may not own it.
async fn resend_link(ctx: &Ctx, p: &Programme, email: &str) -> Result<AppError, AppError> {
    let key = match seats::resend_ticket(&ctx.db, &ctx.settings, p, email, now()).await? {
        None => return Ok(refusal(ctx, p, Refusal::AlreadyRegistered)),
        Some(true) => {
            ctx.mail.wake();
            "registration-error-already-resent"
        }
        Some(false) => "registration-error-already-recent",
    };
    Ok(ctx.respond_err(AppError::invalid("email", ctx.t(key))))
}

/// The registration behind a private link, for this event; not found otherwise.
pub async fn by_token(ctx: &Ctx, p: &Programme, token: &str) -> Result<Registration, AppError> {
    regs::by_token(&ctx.db, token)
        .await?
        .filter(|r| r.event_id == p.event.id)
        .ok_or_else(|| ctx.not_found())
}

pub async fn change(ctx: &Ctx, form: &RegistrationForm) -> Result<((), Next), AppError> {
    let p = programme(ctx, &form.event).await?;
    let r = by_token(ctx, &p, &form.token).await?;
    let new = parse(ctx, &p, form)?;
    let offers = seats::update(&ctx.db, &ctx.settings, &p.event, r.id, &new, now())
        .await?
        .map_err(|refused| refusal(ctx, &p, refused))?;
    if !offers.is_empty() {
        ctx.mail.wake();
    }
    let path = registration_path(&p.event, &form.token);
    Ok(((), Next::to(path).with_notice("registration-changed")))
}

pub async fn cancel(ctx: &Ctx, form: &CancelForm) -> Result<((), Next), AppError> {
    let p = programme(ctx, &form.event).await?;
    let r = by_token(ctx, &p, &form.token).await?;
    if form.confirm.is_empty() {
        return Err(ctx.invalid("confirm", "registration-error-confirm-cancel"));
    }
    let offers = seats::cancel(&ctx.db, &ctx.settings, &p.event, r.id, now())
        .await?
        .map_err(|refused| refusal(ctx, &p, refused))?;
    if !offers.is_empty() {
        ctx.mail.wake();
    }
    let path = registration_path(&p.event, &form.token);
    Ok(((), Next::to(path).with_notice("registration-cancelled")))
}

pub async fn answer_offer(ctx: &Ctx, form: &OfferForm) -> Result<((), Next), AppError> {
    let p = programme(ctx, &form.event).await?;
    let r = by_token(ctx, &p, &form.token).await?;
    let session: i64 = form.session_id.parse().map_err(|_| ctx.not_found())?;
    let answer = match form.answer.as_str() {
        "accept" => OfferAnswer::Accept,
        "decline" => OfferAnswer::Decline,
        _ => return Err(ctx.invalid("answer", "registration-error-offer-answer")),
    };
    let reply = OfferReply {
        registration_id: r.id,
        token: &form.token,
        session_id: session,
        answer,
    };
    seats::answer_offer(&ctx.db, &ctx.settings, &p, reply, now())
        .await?
        .map_err(|refused| refusal(ctx, &p, refused))?;
    ctx.mail.wake();
    let key = if answer == OfferAnswer::Accept {
        "registration-offer-accepted"
    } else {
        "registration-offer-declined"
    };
    let path = registration_path(&p.event, &form.token);
    Ok(((), Next::to(path).with_notice(key)))
}
