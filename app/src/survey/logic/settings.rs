//! A survey's settings and a question's display condition, parsed from the
//! builder's forms.

use super::{Condition, ConditionOp};
use crate::process::logic::{parse_date, parse_slug};
use crate::survey::forms::SurveyForm;
use chrono::NaiveDate;

/// Who may answer: anyone through the open link, or invited people only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Open,
    Invitation,
}

crate::text_enum!(Access {
    Open = "open",
    Invitation = "invitation",
});

/// The settings a staff member saves.
#[derive(Debug, Clone)]
pub struct SurveyInput {
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub access: Access,
    pub anonymous: bool,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
}

fn text(s: &str, field: &'static str, max: usize) -> Result<String, (&'static str, &'static str)> {
    let t = crate::text::clean_field(s, field)?;
    let t = t.trim();
    match t.chars().count() {
        0 => Err((field, "settings-error-required")),
        n if n > max => Err((field, "settings-error-long")),
        _ => Ok(t.to_owned()),
    }
}

pub fn parse_survey(form: &SurveyForm) -> Result<SurveyInput, (&'static str, &'static str)> {
    let slug = parse_slug(&form.slug)?;
    let title = text(&form.title, "title", 200)?;
    let intro = crate::text::clean_field(&form.intro, "intro")?
        .trim()
        .to_owned();
    if intro.chars().count() > 2000 {
        return Err(("intro", "settings-error-long"));
    }
    let access = Access::parse(&form.access).ok_or(("access", "survey-builder-error-access"))?;
    let opens_on = parse_date(&form.opens_on, "opens_on")?;
    let closes_on = parse_date(&form.closes_on, "closes_on")?;
    if closes_on < opens_on {
        return Err(("closes_on", "process-error-date-order"));
    }
    Ok(SurveyInput {
        slug,
        title,
        intro,
        access,
        anonymous: !form.anonymous.is_empty(),
        opens_on,
        closes_on,
    })
}

/// "<question>:<op>:<option>" as the builder's condition menu sends it.
pub fn parse_condition(raw: &str) -> Result<Option<Condition>, (&'static str, &'static str)> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let bad = ("condition", "survey-builder-error-condition");
    let mut parts = raw.split(':');
    let question = parts.next().and_then(|p| p.parse().ok()).ok_or(bad)?;
    let op = parts.next().and_then(ConditionOp::parse).ok_or(bad)?;
    let option = parts.next().and_then(|p| p.parse().ok()).ok_or(bad)?;
    Ok(Some(Condition {
        question,
        op,
        option,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SurveyForm {
        SurveyForm {
            component_id: "4".into(),
            slug: "satisfaction-colloque".into(),
            title: "  Votre avis sur le colloque ".into(),
            intro: String::new(),
            access: "open".into(),
            anonymous: "on".into(),
            opens_on: "2022-03-10".into(),
            closes_on: "2022-03-31".into(),
        }
    }

    #[test]
    fn a_survey_form_becomes_its_settings() {
        let s = parse_survey(&form()).unwrap();
        assert_eq!(s.title, "Votre avis sur le colloque");
        assert_eq!(s.access, Access::Open);
        assert!(s.anonymous);
        assert!(s.opens_on < s.closes_on);
    }

    #[test]
    fn a_bad_survey_form_names_its_field() {
        let mut f = form();
        f.closes_on = "2022-03-01".into();
        assert_eq!(parse_survey(&f).unwrap_err().0, "closes_on");
        let mut f = form();
        f.access = "everyone".into();
        assert_eq!(parse_survey(&f).unwrap_err().0, "access");
        let mut f = form();
        f.title = "   ".into();
        assert_eq!(
            parse_survey(&f).unwrap_err(),
            ("title", "settings-error-required")
        );
    }

    #[test]
    fn conditions_read_question_operator_and_option() {
        assert_eq!(parse_condition("  ").unwrap(), None);
        assert_eq!(
            parse_condition("12:includes:3").unwrap(),
            Some(Condition {
                question: 12,
                op: ConditionOp::Includes,
                option: 3
            })
        );
        for bad in ["12", "12:near:3", "x:equals:1", "12:equals:-1"] {
            assert_eq!(parse_condition(bad).unwrap_err().0, "condition", "{bad}");
        }
    }
}
