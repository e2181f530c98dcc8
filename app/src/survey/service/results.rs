//! Results: what the viewer may see, filtered by one answer when enough
//! respondents remain.

use super::{definition, survey};
use crate::error::AppError;
use crate::model::Role;
use crate::ssr::Ctx;
use crate::survey::logic::{self, Answers, Kind, Question, QuestionResult};
use crate::survey::store::{self, Section, Survey};

/// Below this many respondents a filtered view shows nothing, so that nobody's
/// answers can be singled out.
pub const MIN_FILTERED: usize = 5;

pub struct ResultsData {
    pub survey: Survey,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub total: usize,
    /// The filter applied, with how many responses it kept.
    pub filter: Option<((i64, usize), usize)>,
    /// None when the filter keeps too few responses.
    pub results: Option<Vec<QuestionResult>>,
}

/// Whether the viewer may see the results: published, or an admin.
pub fn may_see_results(ctx: &Ctx, s: &Survey) -> bool {
    s.results_published || ctx.viewer().is_some_and(|v| v.role.allows(Role::Admin))
}

/// "12:3" → (question 12, option 3).
pub fn parse_filter(raw: &str) -> Option<(i64, usize)> {
    let (q, o) = raw.split_once(':')?;
    Some((q.parse().ok()?, o.parse().ok()?))
}

pub async fn results(ctx: &Ctx, slug: &str, filter: Option<&str>) -> Result<ResultsData, AppError> {
    let s = survey(ctx, slug).await?;
    if !may_see_results(ctx, &s) {
        return Err(ctx.not_found());
    }
    let (sections, questions) = definition(ctx, &s).await?;
    let responses = store::responses(&ctx.db, s.id).await?;
    let filter = filter.and_then(parse_filter).filter(|(q, o)| {
        questions.iter().any(|x| {
            x.id == *q && (x.kind.is_choice() || x.kind == Kind::Multiple) && *o < x.option_count()
        })
    });
    let kept: Vec<&Answers> = responses
        .iter()
        .map(|(_, a)| a)
        .filter(|a| filter.is_none_or(|f| logic::matches_filter(a, f)))
        .collect();
    let results = (filter.is_none() || kept.len() >= MIN_FILTERED)
        .then(|| logic::aggregate(&questions, &kept));
    Ok(ResultsData {
        total: responses.len(),
        filter: filter.map(|f| (f, kept.len())),
        survey: s,
        sections,
        questions,
        results,
    })
}
