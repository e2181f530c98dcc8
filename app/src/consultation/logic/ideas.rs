//! "Toutes les idées": what a visitor asks of the list of published ideas
//! (the words searched, a theme, a zone, an order, a page), read leniently
//! from the address, written back into addresses, and the page maths.
//!
//! Searched words go through the same folding, stop words and stemming as the
//! similar-proposal detection ([`super::similarity::keywords_for`]), so that a
//! search for "logements" meets "Logement" and "ecole" meets "école".

use super::similarity::{fold, keywords_for, Lang};
use super::zones::Zone;

/// Ideas per page: a cheap phone shows twenty short texts quickly.
pub const PER_PAGE: usize = 20;
/// Longest search read, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 100;
/// Most words searched at once (each is one index range).
pub const MAX_TERMS: usize = 6;

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Most supported first (lower bound of the "top" score, as the results' consensus).
    #[default]
    Support,
    /// Most dividing first (lower bound of the controversy score).
    Controversy,
    /// Most recent first.
    Newest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Support, Sort::Controversy, Sort::Newest];

    /// Identifier in addresses.
    pub fn slug(self) -> &'static str {
        match self {
            Sort::Support => "support",
            Sort::Controversy => "controversy",
            Sort::Newest => "newest",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Sort> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// What the visitor asked, every part optional. Anything unreadable in the
/// address counts as not asked: a bookmarked or hand-edited link always opens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdeasQuery {
    /// The words typed, trimmed and cut at [`MAX_QUERY_CHARS`].
    pub text: String,
    pub theme: Option<i64>,
    pub zone: Option<Zone>,
    pub sort: Sort,
    /// 1-based.
    pub page: usize,
}

