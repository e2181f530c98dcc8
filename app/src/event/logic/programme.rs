//! The programme editor's forms parsed into valid inputs: event settings,
//! days, sessions, speakers and extra questions. Each refusal names the field
//! and the Fluent id of its message.

use super::registration::QuestionKind;
use crate::event::forms::{DayForm, EventForm, QuestionForm, SessionForm, SpeakerForm};
use chrono::NaiveDate;
use std::collections::HashMap;

/// What a session is: workshops alone have seats and waiting lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionKind {
    Plenary,
    RoundTable,
    Workshop,
}

crate::text_enum!(SessionKind {
    Plenary = "plenary",
    RoundTable = "round_table",
    Workshop = "workshop",
});

/// The event's settings, as an admin edits them.
#[derive(Debug, Clone, PartialEq)]
pub struct EventInput {
    pub slug: String,
    pub title: String,
    pub description_md: String,
    pub venue: String,
    pub seats: u32,
    pub offer_hours: u32,
    pub registration_open: bool,
}

/// A session as an admin (or the demo loader) writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionInput {
    pub day_id: i64,
    pub kind: SessionKind,
    pub title: String,
    pub description_md: String,
    pub starts_at: String,
    pub ends_at: String,
    pub room: String,
    pub seats: Option<u32>,
    pub theme_ids: Vec<i64>,
    pub speaker_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerInput {
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub bio: String,
    pub photo_url: String,
    pub is_demo: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionInput {
    pub position: i64,
    pub kind: QuestionKind,
    pub label: String,
    pub options: Vec<String>,
    pub required: bool,
}

/// What an admin may delete from the programme, by the name the forms use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgrammeItem {
    Day,
    Session,
    Speaker,
    Question,
}

crate::text_enum!(ProgrammeItem {
    Day = "day",
    Session = "session",
    Speaker = "speaker",
    Question = "question",
});

pub type Invalid = (&'static str, &'static str);

fn text(value: &str, max: usize, field: &'static str, required: bool) -> Result<String, Invalid> {
    let v = crate::text::clean_field(value, field)?;
    let v = v.trim();
    if required && v.is_empty() {
        return Err((field, "programme-error-required"));
    }
    if v.chars().count() > max {
        return Err((field, "programme-error-too-long"));
    }
    Ok(v.to_owned())
}

fn seats(value: &str, field: &'static str) -> Result<u32, Invalid> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= 100_000)
        .ok_or((field, "programme-error-seats"))
}

/// "9:30", "09:30" or "0930" → "09:30".
pub fn parse_time(value: &str, field: &'static str) -> Result<String, Invalid> {
    let digits: String = value
        .trim()
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect();
    let (h, m) = match (value.trim().split_once([':', 'h', 'H']), digits.len()) {
        (Some((h, m)), _) => (h.trim().parse::<u32>().ok(), m.trim().parse::<u32>().ok()),
        (None, 3 | 4) => {
            let (h, m) = digits.split_at(digits.len() - 2);
            (h.parse().ok(), m.parse().ok())
        }
        _ => (None, None),
    };
    match (h, m) {
        (Some(h), Some(m)) if h < 24 && m < 60 => Ok(format!("{h:02}:{m:02}")),
        _ => Err((field, "programme-error-time")),
    }
}

/// Only a local path or an https address may be an image source.
fn image(url: &str) -> Result<String, Invalid> {
    let url = url.trim();
    let ok = url.is_empty()
        || (url.starts_with('/') && !url.starts_with("//"))
        || url.starts_with("https://");
    if ok {
        Ok(url.to_owned())
    } else {
        Err(("photo_url", "programme-error-image"))
    }
}

fn ids_ticked(extra: &HashMap<String, String>, prefix: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = extra
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .filter_map(|(k, _)| k.strip_prefix(prefix)?.parse().ok())
        .collect();
    ids.sort_unstable();
    ids
}

