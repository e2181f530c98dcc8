//! The Rendez-vous citoyen's mail: the confirmation of a registration, with
//! its private link (pure, translated; enqueued with the registration).

use super::logic::Mode;
use super::store::Rendezvous;
use crate::mail::message::greeting_name;
use crate::mail::{EmailAddress, OutgoingMail};
use crate::ssr::Tr;

/// The confirmation of a registration: when and where, how the person
/// follows, the live page and their private link.
pub fn confirmation(
    tr: Tr,
    to: EmailAddress,
    r: &Rendezvous,
    name: &str,
    mode: Mode,
    link: &str,
    live: &str,
) -> OutgoingMail {
    let how = tr.t(match mode {
        Mode::Room => "rendezvous-mode-room",
        Mode::Remote => "rendezvous-mode-remote",
    });
    let text = tr.t_args(
        "rendezvous-mail-body",
        &[
            ("name", greeting_name(name)),
            ("title", r.title.clone()),
            ("date", tr.date(r.starts_on)),
            ("time", r.starts_at.clone()),
            ("venue", r.venue.clone()),
            ("mode", how),
            ("live", live.to_owned()),
            ("link", link.to_owned()),
        ],
    );
    OutgoingMail::new(
        to,
        &tr.t_args("rendezvous-mail-subject", &[("title", r.title.clone())]),
        &text,
    )
}
