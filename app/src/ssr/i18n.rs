//! Translation through Fluent (i18n-embed). One loader per language is built
//! once; a request picks its loader, so concurrent requests in different
//! languages never share mutable state.

use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};
use fluent::FluentValue;
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::LanguageLoader;
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(rust_embed::RustEmbed)]
#[folder = "../locales"]
struct Localizations;

static LOADERS: LazyLock<HashMap<Lang, FluentLanguageLoader>> = LazyLock::new(|| {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let id: unic_langid::LanguageIdentifier =
                lang.code().parse().expect("language codes are valid");
            let fallback: unic_langid::LanguageIdentifier = Lang::default()
                .code()
                .parse()
                .expect("language codes are valid");
            let loader = FluentLanguageLoader::new("participe", fallback);
            loader
                .load_languages(&Localizations, &[id])
                .expect("the Fluent files are embedded and parse");
            // Isolation marks would show up as stray characters in titles and mails.
            loader.set_use_isolating(false);
            (lang, loader)
        })
        .collect()
});

/// A whole number written plainly ("12", not "012" nor "1 200") as a Fluent
/// number, printed back the same; anything else as text.
fn fluent_value(value: &str) -> FluentValue<'static> {
    match value.parse::<i64>() {
        // Fluent keeps numbers as f64: past 2^53 one would be printed rounded.
        Ok(n) if n.to_string() == value && n.unsigned_abs() < 1 << 53 => FluentValue::from(n),
        _ => FluentValue::from(value.to_owned()),
    }
}

/// A translator for one language: `Tr::current()` in pages and server functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Lang);

impl Tr {
    /// The translator of the request being served.
    pub fn current() -> Tr {
        Tr(super::request::current_lang())
    }

    pub fn lang(self) -> Lang {
        self.0
    }

    pub fn t(self, key: &str) -> String {
        LOADERS[&self.0].get(key)
    }

    /// Arguments that are whole numbers reach Fluent as numbers, so that plural
    /// variants (`[one]`, `[1]`, `*[other]`) select on them; a string "1" would
    /// only ever match the default variant.
    pub fn t_args(self, key: &str, args: &[(&str, String)]) -> String {
        let map: HashMap<&str, FluentValue> = args
            .iter()
            .map(|(name, value)| (*name, fluent_value(value)))
            .collect();
        LOADERS[&self.0].get_args(key, map)
    }

    /// "27 octobre 2021" / "27 October 2021".
    pub fn date(self, date: NaiveDate) -> String {
        self.t_args(
            "date-long",
            &[
                ("day", date.day().to_string()),
                ("month", self.t(&format!("month-{}", date.month()))),
                ("year", date.year().to_string()),
            ],
        )
    }

    /// "du 27 octobre au 19 décembre 2021", or one date when both are the same day.
    pub fn date_range(self, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            self.t_args("date-on", &[("date", self.date(start))])
        } else {
            self.t_args(
                "date-range",
                &[("start", self.date(start)), ("end", self.date(end))],
            )
        }
    }
}

/// Every message id of a language's Fluent file, for the completeness tests.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let file = Localizations::get(&format!("{}/participe.ftl", lang.code()))
        .expect("every language has its file");
    let text = String::from_utf8_lossy(&file.data).into_owned();
    text.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts select their plural variant (a count passed as text would only
    /// ever reach the default one); other text passes through unchanged.
    #[test]
    fn counts_select_plural_variants() {
        let fr = Tr(Lang::Fr);
        let results = |n: &str| fr.t_args("survey-builder-results", &[("count", n.to_owned())]);
        assert_eq!(results("1"), "Résultats (1 réponse)");
        assert_eq!(results("0"), "Résultats (0 réponse)");
        assert_eq!(results("12"), "Résultats (12 réponses)");
        let en = Tr(Lang::En).t_args("survey-builder-results", &[("count", "1".to_owned())]);
        assert_eq!(en, "Results (1 response)");
        let coverage = fr.t_args(
            "dashboard-coverage",
            &[("covered", "14".to_owned()), ("total", "16".to_owned())],
        );
        assert_eq!(coverage, "14 quartiers sur 16 ont participé");
        // Not plain whole numbers: kept as typed.
        assert_eq!(fluent_value("007"), FluentValue::from("007".to_owned()));
        assert_eq!(fluent_value("1 200"), FluentValue::from("1 200".to_owned()));
        assert_eq!(fluent_value("42"), FluentValue::from(42));
        let long = "123456789012345678";
        assert_eq!(fluent_value(long), FluentValue::from(long.to_owned()));
    }

    #[test]
    fn every_language_has_the_same_messages() {
        let mut fr = message_ids(Lang::Fr);
        fr.sort();
        for lang in Lang::ALL {
            let mut ids = message_ids(lang);
            ids.sort();
            assert_eq!(
                ids, fr,
                "{lang:?} must define exactly the French message ids"
            );
        }
        assert!(fr.len() > 50);
    }

    /// Fluent keeps the first of two messages with one id and logs an error:
    /// two components naming a message alike would silently get one text.
    #[test]
    fn no_message_is_defined_twice() {
        for lang in Lang::ALL {
            let ids = message_ids(lang);
            let mut seen = std::collections::HashSet::new();
            let twice: Vec<&String> = ids.iter().filter(|id| !seen.insert(*id)).collect();
            assert!(twice.is_empty(), "{lang:?} defines twice: {twice:?}");
        }
    }

    /// Message ids in a source file: the first argument of `t`/`t_args` and
    /// of a form's notice (`with_notice`/`with_notice_args`), and
    /// every literal naming an error message (by convention they hold "-error").
    fn used_ids(src: &str) -> Vec<String> {
        let mut ids = Vec::new();
        for pat in [".t(", ".t_args(", ".with_notice(", ".with_notice_args("] {
            for (i, _) in src.match_indices(pat) {
                // The id may sit on the next line, after white space.
                let rest = src[i + pat.len()..].trim_start();
                if let Some(rest) = rest.strip_prefix('"') {
                    ids.push(rest[..rest.find('"').unwrap()].to_owned());
                }
            }
        }
        for (i, _) in src.match_indices("-error") {
            let start = src[..i]
                .rfind(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            let end = src[i..]
                .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            if let (Some(s), Some(e)) = (start, end) {
                let quoted = src[s..].starts_with('"') && src[i + e..].starts_with('"');
                if quoted && src[s + 1..].starts_with(|c: char| c.is_ascii_lowercase()) {
                    ids.push(src[s + 1..i + e].to_owned());
                }
            }
        }
        ids
    }

    #[test]
    fn every_key_used_in_code_exists() {
        let known: std::collections::HashSet<String> = message_ids(Lang::Fr).into_iter().collect();
        let mut missing = Vec::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("ssr/i18n.rs")
                {
                    let src = std::fs::read_to_string(&path).unwrap();
                    for id in used_ids(&src) {
                        if !known.contains(&id) {
                            missing.push(format!("{}: {id}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "message ids missing from locales/fr: {missing:#?}"
        );
    }

    #[test]
    fn formats_dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2021, 10, 27).unwrap();
        assert_eq!(Tr(Lang::Fr).date(d), "27 octobre 2021");
        assert_eq!(Tr(Lang::En).date(d), "27 October 2021");
        let e = NaiveDate::from_ymd_opt(2021, 12, 19).unwrap();
        assert_eq!(
            Tr(Lang::Fr).date_range(d, e),
            "du 27 octobre 2021 au 19 décembre 2021"
        );
        assert_eq!(Tr(Lang::En).date_range(d, d), "on 27 October 2021");
    }
}