impl IdeasQuery {
    /// Reads the address's parameters `q`, `theme`, `zone`, `sort` and `page`.
    pub fn parse(
        q: Option<&str>,
        theme: Option<&str>,
        zone: Option<&str>,
        sort: Option<&str>,
        page: Option<&str>,
    ) -> IdeasQuery {
        let text: String = q
            .unwrap_or_default()
            .trim()
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect();
        IdeasQuery {
            text: text.trim_end().to_owned(),
            theme: theme.and_then(|t| t.trim().parse().ok()),
            zone: zone.and_then(|z| Zone::from_slug(z.trim())),
            sort: sort
                .and_then(|s| Sort::from_slug(s.trim()))
                .unwrap_or_default(),
            page: page
                .and_then(|p| p.trim().parse::<usize>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// Whether anything narrows the list (words, theme or zone).
    pub fn is_filtered(&self) -> bool {
        !self.text.is_empty() || self.theme.is_some() || self.zone.is_some()
    }

    /// The query string of this query at `page` (defaults left out, so the
    /// plain list is the bare address), starting with `?` unless empty.
    pub fn query_string(&self, page: usize) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.text.is_empty() {
            out.append_pair("q", &self.text);
        }
        if let Some(theme) = self.theme {
            out.append_pair("theme", &theme.to_string());
        }
        if let Some(zone) = self.zone {
            out.append_pair("zone", zone.slug());
        }
        if self.sort != Sort::default() {
            out.append_pair("sort", self.sort.slug());
        }
        if page > 1 {
            out.append_pair("page", &page.to_string());
        }
        let query = out.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}

/// The index words a search looks for, all of which an idea must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchTerms {
    /// Stems matched exactly.
    pub exact: Vec<String>,
    /// The last word, perhaps still being typed: its stem matches exactly,
    /// or its folded form as the start of a stem ("cycl" finds "cyclables").
    pub last: Option<LastTerm>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastTerm {
    pub stem: String,
    pub prefix: String,
}

impl SearchTerms {
    /// The terms of `text`: its meaningful words (stop words and one-letter
    /// words dropped, as in the index), at most [`MAX_TERMS`].
    pub fn parse(text: &str, lang: Lang) -> SearchTerms {
        let mut stems = keywords_for(text, lang);
        stems.truncate(MAX_TERMS);
        let Some(last_stem) = stems.pop() else {
            return SearchTerms::default();
        };
        // The last meaningful word as typed (folded), for the prefix.
        let prefix = super::similarity::normalize(text, lang)
            .into_iter()
            .rev()
            .find(|word| keywords_for(word, lang).first() == Some(&last_stem))
            .unwrap_or_else(|| fold(&last_stem));
        stems.retain(|s| *s != last_stem);
        SearchTerms {
            exact: stems,
            last: Some(LastTerm {
                stem: last_stem,
                prefix,
            }),
        }
    }

    /// Whether the text held no word to look for (empty, or only stop words).
    pub fn is_empty(&self) -> bool {
        self.last.is_none()
    }
}

/// The exclusive upper bound of the terms starting with `prefix` in byte
/// order (the index compares bytes on both engines): one range scan.
pub fn prefix_end(prefix: &str) -> String {
    format!("{prefix}{}", char::MAX)
}

/// Where a page sits in a list of `total` items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pagination {
    /// The page shown, 1-based, brought back into `1..=pages`.
    pub page: usize,
    /// At least 1, even for an empty list.
    pub pages: usize,
    pub total: usize,
    /// Indices of the page's items in the whole list.
    pub start: usize,
    pub end: usize,
}

/// Cuts `total` items into pages of `per_page` (at least 1) and places `page`
/// (a page past the end shows the last one).
pub fn paginate(total: usize, page: usize, per_page: usize) -> Pagination {
    let per_page = per_page.max(1);
    let pages = total.div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    let start = (page - 1) * per_page;
    Pagination {
        page,
        pages,
        total,
        start,
        end: (start + per_page).min(total),
    }
}

/// The page numbers to link to: the first, the last, and two either side of
/// the current one; `None` stands for a gap ("…").
pub fn page_links(current: usize, pages: usize) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    for page in 1..=pages {
        let near = page.abs_diff(current) <= 2;
        if page == 1 || page == pages || near {
            out.push(Some(page));
        } else if out.last() != Some(&None) {
            out.push(None);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_reads_every_parameter() {
        let q = IdeasQuery::parse(
            Some("  logements sociaux "),
            Some("3"),
            Some("controversy"),
            Some("newest"),
            Some("2"),
        );
        assert_eq!(
            q,
            IdeasQuery {
                text: "logements sociaux".into(),
                theme: Some(3),
                zone: Some(Zone::Controversy),
                sort: Sort::Newest,
                page: 2,
            }
        );
        assert!(q.is_filtered());
    }

    #[test]
    fn parse_ignores_what_it_cannot_read() {
        let q = IdeasQuery::parse(None, Some("abc"), Some("nowhere"), Some("x"), Some("0"));
        assert_eq!(
            q,
            IdeasQuery {
                page: 1,
                ..IdeasQuery::default()
            }
        );
        assert!(!q.is_filtered());
        assert_eq!(
            IdeasQuery::parse(None, None, None, None, Some("-3")).page,
            1
        );
        let long = "é".repeat(300);
        assert_eq!(
            IdeasQuery::parse(Some(&long), None, None, None, None)
                .text
                .chars()
                .count(),
            MAX_QUERY_CHARS
        );
    }

    #[test]
    fn query_string_round_trips_and_leaves_defaults_out() {
        assert_eq!(IdeasQuery::default().query_string(1), "");
        let q = IdeasQuery::parse(
            Some("l'école & co"),
            Some("7"),
            Some("consensus"),
            None,
            None,
        );
        let s = q.query_string(3);
        assert_eq!(s, "?q=l%27%C3%A9cole+%26+co&theme=7&zone=consensus&page=3");
        let pairs: Vec<(String, String)> = form_urlencoded::parse(&s.as_bytes()[1..])
            .into_owned()
            .collect();
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let back = IdeasQuery::parse(
            get("q"),
            get("theme"),
            get("zone"),
            get("sort"),
            get("page"),
        );
        assert_eq!(back, IdeasQuery { page: 3, ..q });
    }

    #[test]
    fn search_terms_are_the_index_stems() {
        let terms = SearchTerms::parse("Les logements", Lang::Fr);
        assert_eq!(terms.exact, Vec::<String>::new());
        assert_eq!(
            terms.last,
            Some(LastTerm {
                stem: "log".into(),
                prefix: "logements".into()
            })
        );
        // Accents, case, plural: the same stem as the indexed "École".
        assert_eq!(
            SearchTerms::parse("ECOLES", Lang::Fr).last.unwrap().stem,
            keywords_for("École", Lang::Fr)[0]
        );
        let two = SearchTerms::parse("pistes cycl", Lang::Fr);
        assert_eq!(two.exact, ["pist"]);
        assert_eq!(two.last.unwrap().prefix, "cycl");
    }

    #[test]
    fn stop_words_alone_search_nothing() {
        assert!(SearchTerms::parse("il faut que ce soit", Lang::Fr).is_empty());
        assert!(SearchTerms::parse("", Lang::Fr).is_empty());
        assert!(SearchTerms::parse("  ", Lang::Fr).is_empty());
    }

    #[test]
    fn search_terms_are_bounded_and_distinct() {
        let many = SearchTerms::parse(
            "jardins parcs arbres bancs fontaines pistes trottoirs routes",
            Lang::Fr,
        );
        assert_eq!(many.exact.len() + 1, MAX_TERMS);
        let repeated = SearchTerms::parse("logement logements", Lang::Fr);
        assert!(repeated.exact.is_empty());
    }

    #[test]
    fn prefix_end_bounds_the_prefix() {
        let end = prefix_end("cycl");
        assert!("cycl" < end.as_str() && "cyclabl" < end.as_str() && "cyclz" < end.as_str());
        assert!("cyd".as_bytes() > end.as_bytes());
    }

    #[test]
    fn pages_cut_the_list() {
        assert_eq!(
            paginate(45, 1, 20),
            Pagination {
                page: 1,
                pages: 3,
                total: 45,
                start: 0,
                end: 20
            }
        );
        assert_eq!(
            paginate(45, 3, 20),
            Pagination {
                page: 3,
                pages: 3,
                total: 45,
                start: 40,
                end: 45
            }
        );
        // Past the end: the last page; an empty list still has one page.
        assert_eq!(paginate(45, 9, 20).page, 3);
        assert_eq!(
            paginate(0, 4, 20),
            Pagination {
                page: 1,
                pages: 1,
                total: 0,
                start: 0,
                end: 0
            }
        );
        assert_eq!(paginate(40, 2, 20).end, 40);
        assert_eq!(paginate(5, 1, 0).pages, 5);
    }

    #[test]
    fn page_links_keep_ends_and_neighbours() {
        assert_eq!(page_links(1, 1), [Some(1)]);
        assert_eq!(page_links(1, 4), [Some(1), Some(2), Some(3), Some(4)]);
        assert_eq!(
            page_links(10, 30),
            [
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(30)
            ]
        );
        assert_eq!(
            page_links(30, 30),
            [Some(1), None, Some(28), Some(29), Some(30)]
        );
    }
}
