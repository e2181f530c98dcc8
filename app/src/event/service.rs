//! What the symposium's server functions and pages do, in one place: loading
//! an event's programme, registering, changing and cancelling through the
//! private link, answering a seat offer, checking in, and the background sweep.

use super::api::{
    CancelForm, CheckInForm, CheckInResult, OfferForm, RegisterResult, RegistrationForm,
};
use super::logic::{self, ticket, CheckIn, NewRegistration, PlaceStatus};
use super::mails::{self, Recipient, WorkshopLine};
use super::notify;
use super::registrations::{self as regs, Offer, OfferAnswer, Origin, Refusal};
use super::store::{self, Event, Programme};
use super::tickets;
use crate::error::AppError;
use crate::lang::Lang;
use crate::model::Role;
use crate::ssr::db::now;
use crate::ssr::form::Next;
use crate::ssr::settings::Settings;
use crate::ssr::{Ctx, Db, Tr};
use chrono::{NaiveDate, TimeZone};

pub async fn programme(ctx: &Ctx, slug: &str) -> Result<Programme, AppError> {
    let event = store::event_by_slug(&ctx.db, slug)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    store::programme(&ctx.db, event)
        .await
        .map_err(|e| ctx.internal(e))
}

pub fn event_path(event: &Event) -> String {
    format!("/events/{}", event.slug)
}

pub fn registration_path(event: &Event, token: &str) -> String {
    format!("/events/{}/registration/{token}", event.slug)
}

/// Registration is open until the event's last day, unless an admin closed it.
pub fn accepts_registrations(p: &Programme, today: NaiveDate) -> bool {
    p.event.registration_open && p.days.last().is_some_and(|d| today <= d.date)
}

/// "6 mai 2022 à 14:30" in the city's time zone.
pub fn when(tr: Tr, settings: &Settings, ts: i64) -> String {
    match settings.timezone.timestamp_opt(ts, 0).single() {
        Some(t) => tr.t_args(
            "date-time",
            &[
                ("date", tr.date(t.date_naive())),
                ("time", t.format("%H:%M").to_string()),
            ],
        ),
        None => String::new(),
    }
}

/// The message of a refusal, pointed at the field it concerns.
fn refusal(ctx: &Ctx, p: &Programme, r: Refusal) -> AppError {
    let err = match r {
        Refusal::EventFull => AppError::Conflict(ctx.t("registration-error-event-full")),
        Refusal::DayFull(day) => {
            let date = p.day(day).map(|d| ctx.tr.date(d.date)).unwrap_or_default();
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
    if !accepts_registrations(&p, ctx.settings.today()) {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("registration-error-closed"))));
    }
    let new = parse(ctx, &p, form)?;
    // Counted once the form is valid, so a person correcting mistakes is not held back.
    if !ctx.limits.allow_registration(ctx.address) {
        return Err(ctx.respond_err(AppError::TooManyRequests(
            ctx.t("registration-error-rate-limited"),
        )));
    }
    let origin = Origin {
        lang: ctx.tr.lang().code(),
        is_demo: false,
        now: now(),
    };
    let done = regs::register(&ctx.db, &p.event, &new, origin)
        .await
        .map_err(|e| ctx.internal(e))?
        .map_err(|r| refusal(ctx, &p, r))?;
    send_offers(&ctx.db, &ctx.settings, &done.offers).await;
    let path = registration_path(&p.event, &done.token);
    send_confirmation(
        &ctx.db,
        &ctx.settings,
        &p,
        done.registration_id,
        &done.token,
        None,
    )
    .await;
    ctx.mail.wake();
    let notice = ctx.tr.t_args(
        "registration-done",
        &[("code", ticket::display_code(&done.ticket_code))],
    );
    Ok((
        RegisterResult {
            ticket_code: ticket::display_code(&done.ticket_code),
            path: path.clone(),
        },
        Next::to(path).with_notice(notice),
    ))
}

/// The registration behind a private link, for this event; not found otherwise.
pub async fn by_token(
    ctx: &Ctx,
    p: &Programme,
    token: &str,
) -> Result<regs::Registration, AppError> {
    regs::by_token(&ctx.db, token)
        .await
        .map_err(|e| ctx.internal(e))?
        .filter(|r| r.event_id == p.event.id)
        .ok_or_else(|| ctx.not_found())
}

