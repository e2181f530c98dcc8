//! Mail, through an outbox: a request enqueues a mail in the database (in its
//! own transaction when the mail tells about a change), and a background
//! worker sends it over SMTP or writes it to a folder, retrying with backoff.
//!
//! ```text
//! let mail = OutgoingMail::new(to, &subject, &text)
//!     .attach(Attachment::new("invitation.ics", "text/calendar", ics)?);
//! let mut tx = db.pool.begin().await?;
//! // ... the change the mail tells about ...
//! mail::enqueue_in(&mut tx, &mail).await?;
//! tx.commit().await?;
//! ctx.mail.wake();
//! ```

pub mod confirmations;
pub mod listing;
pub mod message;
pub mod outbox;
pub mod retry;
pub mod transport;
pub mod worker;

pub use message::{Attachment, EmailAddress, MailError, OutgoingMail};
pub use outbox::{enqueue, enqueue_in};
pub use retry::RetryPolicy;
pub use transport::{Delivery, MailTransport};
pub use worker::{MailWaker, MailWorker, WorkerSettings};
