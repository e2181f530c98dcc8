//! A mail to send: a checked recipient, a subject, a text body (an HTML one
//! optionally) and attachments. Parsed once at the edge, so the outbox and the
//! worker never hold an address or a content type that cannot be sent.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment as LettreAttachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message};

/// Why a mail could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    #[error("not a mail address: {0}")]
    Address(String),
    #[error("not a content type: {0}")]
    ContentType(String),
    #[error("not a file name for an attachment: {0}")]
    Filename(String),
    #[error("cannot build the message: {0}")]
    Build(String),
    #[error("not a header this mail may carry: {0}")]
    Header(String),
}

/// A syntactically valid mail address (lettre's parser).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(Address);

impl EmailAddress {
    pub fn parse(text: &str) -> Result<EmailAddress, MailError> {
        text.trim()
            .parse::<Address>()
            .map(EmailAddress)
            .map_err(|_| MailError::Address(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_ref()
    }
}

/// The most of a greeting name taken into a mail: names are typed by anyone,
/// for any address, and must not carry a message of their own.
pub const GREETING_NAME_MAX: usize = 40;

/// A name typed in a public form, as a mail's greeting may show it: letters,
/// spaces, hyphens and apostrophes only (no link, address, digit or
/// punctuation can ride along to a stranger's inbox), at most
/// [`GREETING_NAME_MAX`] characters. May come out empty.
pub fn greeting_name(typed: &str) -> String {
    let kept: String = typed
        .chars()
        .map(|c| {
            if c.is_alphabetic() || matches!(c, '-' | '\'' | '’') {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    words
        .join(" ")
        .chars()
        .take(GREETING_NAME_MAX)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// A file sent with a mail (a QR code, an `.ics` invitation...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    filename: String,
    content_type: String,
    content: Vec<u8>,
}

impl Attachment {
    /// `content_type` such as `image/png` or `text/calendar; charset=utf-8`.
    pub fn new(
        filename: &str,
        content_type: &str,
        content: Vec<u8>,
    ) -> Result<Attachment, MailError> {
        let name_ok = !filename.is_empty()
            && filename.chars().count() <= 200
            && !filename
                .chars()
                .any(|c| c.is_control() || c == '/' || c == '\\');
        if !name_ok {
            return Err(MailError::Filename(filename.to_owned()));
        }
        ContentType::parse(content_type)
            .map_err(|_| MailError::ContentType(content_type.to_owned()))?;
        Ok(Attachment {
            filename: filename.to_owned(),
            content_type: content_type.to_owned(),
            content,
        })
    }

    pub fn filename(&self) -> &str {
        &self.filename
    }

    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    pub fn content(&self) -> &[u8] {
        &self.content
    }

    fn part(&self) -> Result<SinglePart, MailError> {
        let kind = ContentType::parse(&self.content_type)
            .map_err(|_| MailError::ContentType(self.content_type.clone()))?;
        Ok(LettreAttachment::new(self.filename.clone()).body(self.content.clone(), kind))
    }
}

/// Longest subject kept; the outbox refuses longer ones.
pub const MAX_SUBJECT_CHARS: usize = 300;

/// A mail waiting to go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: EmailAddress,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub attachments: Vec<Attachment>,
    /// With a key, the mail is enqueued once only, however often it is asked for.
    pub dedupe_key: Option<String>,
    /// Extra headers (`List-Unsubscribe`...), checked by [`OutgoingMail::header`].
    pub headers: Vec<(String, String)>,
}

/// Headers a mail may add to those lettre writes: the list headers only, so
/// that no stored row can ever set a recipient, a sender or the MIME structure.
pub const EXTRA_HEADERS: [&str; 2] = ["List-Unsubscribe", "List-Unsubscribe-Post"];

/// Checks an extra header: one of [`EXTRA_HEADERS`], its value printable
/// ASCII on one line (a mail address or URL, never folded text).
fn check_header(name: &str, value: &str) -> Result<(), MailError> {
    let known = EXTRA_HEADERS.contains(&name);
    let printable = value.chars().all(|c| c.is_ascii_graphic() || c == ' ');
    if known && printable && !value.trim().is_empty() && value.len() <= 2000 {
        Ok(())
    } else {
        Err(MailError::Header(name.to_owned()))
    }
}

impl OutgoingMail {
    /// A plain-text mail. The subject is kept on one line and cut to its limit.
    pub fn new(to: EmailAddress, subject: &str, text: &str) -> OutgoingMail {
        let one_line: String = subject
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(MAX_SUBJECT_CHARS)
            .collect();
        OutgoingMail {
            to,
            subject: one_line,
            text: text.to_owned(),
            html: None,
            attachments: Vec::new(),
            dedupe_key: None,
            headers: Vec::new(),
        }
    }

    /// Adds an extra header, refused unless [`check_header`] accepts it.
    pub fn header(mut self, name: &str, value: &str) -> Result<OutgoingMail, MailError> {
        check_header(name, value)?;
        self.headers.push((name.to_owned(), value.to_owned()));
        Ok(self)
    }

    pub fn with_html(mut self, html: &str) -> OutgoingMail {
        self.html = Some(html.to_owned());
        self
    }

    pub fn attach(mut self, attachment: Attachment) -> OutgoingMail {
        self.attachments.push(attachment);
        self
    }

    /// Sends this mail at most once for `key` ("proposal-12-refused").
    pub fn once(mut self, key: &str) -> OutgoingMail {
        self.dedupe_key = Some(key.to_owned());
        self
    }

    /// The MIME message: text (or text and HTML), then the attachments.
    pub fn to_message(&self, from: &Mailbox) -> Result<Message, MailError> {
        // Random, under the sender's domain rather than this machine's name,
        // which receivers may not resolve.
        let message_id = format!("<{:032x}@{}>", rand::random::<u128>(), from.email.domain());
        let mut builder = Message::builder()
            .message_id(Some(message_id))
            .from(from.clone())
            .to(Mailbox::new(None, self.to.0.clone()))
            .subject(self.subject.clone());
        for (name, value) in &self.headers {
            check_header(name, value)?;
            let name = HeaderName::new_from_ascii(name.clone())
                .map_err(|_| MailError::Header(name.clone()))?;
            builder = builder.raw_header(HeaderValue::new(name, value.clone()));
        }
        let body = match &self.html {
            Some(html) => MultiPart::alternative_plain_html(self.text.clone(), html.clone()),
            None if self.attachments.is_empty() => {
                return builder
                    .singlepart(SinglePart::plain(self.text.clone()))
                    .map_err(|e| MailError::Build(e.to_string()));
            }
            None => MultiPart::mixed().singlepart(SinglePart::plain(self.text.clone())),
        };
        let mut all = if self.html.is_some() && !self.attachments.is_empty() {
            MultiPart::mixed().multipart(body)
        } else {
            body
        };
        for attachment in &self.attachments {
            all = all.singlepart(attachment.part()?);
        }
        builder
            .multipart(all)
            .map_err(|e| MailError::Build(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greeting_names_carry_no_message() {
        assert_eq!(greeting_name("Zoé Müller-Ngô"), "Zoé Müller-Ngô");
        assert_eq!(greeting_name("  Jean-Luc  d'Arc "), "Jean-Luc d'Arc");
        assert_eq!(
            greeting_name("Win! Visit https://evil.example/x?y=1 now"),
            "Win Visit https evil example x y now"
        );
        assert_eq!(greeting_name("call 0612345678"), "call");
        assert_eq!(greeting_name("<b>x</b>@evil"), "b x b evil");
        assert_eq!(
            greeting_name(&"a".repeat(200)).chars().count(),
            GREETING_NAME_MAX
        );
        assert_eq!(greeting_name("12345"), "");
    }

    fn from() -> Mailbox {
        "Participe <no-reply@participe.test>".parse().unwrap()
    }

    fn to() -> EmailAddress {
        EmailAddress::parse(" amina@example.org ").unwrap()
    }

    #[test]
    fn addresses_are_parsed_once() {
        assert_eq!(to().as_str(), "amina@example.org");
        for bad in ["", "amina", "amina@", "a b@example.org", "<x@y.z>"] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn attachments_need_a_plain_name_and_a_content_type() {
        assert!(Attachment::new("invitation.ics", "text/calendar; charset=utf-8", vec![]).is_ok());
        assert!(Attachment::new("../etc/passwd", "text/plain", vec![]).is_err());
        assert!(Attachment::new("", "text/plain", vec![]).is_err());
        assert!(Attachment::new("qr.png", "not a type", vec![]).is_err());
    }

    #[test]
    fn subject_stays_on_one_line() {
        let mail = OutgoingMail::new(to(), "Votre idée\r\nBcc: x@y.z", "texte");
        assert_eq!(mail.subject, "Votre idée Bcc: x@y.z");
    }

    #[test]
    fn plain_mail_is_one_text_part() {
        let raw = OutgoingMail::new(to(), "Sujet", "Bonjour Amina")
            .to_message(&from())
            .unwrap()
            .formatted();
        let raw = String::from_utf8(raw).unwrap();
        assert!(raw.contains("To: amina@example.org"), "{raw}");
        assert!(raw.contains("@participe.test>"), "a Message-ID: {raw}");
        assert!(
            raw.contains("Content-Type: text/plain; charset=utf-8"),
            "{raw}"
        );
        assert!(!raw.contains("multipart"), "{raw}");
    }

    #[test]
    fn list_headers_are_written_and_others_refused() {
        let raw = OutgoingMail::new(to(), "Sujet", "texte")
            .header(
                "List-Unsubscribe",
                "<https://participe.test/unsubscribe/abc>",
            )
            .unwrap()
            .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
            .unwrap()
            .to_message(&from())
            .unwrap()
            .formatted();
        let raw = String::from_utf8(raw).unwrap();
        assert!(
            raw.contains("List-Unsubscribe: <https://participe.test/unsubscribe/abc>\r\n"),
            "{raw}"
        );
        assert!(
            raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
            "{raw}"
        );
        let mail = || OutgoingMail::new(to(), "Sujet", "texte");
        assert!(mail().header("Bcc", "x@y.z").is_err());
        assert!(mail()
            .header("List-Unsubscribe", "<a>\r\nBcc: x@y.z")
            .is_err());
        assert!(mail().header("List-Unsubscribe", " ").is_err());
    }

    #[test]
    fn attachments_and_html_make_a_mixed_message() {
        let png = Attachment::new("qr.png", "image/png", vec![0x89, b'P', b'N', b'G']).unwrap();
        let raw = OutgoingMail::new(to(), "Sujet", "texte")
            .with_html("<p>texte</p>")
            .attach(png)
            .to_message(&from())
            .unwrap()
            .formatted();
        let raw = String::from_utf8_lossy(&raw);
        assert!(raw.contains("multipart/mixed"), "{raw}");
        assert!(raw.contains("multipart/alternative"), "{raw}");
        assert!(raw.contains("filename=\"qr.png\""), "{raw}");
        assert!(raw.contains("Content-Type: image/png"), "{raw}");
    }
}
