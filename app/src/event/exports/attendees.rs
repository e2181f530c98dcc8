//! Attendee lists for event staff: the filter (by day, by workshop), the
//! rows shown on the page and exported, and the CSV and XLSX downloads.
//!
//! - `GET /api/staff/events/{slug}/attendees.csv?day=&workshop=`
//! - `GET /api/staff/events/{slug}/attendees.xlsx?day=&workshop=`
//!
//! The CSV is for spreadsheets set to French: `;` between fields and a UTF-8
//! byte order mark, so accents survive a double click.

use crate::event::logic::{ticket, PlaceStatus};
use crate::event::service::{attendee_list, AttendeesView};
use crate::event::store::registrations::Attendee;
use crate::event::store::Programme;
use crate::event::wording::profile_label;
use crate::model::Role;
use crate::ssr::context::RequestInfo;
use crate::ssr::db_types::date_text;
use crate::ssr::spreadsheet::{csv_bytes, xlsx_bytes};
use crate::ssr::{Db, Tr};
use axum::extract::{Extension, Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Which attendees a list shows: live registrations, of a day, of a workshop.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct Filter {
    pub day: Option<i64>,
    pub workshop: Option<i64>,
}

impl Filter {
    /// Reads `?day=&workshop=` leniently: anything unparsable means "all".
    pub fn parse(day: Option<&str>, workshop: Option<&str>) -> Filter {
        Filter {
            day: day.and_then(|d| d.parse().ok()),
            workshop: workshop.and_then(|w| w.parse().ok()),
        }
    }

    pub fn query(&self) -> String {
        let mut q = Vec::new();
        if let Some(d) = self.day {
            q.push(format!("day={d}"));
        }
        if let Some(w) = self.workshop {
            q.push(format!("workshop={w}"));
        }
        if q.is_empty() {
            String::new()
        } else {
            format!("?{}", q.join("&"))
        }
    }

    pub fn keeps(&self, a: &Attendee) -> bool {
        !a.registration.is_cancelled()
            && self
                .day
                .is_none_or(|d| a.days.iter().any(|(id, _)| *id == d))
            && self.workshop.is_none_or(|w| {
                a.places
                    .iter()
                    .any(|(id, status)| *id == w && *status != PlaceStatus::Expired)
            })
    }
}

fn place_word(tr: Tr, status: PlaceStatus) -> String {
    tr.t(match status {
        PlaceStatus::Confirmed => "attendees-place-confirmed",
        PlaceStatus::Offered => "attendees-place-offered",
        PlaceStatus::Waiting => "attendees-place-waiting",
        PlaceStatus::Expired => "attendees-place-expired",
    })
}

/// The header and rows of a list, the same on the page and in the exports.
pub fn table(
    tr: Tr,
    p: &Programme,
    attendees: &[Attendee],
    filter: Filter,
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header: Vec<String> = [
        "registration-last-name",
        "registration-first-name",
        "registration-email",
        "registration-organisation",
        "registration-profile",
        "registration-days",
        "attendees-arrived",
        "registration-workshops",
        "registration-accessibility",
        "registration-dietary",
        "attendees-ticket",
    ]
    .into_iter()
    .map(|k| tr.t(k))
    .collect();
    header.extend(p.questions.iter().map(|q| q.label.clone()));
    let rows = attendees
        .iter()
        .filter(|a| filter.keeps(a))
        .map(|a| {
            let r = &a.registration;
            let days = a
                .days
                .iter()
                .filter_map(|(id, _)| p.day(*id))
                .map(|d| date_text(*d.date))
                .collect::<Vec<_>>()
                .join(", ");
            let arrived = a
                .days
                .iter()
                .filter(|(_, at)| at.is_some())
                .filter_map(|(id, _)| p.day(*id))
                .map(|d| date_text(*d.date))
                .collect::<Vec<_>>()
                .join(", ");
            let workshops = a
                .places
                .iter()
                .filter_map(|(id, status)| {
                    Some(format!(
                        "{} ({})",
                        p.session(*id)?.title,
                        place_word(tr, *status)
                    ))
                })
                .collect::<Vec<_>>()
                .join("; ");
            let mut row = vec![
                r.last_name.clone(),
                r.first_name.clone(),
                r.email.clone(),
                r.organisation.clone(),
                profile_label(tr, r.profile),
                days,
                arrived,
                workshops,
                r.accessibility.clone(),
                r.dietary.clone(),
                ticket::display_code(&r.ticket_code),
            ];
            row.extend(p.questions.iter().map(|q| {
                a.answers
                    .iter()
                    .find(|(id, _)| *id == q.id)
                    .map(|(_, answer)| match answer.as_str() {
                        "yes" => tr.t("answer-yes"),
                        "no" => tr.t("answer-no"),
                        other => other.to_owned(),
                    })
                    .unwrap_or_default()
            }));
            row
        })
        .collect();
    (header, rows)
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    pub day: Option<String>,
    pub workshop: Option<String>,
}

enum Format {
    Csv,
    Xlsx,
}

async fn export(db: Db, info: RequestInfo, slug: String, q: ListQuery, format: Format) -> Response {
    match info.viewer {
        None => return StatusCode::UNAUTHORIZED.into_response(),
        Some(u) if !u.role.allows(Role::EventStaff) => {
            return StatusCode::FORBIDDEN.into_response()
        }
        Some(_) => {}
    }
    let internal = |e: &dyn std::fmt::Display| {
        tracing::error!("attendee export: {e}");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    };
    let AttendeesView {
        programme: p,
        attendees,
    } = match attendee_list(&db, &slug).await {
        Ok(Some(list)) => list,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return internal(&e),
    };
    let tr = Tr(info.lang);
    let filter = Filter::parse(q.day.as_deref(), q.workshop.as_deref());
    let (header, rows) = table(tr, &p, &attendees, filter);
    let (bytes, content_type, ext) = match format {
        Format::Csv => match csv_bytes(&header, &rows) {
            Ok(b) => (b, "text/csv; charset=utf-8", "csv"),
            Err(e) => return internal(&e),
        },
        Format::Xlsx => match xlsx_bytes(&tr.t("attendees-title"), &header, &rows) {
            Ok(b) => (
                b,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
            ),
            Err(e) => return internal(&e),
        },
    };
    let disposition = format!("attachment; filename=\"{slug}-attendees.{ext}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            // Personal data: never kept by a shared cache.
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn attendees_csv(
    Extension(db): Extension<Db>,
    Extension(info): Extension<RequestInfo>,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Response {
    export(db, info, slug, q, Format::Csv).await
}

pub async fn attendees_xlsx(
    Extension(db): Extension<Db>,
    Extension(info): Extension<RequestInfo>,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Response {
    export(db, info, slug, q, Format::Xlsx).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::logic::programme::SessionKind;
    use crate::event::logic::{Profile, RegistrationStatus};
    use crate::event::store::registrations::Registration;
    use crate::event::store::{Day, Event, Session};
    use crate::lang::Lang;
    use crate::ssr::db_types::{DbDate, Flag};

    fn programme() -> Programme {
        Programme {
            event: Event {
                id: 1,
                component_id: 1,
                slug: "colloque".into(),
                title: "Colloque".into(),
                description_md: String::new(),
                venue: String::new(),
                seats: 10,
                offer_hours: 48,
                registration_open: Flag(true),
            },
            days: vec![
                Day {
                    id: 1,
                    date: DbDate(chrono::NaiveDate::from_ymd_opt(2022, 5, 4).unwrap()),
                    seats: 10,
                },
                Day {
                    id: 2,
                    date: DbDate(chrono::NaiveDate::from_ymd_opt(2022, 5, 5).unwrap()),
                    seats: 10,
                },
            ],
            sessions: vec![Session {
                id: 7,
                day_id: 1,
                kind: SessionKind::Workshop,
                title: "Atelier santé".into(),
                description_md: String::new(),
                starts_at: "14:00".into(),
                ends_at: "16:00".into(),
                room: String::new(),
                seats: Some(2),
                theme_ids: vec![],
                speaker_ids: vec![],
            }],
            speakers: vec![],
            questions: vec![],
            themes: vec![],
        }
    }

    fn attendee(
        id: i64,
        last: &str,
        status: &str,
        days: &[i64],
        places: &[(i64, PlaceStatus)],
    ) -> Attendee {
        Attendee {
            registration: Registration {
                id,
                event_id: 1,
                first_name: "Léa".into(),
                last_name: last.into(),
                email: format!("{id}@example.org"),
                organisation: "Asso; « spéciale »".into(),
                profile: Profile::Volunteer,
                accessibility: String::new(),
                dietary: String::new(),
                ticket_code: "K7MQ2XRD".into(),
                status: RegistrationStatus::parse(status).unwrap(),
                lang: "fr".into(),
                is_demo: Flag(false),
                created_at: 0,
            },
            days: days.iter().map(|d| (*d, (*d == 1).then_some(1))).collect(),
            places: places.to_vec(),
            answers: vec![],
        }
    }

    fn list() -> Vec<Attendee> {
        vec![
            attendee(
                1,
                "Arnold",
                "active",
                &[1, 2],
                &[(7, PlaceStatus::Confirmed)],
            ),
            attendee(2, "Bauer", "active", &[2], &[]),
            attendee(3, "Cohen", "cancelled", &[1], &[]),
            attendee(4, "Dupont", "active", &[1], &[(7, PlaceStatus::Waiting)]),
            attendee(5, "Ehrhart", "active", &[1], &[(7, PlaceStatus::Expired)]),
        ]
    }

    fn names(filter: Filter) -> Vec<String> {
        let (_, rows) = table(Tr(Lang::Fr), &programme(), &list(), filter);
        rows.into_iter().map(|r| r[0].clone()).collect()
    }

    #[test]
    fn lists_keep_live_registrations_of_the_day_or_workshop() {
        assert_eq!(
            names(Filter::default()),
            ["Arnold", "Bauer", "Dupont", "Ehrhart"]
        );
        assert_eq!(
            names(Filter {
                day: Some(2),
                workshop: None
            }),
            ["Arnold", "Bauer"]
        );
        // A workshop's list has its seats and its waiting list, not expired offers.
        assert_eq!(
            names(Filter {
                day: None,
                workshop: Some(7)
            }),
            ["Arnold", "Dupont"]
        );
        assert_eq!(
            Filter::parse(Some("2"), Some("x")),
            Filter {
                day: Some(2),
                workshop: None
            }
        );
        assert_eq!(
            Filter {
                day: Some(2),
                workshop: Some(7)
            }
            .query(),
            "?day=2&workshop=7"
        );
        assert_eq!(Filter::default().query(), "");
    }

    #[test]
    fn rows_say_where_each_person_stands() {
        let (header, rows) = table(Tr(Lang::Fr), &programme(), &list(), Filter::default());
        assert_eq!(header.len(), rows[0].len());
        let arnold = &rows[0];
        assert_eq!(arnold[5], "2022-05-04, 2022-05-05");
        assert_eq!(arnold[6], "2022-05-04", "arrived on day 1");
        assert!(arnold[7].starts_with("Atelier santé ("), "{}", arnold[7]);
        assert_eq!(arnold[10], "K7MQ-2XRD");
        assert_eq!(arnold[4], "Bénévole");
    }

    #[test]
    fn csv_is_semicolon_separated_with_a_bom_and_quotes_what_needs_it() {
        let (header, rows) = table(Tr(Lang::Fr), &programme(), &list(), Filter::default());
        let bytes = csv_bytes(&header, &rows).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.lines().next().unwrap().contains(";Prénom;"), "{text}");
        assert!(
            text.contains("\"Asso; « spéciale »\""),
            "a ; inside a field is quoted"
        );
        assert_eq!(text.lines().count(), 5);
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let (header, rows) = table(Tr(Lang::En), &programme(), &list(), Filter::default());
        let bytes = xlsx_bytes("Attendee list: [all]", &header, &rows).unwrap();
        assert_eq!(&bytes[..2], b"PK", "an xlsx file is a zip archive");
        assert!(bytes.len() > 1000);
    }
}
