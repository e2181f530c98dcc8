//! The rules of a moderator's day-to-day decisions beyond accepting and
//! refusing: correcting a proposal's spelling (the author's text kept),
//! marking it as a duplicate of a published one, and reading the log of
//! every decision (its filter, its pages, its text search).

use super::rules::{parse_content, Invalid, ProposalStatus};
use super::similarity::fold;
use chrono::{NaiveDate, TimeZone};

/// What a correction stores: the new text, and the author's own text to
/// keep beside it (None when the correction gives the author's text back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub content: String,
    pub original: Option<String>,
}

/// A moderator's correction of `current` (the text as stored, `original`
/// the author's own when it was corrected before), under the rules of a
/// proposal's text. The author's first text is always the one kept, however
/// many corrections follow.
pub fn correct(
    prefix: &str,
    typed: &str,
    current: &str,
    original: Option<&str>,
) -> Result<Correction, Invalid> {
    let content = parse_content(prefix, typed).map_err(|key| ("content", key))?;
    if content == current {
        return Err(("content", "moderation-error-unchanged"));
    }
    let authors = original.unwrap_or(current);
    let original = (content != authors).then(|| authors.to_owned());
    Ok(Correction { content, original })
}

/// Statuses a correction applies to: a refused proposal is shown to nobody.
pub fn correctable(status: ProposalStatus) -> bool {
    matches!(status, ProposalStatus::Pending | ProposalStatus::Accepted)
}

/// What the duplicate rules need to know of a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateSide {
    pub id: i64,
    pub consultation_id: i64,
    pub status: ProposalStatus,
    pub duplicate_of: Option<i64>,
}

/// Whether `proposal` may be marked as a duplicate of `kept` (None: no such
/// proposal): the kept one is another published proposal of the same
/// consultation, itself no duplicate, so that marks never form chains.
/// Refusals name the form field and the message.
pub fn check_duplicate(
    proposal: &DuplicateSide,
    kept: Option<&DuplicateSide>,
) -> Result<(), Invalid> {
    let field = "target";
    let Some(kept) = kept else {
        return Err((field, "moderation-error-duplicate-unknown"));
    };
    if kept.id == proposal.id {
        return Err((field, "moderation-error-duplicate-itself"));
    }
    if kept.consultation_id != proposal.consultation_id {
        return Err((field, "moderation-error-duplicate-elsewhere"));
    }
    if kept.duplicate_of.is_some() {
        return Err((field, "moderation-error-duplicate-chain"));
    }
    if kept.status != ProposalStatus::Accepted {
        return Err((field, "moderation-error-duplicate-unpublished"));
    }
    Ok(())
}

/// The kept proposal's number as typed: "42", "#42" or "n° 42".
pub fn parse_target(typed: &str) -> Option<i64> {
    let t = typed.trim();
    let t = t
        .strip_prefix('#')
        .or_else(|| t.strip_prefix("n°"))
        .or_else(|| t.strip_prefix("N°"))
        .unwrap_or(t);
    t.trim().parse().ok().filter(|id| *id > 0)
}

/// The kept proposal of a duplicate form: the number typed, when there is
/// one, else the one chosen in the list.
pub fn chosen_target(chosen: &str, typed: &str) -> Option<i64> {
    if typed.trim().is_empty() {
        parse_target(chosen)
    } else {
        parse_target(typed)
    }
}

/// A decision written in the moderation log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LogAction {
    Accept,
    Refuse,
    Edit,
    Duplicate,
}

crate::text_enum!(LogAction {
    Accept = "accept",
    Refuse = "refuse",
    Edit = "edit",
    Duplicate = "duplicate",
});

/// Lines of the log per page.
pub const LOG_PAGE_SIZE: i64 = 50;

/// The longest text filter kept, in characters.
const MAX_SEARCH: usize = 200;

/// The log's filter, read from the page's address (`?action=&moderator=&from=&to=&q=&page=`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogFilter {
    pub action: Option<LogAction>,
    pub moderator: Option<i64>,
    pub from: Option<NaiveDate>,
    /// Inclusive.
    pub to: Option<NaiveDate>,
    /// As typed (trimmed); matched without case nor accents.
    pub text: String,
    /// From 1.
    pub page: i64,
}

/// The filter's fields as typed, to parse and to show back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogQuery {
    pub action: String,
    pub moderator: String,
    pub from: String,
    pub to: String,
    pub q: String,
    pub page: String,
}