pub async fn change(ctx: &Ctx, form: &RegistrationForm) -> Result<((), Next), AppError> {
    let p = programme(ctx, &form.event).await?;
    let r = by_token(ctx, &p, &form.token).await?;
    let new = parse(ctx, &p, form)?;
    let offers = regs::update(&ctx.db, &p.event, r.id, &new, now())
        .await
        .map_err(|e| ctx.internal(e))?
        .map_err(|refused| refusal(ctx, &p, refused))?;
    send_offers(&ctx.db, &ctx.settings, &offers).await;
    let path = registration_path(&p.event, &form.token);
    Ok((
        (),
        Next::to(path).with_notice(ctx.t("registration-changed")),
    ))
}

pub async fn cancel(ctx: &Ctx, form: &CancelForm) -> Result<((), Next), AppError> {
    let p = programme(ctx, &form.event).await?;
    let r = by_token(ctx, &p, &form.token).await?;
    if form.confirm.is_empty() {
        return Err(ctx.invalid("confirm", "registration-error-confirm-cancel"));
    }
    let offers = regs::cancel(&ctx.db, &p.event, r.id, now())
        .await
        .map_err(|e| ctx.internal(e))?
        .map_err(|refused| refusal(ctx, &p, refused))?;
    send_offers(&ctx.db, &ctx.settings, &offers).await;
    let path = registration_path(&p.event, &form.token);
    Ok((
        (),
        Next::to(path).with_notice(ctx.t("registration-cancelled")),
    ))
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
    let offers = regs::answer_offer(&ctx.db, &p.event, r.id, session, answer, now())
        .await
        .map_err(|e| ctx.internal(e))?
        .map_err(|refused| refusal(ctx, &p, refused))?;
    send_offers(&ctx.db, &ctx.settings, &offers).await;
    if answer == OfferAnswer::Accept {
        send_confirmation(&ctx.db, &ctx.settings, &p, r.id, &form.token, Some(session)).await;
        ctx.mail.wake();
    }
    let key = if answer == OfferAnswer::Accept {
        "registration-offer-accepted"
    } else {
        "registration-offer-declined"
    };
    let path = registration_path(&p.event, &form.token);
    Ok(((), Next::to(path).with_notice(ctx.t(key))))
}

/// The key of the one-time check-in result kept in the session for the page.
pub const CHECK_IN_KEY: &str = "symposium_check_in";

pub async fn check_in(ctx: &Ctx, form: &CheckInForm) -> Result<(CheckInResult, Next), AppError> {
    let staff = ctx.require(Role::EventStaff)?.id;
    let p = programme(ctx, &form.event).await?;
    let day: i64 = form
        .day_id
        .parse()
        .map_err(|_| ctx.invalid("code", "checkin-error-day"))?;
    if p.day(day).is_none() {
        return Err(ctx.invalid("code", "checkin-error-day"));
    }
    let back = format!("{}/check-in?day={day}", event_path(&p.event));
    let Some(code) = ticket::normalise_code(&form.code) else {
        return Err(ctx.invalid("code", "checkin-error-code"));
    };
    let at = now();
    let (decision, registration) = regs::check_in(&ctx.db, p.event.id, day, &code, staff, at)
        .await
        .map_err(|e| ctx.internal(e))?;
    let details = match registration {
        Some(r) => Some(
            regs::details(&ctx.db, r)
                .await
                .map_err(|e| ctx.internal(e))?,
        ),
        None => None,
    };
    let result = check_in_result(ctx.tr, &ctx.settings, &p, &code, decision, details.as_ref());
    if let Err(e) = ctx.session.insert(CHECK_IN_KEY, result.clone()).await {
        tracing::warn!("could not keep the check-in result: {e}");
    }
    Ok((result, Next::to(back)))
}

fn check_in_result(
    tr: Tr,
    settings: &Settings,
    p: &Programme,
    code: &str,
    decision: CheckIn,
    details: Option<&regs::Details>,
) -> CheckInResult {
    let message = match decision {
        CheckIn::Admitted => tr.t("checkin-admitted"),
        CheckIn::AlreadyUsed(at) => {
            tr.t_args("checkin-already-used", &[("when", when(tr, settings, at))])
        }
        CheckIn::Cancelled => tr.t("checkin-cancelled"),
        CheckIn::NotThisDay => tr.t("checkin-not-this-day"),
        CheckIn::Unknown => tr.t("checkin-unknown"),
    };
    let (name, organisation, workshops, days) = match details {
        Some(d) => (
            format!("{} {}", d.registration.first_name, d.registration.last_name),
            d.registration.organisation.clone(),
            d.places
                .iter()
                .filter(|pl| pl.status == PlaceStatus::Confirmed)
                .filter_map(|pl| p.session(pl.session_id))
                .map(|s| format!("{} · {} · {}", s.starts_at, s.title, s.room))
                .collect(),
            d.days
                .iter()
                .filter_map(|(id, _)| p.day(*id))
                .map(|day| tr.date(day.date))
                .collect(),
        ),
        None => Default::default(),
    };
    CheckInResult {
        outcome: decision.as_str().to_owned(),
        admitted: decision.admitted(),
        message,
        code: ticket::display_code(code),
        name,
        organisation,
        workshops,
        days,
    }
}

