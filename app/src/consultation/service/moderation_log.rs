//! The moderation log's read models: the staff page (filtered, by pages) and
//! the table the CSV and XLSX exports write (the same columns as the page).

use crate::consultation::logic::moderation::{page_count, LogFilter, LogQuery, LOG_PAGE_SIZE};
use crate::consultation::store::moderation_log::{self, LogLine, LoggedModerator};
use crate::error::AppError;
use crate::model::Role;
use crate::ssr::settings::Settings;
use crate::ssr::{Ctx, Db, Tr};

/// The log page: one page of lines, and what the filter offers.
pub struct LogPage {
    pub filter: LogFilter,
    /// The filter's refusal (a date that is not one), translated.
    pub problem: Option<(&'static str, String)>,
    pub lines: Vec<LogLine>,
    pub total: i64,
    pub pages: i64,
    pub moderators: Vec<LoggedModerator>,
}

pub async fn log_page(ctx: &Ctx, query: &LogQuery) -> Result<LogPage, AppError> {
    ctx.require(Role::Moderator)?;
    let (filter, problem) = LogFilter::parse(query);
    let bounds = filter.bounds(&ctx.settings.timezone);
    let total = moderation_log::count(&ctx.db, &filter, bounds).await?;
    let lines = moderation_log::lines(
        &ctx.db,
        &filter,
        bounds,
        Some((LOG_PAGE_SIZE, filter.offset())),
    )
    .await?;
    Ok(LogPage {
        problem: problem.map(|(field, key)| (field, ctx.t(key))),
        pages: page_count(total),
        moderators: moderation_log::moderators(&ctx.db).await?,
        filter,
        lines,
        total,
    })
}

/// Every line the filter keeps, for the exports.
pub async fn all_lines(
    db: &Db,
    settings: &Settings,
    query: &LogQuery,
) -> Result<Vec<LogLine>, sqlx::Error> {
    let (filter, _) = LogFilter::parse(query);
    let bounds = filter.bounds(&settings.timezone);
    moderation_log::lines(db, &filter, bounds, None).await
}

/// When a line was written, in the city's time zone ("2026-11-29 14:05").
pub fn local_time(settings: &Settings, at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| {
            t.with_timezone(&settings.timezone)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// The translated name of a decision.
pub fn action_label(tr: Tr, line: &LogLine) -> String {
    tr.t(&format!("moderation-log-action-{}", line.action.as_str()))
}

/// The translated reason (refusal reasons are codes).
pub fn reason_label(tr: Tr, line: &LogLine) -> String {
    match line.reason.as_str() {
        "" => String::new(),
        r if crate::consultation::logic::rules::REFUSAL_REASONS.contains(&r) => {
            tr.t(&format!("refusal-{r}"))
        }
        r => r.to_owned(),
    }
}

/// The header and rows the page shows and the exports write.
pub fn table(tr: Tr, settings: &Settings, lines: &[LogLine]) -> (Vec<String>, Vec<Vec<String>>) {
    let header = [
        "moderation-log-when",
        "moderation-log-who",
        "moderation-log-what",
        "moderation-log-proposal",
        "moderation-log-status-before",
        "moderation-log-reason",
        "moderation-log-message",
        "moderation-log-before",
        "moderation-log-after",
        "moderation-log-kept",
        "moderation-log-themes",
    ]
    .into_iter()
    .map(|k| tr.t(k))
    .collect();
    let rows = lines
        .iter()
        .map(|l| {
            vec![
                local_time(settings, l.created_at),
                l.moderator_name.clone(),
                action_label(tr, l),
                l.proposal_id.to_string(),
                tr.t(&format!("proposal-status-{}", l.status_before)),
                reason_label(tr, l),
                l.message.clone(),
                l.before_text.clone(),
                l.after_text.clone(),
                l.target_id.map(|t| t.to_string()).unwrap_or_default(),
                l.themes.clone(),
            ]
        })
        .collect();
    (header, rows)
}
