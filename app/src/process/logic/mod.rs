//! The rules of processes and phases, as plain functions: statuses derived
//! from dates, and input parsed once into valid values.

pub mod themes;

use super::forms::{PhaseForm, ProcessForm};
use crate::model::{ComponentKind, PhaseStatus};
use chrono::NaiveDate;

/// A refused input: the form field and the Fluent id of the message.
pub type Invalid = (&'static str, &'static str);

/// Where a phase stands on `today`; both dates are inclusive.
pub fn phase_status(start: NaiveDate, end: NaiveDate, today: NaiveDate) -> PhaseStatus {
    if today < start {
        PhaseStatus::Upcoming
    } else if today > end {
        PhaseStatus::Closed
    } else {
        PhaseStatus::Open
    }
}

/// The phase to put forward: the first open one, else the next to open, else the last.
pub fn current_phase(phases: &[(NaiveDate, NaiveDate)], today: NaiveDate) -> Option<usize> {
    let status = |i: usize| phase_status(phases[i].0, phases[i].1, today);
    (0..phases.len())
        .find(|&i| status(i) == PhaseStatus::Open)
        .or_else(|| {
            (0..phases.len())
                .filter(|&i| status(i) == PhaseStatus::Upcoming)
                .min_by_key(|&i| phases[i].0)
        })
        .or_else(|| phases.len().checked_sub(1))
}

/// The one phase open on `today`, if exactly one is: the home page leads
/// straight to it, since that is where taking part happens now.
pub fn single_open_phase(phases: &[(NaiveDate, NaiveDate)], today: NaiveDate) -> Option<usize> {
    let mut open = (0..phases.len())
        .filter(|&i| phase_status(phases[i].0, phases[i].1, today) == PhaseStatus::Open);
    match (open.next(), open.next()) {
        (Some(i), None) => Some(i),
        _ => None,
    }
}

/// How many days to move a historical process so that the phase starting on
/// `phase_start` has been open for `days_open` days today.
pub fn shift_days(phase_start: NaiveDate, today: NaiveDate, days_open: i64) -> i64 {
    (today - phase_start).num_days() - days_open
}

pub fn parse_date(s: &str, field: &'static str) -> Result<NaiveDate, Invalid> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| (field, "process-error-date"))
}

fn parse_dates(start: &str, end: &str) -> Result<(NaiveDate, NaiveDate), Invalid> {
    let start = parse_date(start, "start_date")?;
    let end = parse_date(end, "end_date")?;
    if end < start {
        return Err(("end_date", "process-error-date-order"));
    }
    Ok((start, end))
}

fn parse_title(s: &str) -> Result<String, Invalid> {
    let title = crate::text::clean_field(s, "title")?;
    let title = title.trim();
    match title.chars().count() {
        0 => Err(("title", "process-error-title")),
        n if n > 200 => Err(("title", "process-error-title-long")),
        _ => Ok(title.to_owned()),
    }
}

/// A slug is what stands in the address: lowercase letters, digits and dashes.
pub fn parse_slug(s: &str) -> Result<String, Invalid> {
    let slug = s.trim();
    let ok = (1..=80).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if ok {
        Ok(slug.to_owned())
    } else {
        Err(("slug", "process-error-slug"))
    }
}

