//! What the symposium's mails say: pure functions from what happened to a
//! subject and a plain-text body, in the registrant's language. Sending is
//! not done here: see `notify::queue`.

use super::logic::ticket;
use super::store::registrations::{Details, Registration};
use super::store::{Event, Programme};
use super::wording::{place_label, when};
use crate::lang::Lang;
use crate::mail::message::greeting_name;
use crate::mail::Attachment;
use crate::ssr::settings::Settings;
use crate::ssr::Tr;
use chrono::NaiveDate;

/// A mail ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// Why it is sent ("registration-confirmation", "seat-offer", "event-reminder").
    pub kind: &'static str,
    pub registration_id: i64,
    pub to: String,
    pub subject: String,
    pub text: String,
    /// The ticket's QR code and calendar file, when the mail carries the ticket.
    pub attachments: Vec<Attachment>,
}

/// What every symposium mail to one person needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub registration_id: i64,
    pub email: String,
    pub first_name: String,
    pub tr: Tr,
}

/// A workshop line of the confirmation: its title and where the person stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopLine {
    pub title: String,
    /// e.g. "confirmée", "liste d'attente, position 3".
    pub status: String,
}

pub fn confirmation(
    to: &Recipient,
    event_title: &str,
    ticket_code: &str,
    link: &str,
    days: &[String],
    workshops: &[WorkshopLine],
) -> Mail {
    let tr = to.tr;
    let mut text = tr.t_args(
        "mail-confirmation-body",
        &[
            ("name", greeting_name(&to.first_name)),
            ("event", event_title.to_owned()),
            ("code", ticket_code.to_owned()),
            ("link", link.to_owned()),
        ],
    );
    push_choices(&mut text, tr, days, workshops);
    Mail {
        kind: "registration-confirmation",
        registration_id: to.registration_id,
        to: to.email.clone(),
        subject: tr.t_args(
            "mail-confirmation-subject",
            &[("event", event_title.to_owned())],
        ),
        text,
        attachments: Vec::new(),
    }
}

/// A seat offered from the waiting list was accepted: the ticket again, with
/// the workshops as they now stand.
pub fn seat_confirmed(
    to: &Recipient,
    event_title: &str,
    workshop: &str,
    ticket_code: &str,
    link: &str,
    days: &[String],
    workshops: &[WorkshopLine],
) -> Mail {
    let tr = to.tr;
    let mut text = tr.t_args(
        "mail-seat-confirmed-body",
        &[
            ("name", greeting_name(&to.first_name)),
            ("event", event_title.to_owned()),
            ("workshop", workshop.to_owned()),
            ("code", ticket_code.to_owned()),
            ("link", link.to_owned()),
        ],
    );
    push_choices(&mut text, tr, days, workshops);
    Mail {
        kind: "seat-confirmed",
        registration_id: to.registration_id,
        to: to.email.clone(),
        subject: tr.t_args(
            "mail-seat-confirmed-subject",
            &[("workshop", workshop.to_owned())],
        ),
        text,
        attachments: Vec::new(),
    }
}

/// The days and workshops, the note on the attached files, and the signature.
fn push_choices(text: &mut String, tr: Tr, days: &[String], workshops: &[WorkshopLine]) {
    text.push_str("\n\n");
    text.push_str(&tr.t("mail-days"));
    for d in days {
        text.push_str(&format!("\n- {d}"));
    }
    if !workshops.is_empty() {
        text.push_str("\n\n");
        text.push_str(&tr.t("mail-workshops"));
        for w in workshops {
            text.push_str(&format!("\n- {} ({})", w.title, w.status));
        }
    }
    text.push_str("\n\n");
    text.push_str(&tr.t("mail-ticket-files"));
    text.push_str("\n\n");
    text.push_str(&tr.t("event-mail-signature"));
}

/// A seat freed up in a workshop the person waited for.
pub fn seat_offer(
    to: &Recipient,
    event_title: &str,
    workshop: &str,
    deadline: &str,
    link: &str,
) -> Mail {
    let tr = to.tr;
    let mut text = tr.t_args(
        "mail-offer-body",
        &[
            ("name", greeting_name(&to.first_name)),
            ("event", event_title.to_owned()),
            ("workshop", workshop.to_owned()),
            ("deadline", deadline.to_owned()),
            ("link", link.to_owned()),
        ],
    );
    text.push_str("\n\n");
    text.push_str(&tr.t("event-mail-signature"));
    Mail {
        kind: "seat-offer",
        registration_id: to.registration_id,
        to: to.email.clone(),
        subject: tr.t_args("mail-offer-subject", &[("workshop", workshop.to_owned())]),
        text,
        attachments: Vec::new(),
    }
}

/// A few days before the event.
pub fn reminder(
    to: &Recipient,
    event_title: &str,
    first_day: &str,
    venue: &str,
    ticket_code: &str,
    link: &str,
) -> Mail {
    let tr = to.tr;
    let mut text = tr.t_args(
        "mail-reminder-body",
        &[
            ("name", greeting_name(&to.first_name)),
            ("event", event_title.to_owned()),
            ("date", first_day.to_owned()),
            ("venue", venue.to_owned()),
            ("code", ticket_code.to_owned()),
            ("link", link.to_owned()),
        ],
    );
    text.push_str("\n\n");
    text.push_str(&tr.t("event-mail-signature"));
    Mail {
        kind: "event-reminder",
        registration_id: to.registration_id,
        to: to.email.clone(),
        subject: tr.t_args(
            "mail-reminder-subject",
            &[("event", event_title.to_owned())],
        ),
        text,
        attachments: Vec::new(),
    }
}

