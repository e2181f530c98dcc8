//! Live questions: their kinds and options, and how they open and close
//! (checked against what the host saw open).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A scale whose options are its points, lowest first (1 to 5 by default).
    Rating,
    Single,
    Multiple,
    /// A short answer of a few words, shown as a word list.
    Word,
}

crate::text_enum!(Kind {
    Rating = "rating",
    Single = "single",
    Multiple = "multiple",
    Word = "word",
});

impl Kind {
    pub fn has_options(self) -> bool {
        self != Kind::Word
    }
}

/// The points of a rating scale when staff give none.
pub fn default_scale() -> Vec<String> {
    (1..=5).map(|n| n.to_string()).collect()
}

/// Options as typed by staff, one per line, blanks dropped.
pub fn parse_options(kind: Kind, text: &str) -> Vec<String> {
    if !kind.has_options() {
        return Vec::new();
    }
    let options: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if options.is_empty() && kind == Kind::Rating {
        default_scale()
    } else {
        options
    }
}

/// Why a question's options are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionsError {
    TooFew,
    TooMany,
    TooLong,
}

pub const MAX_OPTIONS: usize = 10;
pub const MAX_OPTION_LEN: usize = 80;

pub fn check_options(kind: Kind, options: &[String]) -> Result<(), OptionsError> {
    if !kind.has_options() {
        return Ok(());
    }
    if options.len() < 2 {
        return Err(OptionsError::TooFew);
    }
    if options.len() > MAX_OPTIONS {
        return Err(OptionsError::TooMany);
    }
    if options.iter().any(|o| o.chars().count() > MAX_OPTION_LEN) {
        return Err(OptionsError::TooLong);
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionState {
    Draft,
    Open,
    Closed,
}

crate::text_enum!(QuestionState {
    Draft = "draft",
    Open = "open",
    Closed = "closed",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Open,
    Close,
}

impl Action {
    pub fn parse(s: &str) -> Option<Action> {
        match s {
            "open" => Some(Action::Open),
            "close" => Some(Action::Close),
            _ => None,
        }
    }
}

/// The state after `action`, or `None` when it makes no sense (closing a
/// draft or a closed question, opening an open one). A closed question may be
/// opened again: answers already given stay, and nobody answers twice.
pub fn transition(from: QuestionState, action: Action) -> Option<QuestionState> {
    match (from, action) {
        (QuestionState::Draft | QuestionState::Closed, Action::Open) => Some(QuestionState::Open),
        (QuestionState::Open, Action::Close) => Some(QuestionState::Closed),
        _ => None,
    }
}

/// What the host's console showed as open when the host pressed "open".
/// Two hosts may press at the same moment: the second opening is refused
/// when the open question is no longer the one that host saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeenOpen {
    /// Not said (a script of an older console): no check.
    Unknown,
    Nothing,
    Question(i64),
}

impl SeenOpen {
    /// The console's hidden field: empty, "none", or a question id.
    pub fn parse(raw: &str) -> Option<SeenOpen> {
        match raw.trim() {
            "" => Some(SeenOpen::Unknown),
            "none" => Some(SeenOpen::Nothing),
            id => id
                .parse()
                .ok()
                .filter(|n: &i64| *n > 0)
                .map(SeenOpen::Question),
        }
    }

    pub fn field(open: Option<i64>) -> String {
        open.map_or_else(|| "none".to_owned(), |id| id.to_string())
    }

    /// Whether the questions open now (`open_now`) are what the host saw.
    pub fn matches(self, open_now: &[i64]) -> bool {
        match self {
            SeenOpen::Unknown => true,
            SeenOpen::Nothing => open_now.is_empty(),
            SeenOpen::Question(id) => open_now == [id],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_opening_is_checked_against_what_the_host_saw() {
        assert_eq!(SeenOpen::parse(""), Some(SeenOpen::Unknown));
        assert_eq!(SeenOpen::parse("none"), Some(SeenOpen::Nothing));
        assert_eq!(SeenOpen::parse(" 12 "), Some(SeenOpen::Question(12)));
        assert_eq!(SeenOpen::parse("0"), None);
        assert_eq!(SeenOpen::parse("x"), None);
        for open in [None, Some(7)] {
            let now: Vec<i64> = open.into_iter().collect();
            assert!(SeenOpen::parse(&SeenOpen::field(open))
                .unwrap()
                .matches(&now));
        }
        assert!(SeenOpen::Unknown.matches(&[3]));
        assert!(SeenOpen::Nothing.matches(&[]));
        assert!(!SeenOpen::Nothing.matches(&[3]));
        assert!(SeenOpen::Question(3).matches(&[3]));
        assert!(!SeenOpen::Question(3).matches(&[4]));
        assert!(!SeenOpen::Question(3).matches(&[]));
    }

    #[test]
    fn questions_open_and_close_one_way() {
        use QuestionState::*;
        assert_eq!(transition(Draft, Action::Open), Some(Open));
        assert_eq!(transition(Open, Action::Close), Some(Closed));
        assert_eq!(transition(Closed, Action::Open), Some(Open));
        assert_eq!(transition(Open, Action::Open), None);
        assert_eq!(transition(Draft, Action::Close), None);
        assert_eq!(transition(Closed, Action::Close), None);
    }

    #[test]
    fn options_are_checked() {
        assert_eq!(parse_options(Kind::Rating, "\n"), default_scale());
        assert_eq!(parse_options(Kind::Word, "a\nb"), Vec::<String>::new());
        assert_eq!(
            parse_options(Kind::Single, " Oui \n\nNon"),
            strings(&["Oui", "Non"])
        );
        assert_eq!(
            check_options(Kind::Single, &strings(&["Oui"])),
            Err(OptionsError::TooFew)
        );
        assert_eq!(check_options(Kind::Word, &[]), Ok(()));
    }
}
