//! The one door through which the symposium sends mail: the outbox of
//! `crate::mail`, whose worker sends it (retried, never twice).

use super::mails::Mail;
use crate::mail::{self, EmailAddress, OutgoingMail};
use crate::ssr::Db;

/// Queues a mail for sending. An address that cannot receive mail (it was
/// checked at registration, so only an old row could hold one) is logged and
/// skipped rather than failing the change the mail tells about.
pub async fn queue(db: &Db, mail: &Mail) -> Result<(), sqlx::Error> {
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
    mail::enqueue(db, &outgoing).await?;
    Ok(())
}
