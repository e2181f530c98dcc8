//! Pure logic of live questions: their kinds and states, what an answer may
//! hold, and the aggregation of answers into results split by room and
//! remote, with short answers grouped into a word list.

use super::state::{Bar, Split, Word};
use crate::consultation::logic::similarity::fold;
use std::collections::HashMap;

/// Where a participant follows the meeting from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Room,
    Remote,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Room => "room",
            Mode::Remote => "remote",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "room" => Some(Mode::Room),
            "remote" => Some(Mode::Remote),
            _ => None,
        }
    }
}

impl Split {
    pub fn add(&mut self, mode: Mode) {
        self.all += 1;
        match mode {
            Mode::Room => self.room += 1,
            Mode::Remote => self.remote += 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A scale whose options are its points, lowest first (1 to 5 by default).
    Rating,
    Single,
    Multiple,
    /// A short answer of a few words, shown as a word list.
    Word,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Rating, Kind::Single, Kind::Multiple, Kind::Word];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Rating => "rating",
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::Word => "word",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

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

impl QuestionState {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionState::Draft => "draft",
            QuestionState::Open => "open",
            QuestionState::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<QuestionState> {
        match s {
            "draft" => Some(QuestionState::Draft),
            "open" => Some(QuestionState::Open),
            "closed" => Some(QuestionState::Closed),
            _ => None,
        }
    }
}

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

/// Why an answer is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    Empty,
    UnknownOption,
    TooLong,
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
            let text = values
                .first()
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

/// Articles and elisions that do not make two answers different
/// ("la solidarité", "solidarité", "Solidarités !").
const LEADING_WORDS: [&str; 10] = ["le", "la", "les", "l", "un", "une", "des", "du", "de", "d"];

/// The key that groups short answers: folded case and accents, punctuation
/// and leading articles dropped, a final plural "s" or "x" removed from each
/// word of more than three letters.
pub fn word_key(text: &str) -> String {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let start = words
        .iter()
        .position(|w| !LEADING_WORDS.contains(w))
        .unwrap_or(words.len());
    words[start..]
        .iter()
        .map(|w| {
            if w.chars().count() > 3 {
                w.strip_suffix(['s', 'x']).unwrap_or(w)
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many words the list keeps.
pub const WORD_LIST_SIZE: usize = 30;

/// Short answers grouped by `word_key`, each shown in its most frequent
/// spelling (lower case; the first seen on a tie), most frequent first.
pub fn word_list(answers: &[&str]) -> Vec<Word> {
    struct Group {
        count: u32,
        first: usize,
        spellings: HashMap<String, (u32, usize)>,
    }
    let mut groups: HashMap<String, Group> = HashMap::new();
    for (i, a) in answers.iter().enumerate() {
        let key = word_key(a);
        if key.is_empty() {
            continue;
        }
        let g = groups.entry(key).or_insert_with(|| Group {
            count: 0,
            first: i,
            spellings: HashMap::new(),
        });
        g.count += 1;
        let spelling = a.trim().to_lowercase();
        g.spellings.entry(spelling).or_insert((0, i)).0 += 1;
    }
    let mut words: Vec<(u32, usize, String)> = groups
        .into_values()
        .map(|g| {
            let text = g
                .spellings
                .into_iter()
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
                .map(|(s, _)| s)
                .unwrap_or_default();
            (g.count, g.first, text)
        })
        .collect();
    words.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    words
        .into_iter()
        .take(WORD_LIST_SIZE)
        .map(|(count, _, text)| Word { text, count })
        .collect()
}

/// The results of one question from its stored answers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    pub total: Split,
    pub bars: Vec<Bar>,
    pub words: Vec<Word>,
    pub mean_tenths: Option<Split>,
}

fn percent(count: u32, total: u32) -> u32 {
    if total == 0 {
        0
    } else {
        ((count as f64 * 100.0 / total as f64).round()) as u32
    }
}

/// Counts each option per mode; a rating's mean (positions from 1); the
/// word list. Answers that no longer match an option are ignored.
pub fn aggregate(kind: Kind, options: &[String], answers: &[(Mode, &str)]) -> Results {
    let mut total = Split::default();
    for (mode, _) in answers {
        total.add(*mode);
    }
    if kind == Kind::Word {
        let texts: Vec<&str> = answers.iter().map(|(_, v)| *v).collect();
        return Results {
            total,
            words: word_list(&texts),
            ..Results::default()
        };
    }
    let mut counts = vec![Split::default(); options.len()];
    let mut sums = [0u64; 3];
    let mut rated = Split::default();
    for (mode, value) in answers {
        for i in value.split(',').filter_map(|v| v.parse::<usize>().ok()) {
            if let Some(c) = counts.get_mut(i) {
                c.add(*mode);
                if kind == Kind::Rating {
                    rated.add(*mode);
                    let point = i as u64 + 1;
                    sums[0] += point;
                    sums[if *mode == Mode::Room { 1 } else { 2 }] += point;
                }
            }
        }
    }
    let mean = |sum: u64, n: u32| {
        if n == 0 {
            0
        } else {
            ((sum as f64 * 10.0 / n as f64).round()) as u32
        }
    };
    let mean_tenths = (kind == Kind::Rating && rated.all > 0).then(|| Split {
        all: mean(sums[0], rated.all),
        room: mean(sums[1], rated.room),
        remote: mean(sums[2], rated.remote),
    });
    let bars = options
        .iter()
        .zip(counts)
        .map(|(label, count)| Bar {
            label: label.clone(),
            percent: percent(count.all, total.all),
            count,
        })
        .collect();
    Results {
        total,
        bars,
        words: Vec::new(),
        mean_tenths,
    }
}

/// Why an audience question is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudienceError {
    TooShort,
    TooLong,
}

pub const AUDIENCE_MIN: usize = 5;
pub const AUDIENCE_MAX: usize = 400;

pub fn parse_audience_question(text: &str) -> Result<String, AudienceError> {
    let text = text.trim();
    let n = text.chars().count();
    if n < AUDIENCE_MIN {
        Err(AudienceError::TooShort)
    } else if n > AUDIENCE_MAX {
        Err(AudienceError::TooLong)
    } else {
        Ok(text.to_owned())
    }
}

/// A moderator's decision on an audience question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudienceStatus {
    Pending,
    Approved,
    Answered,
    Rejected,
}

impl AudienceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AudienceStatus::Pending => "pending",
            AudienceStatus::Approved => "approved",
            AudienceStatus::Answered => "answered",
            AudienceStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<AudienceStatus> {
        [
            AudienceStatus::Pending,
            AudienceStatus::Approved,
            AudienceStatus::Answered,
            AudienceStatus::Rejected,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }

    /// Whether a moderator may move a question from `self` to `to`: pending
    /// ones are approved or rejected, approved ones answered (or rejected),
    /// and a mistake can be undone by approving again.
    pub fn may_become(self, to: AudienceStatus) -> bool {
        use AudienceStatus::*;
        matches!(
            (self, to),
            (Pending, Approved)
                | (Pending, Rejected)
                | (Approved, Answered)
                | (Approved, Rejected)
                | (Answered, Approved)
                | (Rejected, Approved)
        )
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

    #[test]
    fn french_short_answers_are_grouped() {
        assert_eq!(word_key("La Solidarité !"), "solidarite");
        assert_eq!(word_key("solidarités"), "solidarite");
        assert_eq!(word_key("l'écoute"), "ecoute");
        assert_eq!(word_key("L’Écoute"), "ecoute");
        assert_eq!(word_key("des échanges"), "echange");
        assert_eq!(word_key("vivre ensemble"), "vivre ensemble");
        assert_eq!(word_key("Vivre-ensemble"), "vivre-ensemble");
        // Short words keep their last letter: "bus" is not "bu".
        assert_eq!(word_key("bus"), "bus");
        assert_eq!(word_key("?!"), "");
        let list = word_list(&[
            "Solidarité",
            "solidarité",
            "la solidarité",
            "Écoute",
            "l'écoute",
            "??",
            "partage",
        ]);
        assert_eq!(
            list,
            vec![
                Word {
                    text: "solidarité".into(),
                    count: 3
                },
                Word {
                    text: "écoute".into(),
                    count: 2
                },
                Word {
                    text: "partage".into(),
                    count: 1
                },
            ]
        );
    }

    #[test]
    fn results_are_split_between_room_and_remote() {
        let options = strings(&["Oui", "Non", "Sans avis"]);
        let answers = [
            (Mode::Room, "0"),
            (Mode::Room, "0"),
            (Mode::Remote, "1"),
            (Mode::Remote, "0"),
            (Mode::Remote, "7"),
        ];
        let r = aggregate(Kind::Single, &options, &answers);
        assert_eq!(
            r.total,
            Split {
                all: 5,
                room: 2,
                remote: 3
            }
        );
        assert_eq!(
            r.bars[0].count,
            Split {
                all: 3,
                room: 2,
                remote: 1
            }
        );
        assert_eq!(r.bars[0].percent, 60);
        assert_eq!(
            r.bars[1].count,
            Split {
                all: 1,
                room: 0,
                remote: 1
            }
        );
        assert_eq!(r.bars[2].count, Split::default());
        assert_eq!(r.mean_tenths, None);
    }

    #[test]
    fn multiple_choices_count_each_option_and_ratings_have_a_mean() {
        let options = strings(&["A", "B", "C"]);
        let r = aggregate(
            Kind::Multiple,
            &options,
            &[(Mode::Room, "0,2"), (Mode::Remote, "2")],
        );
        assert_eq!(r.total.all, 2);
        assert_eq!(r.bars[2].count.all, 2);
        assert_eq!(r.bars[2].percent, 100);
        assert_eq!(r.bars[0].percent, 50);
        let scale = default_scale();
        let r = aggregate(
            Kind::Rating,
            &scale,
            &[(Mode::Room, "4"), (Mode::Room, "3"), (Mode::Remote, "1")],
        );
        // Room: 5 and 4, mean 4.5; remote: 2; all: 11/3 = 3.7.
        assert_eq!(
            r.mean_tenths,
            Some(Split {
                all: 37,
                room: 45,
                remote: 20
            })
        );
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
    fn options_and_audience_questions_are_checked() {
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
        assert_eq!(
            parse_audience_question(" ok "),
            Err(AudienceError::TooShort)
        );
        assert_eq!(
            parse_audience_question("  Et les transports ?  "),
            Ok("Et les transports ?".into())
        );
        use AudienceStatus::*;
        assert!(Pending.may_become(Approved));
        assert!(Approved.may_become(Answered));
        assert!(!Pending.may_become(Answered));
        assert!(!Rejected.may_become(Answered));
    }
}
