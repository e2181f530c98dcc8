//! The rules of taking part in a consultation, as plain functions: what a
//! proposal may be, the optional demographics, and when voting is open.

use crate::text::clean_field;
use chrono::NaiveDate;

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 140;
pub const MAX_NAME: usize = 60;

/// Where a proposal stands: read by a moderator before it is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProposalStatus {
    Pending,
    Accepted,
    Refused,
}

crate::text_enum!(ProposalStatus {
    Pending = "pending",
    Accepted = "accepted",
    Refused = "refused",
});

/// A refused input: the form field and the Fluent id of the message.
pub type Invalid = (&'static str, &'static str);

/// Age brackets offered in the optional demographics (stored as these ids).
pub const AGE_BRACKETS: [&str; 6] = ["under-18", "18-24", "25-34", "35-49", "50-64", "65-plus"];

/// A proposal as submitted, valid by construction.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProposal {
    /// The whole sentence, prefix included ("Il faut …").
    pub content: String,
    pub author_name: String,
    pub author_email: String,
    pub age_bracket: String,
    pub neighbourhood: String,
}

/// The proposal form as the browser sends it.
pub struct ProposalFields<'a> {
    /// What follows the prefix.
    pub body: &'a str,
    pub author_name: &'a str,
    pub author_email: &'a str,
    pub age_bracket: &'a str,
    pub neighbourhood: &'a str,
    pub charter: bool,
}

/// Collapses white space and drops control characters: proposals are plain text.
pub fn clean_text(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Il faut" + "plus de bancs" = "Il faut plus de bancs"; a body that already
/// starts with the prefix is not doubled.
pub fn with_prefix(prefix: &str, body: &str) -> String {
    let body = clean_text(body);
    let prefix = clean_text(prefix);
    if prefix.is_empty() || body.to_lowercase().starts_with(&prefix.to_lowercase()) {
        body
    } else {
        format!("{prefix} {body}")
    }
}

/// A proposal's whole sentence from what was typed (prefix added when
/// missing), with the rules every proposal text follows: plain text, 12 to
/// 140 characters. Also the rule of a moderator's spelling correction.
pub fn parse_content(prefix: &str, typed: &str) -> Result<String, &'static str> {
    let body = clean_text(&crate::text::clean(typed).map_err(|_| crate::text::CONTROL_ERROR)?);
    if body.is_empty() {
        return Err("proposal-error-empty");
    }
    if body.contains('<') && body.contains('>') {
        return Err("proposal-error-markup");
    }
    let content = with_prefix(prefix, &body);
    let length = content.chars().count();
    if length < MIN_LENGTH {
        return Err("proposal-error-short");
    }
    if length > MAX_LENGTH {
        return Err("proposal-error-long");
    }
    Ok(content)
}

impl NewProposal {
    pub fn parse(
        prefix: &str,
        fields: &ProposalFields,
        neighbourhoods: &[String],
    ) -> Result<NewProposal, Invalid> {
        let content = parse_content(prefix, fields.body).map_err(|key| ("body", key))?;
        let author_name = clean_text(&clean_field(fields.author_name, "author_name")?);
        if author_name.is_empty() || author_name.chars().count() > MAX_NAME {
            return Err(("author_name", "proposal-error-name"));
        }
        let author_email = match fields.author_email.trim() {
            "" => String::new(),
            email => crate::account::logic::normalise_email(email)
                .ok_or(("author_email", "proposal-error-email"))?,
        };
        let age_bracket = fields.age_bracket.trim();
        if !age_bracket.is_empty() && !AGE_BRACKETS.contains(&age_bracket) {
            return Err(("age_bracket", "proposal-error-age"));
        }
        let neighbourhood = fields.neighbourhood.trim();
        if !neighbourhood.is_empty() && !neighbourhoods.iter().any(|n| n == neighbourhood) {
            return Err(("neighbourhood", "proposal-error-neighbourhood"));
        }
        if !fields.charter {
            return Err(("charter", "proposal-error-charter"));
        }
        Ok(NewProposal {
            content,
            author_name,
            author_email,
            age_bracket: age_bracket.to_owned(),
            neighbourhood: neighbourhood.to_owned(),
        })
    }
}

/// Whether a consultation takes proposals and votes on `today` (dates inclusive).
pub fn is_open(opens_on: NaiveDate, closes_on: NaiveDate, today: NaiveDate) -> bool {
    opens_on <= today && today <= closes_on
}

/// The reasons a moderator may give for refusing a proposal.
pub const REFUSAL_REASONS: [&str; 11] = [
    "incomprehensible",
    "off-topic",
    "partisan",
    "legal",
    "advertising",
    "several-ideas",
    "wrong-language",
    "rude",
    "out-of-scope",
    "duplicate",
    "other",
];