// ---- Mail ----

fn recipient(r: &regs::Registration) -> Recipient {
    Recipient {
        registration_id: r.id,
        email: r.email.clone(),
        first_name: r.first_name.clone(),
        tr: Tr(Lang::from_code(&r.lang).unwrap_or_default()),
    }
}

fn place_status(tr: Tr, settings: &Settings, place: &regs::Place) -> String {
    match place.status {
        PlaceStatus::Confirmed => tr.t("place-confirmed"),
        PlaceStatus::Waiting => tr.t_args(
            "place-waiting",
            &[("position", place.position.unwrap_or(1).to_string())],
        ),
        PlaceStatus::Offered => tr.t_args(
            "place-offered",
            &[(
                "deadline",
                when(tr, settings, place.offer_expires_at.unwrap_or_default()),
            )],
        ),
        PlaceStatus::Expired => tr.t("place-expired"),
    }
}

/// The QR code and `.ics` of a registration; none (logged) if they cannot be made.
fn ticket_files(
    settings: &Settings,
    p: &Programme,
    d: &regs::Details,
    tr: Tr,
    link: &str,
) -> Vec<crate::mail::Attachment> {
    let ics = calendar(settings, p, d, tr, link);
    tickets::attachments(&d.registration.ticket_code, ics).unwrap_or_else(|e| {
        tracing::error!("ticket files of registration {}: {e}", d.registration.id);
        Vec::new()
    })
}