/// Only a local path or an https address may be an image source.
fn parse_image(url: &str, alt: &str) -> Result<(String, String), Invalid> {
    let url = url.trim();
    let ok = url.is_empty()
        || (url.starts_with('/') && !url.starts_with("//"))
        || url.starts_with("https://");
    if !ok {
        return Err(("image_url", "process-error-image"));
    }
    let alt = alt.trim();
    Ok((url.to_owned(), alt.to_owned()))
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProcessInput {
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    pub description_md: String,
    pub image_url: String,
    pub image_alt: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub published: bool,
}

impl ProcessInput {
    pub fn parse(form: &ProcessForm) -> Result<ProcessInput, Invalid> {
        let title = parse_title(&form.title)?;
        let slug = parse_slug(&form.slug)?;
        let (start, end) = parse_dates(&form.start_date, &form.end_date)?;
        let (image_url, image_alt) = parse_image(&form.image_url, &form.image_alt)?;
        Ok(ProcessInput {
            slug,
            title,
            subtitle: form.subtitle.trim().chars().take(300).collect(),
            description_md: form.description_md.trim().to_owned(),
            image_url,
            image_alt,
            start,
            end,
            published: !form.published.is_empty(),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhaseInput {
    pub title: String,
    pub description_md: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub components: Vec<ComponentKind>,
}

impl PhaseInput {
    pub fn parse(form: &PhaseForm) -> Result<PhaseInput, Invalid> {
        let title = parse_title(&form.title)?;
        let (start, end) = parse_dates(&form.start_date, &form.end_date)?;
        Ok(PhaseInput {
            title,
            description_md: form.description_md.trim().to_owned(),
            start,
            end,
            components: form.components(),
        })
    }
}

/// The public address of a component's page, from its kind and slug; a
/// survey shows its results once they are published and it is not open.
pub fn component_path(kind: ComponentKind, slug: &str, show_results: bool) -> String {
    match kind {
        ComponentKind::Consultation => format!("/consultations/{slug}"),
        ComponentKind::Event => format!("/events/{slug}"),
        ComponentKind::Rendezvous => format!("/rendezvous/{slug}"),
        ComponentKind::Survey if show_results => format!("/surveys/{slug}/results"),
        ComponentKind::Survey => format!("/surveys/{slug}"),
    }
}

/// Whether the title typed to confirm a deletion is the process's own
/// (spaces around and letter case aside).
pub fn deletion_confirmed(title: &str, typed: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    !typed.trim().is_empty() && norm(title) == norm(typed)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_deletion_is_confirmed_by_the_title_typed_again() {
        assert!(deletion_confirmed(
            "Mulhouse solidaire",
            "Mulhouse solidaire"
        ));
        assert!(deletion_confirmed(
            "Mulhouse solidaire",
            "  mulhouse   SOLIDAIRE "
        ));
        assert!(!deletion_confirmed("Mulhouse solidaire", "Mulhouse"));
        assert!(!deletion_confirmed("Mulhouse solidaire", ""));
        assert!(!deletion_confirmed("", "  "));
    }

    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn components_have_their_addresses() {
        assert_eq!(
            component_path(ComponentKind::Consultation, "c", false),
            "/consultations/c"
        );
        assert_eq!(
            component_path(ComponentKind::Event, "e", false),
            "/events/e"
        );
        assert_eq!(
            component_path(ComponentKind::Rendezvous, "r", false),
            "/rendezvous/r"
        );
        assert_eq!(
            component_path(ComponentKind::Survey, "s", false),
            "/surveys/s"
        );
        assert_eq!(
            component_path(ComponentKind::Survey, "s", true),
            "/surveys/s/results"
        );
    }

    #[test]
    fn status_follows_inclusive_dates() {
        let (start, end) = (d("2021-10-27"), d("2021-12-19"));
        assert_eq!(
            phase_status(start, end, d("2021-10-26")),
            PhaseStatus::Upcoming
        );
        assert_eq!(phase_status(start, end, d("2021-10-27")), PhaseStatus::Open);
        assert_eq!(phase_status(start, end, d("2021-12-19")), PhaseStatus::Open);
        assert_eq!(
            phase_status(start, end, d("2021-12-20")),
            PhaseStatus::Closed
        );
    }

    #[test]
    fn current_phase_prefers_open_then_next_then_last() {
        let phases = [
            (d("2021-10-27"), d("2021-12-19")),
            (d("2022-05-04"), d("2022-05-05")),
        ];
        assert_eq!(current_phase(&phases, d("2021-11-01")), Some(0));
        assert_eq!(current_phase(&phases, d("2022-01-10")), Some(1));
        assert_eq!(current_phase(&phases, d("2023-01-01")), Some(1));
        assert_eq!(current_phase(&phases, d("2020-01-01")), Some(0));
        assert_eq!(current_phase(&[], d("2020-01-01")), None);
    }

    #[test]
    fn only_a_lone_open_phase_is_led_to() {
        let phases = [
            (d("2021-10-27"), d("2021-12-19")),
            (d("2021-12-01"), d("2022-01-10")),
            (d("2022-05-04"), d("2022-05-05")),
        ];
        assert_eq!(single_open_phase(&phases, d("2021-11-01")), Some(0));
        assert_eq!(
            single_open_phase(&phases, d("2021-12-10")),
            None,
            "two open"
        );
        assert_eq!(single_open_phase(&phases, d("2022-01-05")), Some(1));
        assert_eq!(
            single_open_phase(&phases, d("2022-03-01")),
            None,
            "none open"
        );
        assert_eq!(single_open_phase(&[], d("2022-03-01")), None);
    }

    #[test]
    fn shifting_keeps_lengths_and_opens_the_phase() {
        let (start, end) = (d("2021-10-27"), d("2021-12-19"));
        let today = d("2026-11-22");
        let shift = chrono::Duration::days(shift_days(start, today, 14));
        assert_eq!(
            phase_status(start + shift, end + shift, today),
            PhaseStatus::Open
        );
        assert_eq!(
            ((end + shift) - (start + shift)).num_days(),
            (end - start).num_days()
        );
        assert_eq!(today - (start + shift), chrono::Duration::days(14));
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(
            parse_slug(" mulhouse-solidaire ").unwrap(),
            "mulhouse-solidaire"
        );
        for bad in ["", "Mulhouse", "a b", "-a", "a-", "été", &"a".repeat(81)] {
            assert_eq!(
                parse_slug(bad),
                Err(("slug", "process-error-slug")),
                "{bad}"
            );
        }
    }

    fn form() -> ProcessForm {
        ProcessForm {
            slug: "mulhouse-solidaire".into(),
            title: "Mulhouse solidaire".into(),
            start_date: "2021-10-27".into(),
            end_date: "2022-12-31".into(),
            ..ProcessForm::default()
        }
    }

    #[test]
    fn process_forms_parse_or_name_the_field() {
        let input = ProcessInput::parse(&form()).unwrap();
        assert!(!input.published);
        assert_eq!(input.start, d("2021-10-27"));
        let reversed = ProcessForm {
            end_date: "2021-01-01".into(),
            ..form()
        };
        assert_eq!(
            ProcessInput::parse(&reversed),
            Err(("end_date", "process-error-date-order"))
        );
        let no_title = ProcessForm {
            title: "   ".into(),
            ..form()
        };
        assert_eq!(
            ProcessInput::parse(&no_title),
            Err(("title", "process-error-title"))
        );
        let bad_date = ProcessForm {
            start_date: "27/10/2021".into(),
            ..form()
        };
        assert_eq!(
            ProcessInput::parse(&bad_date),
            Err(("start_date", "process-error-date"))
        );
        let script = ProcessForm {
            image_url: "javascript:alert(1)".into(),
            ..form()
        };
        assert_eq!(
            ProcessInput::parse(&script),
            Err(("image_url", "process-error-image"))
        );
    }

    #[test]
    fn phase_forms_collect_components() {
        let form = PhaseForm {
            title: "Consultation".into(),
            start_date: "2021-10-27".into(),
            end_date: "2021-12-19".into(),
            consultation: "on".into(),
            survey: "on".into(),
            ..PhaseForm::default()
        };
        let input = PhaseInput::parse(&form).unwrap();
        assert_eq!(
            input.components,
            vec![ComponentKind::Consultation, ComponentKind::Survey]
        );
    }
}
