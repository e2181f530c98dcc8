//! What an answer to a live question may hold, read from the answer form.

use super::Kind;
use crate::rendezvous::forms::AnswerForm;

/// Why an answer is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    Empty,
    UnknownOption,
    TooLong,
    /// A control character (see `crate::text`).
    Control,
}

pub const MAX_WORDS_LEN: usize = 40;

/// The stored form of an answer: an option index ("2"), indexes in order
/// ("0,3"), or the short text trimmed.
pub fn parse_answer(
    kind: Kind,
    option_count: usize,
    values: &[String],
) -> Result<String, AnswerError> {
    match kind {
        Kind::Word => {
            let text = match values.first() {
                Some(v) => Some(crate::text::clean(v).map_err(|_| AnswerError::Control)?),
                None => None,
            }
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "));
            match text {
                None => Err(AnswerError::Empty),
                Some(t) if t.is_empty() => Err(AnswerError::Empty),
                Some(t) if t.chars().count() > MAX_WORDS_LEN => Err(AnswerError::TooLong),
                Some(t) => Ok(t),
            }
        }
        _ => {
            let mut indexes = Vec::new();
            for v in values.iter().filter(|v| !v.trim().is_empty()) {
                let i: usize = v.trim().parse().map_err(|_| AnswerError::UnknownOption)?;
                if i >= option_count {
                    return Err(AnswerError::UnknownOption);
                }
                indexes.push(i);
            }
            indexes.sort_unstable();
            indexes.dedup();
            match (kind, indexes.len()) {
                (_, 0) => Err(AnswerError::Empty),
                (Kind::Multiple, _) => Ok(indexes
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(",")),
                (_, 1) => Ok(indexes[0].to_string()),
                _ => Err(AnswerError::UnknownOption),
            }
        }
    }
}

/// The values of an answer form, in the order `parse_answer` reads.
pub fn answer_values(kind: Kind, form: &AnswerForm) -> Vec<String> {
    match kind {
        Kind::Word => vec![form.text.clone()],
        Kind::Multiple => form
            .extra
            .iter()
            .filter(|(k, v)| k.starts_with('o') && !v.is_empty())
            .map(|(k, _)| k[1..].to_owned())
            .collect(),
        _ => vec![form.choice.clone()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn answers_are_checked_against_the_question() {
        assert_eq!(
            parse_answer(Kind::Single, 3, &strings(&["2"])),
            Ok("2".into())
        );
        assert_eq!(
            parse_answer(Kind::Single, 3, &strings(&["3"])),
            Err(AnswerError::UnknownOption)
        );
        assert_eq!(
            parse_answer(Kind::Single, 3, &strings(&["0", "1"])),
            Err(AnswerError::UnknownOption)
        );
        assert_eq!(parse_answer(Kind::Rating, 5, &[]), Err(AnswerError::Empty));
        assert_eq!(
            parse_answer(Kind::Multiple, 4, &strings(&["3", "0", "3"])),
            Ok("0,3".into())
        );
        assert_eq!(
            parse_answer(Kind::Word, 0, &strings(&["  vivre   ensemble "])),
            Ok("vivre ensemble".into())
        );
        assert_eq!(
            parse_answer(Kind::Word, 0, &strings(&["   "])),
            Err(AnswerError::Empty)
        );
        let long = "x".repeat(MAX_WORDS_LEN + 1);
        assert_eq!(
            parse_answer(Kind::Word, 0, &[long]),
            Err(AnswerError::TooLong)
        );
    }
}
