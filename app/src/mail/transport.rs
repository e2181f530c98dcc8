//! Where mail goes: an SMTP server (`SMTP_URL`), or, when none is set, a
//! folder holding one `.eml` file per mail, which the admin page lists.

use super::message::{MailError, OutgoingMail};
use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;

/// How long one SMTP exchange may take; the outbox lease is longer.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// How mail is delivered, as the admin page tells it (no password).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The SMTP server's `host:port`.
    Smtp(String),
    /// The folder the `.eml` files are written to.
    Folder(String),
}

enum Sink {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(AsyncFileTransport<Tokio1Executor>),
}

pub struct MailTransport {
    sink: Sink,
    from: Mailbox,
    delivery: Delivery,
}

/// A failed attempt; `permanent` when the server refused the mail itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    pub message: String,
    pub permanent: bool,
}

impl From<MailError> for SendError {
    fn from(e: MailError) -> Self {
        SendError {
            message: e.to_string(),
            permanent: true,
        }
    }
}

fn sender(from: &str) -> Result<Mailbox, String> {
    from.parse()
        .map_err(|e| format!("SMTP_FROM is not a mail address ({from}): {e}"))
}

impl MailTransport {
    /// `url` as lettre reads it: `smtp://host:25`, `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS), `smtps://user:pass@host:465`.
    /// Needs a Tokio runtime: the connection pool runs a task.
    pub fn smtp(url: &str, from: &str) -> Result<MailTransport, String> {
        let from = sender(from)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP_URL: {e}"))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(MailTransport {
            sink: Sink::Smtp(transport),
            from,
            delivery: Delivery::Smtp(server_of(url)),
        })
    }

    /// Writes mail into `dir` (created if missing).
    pub fn folder(dir: &str, from: &str) -> Result<MailTransport, String> {
        let path = PathBuf::from(dir);
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create the mail folder {dir}: {e}"))?;
        Ok(MailTransport {
            sink: Sink::Folder(AsyncFileTransport::new(path)),
            from: sender(from)?,
            delivery: Delivery::Folder(dir.to_owned()),
        })
    }

    pub fn delivery(&self) -> &Delivery {
        &self.delivery
    }

    /// Sends one mail; returns the file written in folder mode, "" over SMTP.
    pub async fn send(&self, mail: &OutgoingMail) -> Result<String, SendError> {
        let message = mail.to_message(&self.from)?;
        match &self.sink {
            Sink::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| String::new())
                .map_err(|e| SendError {
                    message: e.to_string(),
                    permanent: e.is_permanent(),
                }),
            Sink::Folder(folder) => folder
                .send(message)
                .await
                .map(|id| format!("{id}.eml"))
                .map_err(|e| SendError {
                    message: e.to_string(),
                    permanent: false,
                }),
        }
    }
}

/// `host:port` of an SMTP URL, without its user name and password.
pub fn server_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    rest.split(['/', '?']).next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_shown_never_includes_the_password() {
        assert_eq!(
            server_of("smtps://user:s3cr@t@smtp.example.org:465?tls=required"),
            "smtp.example.org:465"
        );
        assert_eq!(server_of("smtp://127.0.0.1:2525"), "127.0.0.1:2525");
    }

    #[test]
    fn bad_settings_are_refused_at_start() {
        assert!(MailTransport::smtp("http://example.org", "a@b.c").is_err());
        assert!(MailTransport::smtp("smtp://127.0.0.1:2525", "not an address").is_err());
    }
}
