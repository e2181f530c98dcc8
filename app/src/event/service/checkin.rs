//! The door: checking a ticket in for a day. Two staff members typing the
//! same code at once get one "admitted" and one "already used": the arrival
//! is recorded only if none was.

use super::{event_path, programme};
use crate::error::AppError;
use crate::event::forms::CheckInForm;
use crate::event::logic::checkin::{self, CheckIn, TicketState};
use crate::event::logic::ticket;
use crate::event::store::checkin as door;
use crate::event::store::registrations::{self as regs, Details};
use crate::event::store::Programme;
use crate::model::Role;
use crate::ssr::db::now;
use crate::ssr::form::Next;
use crate::ssr::{Ctx, Db};

/// The key of the one-time check-in result kept in the session for the page.
pub const CHECK_IN_KEY: &str = "symposium_check_in";

/// What the door decided about a ticket, with whom it belongs to.
pub struct CheckInOutcome {
    pub programme: Programme,
    /// The code as normalised ("K7MQ2XRD").
    pub code: String,
    pub decision: CheckIn,
    /// None for an unknown code.
    pub details: Option<Details>,
}

/// Checks a ticket in for a day.
async fn record(
    db: &Db,
    event_id: i64,
    day_id: i64,
    code: &str,
    staff_id: i64,
    now: i64,
) -> Result<(CheckIn, Option<Details>), sqlx::Error> {
    let Some(registration) = regs::by_code(db, event_id, code).await? else {
        return Ok((CheckIn::Unknown, None));
    };
    let mut decision = CheckIn::AlreadyUsed(now);
    for _ in 0..2 {
        let day = door::day_arrival(db, registration.id, day_id).await?;
        let decided = checkin::check_in(Some(TicketState {
            cancelled: registration.is_cancelled(),
            day,
        }));
        if decided != CheckIn::Admitted {
            decision = decided;
            break;
        }
        if door::record_arrival(db, registration.id, day_id, staff_id, now).await? {
            decision = CheckIn::Admitted;
            break;
        }
        // Someone else checked this ticket in meanwhile: read again and say so.
    }
    let details = regs::details(db, registration).await?;
    Ok((decision, Some(details)))
}

pub async fn check_in(ctx: &Ctx, form: &CheckInForm) -> Result<(CheckInOutcome, Next), AppError> {
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
    let (decision, details) = record(&ctx.db, p.event.id, day, &code, staff, now()).await?;
    let outcome = CheckInOutcome {
        programme: p,
        code,
        decision,
        details,
    };
    Ok((outcome, Next::to(back)))
}

/// Keeps the answer for the check-in page the browser is sent back to.
pub async fn remember<T: serde::Serialize>(ctx: &Ctx, answer: &T) {
    if let Err(e) = ctx.session.insert(CHECK_IN_KEY, answer).await {
        tracing::warn!("could not keep the check-in result: {e}");
    }
}
