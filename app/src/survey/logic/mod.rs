//! The survey's rules as plain functions, without I/O: what a question is,
//! which questions a respondent sees, what a submitted form means and what is
//! missing from it, and how answers add up to results.

mod answers;
mod recipients;
mod results;
pub mod settings;

pub use answers::{
    check, field_names, next_section, parse_answer, previous_section, section_shows, shown_on_page,
    visible, Answers, Checked, Problem,
};
pub use recipients::{parse_recipients, Recipient};
pub use results::{
    aggregate, matches_filter, percent, ItemResult, OptionCount, QuestionResult, Summary,
};

use serde::{Deserialize, Serialize};

/// The kinds of question a survey offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// One choice among options.
    Single,
    /// Any number of options.
    Multiple,
    /// 4 or 5 labelled points, best first ("très satisfait" … "pas du tout satisfait").
    Rating,
    /// 0 to 10.
    Scale,
    YesNo,
    ShortText,
    LongText,
    /// Several items rated on the same scale.
    Matrix,
    /// Options put in order of preference.
    Ranking,
}

crate::text_enum!(Kind {
    Single = "single",
    Multiple = "multiple",
    Rating = "rating",
    Scale = "scale",
    YesNo = "yes_no",
    ShortText = "short_text",
    LongText = "long_text",
    Matrix = "matrix",
    Ranking = "ranking",
});

impl Kind {
    /// Whether the staff write the options (the others have fixed ones or none).
    pub fn has_options(self) -> bool {
        matches!(
            self,
            Kind::Single | Kind::Multiple | Kind::Rating | Kind::Matrix | Kind::Ranking
        )
    }

    /// Whether an answer is one option, so a condition can test it.
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            Kind::Single | Kind::Rating | Kind::Scale | Kind::YesNo
        )
    }
}

/// How a condition compares the earlier answer with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConditionOp {
    /// The one option chosen is this one.
    Equals,
    /// Among the options chosen is this one.
    Includes,
}

crate::text_enum!(ConditionOp {
    Equals = "equals",
    Includes = "includes",
});

/// "Shown only when question `question` equals / includes option `option`".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub question: i64,
    pub op: ConditionOp,
    /// An option index (for yes/no: 0 yes, 1 no; for 0-10: the number).
    pub option: usize,
}

/// One question, in survey order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: i64,
    /// Index of its section, from 0.
    pub section: usize,
    pub kind: Kind,
    pub prompt: String,
    pub help: String,
    pub required: bool,
    pub options: Vec<String>,
    /// A matrix's items.
    pub items: Vec<String>,
    pub condition: Option<Condition>,
}

impl Question {
    /// How many options an answer may pick from: written ones, or the fixed
    /// ones of yes/no (2) and 0-10 (11).
    pub fn option_count(&self) -> usize {
        match self.kind {
            Kind::YesNo => 2,
            Kind::Scale => 11,
            _ => self.options.len(),
        }
    }
}

/// One answer, as stored (JSON) and aggregated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Single choice, rating, 0-10 (the number), yes/no (0 yes, 1 no).
    Choice(usize),
    /// Multiple choice, in option order.
    Choices(Vec<usize>),
    Text(String),
    /// A matrix: per item, the scale option chosen.
    Matrix(Vec<Option<usize>>),
    /// Option indices, most preferred first.
    Ranking(Vec<usize>),
}

/// Options and items as typed by staff and as stored: one a line, blanks dropped.
pub fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Longest text answers, in characters.
pub const SHORT_TEXT_MAX: usize = 200;
pub const LONG_TEXT_MAX: usize = 4000;

