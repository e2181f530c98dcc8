//! A consultation's settings as an admin edits them: the question, the
//! proposal prefix, the neighbourhoods offered, the dates, and the parameters
//! of sequences and scores. Parsed once into valid values; the defaults are
//! those of the published Make.org mechanics.

use crate::consultation::forms::SettingsForm;
use crate::lang::Lang;
use crate::process::logic::{parse_date, parse_slug, Invalid};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub slug: String,
    pub question: String,
    pub prefix: String,
    pub lang: Lang,
    pub neighbourhoods: Vec<String>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub sequence_size: i64,
    pub new_share_pct: i64,
    pub new_threshold: i64,
    pub controversy_share_pct: i64,
    pub trusted_weight_pct: i64,
}

fn number(s: &str, field: &'static str, min: i64, max: i64) -> Result<i64, Invalid> {
    match s.trim().parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err((field, "settings-error-number")),
    }
}

fn text(s: &str, field: &'static str, max: usize) -> Result<String, Invalid> {
    let t = crate::text::clean_field(s, field)?;
    let t = t.trim();
    match t.chars().count() {
        0 => Err((field, "settings-error-required")),
        n if n > max => Err((field, "settings-error-long")),
        _ => Ok(t.to_owned()),
    }
}

impl Settings {
    pub fn parse(form: &SettingsForm) -> Result<Settings, Invalid> {
        let slug = parse_slug(&form.slug)?;
        let question = text(&form.question, "question", 300)?;
        let prefix = text(&form.proposal_prefix, "proposal_prefix", 40)?;
        let lang = Lang::from_code(form.lang.trim()).ok_or(("lang", "settings-error-lang"))?;
        let mut neighbourhoods: Vec<String> = Vec::new();
        for line in form
            .neighbourhoods
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            if line.chars().count() > 80 {
                return Err(("neighbourhoods", "settings-error-neighbourhood"));
            }
            if !neighbourhoods.iter().any(|n| n == line) {
                neighbourhoods.push(line.to_owned());
            }
        }
        let opens_on = parse_date(&form.opens_on, "opens_on")?;
        let closes_on = parse_date(&form.closes_on, "closes_on")?;
        if closes_on < opens_on {
            return Err(("closes_on", "process-error-date-order"));
        }
        Ok(Settings {
            slug,
            question,
            prefix,
            lang,
            neighbourhoods,
            opens_on,
            closes_on,
            sequence_size: number(&form.sequence_size, "sequence_size", 1, 50)?,
            new_share_pct: number(&form.new_share_pct, "new_share_pct", 0, 100)?,
            new_threshold: number(&form.new_threshold, "new_threshold", 0, 1000)?,
            controversy_share_pct: number(
                &form.controversy_share_pct,
                "controversy_share_pct",
                0,
                100,
            )?,
            trusted_weight_pct: number(&form.trusted_weight_pct, "trusted_weight_pct", 0, 100)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SettingsForm {
        SettingsForm {
            component_id: "3".into(),
            slug: "mulhouse-solidaire".into(),
            question: "Comment améliorer vos conditions de vie à Mulhouse ?".into(),
            proposal_prefix: "Il faut".into(),
            lang: "fr".into(),
            neighbourhoods: "Dornach\n\n  Bourtzwiller \nDornach\n".into(),
            opens_on: "2021-10-27".into(),
            closes_on: "2021-12-19".into(),
            sequence_size: "12".into(),
            new_share_pct: "30".into(),
            new_threshold: "10".into(),
            controversy_share_pct: "10".into(),
            trusted_weight_pct: "50".into(),
        }
    }

    #[test]
    fn a_valid_form_keeps_each_neighbourhood_once() {
        let s = Settings::parse(&form()).unwrap();
        assert_eq!(s.neighbourhoods, ["Dornach", "Bourtzwiller"]);
        assert_eq!(s.lang, Lang::Fr);
        assert_eq!((s.sequence_size, s.trusted_weight_pct), (12, 50));
    }

    #[test]
    fn refusals_name_the_field() {
        type Case = (fn(&mut SettingsForm), Invalid);
        let cases: [Case; 6] = [
            (
                |f| f.slug = "Avec Espaces".into(),
                ("slug", "process-error-slug"),
            ),
            (
                |f| f.question = "  ".into(),
                ("question", "settings-error-required"),
            ),
            (|f| f.lang = "xx".into(), ("lang", "settings-error-lang")),
            (
                |f| f.closes_on = "2021-10-01".into(),
                ("closes_on", "process-error-date-order"),
            ),
            (
                |f| f.sequence_size = "0".into(),
                ("sequence_size", "settings-error-number"),
            ),
            (
                |f| f.trusted_weight_pct = "cent".into(),
                ("trusted_weight_pct", "settings-error-number"),
            ),
        ];
        for (change, expected) in cases {
            let mut f = form();
            change(&mut f);
            assert_eq!(Settings::parse(&f), Err(expected));
        }
    }
}
