//! The one door through which the symposium sends mail.

use super::mails::Mail;
use crate::ssr::Db;

/// Queues a mail for sending.
///
/// TODO(mail): insert into the outbox of `crate::mail` (branch `mail`) once it
/// is merged, ideally inside the caller's transaction. Until then the mail is
/// only logged (kind and registration, never the address or the private link).
pub async fn queue(db: &Db, mail: &Mail) -> Result<(), sqlx::Error> {
    let _ = db;
    tracing::info!(
        kind = mail.kind,
        registration = mail.registration_id,
        subject = %mail.subject,
        "symposium mail to queue (outbox not wired yet)"
    );
    Ok(())
}