/// The `.ics` of a registration (mails and the private page's download).
pub fn calendar(
    settings: &Settings,
    p: &Programme,
    d: &regs::Details,
    tr: Tr,
    link: &str,
) -> String {
    let host = settings
        .base_url
        .split_once("://")
        .map_or(settings.base_url.as_str(), |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let text = tickets::CalendarText {
        ticket_line: tr.t_args(
            "ticket-calendar-line",
            &[("code", ticket::display_code(&d.registration.ticket_code))],
        ),
        link: link.to_owned(),
        host,
    };
    tickets::calendar(p, d, &text, &settings.timezone, chrono::Utc::now())
}

/// Mails are best effort here: a failure is logged and never undoes the
/// registration it is about (the outbox will make them reliable). With
/// `accepted`, the mail confirms that waiting-list seat rather than the
/// registration; both carry the ticket's QR code and calendar file.
async fn send_confirmation(
    db: &Db,
    settings: &Settings,
    p: &Programme,
    registration_id: i64,
    token: &str,
    accepted: Option<i64>,
) {
    let result = async {
        let Some(r) = regs::by_id(db, registration_id).await? else {
            return Ok(());
        };
        let d = regs::details(db, r).await?;
        let to = recipient(&d.registration);
        let days: Vec<String> = d
            .days
            .iter()
            .filter_map(|(id, _)| p.day(*id))
            .map(|day| to.tr.date(day.date))
            .collect();
        let workshops: Vec<WorkshopLine> = d
            .places
            .iter()
            .filter_map(|pl| {
                Some(WorkshopLine {
                    title: p.session(pl.session_id)?.title.clone(),
                    status: place_status(to.tr, settings, pl),
                })
            })
            .collect();
        let link = format!(
            "{}{}",
            settings.base_url,
            registration_path(&p.event, token)
        );
        let code = ticket::display_code(&d.registration.ticket_code);
        let mut mail = match accepted.and_then(|id| p.session(id)) {
            Some(w) => mails::seat_confirmed(
                &to,
                &p.event.title,
                &w.title,
                &code,
                &link,
                &days,
                &workshops,
            ),
            None => mails::confirmation(&to, &p.event.title, &code, &link, &days, &workshops),
        };
        // Drawing the QR code and writing the calendar is CPU work: kept off
        // the async threads, which a burst of registrations needs for the database.
        let (settings, p, tr) = (settings.clone(), p.clone(), to.tr);
        mail.attachments =
            tokio::task::spawn_blocking(move || ticket_files(&settings, &p, &d, tr, &link))
                .await
                .map_err(|e| sqlx::Error::Protocol(format!("ticket files: {e}")))?;
        notify::queue(db, &mail).await
    }
    .await;
    if let Err(e) = result {
        tracing::error!("confirmation mail for registration {registration_id}: {e}");
    }
}

/// Tells each person offered a seat, with a fresh private link.
pub async fn send_offers(db: &Db, settings: &Settings, offers: &[Offer]) {
    for offer in offers {
        let result = async {
            let Some(r) = regs::by_id(db, offer.registration_id).await? else {
                return Ok(());
            };
            let Some(event) = store::event_by_id(db, r.event_id).await? else {
                return Ok(());
            };
            let title: Option<String> =
                sqlx::query_scalar("SELECT title FROM event_sessions WHERE id = $1")
                    .bind(offer.session_id)
                    .fetch_optional(&db.pool)
                    .await?;
            let token = regs::new_link_token(db, r.id, now()).await?;
            let to = recipient(&r);
            let link = format!("{}{}", settings.base_url, registration_path(&event, &token));
            let deadline = when(to.tr, settings, offer.expires_at);
            let mail = mails::seat_offer(
                &to,
                &event.title,
                &title.unwrap_or_default(),
                &deadline,
                &link,
            );
            notify::queue(db, &mail).await
        }
        .await;
        if let Err(e) = result {
            tracing::error!(
                "seat offer mail for registration {}: {e}",
                offer.registration_id
            );
        }
    }
}

/// How many days before the event the reminder goes out.
pub const REMINDER_DAYS_BEFORE: i64 = 2;

/// Reminds live registrants of events starting within `REMINDER_DAYS_BEFORE` days, once.
async fn send_reminders(db: &Db, settings: &Settings) -> Result<usize, sqlx::Error> {
    let today = settings.today();
    let until = (today + chrono::Duration::days(REMINDER_DAYS_BEFORE))
        .format("%Y-%m-%d")
        .to_string();
    let from = today.format("%Y-%m-%d").to_string();
    let due: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT r.id, r.event_id, MIN(d.day) FROM registrations r JOIN registration_days rd ON rd.registration_id = r.id \
         JOIN event_days d ON d.id = rd.day_id WHERE r.status = 'active' AND r.reminded_at IS NULL AND r.is_demo = 0 \
         GROUP BY r.id, r.event_id HAVING MIN(d.day) >= $1 AND MIN(d.day) <= $2",
    )
    .bind(from)
    .bind(until)
    .fetch_all(&db.pool)
    .await?;
    for (id, event_id, first_day) in &due {
        let (Some(r), Some(event)) = (
            regs::by_id(db, *id).await?,
            store::event_by_id(db, *event_id).await?,
        ) else {
            continue;
        };
        let token = regs::new_link_token(db, r.id, now()).await?;
        let to = recipient(&r);
        let link = format!("{}{}", settings.base_url, registration_path(&event, &token));
        let day = NaiveDate::parse_from_str(first_day, "%Y-%m-%d")
            .map(|d| to.tr.date(d))
            .unwrap_or_default();
        let code = ticket::display_code(&r.ticket_code);
        let mail = mails::reminder(&to, &event.title, &day, &event.venue, &code, &link);
        notify::queue(db, &mail).await?;
        sqlx::query("UPDATE registrations SET reminded_at = $1 WHERE id = $2")
            .bind(now())
            .bind(id)
            .execute(&db.pool)
            .await?;
    }
    Ok(due.len())
}

/// One pass of the background sweep: expired offers pass their seats on, and
/// reminders go out. Returns the offers made.
pub async fn sweep(db: &Db, settings: &Settings) -> Result<Vec<Offer>, sqlx::Error> {
    let offers = regs::sweep(db, now()).await?;
    send_offers(db, settings, &offers).await;
    send_reminders(db, settings).await?;
    Ok(offers)
}

/// The workshop's place status, for pages.
pub fn place_label(tr: Tr, settings: &Settings, place: &regs::Place) -> String {
    place_status(tr, settings, place)
}

/// The name of a profile, for pages and exports.
pub fn profile_label(tr: Tr, profile: &str) -> String {
    match logic::Profile::parse(profile) {
        Some(p) => tr.t(&format!("profile-{}", p.as_str().replace('_', "-"))),
        None => profile.to_owned(),
    }
}
