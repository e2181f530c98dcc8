//! The restitution shown at the meeting, pulled live from the process's other
//! components each time the page is served: the consultation's ideas with
//! the broadest agreement and its controversies, the surveys whose results
//! are published, and the symposium's action avenues.

use crate::consultation::logic::Zone;
use crate::consultation::{service as consultation, store as consultations};
use crate::model::ComponentKind;
use crate::rendezvous::store;
use crate::ssr::Db;

/// How many ideas of each kind are shown.
pub const TOP: usize = 5;

#[derive(Debug, Clone, Default)]
pub struct Restitution {
    pub consultations: Vec<ConsultationPart>,
    pub surveys: Vec<SurveyPart>,
    pub avenues: Vec<Avenue>,
}

impl Restitution {
    pub fn is_empty(&self) -> bool {
        self.consultations.is_empty() && self.surveys.is_empty() && self.avenues.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct ConsultationPart {
    pub slug: String,
    pub question: String,
    pub consensus: Vec<Idea>,
    pub controversies: Vec<Idea>,
}

#[derive(Debug, Clone)]
pub struct Idea {
    pub content: String,
    /// Share of counted votes that agree, and that disagree, in percent.
    pub agree: u32,
    pub disagree: u32,
}

#[derive(Debug, Clone)]
pub struct SurveyPart {
    pub slug: String,
    pub title: String,
    pub respondents: i64,
}

/// One action avenue of the symposium.
#[derive(Debug, Clone)]
pub struct Avenue {
    pub title: String,
    pub summary: String,
}

/// The process's published avenues, theme by theme; one linked to several
/// themes is listed once, under its first.
async fn action_avenues(db: &Db, process: i64) -> Result<Vec<Avenue>, sqlx::Error> {
    let mut seen = std::collections::HashSet::new();
    let groups = crate::event::service::avenues::published_by_theme(db, process).await?;
    Ok(groups
        .into_iter()
        .flat_map(|group| {
            let theme = group.theme.map(|t| t.name).unwrap_or_default();
            group.avenues.into_iter().map(move |a| (theme.clone(), a))
        })
        .filter(|(_, a)| seen.insert(a.id))
        .map(|(theme, a)| Avenue {
            title: a.title,
            summary: if theme.is_empty() {
                String::new()
            } else {
                format!("({theme})")
            },
        })
        .collect())
}

fn idea(r: &consultation::ProposalResult) -> Idea {
    let total = r.total_votes().max(1) as f64;
    Idea {
        content: r.content.clone(),
        agree: (r.votes[0] as f64 * 100.0 / total).round() as u32,
        disagree: (r.votes[1] as f64 * 100.0 / total).round() as u32,
    }
}

fn ranked(
    results: &[consultation::ProposalResult],
    zone: Zone,
    key: impl Fn(&consultation::ProposalResult) -> f64,
) -> Vec<Idea> {
    let mut items: Vec<&consultation::ProposalResult> =
        results.iter().filter(|r| r.zone == zone).collect();
    items.sort_by(|a, b| key(b).total_cmp(&key(a)));
    items.into_iter().take(TOP).map(idea).collect()
}

/// Everything the process produced so far, except the survey `except` (the
/// final evaluation, shown on its own).
pub async fn restitution(
    db: &Db,
    process: i64,
    except: Option<i64>,
) -> Result<Restitution, sqlx::Error> {
    let mut out = Restitution::default();
    for (id, kind) in store::process_components(db, process).await? {
        match kind {
            ComponentKind::Consultation => {
                let Some(c) =
                    consultations::consultations::consultation_of_component(db, id).await?
                else {
                    continue;
                };
                let results = consultation::results(db, &c).await?;
                out.consultations.push(ConsultationPart {
                    slug: c.slug.clone(),
                    question: c.question.clone(),
                    consensus: ranked(&results, Zone::Consensus, |r| r.scores.top.lower()),
                    controversies: ranked(&results, Zone::Controversy, |r| {
                        r.scores.controversy.lower()
                    }),
                });
            }
            ComponentKind::Survey => {
                let Some(s) = crate::survey::store::survey_by_component(db, id).await? else {
                    continue;
                };
                if !s.results_published || Some(s.id) == except {
                    continue;
                }
                out.surveys.push(SurveyPart {
                    respondents: crate::survey::store::response_count(db, s.id).await?,
                    slug: s.slug,
                    title: s.title,
                });
            }
            _ => {}
        }
    }
    out.avenues = action_avenues(db, process).await?;
    Ok(out)
}

/// The published results of a process's final evaluations (the surveys its
/// meetings link to), for the process page: the loop closes there.
pub struct EvaluationResults {
    pub slug: String,
    pub title: String,
    pub respondents: usize,
    /// Questions with a "top box" share: the question, its best option's
    /// index, and that share in percent.
    pub highlights: Vec<(crate::survey::logic::Question, u32)>,
}

/// How many questions the process page shows.
const HIGHLIGHTS: usize = 4;

pub async fn published_evaluations(
    db: &Db,
    process: i64,
) -> Result<Vec<EvaluationResults>, sqlx::Error> {
    use crate::survey::logic::{aggregate, Summary};
    let mut out = Vec::new();
    for id in store::published_evaluation_surveys(db, process).await? {
        let Some(slug) = store::survey_slug(db, id).await? else {
            continue;
        };
        let Some(s) = crate::survey::store::survey_by_slug(db, &slug).await? else {
            continue;
        };
        let (_, questions) = crate::survey::store::definition(db, id).await?;
        let responses = crate::survey::store::responses(db, id).await?;
        let kept: Vec<_> = responses.iter().map(|(_, a)| a).collect();
        let results = aggregate(&questions, &kept);
        let highlights = results
            .iter()
            .filter_map(|r| match &r.summary {
                Summary::Options {
                    top_box: Some(share),
                    ..
                } if r.answered > 0 => questions
                    .iter()
                    .find(|q| q.id == r.question_id)
                    .map(|q| (q.clone(), *share)),
                _ => None,
            })
            .take(HIGHLIGHTS)
            .collect();
        out.push(EvaluationResults {
            slug: s.slug,
            title: s.title,
            respondents: responses.len(),
            highlights,
        });
    }
    Ok(out)
}