/// What a participant may report a published proposal for.
pub const REPORT_REASONS: [&str; 3] = ["inappropriate", "offensive", "spam"];

/// An idempotency key made by the client: 8 to 64 characters of [A-Za-z0-9_-].
pub fn valid_idempotency_key(key: &str) -> bool {
    (8..=64).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(body: &str) -> ProposalFields<'_> {
        ProposalFields {
            body,
            author_name: "Amina",
            author_email: "",
            age_bracket: "",
            neighbourhood: "",
            charter: true,
        }
    }

    #[test]
    fn proposals_get_their_prefix_once() {
        let p =
            NewProposal::parse("Il faut", &fields("plus de  bancs\tdans les parcs"), &[]).unwrap();
        assert_eq!(p.content, "Il faut plus de bancs dans les parcs");
        let p = NewProposal::parse(
            "Il faut",
            &fields("il faut ouvrir une maison de santé"),
            &[],
        )
        .unwrap();
        assert_eq!(p.content, "il faut ouvrir une maison de santé");
    }

    #[test]
    fn proposals_respect_the_length_and_plain_text() {
        assert_eq!(
            NewProposal::parse("Il faut", &fields("un"), &[]),
            Err(("body", "proposal-error-short"))
        );
        let long = "a".repeat(133);
        assert_eq!(
            NewProposal::parse("Il faut", &fields(&long), &[]),
            Err(("body", "proposal-error-long"))
        );
        let exact = "a".repeat(132);
        assert_eq!(
            NewProposal::parse("Il faut", &fields(&exact), &[])
                .unwrap()
                .content
                .chars()
                .count(),
            140
        );
        assert_eq!(
            NewProposal::parse("Il faut", &fields("   "), &[]),
            Err(("body", "proposal-error-empty"))
        );
        assert_eq!(
            NewProposal::parse("Il faut", &fields("<b>des parcs</b> partout"), &[]),
            Err(("body", "proposal-error-markup"))
        );
    }

    #[test]
    fn the_rest_is_optional_but_checked() {
        let hoods = vec!["Bourtzwiller".to_owned()];
        let mut f = fields("des bancs dans les parcs");
        f.neighbourhood = "Bourtzwiller";
        f.age_bracket = "65-plus";
        f.author_email = " Amina@Example.org ";
        let p = NewProposal::parse("Il faut", &f, &hoods).unwrap();
        assert_eq!(p.author_email, "amina@example.org");
        f.neighbourhood = "Atlantis";
        assert_eq!(
            NewProposal::parse("Il faut", &f, &hoods),
            Err(("neighbourhood", "proposal-error-neighbourhood"))
        );
        f.neighbourhood = "";
        f.age_bracket = "12";
        assert_eq!(
            NewProposal::parse("Il faut", &f, &hoods),
            Err(("age_bracket", "proposal-error-age"))
        );
        f.age_bracket = "";
        f.charter = false;
        assert_eq!(
            NewProposal::parse("Il faut", &f, &hoods),
            Err(("charter", "proposal-error-charter"))
        );
        f.charter = true;
        f.author_name = " ";
        assert_eq!(
            NewProposal::parse("Il faut", &f, &hoods),
            Err(("author_name", "proposal-error-name"))
        );
    }

    #[test]
    fn consultations_are_open_between_their_dates() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(is_open(d("2021-10-27"), d("2021-12-19"), d("2021-12-19")));
        assert!(!is_open(d("2021-10-27"), d("2021-12-19"), d("2021-12-20")));
        assert!(!is_open(d("2021-10-27"), d("2021-12-19"), d("2021-10-26")));
    }

    #[test]
    fn idempotency_keys_are_checked() {
        assert!(valid_idempotency_key("3f2a9c1e-77aa-4d2b"));
        assert!(!valid_idempotency_key("short"));
        assert!(!valid_idempotency_key("has space in it"));
    }

    mod properties {
        use super::*;
        use crate::text::strategies::{is_clean, typed_text};
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn any_proposal_form_parses_or_is_refused_cleanly(
                body in typed_text(),
                name in typed_text(),
                email in typed_text(),
            ) {
                let fields = ProposalFields {
                    body: &body,
                    author_name: &name,
                    author_email: &email,
                    age_bracket: "",
                    neighbourhood: "",
                    charter: true,
                };
                if let Ok(p) = NewProposal::parse("Il faut", &fields, &[]) {
                    prop_assert!(is_clean(&p.content) && is_clean(&p.author_name));
                    prop_assert!(is_clean(&p.author_email));
                    prop_assert!(p.content.chars().count() <= MAX_LENGTH);
                }
            }
        }
    }
}