impl LogFilter {
    /// Reads the typed filter. Empty fields mean "all"; a date that is not
    /// one, or an end before the start, is refused with the field and the
    /// message (the rest of the filter still applies).
    pub fn parse(q: &LogQuery) -> (LogFilter, Option<Invalid>) {
        let mut problem = None;
        let mut date = |typed: &str, field: &'static str| match typed.trim() {
            "" => None,
            d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    problem.get_or_insert((field, "moderation-log-error-date"));
                    None
                }
            },
        };
        let from = date(&q.from, "from");
        let mut to = date(&q.to, "to");
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                problem.get_or_insert(("to", "moderation-log-error-range"));
                to = None;
            }
        }
        let filter = LogFilter {
            action: LogAction::parse(q.action.trim()),
            moderator: q.moderator.trim().parse().ok(),
            from,
            to,
            text: q.q.trim().chars().take(MAX_SEARCH).collect(),
            page: q.page.trim().parse().unwrap_or(1).max(1),
        };
        (filter, problem)
    }

    /// The filter as an address query (page excluded), `?…` or empty: for
    /// the exports and the page links.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(a) = self.action {
            parts.push(("action", a.as_str().to_owned()));
        }
        if let Some(m) = self.moderator {
            parts.push(("moderator", m.to_string()));
        }
        if let Some(d) = self.from {
            parts.push(("from", d.format("%Y-%m-%d").to_string()));
        }
        if let Some(d) = self.to {
            parts.push(("to", d.format("%Y-%m-%d").to_string()));
        }
        if !self.text.is_empty() {
            parts.push(("q", self.text.clone()));
        }
        if parts.is_empty() {
            return String::new();
        }
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in parts {
            s.append_pair(k, &v);
        }
        format!("?{}", s.finish())
    }

    /// The instants (unix seconds, `[start, end)`) the dates cover in the
    /// city's time zone: a day runs from its local midnight to the next.
    pub fn bounds<Tz: TimeZone>(&self, tz: &Tz) -> (Option<i64>, Option<i64>) {
        let midnight = |d: NaiveDate| {
            tz.from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
                .earliest()
                .map(|t| t.timestamp())
        };
        (
            self.from.and_then(midnight),
            self.to.and_then(|d| d.succ_opt()).and_then(midnight),
        )
    }

    /// The LIKE pattern of the text filter over a line's search text, or None.
    pub fn like_pattern(&self) -> Option<String> {
        (!self.text.is_empty()).then(|| like_contains(&fold(&self.text)))
    }

    /// The offset of the page's first line.
    pub fn offset(&self) -> i64 {
        (self.page - 1).saturating_mul(LOG_PAGE_SIZE)
    }
}

/// How many pages `total` lines make (at least one).
pub fn page_count(total: i64) -> i64 {
    ((total + LOG_PAGE_SIZE - 1) / LOG_PAGE_SIZE).max(1)
}

