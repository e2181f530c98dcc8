//! Invitations by mail: the recipients pasted by staff, and the texts of the
//! invitation and the reminder (pure, translated), then one hook that hands a
//! message to the mail system.

use crate::ssr::Tr;

/// A recipient of an invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub name: String,
}

/// Reads one recipient a line: "email", "email, name", "name <email>" or a
/// spreadsheet's "email<TAB>name". Duplicates are dropped. On a line that
/// holds no valid address, its number (from 1).
pub fn parse_recipients(text: &str) -> Result<Vec<Recipient>, usize> {
    let mut out: Vec<Recipient> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (email, name) = if let (Some(open), Some(close)) = (line.find('<'), line.rfind('>')) {
            (
                &line[open + 1..close],
                line[..open].trim().trim_matches('"'),
            )
        } else {
            match line.split_once([',', ';', '\t']) {
                Some((email, name)) => (email, name.trim()),
                None => (line, ""),
            }
        };
        let email = crate::accounts::store::normalise_email(email).ok_or(n + 1)?;
        if !out.iter().any(|r| r.email == email) {
            out.push(Recipient {
                email,
                name: name.chars().take(120).collect(),
            });
        }
    }
    Ok(out)
}

/// A message ready to hand to the mail system.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub to: String,
    pub subject: String,
    pub text: String,
}

/// The invitation (or, with `reminder`, the reminder) for one recipient.
pub fn message(
    tr: Tr,
    recipient: &Recipient,
    survey_title: &str,
    link: &str,
    closes_on: chrono::NaiveDate,
    reminder: bool,
) -> Message {
    let greeting = if recipient.name.is_empty() {
        tr.t("survey-mail-hello")
    } else {
        tr.t_args(
            "survey-mail-hello-name",
            &[("name", recipient.name.clone())],
        )
    };
    let args = [
        ("title", survey_title.to_owned()),
        ("link", link.to_owned()),
        ("date", tr.date(closes_on)),
    ];
    let (subject, body) = if reminder {
        ("survey-reminder-subject", "survey-reminder-body")
    } else {
        ("survey-invitation-subject", "survey-invitation-body")
    };
    Message {
        to: recipient.email.clone(),
        subject: tr.t_args(subject, &args),
        text: format!("{greeting}\n\n{}\n", tr.t_args(body, &args)),
    }
}

/// Hands a message to the mail system.
///
/// TODO(mail): once `crate::mail` (branch `mail`) is on main, enqueue in its
/// outbox instead. Until then the message is written, as the README says of
/// mail without SMTP, to a file in `PARTICIPE_MAIL_DIR` (default `data/mail`).
pub fn deliver(message: &Message) -> std::io::Result<()> {
    use std::io::Write;
    let dir = std::env::var("PARTICIPE_MAIL_DIR").unwrap_or_else(|_| "data/mail".into());
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir)?;
    let name = format!(
        "{}-{}.eml",
        chrono::Utc::now().format("%Y%m%dT%H%M%S%.f"),
        super::store::new_token().get(..8).unwrap_or("mail")
    );
    let mut file = std::fs::File::create(dir.join(name))?;
    write!(
        file,
        "To: {}\nSubject: {}\nContent-Type: text/plain; charset=utf-8\n\n{}",
        message.to, message.subject, message.text
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn reads_pasted_lists() {
        let text = "anne@example.org, Anne Martin\n\n  \"Karim B\" <Karim@Example.org>\nzoe@example.org\tZoé\nanne@example.org";
        let list = parse_recipients(text).unwrap();
        assert_eq!(
            list,
            vec![
                Recipient {
                    email: "anne@example.org".into(),
                    name: "Anne Martin".into()
                },
                Recipient {
                    email: "karim@example.org".into(),
                    name: "Karim B".into()
                },
                Recipient {
                    email: "zoe@example.org".into(),
                    name: "Zoé".into()
                },
            ]
        );
        assert_eq!(parse_recipients("a@b.org\nnot an address"), Err(2));
    }

    #[test]
    fn invitation_and_reminder_texts_carry_the_link() {
        let r = Recipient {
            email: "anne@example.org".into(),
            name: "Anne".into(),
        };
        let closes = chrono::NaiveDate::from_ymd_opt(2022, 5, 20).unwrap();
        let link = "https://participe.example/surveys/colloque/i/abc";
        for lang in Lang::ALL {
            let m = message(Tr(lang), &r, "Colloque", link, closes, false);
            assert!(m.text.contains(link) && m.text.contains("Anne"), "{m:?}");
            assert!(m.subject.contains("Colloque"));
            let reminder = message(Tr(lang), &r, "Colloque", link, closes, true);
            assert_ne!(reminder.subject, m.subject);
            assert!(reminder.text.contains(link));
        }
        let fr = message(Tr(Lang::Fr), &r, "Colloque", link, closes, true);
        assert!(fr.text.contains("20 mai 2022"), "{}", fr.text);
    }
}
