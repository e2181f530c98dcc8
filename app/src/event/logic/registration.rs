//! The registration form, parsed once into a `NewRegistration` that cannot be
//! invalid: names, an email, a profile, at least one day, at most one workshop
//! per time slot (on a day attended), consent, and the event's extra questions.

use crate::account::logic::normalise_email;
use crate::event::forms::RegistrationForm;

/// A refused field: the form field and the Fluent id of the message.
pub type Invalid = (String, &'static str);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    Professional,
    Volunteer,
    Institution,
    Elected,
    Resident,
}

crate::text_enum!(Profile {
    Professional = "professional",
    Volunteer = "volunteer",
    Institution = "institution",
    Elected = "elected",
    Resident = "resident",
});

/// A registration is live until cancelled; a cancelled one keeps its row (and
/// its ticket code, so the door can say "cancelled" rather than "unknown").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegistrationStatus {
    Active,
    Cancelled,
}

crate::text_enum!(RegistrationStatus {
    Active = "active",
    Cancelled = "cancelled",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    Text,
    Choice,
    YesNo,
}

crate::text_enum!(QuestionKind {
    Text = "text",
    Choice = "choice",
    YesNo = "yes_no",
});

/// What the parser needs to know of a workshop.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopShape {
    pub id: i64,
    pub day_id: i64,
    /// "HH:MM": workshops of one day starting together share a time slot.
    pub starts_at: String,
}

impl WorkshopShape {
    /// The form field of this workshop's time slot, e.g. `w_3_1400`.
    pub fn slot(&self) -> String {
        slot_field(self.day_id, &self.starts_at)
    }
}

pub fn slot_field(day_id: i64, starts_at: &str) -> String {
    format!("w_{day_id}_{}", starts_at.replace(':', ""))
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionShape {
    pub id: i64,
    pub kind: QuestionKind,
    pub options: Vec<String>,
    pub required: bool,
}

impl QuestionShape {
    pub fn field(&self) -> String {
        format!("q_{}", self.id)
    }
}

/// The parts of an event a registration refers to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventShape {
    pub day_ids: Vec<i64>,
    pub workshops: Vec<WorkshopShape>,
    pub questions: Vec<QuestionShape>,
}

pub fn day_field(day_id: i64) -> String {
    format!("day_{day_id}")
}

pub const YES: &str = "yes";
pub const NO: &str = "no";
const MAX_NAME: usize = 80;
const MAX_ORGANISATION: usize = 200;
const MAX_NEEDS: usize = 500;
const MAX_ANSWER: usize = 1000;

/// A registration as asked, valid for its event.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRegistration {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub organisation: String,
    pub profile: Profile,
    pub accessibility: String,
    pub dietary: String,
    /// Ascending, at least one.
    pub days: Vec<i64>,
    /// Ascending, at most one per time slot, each on a day attended.
    pub workshops: Vec<i64>,
    /// (question id, answer); unanswered optional questions are left out.
    pub answers: Vec<(i64, String)>,
}

fn field(name: &str) -> String {
    name.to_owned()
}

fn bounded(value: &str, max: usize, name: &str) -> Result<String, Invalid> {
    let v = crate::text::clean_field(value, field(name))?;
    let v = v.trim();
    if v.chars().count() > max {
        Err((field(name), "registration-error-too-long"))
    } else {
        Ok(v.to_owned())
    }
}

fn name(value: &str, name: &str, key: &'static str) -> Result<String, Invalid> {
    let v = crate::text::clean_field(value, field(name))?;
    let v = v.trim();
    if v.is_empty() || v.chars().count() > MAX_NAME {
        Err((field(name), key))
    } else {
        Ok(v.to_owned())
    }
}

fn ticked(form: &RegistrationForm, name: &str) -> bool {
    form.extra.get(name).is_some_and(|v| !v.is_empty())
}