/// `%text%` for `LIKE … ESCAPE '\'`, the wildcards typed taken literally.
pub fn like_contains(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// The text a log line is found by: every word of it, lowercased and
/// without accents ("Élus" is found by "elus").
pub fn search_text(parts: &[&str]) -> String {
    fold(
        &parts
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_keeps_the_authors_first_text() {
        let first = correct(
            "Il faut",
            "Il faut des banc dans les parc",
            "Il faut des banc dans les parc",
            None,
        );
        assert_eq!(first, Err(("content", "moderation-error-unchanged")));
        let c = correct(
            "Il faut",
            "des bancs dans les parcs",
            "Il faut des banc dans les parc",
            None,
        )
        .unwrap();
        assert_eq!(
            c.content, "Il faut des bancs dans les parcs",
            "prefix added as for a proposal"
        );
        assert_eq!(
            c.original.as_deref(),
            Some("Il faut des banc dans les parc")
        );
        // A second correction still keeps the author's text, not the first correction.
        let again = correct(
            "Il faut",
            "Il faut des bancs dans tous les parcs",
            &c.content,
            c.original.as_deref(),
        )
        .unwrap();
        assert_eq!(
            again.original.as_deref(),
            Some("Il faut des banc dans les parc")
        );
        // Giving the author's text back removes the mark.
        let back = correct(
            "Il faut",
            "Il faut des banc dans les parc",
            &again.content,
            again.original.as_deref(),
        )
        .unwrap();
        assert_eq!(back.original, None);
    }

    #[test]
    fn a_correction_follows_the_rules_of_a_proposal() {
        let cur = "Il faut des bancs";
        assert_eq!(
            correct("Il faut", "  ", cur, None),
            Err(("content", "proposal-error-empty"))
        );
        assert_eq!(
            correct("Il faut", "ok", cur, None),
            Err(("content", "proposal-error-short"))
        );
        assert_eq!(
            correct("Il faut", &"a".repeat(140), cur, None),
            Err(("content", "proposal-error-long"))
        );
        assert_eq!(
            correct("Il faut", "des <b>bancs</b> partout", cur, None),
            Err(("content", "proposal-error-markup"))
        );
        assert_eq!(
            correct("Il faut", "des bancs\u{0} partout", cur, None),
            Err(("content", crate::text::CONTROL_ERROR))
        );
        let c = correct("Il faut", "des\u{202E} bancs   partout", cur, None).unwrap();
        assert_eq!(
            c.content, "Il faut des bancs partout",
            "cleaned like a proposal"
        );
        assert!(correctable(ProposalStatus::Pending) && correctable(ProposalStatus::Accepted));
        assert!(!correctable(ProposalStatus::Refused));
    }

    fn side(
        id: i64,
        consultation_id: i64,
        status: ProposalStatus,
        duplicate_of: Option<i64>,
    ) -> DuplicateSide {
        DuplicateSide {
            id,
            consultation_id,
            status,
            duplicate_of,
        }
    }

    #[test]
    fn a_duplicate_points_to_another_published_idea_of_its_consultation() {
        use ProposalStatus::*;
        let p = side(1, 7, Pending, None);
        assert_eq!(
            check_duplicate(&p, Some(&side(2, 7, Accepted, None))),
            Ok(())
        );
        let refused = |key| Err(("target", key));
        assert_eq!(
            check_duplicate(&p, None),
            refused("moderation-error-duplicate-unknown")
        );
        assert_eq!(
            check_duplicate(&p, Some(&side(1, 7, Accepted, None))),
            refused("moderation-error-duplicate-itself")
        );
        assert_eq!(
            check_duplicate(&p, Some(&side(2, 8, Accepted, None))),
            refused("moderation-error-duplicate-elsewhere")
        );
        assert_eq!(
            check_duplicate(&p, Some(&side(2, 7, Refused, Some(3)))),
            refused("moderation-error-duplicate-chain")
        );
        assert_eq!(
            check_duplicate(&p, Some(&side(2, 7, Refused, None))),
            refused("moderation-error-duplicate-unpublished")
        );
        assert_eq!(
            check_duplicate(&p, Some(&side(2, 7, Pending, None))),
            refused("moderation-error-duplicate-unpublished")
        );
        // A published idea, or one already marked, may be marked (again).
        assert_eq!(
            check_duplicate(
                &side(1, 7, Refused, Some(5)),
                Some(&side(2, 7, Accepted, None))
            ),
            Ok(())
        );
    }

    #[test]
    fn targets_are_read_as_typed() {
        assert_eq!(parse_target("42"), Some(42));
        assert_eq!(parse_target(" #42 "), Some(42));
        assert_eq!(parse_target("n° 42"), Some(42));
        assert_eq!(parse_target(""), None);
        assert_eq!(parse_target("-3"), None);
        assert_eq!(parse_target("abc"), None);
        assert_eq!(chosen_target("12", ""), Some(12));
        assert_eq!(chosen_target("12", " 40 "), Some(40));
        assert_eq!(chosen_target("", "x"), None);
    }

    fn query(action: &str, moderator: &str, from: &str, to: &str, q: &str, page: &str) -> LogQuery {
        LogQuery {
            action: action.into(),
            moderator: moderator.into(),
            from: from.into(),
            to: to.into(),
            q: q.into(),
            page: page.into(),
        }
    }

    #[test]
    fn the_log_filter_reads_the_address_and_writes_it_back() {
        let (f, problem) = LogFilter::parse(&query(
            "edit",
            "3",
            "2026-11-01",
            "2026-11-30",
            " Élus & co ",
            "2",
        ));
        assert_eq!(problem, None);
        assert_eq!(f.action, Some(LogAction::Edit));
        assert_eq!(f.moderator, Some(3));
        assert_eq!(f.text, "Élus & co");
        assert_eq!(f.offset(), LOG_PAGE_SIZE);
        assert_eq!(
            f.query(),
            "?action=edit&moderator=3&from=2026-11-01&to=2026-11-30&q=%C3%89lus+%26+co"
        );
        let (all, problem) = LogFilter::parse(&LogQuery::default());
        assert_eq!((all.query(), all.page, problem), (String::new(), 1, None));
        let (f, problem) = LogFilter::parse(&query("nope", "x", "29/11/2026", "", "", "-4"));
        assert_eq!(problem, Some(("from", "moderation-log-error-date")));
        assert_eq!(
            (f.action, f.moderator, f.from, f.page),
            (None, None, None, 1)
        );
        let (f, problem) = LogFilter::parse(&query("", "", "2026-11-30", "2026-11-01", "", ""));
        assert_eq!(problem, Some(("to", "moderation-log-error-range")));
        assert!(f.from.is_some() && f.to.is_none());
    }

    #[test]
    fn dates_cover_whole_days_in_the_citys_time_zone() {
        let (f, _) = LogFilter::parse(&query("", "", "2026-07-01", "2026-07-01", "", ""));
        let (start, end) = f.bounds(&chrono_tz::Europe::Paris);
        // Paris is UTC+2 in summer: the day starts at 22:00 UTC the day before.
        assert_eq!(start, Some(1_782_856_800));
        assert_eq!(end, Some(1_782_856_800 + 86_400));
    }

    #[test]
    fn text_search_ignores_case_accents_and_wildcards() {
        let (f, _) = LogFilter::parse(&query("", "", "", "", "ÉLUS_100%", ""));
        assert_eq!(f.like_pattern().as_deref(), Some("%elus\\_100\\%%"));
        assert_eq!(
            search_text(&["Modératrice", "", "Il faut des Élus"]),
            "moderatrice il faut des elus"
        );
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(LOG_PAGE_SIZE), 1);
        assert_eq!(page_count(LOG_PAGE_SIZE + 1), 2);
    }
}
