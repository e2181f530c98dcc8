//! The component's mails: the ticket after registering or taking an offered
//! seat, the offer of a seat, the reminder before the event; and the
//! background sweep that passes on unconfirmed seats and sends reminders.
//! This gathers what a mail is about; `mails` words it; the outbox sends it.
//!
//! Every mail is queued in the transaction of the change it announces: a
//! registration committed has its ticket mail, an offer made has its offer
//! mail, and a crash in between loses neither (nor leaves one without the other).

use super::registration_path;
use crate::event::exports::tickets::ticket_files;
use crate::event::mails;
use crate::event::notify;
use crate::event::store::registrations as regs;
use crate::event::store::seats::Offer;
use crate::event::store::{self, programme as programme_store, Event, Programme, Tx};
use crate::ssr::db::{now, retry_transient};
use crate::ssr::db_types::date_text;
use crate::ssr::settings::Settings;
use crate::ssr::Db;

/// Queues the ticket mail, with its QR code (`qr`, when drawn beforehand)
/// and calendar file, in `tx`. With `accepted`, it confirms that
/// waiting-list seat rather than the registration.
pub(super) async fn queue_confirmation(
    tx: &mut Tx<'_>,
    settings: &Settings,
    p: &Programme,
    ticket: (i64, &str),
    accepted: Option<i64>,
    qr: Option<Vec<u8>>,
) -> Result<(), sqlx::Error> {
    let (registration_id, token) = ticket;
    let Some(r) = regs::by_id_in(tx, registration_id).await? else {
        return Ok(());
    };
    let d = regs::details_in(tx, r).await?;
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
        tokio::task::spawn_blocking(move || ticket_files(&settings, &p, &d, tr, &link, qr))
            .await
            .map_err(|e| sqlx::Error::Protocol(format!("ticket files: {e}")))?;
    notify::queue(tx, &mail).await
}

/// Queues, in `tx`, a mail to each person offered a seat of `event`, with a
/// fresh private link.
pub(super) async fn queue_offers(
    tx: &mut Tx<'_>,
    settings: &Settings,
    event: &Event,
    offers: &[Offer],
    now: i64,
) -> Result<(), sqlx::Error> {
    for offer in offers {
        let Some(r) = regs::by_id_in(tx, offer.registration_id).await? else {
            continue;
        };
        let title = programme_store::session_title(tx, offer.session_id).await?;
        let token = regs::mint_token(tx, r.id, now).await?;
        let link = format!("{}{}", settings.base_url, registration_path(event, &token));
        let mail = mails::offer_mail(
            settings,
            &r,
            &event.title,
            &title.unwrap_or_default(),
            offer.expires_at,
            &link,
        );
        notify::queue(tx, &mail).await?;
    }
    Ok(())
}

/// How many days before the event the reminder goes out.
pub const REMINDER_DAYS_BEFORE: i64 = 2;

/// Reminds live registrants of events starting within `REMINDER_DAYS_BEFORE`
/// days, once: each reminder is queued in the transaction that marks it sent.
pub(super) async fn send_reminders(db: &Db, settings: &Settings) -> Result<usize, sqlx::Error> {
    let today = settings.today();
    let until = date_text(today + chrono::Duration::days(REMINDER_DAYS_BEFORE));
    let due = regs::due_reminders(db, &date_text(today), &until).await?;
    for reminder in &due {
        let Some(event) = store::event_by_id(db, reminder.event_id).await? else {
            continue;
        };
        let event = &event;
        retry_transient(|| async move {
            let mut tx = db.pool.begin().await?;
            if !regs::mark_reminded(&mut tx, reminder.id, now()).await? {
                return Ok(());
            }
            let Some(r) = regs::by_id_in(&mut tx, reminder.id).await? else {
                return Ok(());
            };
            let token = regs::mint_token(&mut tx, r.id, now()).await?;
            let link = format!("{}{}", settings.base_url, registration_path(event, &token));
            let mail = mails::reminder_mail(&r, event, *reminder.first_day, &link);
            notify::queue(&mut tx, &mail).await?;
            tx.commit().await
        })
        .await?;
    }
    Ok(due.len())
}
