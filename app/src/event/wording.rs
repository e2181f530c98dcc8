//! The component's words for what the server renders itself, shared by its
//! outputs (pages, mails, exports, the check-in answer): dates with times,
//! where a person stands in a workshop, the names of profiles. Services
//! return data; these turn it into text in the reader's language.

use super::forms::CheckInResult;
use super::logic::{ticket, CheckIn, PlaceStatus, Profile};
use super::service::checkin::CheckInOutcome;
use super::store::registrations::Place;
use crate::ssr::settings::Settings;
use crate::ssr::Tr;
use chrono::TimeZone;

/// "6 mai 2022 à 14:30" in the city's time zone.
pub fn when(tr: Tr, settings: &Settings, ts: i64) -> String {
    match settings.timezone.timestamp_opt(ts, 0).single() {
        Some(t) => tr.t_args(
            "date-time",
            &[
                ("date", tr.date(t.date_naive())),
                ("time", t.format("%H:%M").to_string()),
            ],
        ),
        None => String::new(),
    }
}

/// Where the person stands in a workshop: "confirmed", "waiting list, position 3"...
pub fn place_label(tr: Tr, settings: &Settings, place: &Place) -> String {
    match place.status {
        PlaceStatus::Confirmed => tr.t("place-confirmed"),
        PlaceStatus::Waiting => tr.t_args(
            "place-waiting",
            &[("position", place.position.unwrap_or(1).to_string())],
        ),
        PlaceStatus::Offered => tr.t_args(
            "place-offered",
            &[(
                "deadline",
                when(tr, settings, place.offer_expires_at.unwrap_or_default()),
            )],
        ),
        PlaceStatus::Expired => tr.t("place-expired"),
    }
}

/// The name of a profile.
pub fn profile_label(tr: Tr, profile: Profile) -> String {
    tr.t(&format!("profile-{}", profile.as_str().replace('_', "-")))
}

/// The door's answer about a ticket, in the staff member's language.
pub fn check_in_result(tr: Tr, settings: &Settings, outcome: &CheckInOutcome) -> CheckInResult {
    let (p, code, decision) = (&outcome.programme, &outcome.code, outcome.decision);
    let details = outcome.details.as_ref();
    let message = match decision {
        CheckIn::Admitted => tr.t("checkin-admitted"),
        CheckIn::AlreadyUsed(at) => {
            tr.t_args("checkin-already-used", &[("when", when(tr, settings, at))])
        }
        CheckIn::Cancelled => tr.t("checkin-cancelled"),
        CheckIn::NotThisDay => tr.t("checkin-not-this-day"),
        CheckIn::Unknown => tr.t("checkin-unknown"),
    };
    let (name, organisation, workshops, days) = match details {
        Some(d) => (
            format!("{} {}", d.registration.first_name, d.registration.last_name),
            d.registration.organisation.clone(),
            d.places
                .iter()
                .filter(|pl| pl.status == PlaceStatus::Confirmed)
                .filter_map(|pl| p.session(pl.session_id))
                .map(|s| format!("{} · {} · {}", s.starts_at, s.title, s.room))
                .collect(),
            d.days
                .iter()
                .filter_map(|(id, _)| p.day(*id))
                .map(|day| tr.date(*day.date))
                .collect(),
        ),
        None => Default::default(),
    };
    CheckInResult {
        outcome: decision.as_str().to_owned(),
        admitted: decision.admitted(),
        message,
        code: ticket::display_code(code),
        name,
        organisation,
        workshops,
        days,
    }
}