pub fn event(form: &EventForm) -> Result<EventInput, Invalid> {
    let title = text(&form.title, 200, "title", true)?;
    let slug = crate::process::logic::parse_slug(&form.slug)
        .map_err(|_| ("slug", "process-error-slug"))?;
    let description_md = form.description_md.trim().to_owned();
    let venue = text(&form.venue, 300, "venue", false)?;
    let seats = seats(&form.seats, "seats")?;
    let offer_hours = form
        .offer_hours
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|h| (1..=720).contains(h))
        .ok_or(("offer_hours", "programme-error-offer-hours"))?;
    Ok(EventInput {
        slug,
        title,
        description_md,
        venue,
        seats,
        offer_hours,
        registration_open: !form.registration_open.is_empty(),
    })
}

pub fn day(form: &DayForm) -> Result<(NaiveDate, u32), Invalid> {
    let date = NaiveDate::parse_from_str(form.day.trim(), "%Y-%m-%d")
        .map_err(|_| ("day", "process-error-date"))?;
    Ok((date, seats(&form.seats, "seats")?))
}

/// A session; `day_ids` are the event's days, so a session cannot be put on another event's day.
pub fn session(form: &SessionForm, day_ids: &[i64]) -> Result<SessionInput, Invalid> {
    let day_id = form
        .day_id
        .parse::<i64>()
        .ok()
        .filter(|d| day_ids.contains(d))
        .ok_or(("day_id", "programme-error-day"))?;
    let kind = SessionKind::parse(&form.kind).ok_or(("kind", "programme-error-kind"))?;
    let title = text(&form.title, 200, "title", true)?;
    let starts_at = parse_time(&form.starts_at, "starts_at")?;
    let ends_at = parse_time(&form.ends_at, "ends_at")?;
    if ends_at <= starts_at {
        return Err(("ends_at", "programme-error-time-order"));
    }
    let seats = match kind {
        SessionKind::Workshop => Some(seats(&form.seats, "seats")?),
        _ => None,
    };
    Ok(SessionInput {
        day_id,
        kind,
        title,
        description_md: form.description_md.trim().to_owned(),
        starts_at,
        ends_at,
        room: text(&form.room, 120, "room", false)?,
        seats,
        theme_ids: ids_ticked(&form.extra, "theme_"),
        speaker_ids: ids_ticked(&form.extra, "speaker_"),
    })
}

pub fn speaker(form: &SpeakerForm) -> Result<SpeakerInput, Invalid> {
    Ok(SpeakerInput {
        name: text(&form.name, 120, "name", true)?,
        role: text(&form.role, 200, "role", false)?,
        organisation: text(&form.organisation, 200, "organisation", false)?,
        bio: text(&form.bio, 1500, "bio", false)?,
        photo_url: image(&form.photo_url)?,
        is_demo: false,
    })
}

