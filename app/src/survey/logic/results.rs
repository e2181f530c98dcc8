//! Results from the stored answers: counts and shares per option, the "top
//! box" share (the best point of a rating, "yes" of a yes/no), averages of
//! scales, matrices item by item, rankings by average rank, and texts.

use super::{Answer, Answers, Kind, Question};

/// One option's count and share of those who answered the question.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionCount {
    pub index: usize,
    /// The written label; empty for yes/no (translated by the page).
    pub label: String,
    pub count: u32,
    pub percent: u32,
}

/// One matrix item: like a rating of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemResult {
    pub label: String,
    pub answered: u32,
    pub options: Vec<OptionCount>,
    pub top_box: Option<u32>,
    pub average: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Summary {
    /// Single and multiple choice, ratings, 0-10, yes/no.
    Options {
        options: Vec<OptionCount>,
        /// Share of the best point (ratings) or of "yes".
        top_box: Option<u32>,
        /// Ratings: on 1 (worst) to n (best); 0-10: the mean number.
        average: Option<f64>,
    },
    Matrix(Vec<ItemResult>),
    /// Options by average rank (1 is best): label, average rank, times ranked first.
    Ranking(Vec<(String, f64, u32)>),
    Texts(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub question_id: i64,
    /// Respondents who answered this question.
    pub answered: u32,
    pub summary: Summary,
}

/// A whole-number percentage, rounded half up; 0 of nothing is 0.
pub fn percent(part: u32, total: u32) -> u32 {
    if total == 0 {
        0
    } else {
        (part * 200 + total) / (total * 2)
    }
}

/// Whether a response chose `option` at question `question` (the results filter).
pub fn matches_filter(answers: &Answers, (question, option): (i64, usize)) -> bool {
    match answers.get(&question) {
        Some(Answer::Choice(x)) => *x == option,
        Some(Answer::Choices(chosen)) => chosen.contains(&option),
        _ => false,
    }
}

fn counts(q: &Question, labels: &[String], tally: &[u32], answered: u32) -> Vec<OptionCount> {
    tally
        .iter()
        .enumerate()
        .map(|(index, &count)| OptionCount {
            index,
            label: match q.kind {
                Kind::Scale => index.to_string(),
                Kind::YesNo => String::new(),
                _ => labels.get(index).cloned().unwrap_or_default(),
            },
            count,
            percent: percent(count, answered),
        })
        .collect()
}

/// Mean of a rating on 1 (worst) to n (best): labels are stored best first.
fn rating_average(tally: &[u32], answered: u32) -> Option<f64> {
    let n = tally.len() as f64;
    let sum: f64 = tally
        .iter()
        .enumerate()
        .map(|(i, &c)| (n - i as f64) * c as f64)
        .sum();
    (answered > 0).then(|| sum / answered as f64)
}

fn options_summary(q: &Question, responses: &[&Answer]) -> (u32, Summary) {
    let mut tally = vec![0u32; q.option_count()];
    let mut answered = 0;
    for a in responses {
        match a {
            Answer::Choice(i) if *i < tally.len() => {
                tally[*i] += 1;
                answered += 1;
            }
            Answer::Choices(chosen) => {
                for &i in chosen {
                    if let Some(t) = tally.get_mut(i) {
                        *t += 1;
                    }
                }
                answered += 1;
            }
            _ => {}
        }
    }
    let top_box = matches!(q.kind, Kind::Rating | Kind::YesNo)
        .then(|| percent(tally.first().copied().unwrap_or(0), answered));
    let average = match q.kind {
        Kind::Rating => rating_average(&tally, answered),
        Kind::Scale => (answered > 0).then(|| {
            tally
                .iter()
                .enumerate()
                .map(|(i, &c)| i as f64 * c as f64)
                .sum::<f64>()
                / answered as f64
        }),
        _ => None,
    };
    let summary = Summary::Options {
        options: counts(q, &q.options, &tally, answered),
        top_box,
        average,
    };
    (answered, summary)
}

fn matrix_summary(q: &Question, responses: &[&Answer]) -> (u32, Summary) {
    let rows = responses
        .iter()
        .filter_map(|a| match a {
            Answer::Matrix(rows) => Some(rows),
            _ => None,
        })
        .collect::<Vec<_>>();
    let items = q
        .items
        .iter()
        .enumerate()
        .map(|(item, label)| {
            let mut tally = vec![0u32; q.options.len()];
            let mut answered = 0;
            for r in &rows {
                if let Some(Some(i)) = r.get(item) {
                    if *i < tally.len() {
                        tally[*i] += 1;
                        answered += 1;
                    }
                }
            }
            ItemResult {
                label: label.clone(),
                answered,
                options: counts(q, &q.options, &tally, answered),
                top_box: Some(percent(tally.first().copied().unwrap_or(0), answered)),
                average: rating_average(&tally, answered),
            }
        })
        .collect();
    (rows.len() as u32, Summary::Matrix(items))
}

fn ranking_summary(q: &Question, responses: &[&Answer]) -> (u32, Summary) {
    let n = q.options.len();
    let mut rank_sum = vec![0usize; n];
    let mut ranked = vec![0u32; n];
    let mut first = vec![0u32; n];
    let mut answered = 0;
    for a in responses {
        if let Answer::Ranking(order) = a {
            answered += 1;
            for (rank, &i) in order.iter().enumerate().filter(|(_, i)| **i < n) {
                rank_sum[i] += rank + 1;
                ranked[i] += 1;
                if rank == 0 {
                    first[i] += 1;
                }
            }
        }
    }
    let mut rows: Vec<(String, f64, u32)> = (0..n)
        .filter(|&i| ranked[i] > 0)
        .map(|i| {
            (
                q.options[i].clone(),
                rank_sum[i] as f64 / ranked[i] as f64,
                first[i],
            )
        })
        .collect();
    rows.sort_by(|a, b| a.1.total_cmp(&b.1));
    (answered, Summary::Ranking(rows))
}

/// Each question's results over `responses`.
pub fn aggregate(questions: &[Question], responses: &[&Answers]) -> Vec<QuestionResult> {
    questions
        .iter()
        .map(|q| {
            let answers: Vec<&Answer> = responses.iter().filter_map(|r| r.get(&q.id)).collect();
            let (answered, summary) = match q.kind {
                Kind::ShortText | Kind::LongText => {
                    let texts: Vec<String> = answers
                        .iter()
                        .filter_map(|a| match a {
                            Answer::Text(t) => Some(t.clone()),
                            _ => None,
                        })
                        .collect();
                    (texts.len() as u32, Summary::Texts(texts))
                }
                Kind::Matrix => matrix_summary(q, &answers),
                Kind::Ranking => ranking_summary(q, &answers),
                _ => options_summary(q, &answers),
            };
            QuestionResult {
                question_id: q.id,
                answered,
                summary,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn responses(per_option: &[(i64, usize, usize)]) -> Vec<Answers> {
        // (question, option, how many): each response answers every question.
        let total: usize = per_option
            .iter()
            .filter(|(q, _, _)| *q == per_option[0].0)
            .map(|(_, _, n)| n)
            .sum();
        let mut out = vec![Answers::new(); total];
        let mut next: std::collections::HashMap<i64, usize> = Default::default();
        for &(q, option, n) in per_option {
            let start = next.entry(q).or_default();
            for r in out.iter_mut().skip(*start).take(n) {
                r.insert(q, Answer::Choice(option));
            }
            *start += n;
        }
        out
    }

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent(33, 50), 66);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 0), 0);
    }

    /// Mulhouse's published shares: 66 % very satisfied with the symposium,
    /// 92 % with the themes, 76 % saw new action avenues.
    #[test]
    fn top_boxes_reproduce_the_published_shares() {
        let questions = [
            q(1, 0, Kind::Rating, &SATISFACTION),
            q(2, 0, Kind::Rating, &SATISFACTION),
            q(3, 0, Kind::YesNo, &[]),
        ];
        let rs = responses(&[
            (1, 0, 33),
            (1, 1, 15),
            (1, 2, 2),
            (2, 0, 46),
            (2, 1, 4),
            (3, 0, 38),
            (3, 1, 12),
        ]);
        let refs: Vec<&Answers> = rs.iter().collect();
        let results = aggregate(&questions, &refs);
        let top = |i: usize| match &results[i].summary {
            Summary::Options { top_box, .. } => *top_box,
            other => panic!("{other:?}"),
        };
        assert_eq!((top(0), top(1), top(2)), (Some(66), Some(92), Some(76)));
        assert_eq!(results[0].answered, 50);
        let Summary::Options {
            options, average, ..
        } = &results[0].summary
        else {
            panic!()
        };
        assert_eq!(
            options.iter().map(|o| o.percent).collect::<Vec<_>>(),
            vec![66, 30, 4, 0]
        );
        // (33 × 4 + 15 × 3 + 2 × 2) / 50
        assert!((average.unwrap() - 3.62).abs() < 1e-9);
    }

    #[test]
    fn multiple_choice_shares_are_of_those_who_answered() {
        let question = q(1, 0, Kind::Multiple, &["a", "b", "c"]);
        let rs = [
            Answers::from([(1, Answer::Choices(vec![0, 1]))]),
            Answers::from([(1, Answer::Choices(vec![0]))]),
            Answers::new(),
        ];
        let refs: Vec<&Answers> = rs.iter().collect();
        let r = &aggregate(&[question], &refs)[0];
        assert_eq!(r.answered, 2);
        let Summary::Options {
            options, top_box, ..
        } = &r.summary
        else {
            panic!()
        };
        assert_eq!(top_box, &None);
        assert_eq!(
            options
                .iter()
                .map(|o| (o.count, o.percent))
                .collect::<Vec<_>>(),
            vec![(2, 100), (1, 50), (0, 0)]
        );
    }

    #[test]
    fn scales_average_and_matrices_go_item_by_item() {
        let scale = q(1, 0, Kind::Scale, &[]);
        let mut matrix = q(2, 0, Kind::Matrix, &["Bien", "Moyen", "Mal"]);
        matrix.items = vec!["Accueil".into(), "Repas".into()];
        let rs = [
            Answers::from([
                (1, Answer::Choice(10)),
                (2, Answer::Matrix(vec![Some(0), Some(2)])),
            ]),
            Answers::from([
                (1, Answer::Choice(7)),
                (2, Answer::Matrix(vec![Some(0), None])),
            ]),
        ];
        let refs: Vec<&Answers> = rs.iter().collect();
        let results = aggregate(&[scale, matrix], &refs);
        let Summary::Options { average, .. } = &results[0].summary else {
            panic!()
        };
        assert_eq!(*average, Some(8.5));
        let Summary::Matrix(items) = &results[1].summary else {
            panic!()
        };
        assert_eq!(items[0].label, "Accueil");
        assert_eq!((items[0].answered, items[0].top_box), (2, Some(100)));
        assert_eq!(
            (items[1].answered, items[1].top_box, items[1].average),
            (1, Some(0), Some(1.0))
        );
    }

    #[test]
    fn rankings_sort_by_average_rank_and_texts_are_listed() {
        let ranking = q(1, 0, Kind::Ranking, &["Santé", "Logement", "Emploi"]);
        let text = q(2, 0, Kind::LongText, &[]);
        let rs = [
            Answers::from([
                (1, Answer::Ranking(vec![1, 0, 2])),
                (2, Answer::Text("Merci".into())),
            ]),
            Answers::from([(1, Answer::Ranking(vec![1, 2]))]),
        ];
        let refs: Vec<&Answers> = rs.iter().collect();
        let results = aggregate(&[ranking, text], &refs);
        let Summary::Ranking(rows) = &results[0].summary else {
            panic!()
        };
        assert_eq!(rows[0], ("Logement".to_string(), 1.0, 2));
        assert_eq!(rows[1].0, "Santé");
        assert_eq!(rows[2], ("Emploi".to_string(), 2.5, 0));
        assert_eq!(results[1].summary, Summary::Texts(vec!["Merci".into()]));
    }

    #[test]
    fn filters_keep_responses_that_chose_the_option() {
        let a = Answers::from([(1, Answer::Choice(2)), (2, Answer::Choices(vec![0, 3]))]);
        assert!(matches_filter(&a, (1, 2)));
        assert!(!matches_filter(&a, (1, 0)));
        assert!(matches_filter(&a, (2, 3)));
        assert!(!matches_filter(&a, (9, 0)));
    }
}
