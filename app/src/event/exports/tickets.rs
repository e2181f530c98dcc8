//! What a registrant carries to the event: the QR code of the ticket code (a
//! PNG that door staff scan or read) and an `.ics` calendar file of their
//! days. Pure functions: the mails attach them, the private page serves them.

use crate::event::logic::{ticket, PlaceStatus};
use crate::event::store::registrations::Details;
use crate::event::store::Programme;
use crate::mail::{Attachment, MailError};
use crate::ssr::settings::Settings;
use crate::ssr::Tr;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use qrcode::{Color, EcLevel, QrCode};

/// Pixels per QR module: 8 gives a 232 px image for a ticket code, sharp on
/// paper and on a phone held up to a tablet's camera.
const MODULE_PX: usize = 8;
/// The white margin scanners need, in modules (the standard asks for 4).
const QUIET_ZONE: usize = 4;

/// The QR code of `code` as a black-and-white PNG (one bit per pixel: a few
/// hundred bytes, cheap to encode), with its quiet zone. The code is encoded
/// as stored ("K7MQ2XRD"), which the check-in accepts as typed.
pub fn qr_png(code: &str) -> Vec<u8> {
    // Eight characters of the ticket alphabet always fit in a version-1 code.
    let qr = QrCode::with_error_correction_level(code.as_bytes(), EcLevel::M)
        .expect("a ticket code fits in a QR code");
    let modules = qr.width();
    let colors = qr.to_colors();
    let side = (modules + 2 * QUIET_ZONE) * MODULE_PX;
    let row_bytes = side.div_ceil(8);
    // 1 is white in a one-bit grey-scale PNG; pixels are packed from the high bit.
    let mut pixels = vec![0xFFu8; row_bytes * side];
    for (i, color) in colors.iter().enumerate() {
        if *color != Color::Dark {
            continue;
        }
        let (x0, y0) = (
            (i % modules + QUIET_ZONE) * MODULE_PX,
            (i / modules + QUIET_ZONE) * MODULE_PX,
        );
        for y in y0..y0 + MODULE_PX {
            for x in x0..x0 + MODULE_PX {
                pixels[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    let written = encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(&pixels));
    written.expect("encoding a PNG in memory cannot fail");
    out
}

/// The hours of a day of the event: from its first session's start to its
/// last session's end; `None` when the day has no session yet.
fn day_hours(p: &Programme, day_id: i64) -> Option<(NaiveTime, NaiveTime)> {
    let time = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").ok();
    let sessions = p.sessions.iter().filter(|s| s.day_id == day_id);
    let start = sessions.clone().filter_map(|s| time(&s.starts_at)).min()?;
    let end = sessions.filter_map(|s| time(&s.ends_at)).max()?;
    Some((start, end))
}

fn utc<Tz: TimeZone>(tz: &Tz, date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// What the calendar file says beside the dates.
#[derive(Debug, Clone)]
pub struct CalendarText {
    /// "Billet K7MQ-2XRD", in the registrant's language.
    pub ticket_line: String,
    /// The private link, where everything can be changed.
    pub link: String,
    /// The host part of the site's address, for unique event ids.
    pub host: String,
}

/// The `.ics` of a registration: one event per day the person comes, with the
/// day's hours and the venue, the workshops they hold a seat in, the ticket
/// code and the private link. Times are the event's local times (`tz`, the
/// city's time zone) written in UTC, which every calendar reads without
/// needing a VTIMEZONE block; a day without sessions is an all-day event.
/// UIDs are stable, so importing the file again updates the same entries.
pub fn calendar<Tz: TimeZone>(
    p: &Programme,
    d: &Details,
    text: &CalendarText,
    tz: &Tz,
    now: DateTime<Utc>,
) -> String {
    let mut cal = Calendar::new();
    cal.name(&p.event.title);
    for (day_id, _) in &d.days {
        let Some(day) = p.day(*day_id) else { continue };
        let workshops: Vec<String> = d
            .places
            .iter()
            .filter(|pl| pl.status == PlaceStatus::Confirmed)
            .filter_map(|pl| p.session(pl.session_id))
            .filter(|s| s.day_id == day.id)
            .map(|s| {
                let room = if s.room.is_empty() {
                    String::new()
                } else {
                    format!(", {}", s.room)
                };
                format!("{}–{} {}{room}", s.starts_at, s.ends_at, s.title)
            })
            .collect();
        let mut description = text.ticket_line.clone();
        for w in &workshops {
            description.push_str(&format!("\n{w}"));
        }
        description.push_str(&format!("\n\n{}", text.link));
        let mut event = Event::new();
        event
            .uid(&format!(
                "registration-{}-day-{}@{}",
                d.registration.id, day.id, text.host
            ))
            .timestamp(now)
            .summary(&p.event.title)
            .description(&description)
            .url(&text.link);
        if !p.event.venue.is_empty() {
            event.location(&p.event.venue);
        }
        match day_hours(p, day.id)
            .and_then(|(start, end)| Some((utc(tz, *day.date, start)?, utc(tz, *day.date, end)?)))
        {
            Some((start, end)) => event.starts(start).ends(end),
            None => event.all_day(*day.date),
        };
        cal.push(event.done());
    }
    cal.done().to_string()
}

/// The QR code and the calendar file, as mail attachments.
pub fn attachments(code: &str, ics: String) -> Result<Vec<Attachment>, MailError> {
    attachments_with_qr(code, qr_png(code), ics)
}

/// The same with the QR code's PNG already drawn (before a transaction, so
/// that the CPU work is not done while holding the event's seats).
pub fn attachments_with_qr(
    code: &str,
    qr: Vec<u8>,
    ics: String,
) -> Result<Vec<Attachment>, MailError> {
    Ok(vec![
        Attachment::new(&qr_file_name(code), "image/png", qr)?,
        Attachment::new(
            CALENDAR_FILE_NAME,
            "text/calendar; charset=utf-8; method=PUBLISH",
            ics.into_bytes(),
        )?,
    ])
}

/// "billet-K7MQ2XRD.png".
pub fn qr_file_name(code: &str) -> String {
    format!("billet-{code}.png")
}

pub const CALENDAR_FILE_NAME: &str = "evenement.ics";

/// The ticket's QR code and calendar file; `qr` is the QR code's PNG when
/// it was drawn beforehand.
pub fn ticket_files(
    settings: &Settings,
    p: &Programme,
    d: &Details,
    tr: Tr,
    link: &str,
    qr: Option<Vec<u8>>,
) -> Vec<crate::mail::Attachment> {
    let ics = registration_calendar(settings, p, d, tr, link);
    let code = &d.registration.ticket_code;
    let qr = qr.unwrap_or_else(|| qr_png(code));
    attachments_with_qr(code, qr, ics).unwrap_or_else(|e| {
        tracing::error!("ticket files of registration {}: {e}", d.registration.id);
        Vec::new()
    })
}

/// The `.ics` of a registration (mails and the private page's download).
pub fn registration_calendar(
    settings: &Settings,
    p: &Programme,
    d: &Details,
    tr: Tr,
    link: &str,
) -> String {
    let host = settings
        .base_url
        .split_once("://")
        .map_or(settings.base_url.as_str(), |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let text = CalendarText {
        ticket_line: tr.t_args(
            "ticket-calendar-line",
            &[("code", ticket::display_code(&d.registration.ticket_code))],
        ),
        link: link.to_owned(),
        host,
    };
    calendar(p, d, &text, &settings.timezone, chrono::Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::logic::programme::SessionKind;
    use crate::event::logic::{Profile, RegistrationStatus};
    use crate::event::store::registrations::{Place, Registration};
    use crate::event::store::{Day, Event as Ev, Session};
    use crate::ssr::db_types::{DbDate, Flag};

    fn programme() -> Programme {
        let session = |id, day_id, starts: &str, ends: &str, kind| Session {
            id,
            day_id,
            kind,
            title: format!("Session {id}"),
            description_md: String::new(),
            starts_at: starts.into(),
            ends_at: ends.into(),
            room: "Salle 2".into(),
            seats: Some(20),
            theme_ids: vec![],
            speaker_ids: vec![],
        };
        Programme {
            event: Ev {
                id: 1,
                component_id: 1,
                slug: "colloque".into(),
                title: "Colloque Mulhouse solidaire".into(),
                description_md: String::new(),
                venue: "Parc des expositions".into(),
                seats: 10,
                offer_hours: 48,
                registration_open: Flag(true),
            },
            days: vec![
                Day {
                    id: 1,
                    date: DbDate(NaiveDate::from_ymd_opt(2022, 5, 4).unwrap()),
                    seats: 10,
                },
                Day {
                    id: 2,
                    date: DbDate(NaiveDate::from_ymd_opt(2022, 5, 5).unwrap()),
                    seats: 10,
                },
                Day {
                    id: 3,
                    date: DbDate(NaiveDate::from_ymd_opt(2022, 5, 6).unwrap()),
                    seats: 10,
                },
            ],
            sessions: vec![
                session(10, 1, "09:00", "10:30", SessionKind::Plenary),
                session(11, 1, "14:00", "17:30", SessionKind::Workshop),
                session(12, 2, "09:30", "12:00", SessionKind::Plenary),
            ],
            speakers: vec![],
            questions: vec![],
            themes: vec![],
        }
    }

    fn details(days: &[i64]) -> Details {
        Details {
            registration: Registration {
                id: 7,
                event_id: 1,
                first_name: "Nadia".into(),
                last_name: "B".into(),
                email: "nadia@example.org".into(),
                organisation: String::new(),
                profile: Profile::Resident,
                accessibility: String::new(),
                dietary: String::new(),
                ticket_code: "K7MQ2XRD".into(),
                status: RegistrationStatus::Active,
                lang: "fr".into(),
                is_demo: Flag(false),
                created_at: 0,
            },
            days: days.iter().map(|d| (*d, None)).collect(),
            places: vec![Place {
                session_id: 11,
                status: PlaceStatus::Confirmed,
                offer_expires_at: None,
                position: None,
            }],
            answers: vec![],
        }
    }

    fn text() -> CalendarText {
        CalendarText {
            ticket_line: "Billet K7MQ-2XRD".into(),
            link: "https://participe.example/events/colloque/registration/abc".into(),
            host: "participe.example".into(),
        }
    }

    #[test]
    fn the_calendar_holds_the_persons_days_in_utc() {
        let now = Utc.with_ymd_and_hms(2022, 4, 1, 8, 0, 0).unwrap();
        let ics = calendar(
            &programme(),
            &details(&[1, 3]),
            &text(),
            &chrono_tz::Europe::Paris,
            now,
        );
        let unfolded = ics.replace("\r\n ", "");
        // 09:00–17:30 in Paris on 4 May 2022 (summer time, UTC+2).
        assert!(unfolded.contains("DTSTART:20220504T070000Z"), "{ics}");
        assert!(unfolded.contains("DTEND:20220504T153000Z"), "{ics}");
        // Day 3 has no session: a whole day.
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20220506"), "{ics}");
        // Day 2 is not the person's.
        assert!(!unfolded.contains("20220505"), "{ics}");
        assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
        for part in [
            "SUMMARY:Colloque Mulhouse solidaire",
            "LOCATION:Parc des expositions",
            "UID:registration-7-day-1@participe.example",
            "DTSTAMP:20220401T080000Z",
            "Billet K7MQ-2XRD",
            "14:00–17:30 Session 11\\, Salle 2",
        ] {
            assert!(unfolded.contains(part), "{part} in {ics}");
        }
    }

    #[test]
    fn winter_dates_shift_by_one_hour() {
        let mut p = programme();
        p.days[0].date = DbDate(NaiveDate::from_ymd_opt(2022, 12, 1).unwrap());
        let ics = calendar(
            &p,
            &details(&[1]),
            &text(),
            &chrono_tz::Europe::Paris,
            Utc::now(),
        );
        assert!(ics.contains("DTSTART:20221201T080000Z"), "{ics}");
    }

    #[test]
    fn the_qr_code_is_a_png_with_its_quiet_zone() {
        let png = qr_png("K7MQ2XRD");
        assert_eq!(&png[1..4], b"PNG");
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        // Version 1: 21 modules, plus 4 on each side, 8 px each.
        assert_eq!((info.width, info.height), (232, 232));
        assert!(png.len() < 1000, "{} bytes", png.len());
        let files = attachments("K7MQ2XRD", "BEGIN:VCALENDAR".into()).unwrap();
        assert_eq!(files[0].filename(), "billet-K7MQ2XRD.png");
        assert!(files[1].content_type().starts_with("text/calendar"));
    }
}