/// Who a registration's mails go to, in the language they registered in.
pub fn recipient(r: &Registration) -> Recipient {
    Recipient {
        registration_id: r.id,
        email: r.email.clone(),
        first_name: r.first_name.clone(),
        tr: Tr(Lang::from_code(&r.lang).unwrap_or_default()),
    }
}

/// The ticket mail of a registration as it stands: the confirmation, or with
/// `accepted` the confirmation of that waiting-list seat. Attachments are
/// added by the caller.
pub fn ticket_mail(
    settings: &Settings,
    p: &Programme,
    d: &Details,
    link: &str,
    accepted: Option<i64>,
) -> Mail {
    let to = recipient(&d.registration);
    let days: Vec<String> = d
        .days
        .iter()
        .filter_map(|(id, _)| p.day(*id))
        .map(|day| to.tr.date(*day.date))
        .collect();
    let workshops: Vec<WorkshopLine> = d
        .places
        .iter()
        .filter_map(|pl| {
            Some(WorkshopLine {
                title: p.session(pl.session_id)?.title.clone(),
                status: place_label(to.tr, settings, pl),
            })
        })
        .collect();
    let code = ticket::display_code(&d.registration.ticket_code);
    match accepted.and_then(|id| p.session(id)) {
        Some(w) => seat_confirmed(
            &to,
            &p.event.title,
            &w.title,
            &code,
            link,
            &days,
            &workshops,
        ),
        None => confirmation(&to, &p.event.title, &code, link, &days, &workshops),
    }
}

/// The offer of a waiting-list seat, with its deadline in the city's time.
pub fn offer_mail(
    settings: &Settings,
    r: &Registration,
    event_title: &str,
    workshop: &str,
    expires_at: i64,
    link: &str,
) -> Mail {
    let to = recipient(r);
    let deadline = when(to.tr, settings, expires_at);
    seat_offer(&to, event_title, workshop, &deadline, link)
}

/// The reminder before the first day the person attends.
pub fn reminder_mail(r: &Registration, event: &Event, first_day: NaiveDate, link: &str) -> Mail {
    let to = recipient(r);
    let day = to.tr.date(first_day);
    let code = ticket::display_code(&r.ticket_code);
    reminder(&to, &event.title, &day, &event.venue, &code, link)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to(lang: Lang) -> Recipient {
        Recipient {
            registration_id: 7,
            email: "nadia@example.org".into(),
            first_name: "Nadia".into(),
            tr: Tr(lang),
        }
    }

    #[test]
    fn the_confirmation_carries_the_ticket_the_link_and_the_choices() {
        let m = confirmation(
            &to(Lang::Fr),
            "Colloque Mulhouse solidaire",
            "K7MQ-2XRD",
            "https://participe.example/events/colloque/registration/abc",
            &["4 mai 2022".into()],
            &[WorkshopLine {
                title: "Accès aux droits".into(),
                status: "confirmée".into(),
            }],
        );
        assert_eq!(m.kind, "registration-confirmation");
        assert_eq!(m.to, "nadia@example.org");
        assert!(
            m.subject.contains("Colloque Mulhouse solidaire"),
            "{}",
            m.subject
        );
        for part in [
            "Nadia",
            "K7MQ-2XRD",
            "/registration/abc",
            "4 mai 2022",
            "Accès aux droits (confirmée)",
        ] {
            assert!(m.text.contains(part), "{part} in {}", m.text);
        }
        let en = confirmation(
            &to(Lang::En),
            "Symposium",
            "K7MQ-2XRD",
            "https://x/y",
            &[],
            &[],
        );
        assert_ne!(en.subject, m.subject);
        assert!(en.text.contains("K7MQ-2XRD"));
    }

    #[test]
    fn an_accepted_offer_confirms_the_workshop_with_the_ticket() {
        for lang in Lang::ALL {
            let m = seat_confirmed(
                &to(lang),
                "Colloque",
                "Atelier logement",
                "K7MQ-2XRD",
                "https://x/link",
                &[],
                &[],
            );
            assert_eq!(m.kind, "seat-confirmed");
            assert!(m.subject.contains("Atelier logement"), "{}", m.subject);
            assert!(m.text.contains("K7MQ-2XRD") && m.text.contains("https://x/link"));
        }
    }

    #[test]
    fn the_offer_states_the_workshop_and_the_deadline() {
        for lang in Lang::ALL {
            let m = seat_offer(
                &to(lang),
                "Colloque",
                "Atelier logement",
                "6 mai 2022 14:30",
                "https://x/link",
            );
            assert_eq!(m.kind, "seat-offer");
            assert!(
                m.subject.contains("Atelier logement"),
                "{lang:?}: {}",
                m.subject
            );
            assert!(
                m.text.contains("6 mai 2022 14:30") && m.text.contains("https://x/link"),
                "{}",
                m.text
            );
        }
    }

    #[test]
    fn the_reminder_gives_date_place_and_ticket() {
        let m = reminder(
            &to(Lang::En),
            "Symposium",
            "4 May 2022",
            "Parc des expositions",
            "K7MQ-2XRD",
            "https://x/l",
        );
        assert_eq!(m.kind, "event-reminder");
        for part in [
            "4 May 2022",
            "Parc des expositions",
            "K7MQ-2XRD",
            "https://x/l",
        ] {
            assert!(m.text.contains(part), "{part} in {}", m.text);
        }
    }
}