/// Why a question as written by staff cannot be saved; the field and message key.
pub fn validate_question(
    q: &Question,
    earlier: &[Question],
) -> Result<(), (&'static str, &'static str)> {
    let prompt = q.prompt.trim();
    if prompt.is_empty() || prompt.chars().count() > 500 {
        return Err(("prompt", "survey-builder-error-prompt"));
    }
    let n = q.options.len();
    match q.kind {
        Kind::Rating if !(4..=5).contains(&n) => {
            return Err(("options", "survey-builder-error-rating"))
        }
        Kind::Single | Kind::Multiple | Kind::Ranking | Kind::Matrix if !(2..=20).contains(&n) => {
            return Err(("options", "survey-builder-error-options"))
        }
        _ => {}
    }
    if q.kind == Kind::Matrix && !(1..=20).contains(&q.items.len()) {
        return Err(("items", "survey-builder-error-items"));
    }
    if let Some(c) = q.condition {
        let Some(target) = earlier.iter().find(|e| e.id == c.question) else {
            return Err(("condition", "survey-builder-error-condition"));
        };
        let op_fits = match c.op {
            ConditionOp::Equals => target.kind.is_choice(),
            ConditionOp::Includes => target.kind == Kind::Multiple,
        };
        if !op_fits || c.option >= target.option_count() {
            return Err(("condition", "survey-builder-error-condition"));
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    pub fn q(id: i64, section: usize, kind: Kind, options: &[&str]) -> Question {
        Question {
            id,
            section,
            kind,
            prompt: format!("Question {id}"),
            help: String::new(),
            required: false,
            options: options.iter().map(|s| s.to_string()).collect(),
            items: Vec::new(),
            condition: None,
        }
    }

    pub const SATISFACTION: [&str; 4] = [
        "Très satisfait",
        "Plutôt satisfait",
        "Plutôt pas satisfait",
        "Pas du tout satisfait",
    ];
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for &kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::parse("essay"), None);
    }

    #[test]
    fn answers_are_stored_as_small_json() {
        let a = Answer::Choices(vec![0, 2]);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"choices":[0,2]}"#);
        assert_eq!(serde_json::from_str::<Answer>(&json).unwrap(), a);
    }

    #[test]
    fn a_rating_has_four_or_five_points() {
        let mut rating = q(1, 0, Kind::Rating, &SATISFACTION);
        assert_eq!(validate_question(&rating, &[]), Ok(()));
        rating.options.truncate(3);
        assert_eq!(
            validate_question(&rating, &[]),
            Err(("options", "survey-builder-error-rating"))
        );
        let mut matrix = q(2, 0, Kind::Matrix, &SATISFACTION);
        assert_eq!(
            validate_question(&matrix, &[]),
            Err(("items", "survey-builder-error-items"))
        );
        matrix.items = vec!["Accueil".into(), "Repas".into()];
        assert_eq!(validate_question(&matrix, &[]), Ok(()));
    }

    #[test]
    fn a_condition_points_at_an_earlier_fitting_question() {
        let profile = q(1, 0, Kind::Single, &["Habitant", "Professionnel"]);
        let topics = q(2, 0, Kind::Multiple, &["Santé", "Logement"]);
        let mut follow = q(3, 0, Kind::LongText, &[]);
        let earlier = [profile.clone(), topics.clone()];
        follow.condition = Some(Condition {
            question: 1,
            op: ConditionOp::Equals,
            option: 1,
        });
        assert_eq!(validate_question(&follow, &earlier), Ok(()));
        // Out of range, wrong operator, or not earlier.
        for (question, op, option) in [
            (1, ConditionOp::Equals, 2),
            (1, ConditionOp::Includes, 0),
            (2, ConditionOp::Equals, 0),
            (4, ConditionOp::Equals, 0),
        ] {
            follow.condition = Some(Condition {
                question,
                op,
                option,
            });
            assert!(
                validate_question(&follow, &earlier).is_err(),
                "{question} {op:?} {option}"
            );
        }
        follow.condition = Some(Condition {
            question: 2,
            op: ConditionOp::Includes,
            option: 1,
        });
        assert_eq!(validate_question(&follow, &earlier), Ok(()));
    }
}
