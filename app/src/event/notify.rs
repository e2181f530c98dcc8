//! The one door through which the symposium sends mail: the outbox of
//! `crate::mail`, whose worker sends it (retried, never twice).

use super::mails::Mail;
use crate::mail::{self, EmailAddress, OutgoingMail};
use sqlx::AnyConnection;

/// Queues a mail for sending, on the connection of the change it tells
/// about (its transaction), so that the mail exists if and only if the change
/// is committed. An address that cannot receive mail (it was
/// checked at registration, so only an old row could hold one) is logged and
/// skipped rather than failing the change the mail tells about.
pub async fn queue(conn: &mut AnyConnection, mail: &Mail) -> Result<(), sqlx::Error> {
    let to = match EmailAddress::parse(&mail.to) {
        Ok(to) => to,
        Err(e) => {
            tracing::warn!(
                kind = mail.kind,
                registration = mail.registration_id,
                "symposium mail not queued: {e}"
            );
            return Ok(());
        }
    };
    let outgoing = mail
        .attachments
        .iter()
        .cloned()
        .fold(OutgoingMail::new(to, &mail.subject, &mail.text), |m, a| {
            m.attach(a)
        });
    mail::enqueue_in(conn, &outgoing).await?;
    Ok(())
}