impl NewRegistration {
    /// Fields are checked in the order they appear on the form, so the first
    /// problem met is the first the person sees.
    pub fn parse(form: &RegistrationForm, event: &EventShape) -> Result<NewRegistration, Invalid> {
        let first_name = name(
            &form.first_name,
            "first_name",
            "registration-error-first-name",
        )?;
        let last_name = name(&form.last_name, "last_name", "registration-error-last-name")?;
        let email = normalise_email(&form.email)
            .ok_or_else(|| (field("email"), "registration-error-email"))?;
        let organisation = bounded(&form.organisation, MAX_ORGANISATION, "organisation")?;
        let profile = Profile::parse(&form.profile)
            .ok_or_else(|| (field("profile"), "registration-error-profile"))?;
        let mut days: Vec<i64> = event
            .day_ids
            .iter()
            .copied()
            .filter(|d| ticked(form, &day_field(*d)))
            .collect();
        days.sort_unstable();
        if days.is_empty() {
            return Err((field("days"), "registration-error-days"));
        }
        let mut slots: Vec<String> = event.workshops.iter().map(WorkshopShape::slot).collect();
        slots.sort();
        slots.dedup();
        let mut workshops = Vec::new();
        for slot in &slots {
            let chosen = form.extra.get(slot).map(|v| v.trim()).unwrap_or_default();
            if chosen.is_empty() {
                continue;
            }
            let workshop = chosen
                .parse::<i64>()
                .ok()
                .and_then(|id| {
                    event
                        .workshops
                        .iter()
                        .find(|w| w.id == id && &w.slot() == slot)
                })
                .ok_or_else(|| (slot.clone(), "registration-error-workshop"))?;
            if !days.contains(&workshop.day_id) {
                return Err((slot.clone(), "registration-error-workshop-day"));
            }
            workshops.push(workshop.id);
        }
        workshops.sort_unstable();
        let accessibility = bounded(&form.accessibility, MAX_NEEDS, "accessibility")?;
        let dietary = bounded(&form.dietary, MAX_NEEDS, "dietary")?;
        let mut answers = Vec::new();
        for q in &event.questions {
            let name = q.field();
            let raw =
                crate::text::clean_field(form.extra.get(&name).map_or("", |v| v), name.clone())?;
            let raw = raw.trim();
            if raw.is_empty() {
                if q.required {
                    return Err((name, "registration-error-required"));
                }
                continue;
            }
            let ok = match q.kind {
                QuestionKind::Text => raw.chars().count() <= MAX_ANSWER,
                QuestionKind::Choice => q.options.iter().any(|o| o == raw),
                QuestionKind::YesNo => raw == YES || raw == NO,
            };
            if !ok {
                let key = if q.kind == QuestionKind::Text {
                    "registration-error-too-long"
                } else {
                    "registration-error-choice"
                };
                return Err((name, key));
            }
            answers.push((q.id, raw.to_owned()));
        }
        if form.consent.is_empty() {
            return Err((field("consent"), "registration-error-consent"));
        }
        Ok(NewRegistration {
            first_name,
            last_name,
            email,
            organisation,
            profile,
            accessibility,
            dietary,
            days,
            workshops,
            answers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn shape() -> EventShape {
        EventShape {
            day_ids: vec![1, 2],
            workshops: vec![
                WorkshopShape {
                    id: 10,
                    day_id: 1,
                    starts_at: "14:00".into(),
                },
                WorkshopShape {
                    id: 11,
                    day_id: 1,
                    starts_at: "14:00".into(),
                },
                WorkshopShape {
                    id: 12,
                    day_id: 2,
                    starts_at: "09:30".into(),
                },
            ],
            questions: vec![
                QuestionShape {
                    id: 5,
                    kind: QuestionKind::YesNo,
                    options: vec![],
                    required: true,
                },
                QuestionShape {
                    id: 6,
                    kind: QuestionKind::Choice,
                    options: vec!["Tram".into(), "Voiture".into()],
                    required: false,
                },
                QuestionShape {
                    id: 7,
                    kind: QuestionKind::Text,
                    options: vec![],
                    required: false,
                },
            ],
        }
    }

    fn form(extra: &[(&str, &str)]) -> RegistrationForm {
        let mut map: HashMap<String, String> = [("day_1", "on"), ("q_5", "yes")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        for (k, v) in extra {
            map.insert(k.to_string(), v.to_string());
        }
        RegistrationForm {
            first_name: " Nadia ".into(),
            last_name: "Keller".into(),
            email: "Nadia.Keller@Example.org".into(),
            profile: "professional".into(),
            consent: "on".into(),
            extra: map,
            ..RegistrationForm::default()
        }
    }

    fn err(f: &RegistrationForm) -> (String, &'static str) {
        NewRegistration::parse(f, &shape()).unwrap_err()
    }

    #[test]
    fn a_complete_form_becomes_a_registration() {
        let r = NewRegistration::parse(
            &form(&[
                ("day_2", "on"),
                ("w_1_1400", "11"),
                ("w_2_0930", "12"),
                ("q_6", "Tram"),
            ]),
            &shape(),
        )
        .unwrap();
        assert_eq!(r.first_name, "Nadia");
        assert_eq!(r.email, "nadia.keller@example.org");
        assert_eq!(r.profile, Profile::Professional);
        assert_eq!(r.days, vec![1, 2]);
        assert_eq!(r.workshops, vec![11, 12]);
        assert_eq!(
            r.answers,
            vec![(5, "yes".to_owned()), (6, "Tram".to_owned())]
        );
    }

    #[test]
    fn workshops_are_optional_and_one_per_slot() {
        let r = NewRegistration::parse(&form(&[("w_1_1400", "")]), &shape()).unwrap();
        assert!(r.workshops.is_empty());
        // A workshop of another slot cannot be smuggled into this one.
        assert_eq!(
            err(&form(&[("w_1_1400", "12")])),
            ("w_1_1400".to_owned(), "registration-error-workshop")
        );
        assert_eq!(
            err(&form(&[("w_1_1400", "abc")])),
            ("w_1_1400".to_owned(), "registration-error-workshop")
        );
    }

    #[test]
    fn a_workshop_needs_its_day() {
        assert_eq!(
            err(&form(&[("w_2_0930", "12")])),
            ("w_2_0930".to_owned(), "registration-error-workshop-day")
        );
    }

    #[test]
    fn each_refusal_names_its_field() {
        let mut f = form(&[]);
        f.first_name = "  ".into();
        assert_eq!(
            err(&f),
            ("first_name".to_owned(), "registration-error-first-name")
        );
        let mut f = form(&[]);
        f.last_name = "x".repeat(81);
        assert_eq!(
            err(&f),
            ("last_name".to_owned(), "registration-error-last-name")
        );
        let mut f = form(&[]);
        f.email = "nadia@".into();
        assert_eq!(err(&f), ("email".to_owned(), "registration-error-email"));
        let mut f = form(&[]);
        f.profile = "mayor".into();
        assert_eq!(
            err(&f),
            ("profile".to_owned(), "registration-error-profile")
        );
        let mut f = form(&[]);
        f.extra.remove("day_1");
        assert_eq!(err(&f), ("days".to_owned(), "registration-error-days"));
        let mut f = form(&[]);
        f.dietary = "x".repeat(501);
        assert_eq!(
            err(&f),
            ("dietary".to_owned(), "registration-error-too-long")
        );
        let mut f = form(&[]);
        f.consent = String::new();
        assert_eq!(
            err(&f),
            ("consent".to_owned(), "registration-error-consent")
        );
    }

    #[test]
    fn extra_questions_follow_their_kind() {
        let mut f = form(&[]);
        f.extra.remove("q_5");
        assert_eq!(err(&f), ("q_5".to_owned(), "registration-error-required"));
        assert_eq!(
            err(&form(&[("q_5", "maybe")])),
            ("q_5".to_owned(), "registration-error-choice")
        );
        assert_eq!(
            err(&form(&[("q_6", "Vélo")])),
            ("q_6".to_owned(), "registration-error-choice")
        );
        let long = "x".repeat(1001);
        assert_eq!(
            err(&form(&[("q_7", &long)])),
            ("q_7".to_owned(), "registration-error-too-long")
        );
        let r = NewRegistration::parse(&form(&[("q_7", "  Rien  ")]), &shape()).unwrap();
        assert_eq!(
            r.answers,
            vec![(5, "yes".to_owned()), (7, "Rien".to_owned())]
        );
    }

    #[test]
    fn unknown_days_are_ignored() {
        let r = NewRegistration::parse(&form(&[("day_99", "on")]), &shape()).unwrap();
        assert_eq!(r.days, vec![1]);
    }

    #[test]
    fn profiles_and_question_kinds_round_trip() {
        for &p in Profile::ALL {
            assert_eq!(Profile::parse(p.as_str()), Some(p));
        }
        for &k in QuestionKind::ALL {
            assert_eq!(QuestionKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(slot_field(3, "14:00"), "w_3_1400");
    }

    mod properties {
        use super::*;
        use crate::text::strategies::{is_clean, typed_text};
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn any_registration_form_parses_or_is_refused_cleanly(
                first in typed_text(),
                last in typed_text(),
                organisation in typed_text(),
                needs in typed_text(),
                answer in typed_text(),
            ) {
                let mut f = form(&[("q_7", answer.as_str())]);
                f.first_name = first;
                f.last_name = last;
                f.organisation = organisation;
                f.accessibility = needs;
                if let Ok(r) = NewRegistration::parse(&f, &shape()) {
                    for text in [&r.first_name, &r.last_name, &r.organisation, &r.accessibility] {
                        prop_assert!(is_clean(text), "{text:?}");
                    }
                    for (_, a) in &r.answers {
                        prop_assert!(is_clean(a), "{a:?}");
                    }
                }
            }
        }
    }
}
