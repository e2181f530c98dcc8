//! The forms that become a meeting's records: a registration, and the
//! settings staff save. Each refusal names its field and message.

use super::video::allowed_video;
use super::Mode;
use crate::mail::EmailAddress;
use crate::rendezvous::forms::{RegisterForm, SettingsForm};
use crate::text::clean_field;
use chrono::NaiveDate;

/// A refused field, and the message key that says why.
pub type FieldError = (&'static str, &'static str);

/// Someone who registers: to come in person or follow remotely.
#[derive(Debug, Clone)]
pub struct NewRegistration {
    pub name: String,
    /// The address as typed (trimmed), if any, and as the mail system reads it.
    pub email: Option<(String, EmailAddress)>,
    pub mode: Mode,
}

pub fn parse_mode(raw: &str) -> Result<Mode, FieldError> {
    Mode::parse(raw).ok_or(("mode", "rendezvous-error-mode"))
}

pub fn parse_registration(form: &RegisterForm) -> Result<NewRegistration, FieldError> {
    let name = clean_field(&form.name, "name")?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(("name", "rendezvous-error-name"));
    }
    let email = match form.email.trim() {
        "" => None,
        email => Some((
            email.to_owned(),
            EmailAddress::parse(email).map_err(|_| ("email", "rendezvous-error-email"))?,
        )),
    };
    let mode = parse_mode(&form.mode)?;
    if form.consent.is_empty() {
        return Err(("consent", "rendezvous-error-consent"));
    }
    Ok(NewRegistration {
        name: name.to_owned(),
        email,
        mode,
    })
}

/// The settings staff edit.
#[derive(Debug, Clone)]
pub struct RendezvousInput {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub starts_on: NaiveDate,
    pub starts_at: String,
    pub venue: String,
    pub video_url: String,
    pub survey_id: Option<i64>,
    pub registration_open: bool,
}

fn valid_slug(slug: &str) -> bool {
    (1..=80).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// Reads the settings form. The survey, if one is chosen, is only read as an
/// id here: whether it belongs to the process is for the service to check.
/// The video must play from one of `video_hosts` (see `allowed_video`).
pub fn parse_settings(
    form: &SettingsForm,
    video_hosts: &[String],
) -> Result<RendezvousInput, FieldError> {
    let slug = form.slug.trim().to_owned();
    if !valid_slug(&slug) {
        return Err(("slug", "rendezvous-error-slug"));
    }
    let title = clean_field(&form.title, "title")?.trim().to_owned();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(("title", "rendezvous-error-title"));
    }
    let starts_on = NaiveDate::parse_from_str(form.starts_on.trim(), "%Y-%m-%d")
        .map_err(|_| ("starts_on", "rendezvous-error-date"))?;
    let starts_at = chrono::NaiveTime::parse_from_str(form.starts_at.trim(), "%H:%M")
        .map_err(|_| ("starts_at", "rendezvous-error-time"))?
        .format("%H:%M")
        .to_string();
    let video_url = form.video_url.trim().to_owned();
    if !video_url.is_empty() && (!allowed_video(&video_url, video_hosts) || video_url.len() > 500) {
        return Err(("video_url", "rendezvous-error-video"));
    }
    let survey_id = match form.survey_id.trim() {
        "" => None,
        raw => Some(
            raw.parse()
                .map_err(|_| ("survey_id", "rendezvous-error-survey"))?,
        ),
    };
    Ok(RendezvousInput {
        slug,
        title,
        description: clean_field(&form.description, "description")?
            .trim()
            .chars()
            .take(4000)
            .collect(),
        starts_on,
        starts_at,
        venue: clean_field(&form.venue, "venue")?
            .trim()
            .chars()
            .take(300)
            .collect(),
        video_url,
        survey_id,
        registration_open: !form.registration_open.is_empty(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrations_and_settings_are_read() {
        let form = RegisterForm {
            name: " Anne ".into(),
            email: "anne@example.org".into(),
            mode: "room".into(),
            consent: "on".into(),
            ..Default::default()
        };
        let r = parse_registration(&form).unwrap();
        assert_eq!((r.name.as_str(), r.mode), ("Anne", Mode::Room));
        let no_consent = RegisterForm {
            consent: String::new(),
            ..form.clone()
        };
        assert_eq!(
            parse_registration(&no_consent).unwrap_err(),
            ("consent", "rendezvous-error-consent")
        );
        assert!(valid_slug("rendez-vous-2022"));
        assert!(!valid_slug("-x") && !valid_slug("A") && !valid_slug(""));
    }

    mod properties {
        use super::*;
        use crate::rendezvous::logic::{parse_answer, parse_audience_question, Kind};
        use crate::text::strategies::{is_clean, typed_text};
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn any_registration_question_or_word_parses_or_is_refused_cleanly(
                name in typed_text(),
                email in typed_text(),
                text in typed_text(),
            ) {
                let form = RegisterForm {
                    name,
                    email,
                    mode: "room".into(),
                    consent: "on".into(),
                    ..Default::default()
                };
                if let Ok(r) = parse_registration(&form) {
                    prop_assert!(is_clean(&r.name));
                    prop_assert!(!r.name.is_empty() && r.name.chars().count() <= 120);
                }
                if let Ok(q) = parse_audience_question(&text) {
                    prop_assert!(is_clean(&q));
                }
                if let Ok(w) = parse_answer(Kind::Word, 0, std::slice::from_ref(&text)) {
                    prop_assert!(is_clean(&w));
                }
            }
        }
    }
}
