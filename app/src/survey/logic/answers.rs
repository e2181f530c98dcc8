//! From a submitted form to answers: which questions are visible, what each
//! field means, and what is missing or wrong.
//!
//! Form fields are named after the question: `q12` for one value (a choice,
//! a number, a text), `q12_3` for one part of it (option 3 of a multiple
//! choice ticked, the rank given to option 3, the scale point of matrix item 3).

use super::{Answer, ConditionOp, Kind, Question, LONG_TEXT_MAX, SHORT_TEXT_MAX};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Answers by question id; only visible questions have one.
pub type Answers = BTreeMap<i64, Answer>;

/// What is wrong with one question's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Required, and not (fully) answered.
    Missing,
    /// A value no input of the form could have sent (or two equal ranks).
    Invalid,
    TooLong,
    /// A control character in a text (see `crate::text`).
    Control,
}

impl Problem {
    /// The message key shown at the question.
    pub fn message_key(self) -> &'static str {
        match self {
            Problem::Missing => "survey-error-missing",
            Problem::Invalid => "survey-error-invalid",
            Problem::TooLong => "survey-error-too-long",
            Problem::Control => crate::text::CONTROL_ERROR,
        }
    }
}

/// The answers read from a form, and the problems of the questions checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    pub answers: Answers,
    pub problems: Vec<(i64, Problem)>,
}

/// The names of every form field a question uses.
pub fn field_names(q: &Question) -> Vec<String> {
    let parts = match q.kind {
        Kind::Multiple | Kind::Ranking => q.options.len(),
        Kind::Matrix => q.items.len(),
        _ => return vec![format!("q{}", q.id)],
    };
    (0..parts).map(|i| format!("q{}_{i}", q.id)).collect()
}

fn value<'a>(values: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    values.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

fn choice(raw: Option<&str>, count: usize) -> Result<Option<usize>, Problem> {
    match raw {
        None => Ok(None),
        Some(v) => match v.parse::<usize>() {
            Ok(i) if i < count => Ok(Some(i)),
            _ => Err(Problem::Invalid),
        },
    }
}

/// One question's answer from the form: none when left blank.
pub fn parse_answer(
    q: &Question,
    values: &HashMap<String, String>,
) -> Result<Option<Answer>, Problem> {
    let own = |name: String| value(values, &name);
    let id = q.id;
    match q.kind {
        Kind::Single | Kind::Rating | Kind::Scale | Kind::YesNo => {
            Ok(choice(own(format!("q{id}")), q.option_count())?.map(Answer::Choice))
        }
        Kind::ShortText | Kind::LongText => {
            let Some(text) = own(format!("q{id}")) else {
                return Ok(None);
            };
            let max = if q.kind == Kind::ShortText {
                SHORT_TEXT_MAX
            } else {
                LONG_TEXT_MAX
            };
            let text = crate::text::clean(text).map_err(|_| Problem::Control)?;
            let text = text.trim();
            if text.chars().count() > max {
                Err(Problem::TooLong)
            } else if text.is_empty() {
                Ok(None)
            } else {
                Ok(Some(Answer::Text(text.to_owned())))
            }
        }
        Kind::Multiple => {
            let chosen: Vec<usize> = (0..q.options.len())
                .filter(|i| own(format!("q{id}_{i}")).is_some())
                .collect();
            Ok((!chosen.is_empty()).then_some(Answer::Choices(chosen)))
        }
        Kind::Matrix => {
            let rows = (0..q.items.len())
                .map(|i| choice(own(format!("q{id}_{i}")), q.options.len()))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows
                .iter()
                .any(Option::is_some)
                .then_some(Answer::Matrix(rows)))
        }
        Kind::Ranking => {
            let n = q.options.len();
            let mut ranked: Vec<(usize, usize)> = Vec::new();
            for i in 0..n {
                if let Some(rank) = choice(own(format!("q{id}_{i}")), n + 1)? {
                    if rank == 0 || ranked.iter().any(|(r, _)| *r == rank) {
                        return Err(Problem::Invalid);
                    }
                    ranked.push((rank, i));
                }
            }
            ranked.sort();
            Ok((!ranked.is_empty())
                .then(|| Answer::Ranking(ranked.into_iter().map(|(_, i)| i).collect())))
        }
    }
}