pub fn question(form: &QuestionForm) -> Result<QuestionInput, Invalid> {
    let kind = QuestionKind::parse(&form.kind).ok_or(("kind", "programme-error-kind"))?;
    let label = text(&form.label, 300, "label", true)?;
    let options: Vec<String> = form
        .options
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if kind == QuestionKind::Choice && options.len() < 2 {
        return Err(("options", "programme-error-options"));
    }
    let position = form.position.trim().parse::<i64>().unwrap_or(0);
    Ok(QuestionInput {
        position,
        kind,
        label,
        options: if kind == QuestionKind::Choice {
            options
        } else {
            Vec::new()
        },
        required: !form.required.is_empty(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_people_write_them() {
        for (typed, stored) in [
            ("9:30", "09:30"),
            ("09:30", "09:30"),
            ("0930", "09:30"),
            ("14h00", "14:00"),
            ("14h15", "14:15"),
            ("930", "09:30"),
        ] {
            assert_eq!(
                parse_time(typed, "starts_at").as_deref(),
                Ok(stored),
                "{typed}"
            );
        }
        for bad in ["", "25:00", "12:60", "noon", "1"] {
            assert_eq!(
                parse_time(bad, "starts_at"),
                Err(("starts_at", "programme-error-time")),
                "{bad}"
            );
        }
    }

    fn session_form() -> SessionForm {
        SessionForm {
            day_id: "3".into(),
            kind: "workshop".into(),
            title: "Atelier".into(),
            starts_at: "14:00".into(),
            ends_at: "16:30".into(),
            seats: "30".into(),
            extra: [
                ("theme_2", "on"),
                ("theme_1", "on"),
                ("speaker_9", "on"),
                ("speaker_x", "on"),
            ]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
            ..SessionForm::default()
        }
    }

    #[test]
    fn sessions_parse_with_themes_speakers_and_workshop_seats() {
        let s = session(&session_form(), &[3, 4]).unwrap();
        assert_eq!(s.seats, Some(30));
        assert_eq!(s.theme_ids, vec![1, 2]);
        assert_eq!(s.speaker_ids, vec![9]);
        let plenary = SessionForm {
            kind: "plenary".into(),
            seats: String::new(),
            ..session_form()
        };
        assert_eq!(
            session(&plenary, &[3]).unwrap().seats,
            None,
            "only workshops have seats"
        );
    }

    #[test]
    fn sessions_refuse_what_cannot_be() {
        assert_eq!(
            session(&session_form(), &[4]),
            Err(("day_id", "programme-error-day"))
        );
        let reversed = SessionForm {
            ends_at: "13:00".into(),
            ..session_form()
        };
        assert_eq!(
            session(&reversed, &[3]),
            Err(("ends_at", "programme-error-time-order"))
        );
        let no_seats = SessionForm {
            seats: "-1".into(),
            ..session_form()
        };
        assert_eq!(
            session(&no_seats, &[3]),
            Err(("seats", "programme-error-seats"))
        );
        let kind = SessionForm {
            kind: "party".into(),
            ..session_form()
        };
        assert_eq!(session(&kind, &[3]), Err(("kind", "programme-error-kind")));
    }

    #[test]
    fn events_need_a_title_a_slug_seats_and_a_sane_offer_time() {
        let form = EventForm {
            title: "Colloque".into(),
            slug: "colloque".into(),
            seats: "274".into(),
            offer_hours: "48".into(),
            registration_open: "on".into(),
            ..EventForm::default()
        };
        let e = event(&form).unwrap();
        assert_eq!(
            (e.seats, e.offer_hours, e.registration_open),
            (274, 48, true)
        );
        assert_eq!(
            event(&EventForm {
                offer_hours: "0".into(),
                ..form.clone()
            }),
            Err(("offer_hours", "programme-error-offer-hours"))
        );
        assert_eq!(
            event(&EventForm {
                slug: "Colloque!".into(),
                ..form.clone()
            }),
            Err(("slug", "process-error-slug"))
        );
        assert_eq!(
            event(&EventForm {
                title: " ".into(),
                ..form
            }),
            Err(("title", "programme-error-required"))
        );
    }

    #[test]
    fn questions_and_speakers_parse() {
        let q = QuestionForm {
            kind: "choice".into(),
            label: "Transport ?".into(),
            options: "Tram\n\n Vélo \n".into(),
            ..QuestionForm::default()
        };
        assert_eq!(question(&q).unwrap().options, vec!["Tram", "Vélo"]);
        let one = QuestionForm {
            options: "Tram".into(),
            ..q.clone()
        };
        assert_eq!(question(&one), Err(("options", "programme-error-options")));
        let yes_no = QuestionForm {
            kind: "yes_no".into(),
            required: "on".into(),
            ..q
        };
        let parsed = question(&yes_no).unwrap();
        assert!(parsed.required && parsed.options.is_empty());
        let sp = SpeakerForm {
            name: "Aïcha Diallo".into(),
            photo_url: "javascript:alert(1)".into(),
            ..SpeakerForm::default()
        };
        assert_eq!(speaker(&sp), Err(("photo_url", "programme-error-image")));
        assert_eq!(
            day(&DayForm {
                day: "2022-05-04".into(),
                seats: "250".into(),
                ..DayForm::default()
            })
            .unwrap()
            .1,
            250
        );
    }
}
