//! Invitations by mail: the recipients pasted by staff, and the invitation and
//! reminder mails (pure, translated), which the store enqueues in the mail
//! outbox in the same transaction as the invitation they carry.

use crate::mail::{EmailAddress, OutgoingMail};
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
        let email = crate::account::logic::normalise_email(email).ok_or(n + 1)?;
        if !out.iter().any(|r| r.email == email) {
            out.push(Recipient {
                email,
                name: name.chars().take(120).collect(),
            });
        }
    }
    Ok(out)
}

/// The invitation (or, with `reminder`, the reminder) for one recipient;
/// `None` when the address is one the mail system cannot send to.
pub fn mail(
    tr: Tr,
    recipient: &Recipient,
    survey_title: &str,
    link: &str,
    closes_on: chrono::NaiveDate,
    reminder: bool,
) -> Option<OutgoingMail> {
    let to = EmailAddress::parse(&recipient.email).ok()?;
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
    let text = format!("{greeting}\n\n{}\n", tr.t_args(body, &args));
    Some(OutgoingMail::new(to, &tr.t_args(subject, &args), &text))
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
            let m = mail(Tr(lang), &r, "Colloque", link, closes, false).unwrap();
            assert!(m.text.contains(link) && m.text.contains("Anne"), "{m:?}");
            assert!(m.subject.contains("Colloque"));
            assert_eq!(m.to.as_str(), "anne@example.org");
            let reminder = mail(Tr(lang), &r, "Colloque", link, closes, true).unwrap();
            assert_ne!(reminder.subject, m.subject);
            assert!(reminder.text.contains(link));
        }
        let fr = mail(Tr(Lang::Fr), &r, "Colloque", link, closes, true).unwrap();
        assert!(fr.text.contains("20 mai 2022"), "{}", fr.text);
    }
}