/// Whether a required answer is only partly given (a matrix row or an option left unranked).
fn incomplete(q: &Question, a: &Answer) -> bool {
    match a {
        Answer::Matrix(rows) => rows.iter().any(Option::is_none),
        Answer::Ranking(order) => order.len() < q.options.len(),
        _ => false,
    }
}

/// Whether a question is shown, given the answers to the questions before it.
pub fn visible(q: &Question, answers: &Answers) -> bool {
    let Some(c) = q.condition else {
        return true;
    };
    match (c.op, answers.get(&c.question)) {
        (ConditionOp::Equals, Some(Answer::Choice(x))) => *x == c.option,
        (ConditionOp::Includes, Some(Answer::Choices(chosen))) => chosen.contains(&c.option),
        _ => false,
    }
}

/// Reads every visible question's answer in survey order, so a hidden
/// question's answer is dropped and cannot reveal the questions after it.
/// Problems are reported for the questions `in_scope` only (the section being
/// sent, or all of them at the end).
pub fn check(
    questions: &[Question],
    values: &HashMap<String, String>,
    in_scope: impl Fn(&Question) -> bool,
) -> Checked {
    let mut out = Checked::default();
    for q in questions {
        if !visible(q, &out.answers) {
            continue;
        }
        match parse_answer(q, values) {
            Ok(Some(a)) if q.required && incomplete(q, &a) => {
                if in_scope(q) {
                    out.problems.push((q.id, Problem::Missing));
                }
            }
            Ok(Some(a)) => {
                out.answers.insert(q.id, a);
            }
            Ok(None) if q.required && in_scope(q) => out.problems.push((q.id, Problem::Missing)),
            Ok(None) => {}
            Err(p) if in_scope(q) => out.problems.push((q.id, p)),
            Err(_) => {}
        }
    }
    out
}

/// Whether a question appears on its section's page. Without JavaScript a page
/// cannot react to what is being ticked on it, so a question whose condition
/// lies in the same section is always shown, with a note saying when to answer
/// it (and its answer is dropped if the condition turns out false); one whose
/// condition lies in an earlier section is shown only if that answer matches,
/// since that answer is already known when the page is built.
pub fn shown_on_page(q: &Question, questions: &[Question], answers: &Answers) -> bool {
    match q.condition {
        None => true,
        Some(c) => {
            let same_section = questions
                .iter()
                .any(|o| o.id == c.question && o.section == q.section);
            same_section || visible(q, answers)
        }
    }
}

/// Whether section `s` has anything to show.
pub fn section_shows(questions: &[Question], answers: &Answers, s: usize) -> bool {
    questions
        .iter()
        .any(|q| q.section == s && shown_on_page(q, questions, answers))
}

/// The next section with something to show, after `from`.
pub fn next_section(
    questions: &[Question],
    answers: &Answers,
    from: usize,
    sections: usize,
) -> Option<usize> {
    (from + 1..sections).find(|&s| section_shows(questions, answers, s))
}

