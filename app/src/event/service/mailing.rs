//! The component's mails: the ticket after registering or taking an offered
//! seat, the offer of a seat, the reminder before the event; and the
//! background sweep that passes on unconfirmed seats and sends reminders.
//! This gathers what a mail is about; `mails` words it; the outbox sends it.
//!
//! Mails are best effort here: a failure is logged and never undoes the
//! registration it is about.

use super::registration_path;
use super::seats::{self, new_link_token, Offer};
use crate::event::exports::tickets::ticket_files;
use crate::event::mails;
use crate::event::notify;
use crate::event::store::registrations as regs;
use crate::event::store::{self, programme as programme_store, Programme};
use crate::ssr::db::now;
use crate::ssr::db_types::date_text;
use crate::ssr::settings::Settings;
use crate::ssr::Db;

/// The ticket mail, with its QR code and calendar file. With `accepted`, it
/// confirms that waiting-list seat rather than the registration.
pub(super) async fn send_confirmation(
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
        let link = format!(
            "{}{}",
            settings.base_url,
            registration_path(&p.event, token)
        );
        let mut mail = mails::ticket_mail(settings, p, &d, &link, accepted);
        // Drawing the QR code and writing the calendar is CPU work: kept off
        // the async threads, which a burst of registrations needs for the database.
        let (settings, p) = (settings.clone(), p.clone());
        let tr = mails::recipient(&d.registration).tr;
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
            let title = programme_store::session_title(db, offer.session_id).await?;
            let token = new_link_token(db, r.id, now()).await?;
            let link = format!("{}{}", settings.base_url, registration_path(&event, &token));
            let mail = mails::offer_mail(
                settings,
                &r,
                &event.title,
                &title.unwrap_or_default(),
                offer.expires_at,
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
    let until = date_text(today + chrono::Duration::days(REMINDER_DAYS_BEFORE));
    let due = regs::due_reminders(db, &date_text(today), &until).await?;
    for reminder in &due {
        let (Some(r), Some(event)) = (
            regs::by_id(db, reminder.id).await?,
            store::event_by_id(db, reminder.event_id).await?,
        ) else {
            continue;
        };
        let token = new_link_token(db, r.id, now()).await?;
        let link = format!("{}{}", settings.base_url, registration_path(&event, &token));
        let mail = mails::reminder_mail(&r, &event, *reminder.first_day, &link);
        notify::queue(db, &mail).await?;
        regs::mark_reminded(db, reminder.id, now()).await?;
    }
    Ok(due.len())
}

/// One pass of the background sweep: expired offers pass their seats on, and
/// reminders go out. Returns the offers made.
pub async fn sweep(db: &Db, settings: &Settings) -> Result<Vec<Offer>, sqlx::Error> {
    let offers = seats::settle_due(db, now()).await?;
    send_offers(db, settings, &offers).await;
    send_reminders(db, settings).await?;
    Ok(offers)
}
