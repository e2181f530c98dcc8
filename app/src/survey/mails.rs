//! The survey's mails: the invitation and its reminder (pure, translated),
//! which the store enqueues in the mail outbox in the same transaction as the
//! invitation they carry.

use super::logic::Recipient;
use crate::mail::{EmailAddress, OutgoingMail};
use crate::ssr::Tr;

/// The invitation (or, with `reminder`, the reminder) for one recipient;
/// `None` when the address is one the mail system cannot send to.
pub fn invitation(
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
    fn invitation_and_reminder_texts_carry_the_link() {
        let r = Recipient {
            email: "anne@example.org".into(),
            name: "Anne".into(),
        };
        let closes = chrono::NaiveDate::from_ymd_opt(2022, 5, 20).unwrap();
        let link = "https://participe.example/surveys/colloque/i/abc";
        for lang in Lang::ALL {
            let m = invitation(Tr(lang), &r, "Colloque", link, closes, false).unwrap();
            assert!(m.text.contains(link) && m.text.contains("Anne"), "{m:?}");
            assert!(m.subject.contains("Colloque"));
            assert_eq!(m.to.as_str(), "anne@example.org");
            let reminder = invitation(Tr(lang), &r, "Colloque", link, closes, true).unwrap();
            assert_ne!(reminder.subject, m.subject);
            assert!(reminder.text.contains(link));
        }
        let fr = invitation(Tr(Lang::Fr), &r, "Colloque", link, closes, true).unwrap();
        assert!(fr.text.contains("20 mai 2022"), "{}", fr.text);
    }
}
