//! Results of a live question: answers counted per option and split by room
//! and remote, a rating's mean, and short answers grouped into a word list.

use super::{Kind, Mode};
use crate::consultation::logic::similarity::fold;
use crate::rendezvous::state::{Bar, Split, Word};
use std::collections::HashMap;

impl Split {
    pub fn add(&mut self, mode: Mode) {
        self.all += 1;
        match mode {
            Mode::Room => self.room += 1,
            Mode::Remote => self.remote += 1,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rendezvous::logic::default_scale;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
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
}