/// The section before `from` with something to show (the first one otherwise).
pub fn previous_section(questions: &[Question], answers: &Answers, from: usize) -> usize {
    (0..from)
        .rev()
        .find(|&s| section_shows(questions, answers, s))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::Condition;
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn when(question: i64, op: ConditionOp, option: usize) -> Option<Condition> {
        Some(Condition {
            question,
            op,
            option,
        })
    }

    /// Profile (section 0), then satisfaction, a follow-up for the
    /// unsatisfied in the same section, and a matrix (section 1), then a
    /// section only for professionals (section 2).
    fn survey() -> Vec<Question> {
        let mut profile = q(1, 0, Kind::Single, &["Habitant", "Professionnel", "Élu"]);
        profile.required = true;
        let mut satisfaction = q(2, 1, Kind::Rating, &SATISFACTION);
        satisfaction.required = true;
        let mut why = q(3, 1, Kind::LongText, &[]);
        why.required = true;
        why.condition = when(2, ConditionOp::Equals, 3);
        let mut matrix = q(4, 1, Kind::Matrix, &SATISFACTION);
        matrix.items = vec!["Accueil".into(), "Repas".into()];
        matrix.required = true;
        let mut pro = q(5, 2, Kind::YesNo, &[]);
        pro.condition = when(1, ConditionOp::Equals, 1);
        vec![profile, satisfaction, why, matrix, pro]
    }

    #[test]
    fn reads_each_kind_of_field() {
        let mut multiple = q(7, 0, Kind::Multiple, &["a", "b", "c"]);
        let values = form(&[("q7_0", "on"), ("q7_2", "on"), ("q8", " 10 "), ("q9", "  ")]);
        assert_eq!(
            parse_answer(&multiple, &values),
            Ok(Some(Answer::Choices(vec![0, 2])))
        );
        multiple.id = 70;
        assert_eq!(parse_answer(&multiple, &values), Ok(None));
        let scale = q(8, 0, Kind::Scale, &[]);
        assert_eq!(parse_answer(&scale, &values), Ok(Some(Answer::Choice(10))));
        let text = q(9, 0, Kind::ShortText, &[]);
        assert_eq!(parse_answer(&text, &values), Ok(None), "blank is no answer");
        let long = "x".repeat(SHORT_TEXT_MAX + 1);
        assert_eq!(
            parse_answer(&text, &form(&[("q9", &long)])),
            Err(Problem::TooLong)
        );
        let yes_no = q(10, 0, Kind::YesNo, &[]);
        assert_eq!(
            parse_answer(&yes_no, &form(&[("q10", "2")])),
            Err(Problem::Invalid)
        );
        assert_eq!(
            parse_answer(&yes_no, &form(&[("q10", "oui")])),
            Err(Problem::Invalid)
        );
    }

    #[test]
    fn rankings_are_ordered_and_ranks_distinct() {
        let ranking = q(11, 0, Kind::Ranking, &["Santé", "Logement", "Emploi"]);
        let values = form(&[("q11_0", "2"), ("q11_1", "3"), ("q11_2", "1")]);
        assert_eq!(
            parse_answer(&ranking, &values),
            Ok(Some(Answer::Ranking(vec![2, 0, 1])))
        );
        let twice = form(&[("q11_0", "1"), ("q11_1", "1")]);
        assert_eq!(parse_answer(&ranking, &twice), Err(Problem::Invalid));
        let zero = form(&[("q11_0", "0")]);
        assert_eq!(parse_answer(&ranking, &zero), Err(Problem::Invalid));
        let mut required = ranking.clone();
        required.required = true;
        let partial = form(&[("q11_0", "1")]);
        let checked = check(&[required], &partial, |_| true);
        assert_eq!(checked.problems, vec![(11, Problem::Missing)]);
    }

    #[test]
    fn a_question_shows_when_its_condition_matches() {
        let questions = survey();
        let mut answers = Answers::new();
        assert!(!visible(&questions[2], &answers), "no answer yet: hidden");
        answers.insert(2, Answer::Choice(0));
        assert!(!visible(&questions[2], &answers));
        answers.insert(2, Answer::Choice(3));
        assert!(visible(&questions[2], &answers));
        let mut includes = q(6, 0, Kind::ShortText, &[]);
        includes.condition = when(20, ConditionOp::Includes, 1);
        answers.insert(20, Answer::Choices(vec![0, 1]));
        assert!(visible(&includes, &answers));
        answers.insert(20, Answer::Choices(vec![0]));
        assert!(!visible(&includes, &answers));
    }

    #[test]
    fn missing_required_answers_are_reported_for_the_section_only() {
        let questions = survey();
        let values = form(&[("q1", "0"), ("q4_0", "1")]);
        let checked = check(&questions, &values, |q| q.section == 1);
        // The follow-up is hidden (no "pas du tout satisfait"), so it is not missing.
        assert_eq!(
            checked.problems,
            vec![(2, Problem::Missing), (4, Problem::Missing)]
        );
        assert_eq!(checked.answers.get(&1), Some(&Answer::Choice(0)));
        assert!(
            !checked.answers.contains_key(&4),
            "a partial matrix is no answer"
        );
    }

    #[test]
    fn a_required_follow_up_counts_only_when_its_condition_holds() {
        let questions = survey();
        let mut values = form(&[("q1", "0"), ("q2", "3"), ("q4_0", "0"), ("q4_1", "2")]);
        let checked = check(&questions, &values, |_| true);
        assert_eq!(checked.problems, vec![(3, Problem::Missing)]);
        values.insert("q3".into(), "Trop de monde".into());
        let checked = check(&questions, &values, |_| true);
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        assert_eq!(
            checked.answers.get(&4),
            Some(&Answer::Matrix(vec![Some(0), Some(2)]))
        );
        // Satisfied after all: the follow-up's text is dropped, not stored.
        values.insert("q2".into(), "0".into());
        let checked = check(&questions, &values, |_| true);
        assert!(checked.problems.is_empty());
        assert!(!checked.answers.contains_key(&3));
    }

    #[test]
    fn hiding_cascades_to_questions_that_depend_on_hidden_ones() {
        let mut questions = survey();
        let mut deeper = q(6, 1, Kind::ShortText, &[]);
        deeper.condition = when(3, ConditionOp::Equals, 0);
        questions.push(deeper);
        // q6 tests q3, a text: never a choice, so never shown; and q3 is hidden anyway.
        let values = form(&[("q1", "0"), ("q2", "0"), ("q3", "x"), ("q6", "y")]);
        let checked = check(&questions, &values, |_| true);
        assert!(!checked.answers.contains_key(&3));
        assert!(!checked.answers.contains_key(&6));
    }

    #[test]
    fn sections_whose_questions_are_all_hidden_are_skipped() {
        let questions = survey();
        let resident = check(&questions, &form(&[("q1", "0")]), |_| false).answers;
        assert_eq!(next_section(&questions, &resident, 0, 3), Some(1));
        assert_eq!(next_section(&questions, &resident, 1, 3), None);
        let professional = check(&questions, &form(&[("q1", "1")]), |_| false).answers;
        assert_eq!(next_section(&questions, &professional, 1, 3), Some(2));
        assert_eq!(previous_section(&questions, &professional, 2), 1);
        // The same-section follow-up is on the page even before anything is ticked.
        assert!(shown_on_page(&questions[2], &questions, &Answers::new()));
        assert!(!shown_on_page(&questions[4], &questions, &resident));
    }

    #[test]
    fn field_names_cover_every_part() {
        let questions = survey();
        assert_eq!(field_names(&questions[0]), vec!["q1"]);
        assert_eq!(field_names(&questions[3]), vec!["q4_0", "q4_1"]);
    }

    mod properties {
        use super::*;
        use crate::text::strategies::{is_clean, typed_text};
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn any_text_answer_parses_or_is_refused_cleanly(text in typed_text(), long in any::<bool>()) {
                let kind = if long { Kind::LongText } else { Kind::ShortText };
                let question = q(9, 0, kind, &[]);
                match parse_answer(&question, &form(&[("q9", text.as_str())])) {
                    Ok(Some(Answer::Text(t))) => prop_assert!(is_clean(&t) && !t.is_empty()),
                    Ok(Some(other)) => prop_assert!(false, "a text answer, not {other:?}"),
                    Ok(None) | Err(_) => {}
                }
            }
        }
    }
}
