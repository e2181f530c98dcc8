//! French-aware (and English) text similarity between proposals.
//!
//! Before submitting a proposal, participants are shown existing proposals
//! that look similar so they vote on those instead of writing duplicates.
//! Texts are normalised (lowercase, no accents, elisions split, no
//! punctuation), stop words are removed, the remaining words are stemmed with
//! Snowball, and the stem sets are compared with an IDF-weighted cosine.
//! The same stems serve as keywords for sequence diversity.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::stopwords;

/// Tokens shorter than this (in characters) are noise: "h" in "30 km/h", "5".
pub const MIN_TOKEN_CHARS: usize = 2;

/// French elided words before an apostrophe: l'accès, d'eau, qu'il, jusqu'à...
const FRENCH_ELISIONS: &[&str] = &[
    "l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Language of a consultation's texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// French (default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Parses an ISO 639-1 code such as "fr" or "en-GB".
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn stop_words(self) -> &'static [&'static str] {
        match self {
            Lang::Fr => stopwords::FRENCH,
            Lang::En => stopwords::ENGLISH,
        }
    }

    fn stemmer(self) -> Stemmer {
        Stemmer::create(match self {
            Lang::Fr => Algorithm::French,
            Lang::En => Algorithm::English,
        })
    }
}

/// Lowercases, removes accents (NFD minus combining marks), expands ligatures
/// and unifies apostrophes to `'`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.to_lowercase().nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}' => out.push('\''),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ => out.push(c),
        }
    }
    out
}

/// Splits folded text into word tokens, dropping punctuation and elisions.
pub fn normalize(text: &str, lang: Lang) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|raw| strip_apostrophes(raw, lang))
        .filter(|token| !token.is_empty())
        .collect()
}

fn strip_apostrophes(raw: &str, lang: Lang) -> String {
    let mut token = raw;
    match lang {
        Lang::Fr => {
            // "l'accès" -> "accès", "qu'il" -> "il"; "aujourd'hui" keeps both halves.
            while let Some((head, tail)) = token.split_once('\'') {
                if head.is_empty() || FRENCH_ELISIONS.contains(&head) {
                    token = tail;
                } else {
                    break;
                }
            }
        }
        // Possessive: "children's" -> "children".
        Lang::En => token = token.strip_suffix("'s").unwrap_or(token),
    }
    token.replace('\'', "")
}

/// Whether a normalised token is a stop word in `lang`.
pub fn is_stop_word(token: &str, lang: Lang) -> bool {
    lang.stop_words().contains(&token)
}

/// Distinct stems of the meaningful words of `text`, in order of appearance.
pub fn keywords_for(text: &str, lang: Lang) -> Vec<String> {
    let stemmer = lang.stemmer();
    let mut seen = HashSet::new();
    normalize(text, lang)
        .into_iter()
        .filter(|t| t.chars().count() >= MIN_TOKEN_CHARS && !is_stop_word(t, lang))
        .map(|t| stemmer.stem(&t).into_owned())
        .filter(|stem| seen.insert(stem.clone()))
        .collect()
}

/// French keywords (stems) of `text`; see [`keywords_for`].
pub fn keywords(text: &str) -> Vec<String> {
    keywords_for(text, Lang::Fr)
}

/// Jaccard index |A ∩ B| / |A ∪ B| of two keyword sets (0 when both empty).
pub fn jaccard(a: &[String], b: &[String]) -> f64 {
    let a: HashSet<&String> = a.iter().collect();
    let b: HashSet<&String> = b.iter().collect();
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Corpus-free similarity of two texts: Jaccard over their keywords.
pub fn text_similarity(a: &str, b: &str, lang: Lang) -> f64 {
    jaccard(&keywords_for(a, lang), &keywords_for(b, lang))
}

struct Document {
    id: i64,
    stems: Vec<String>,
    norm: f64,
}

/// Keyword index of existing proposals, with IDF weights from that corpus.
pub struct SimilarityIndex {
    lang: Lang,
    docs: Vec<Document>,
    doc_freq: HashMap<String, usize>,
}

impl SimilarityIndex {
    /// Builds the index from `(id, text)` pairs.
    pub fn new<I, S>(lang: Lang, items: I) -> Self
    where
        I: IntoIterator<Item = (i64, S)>,
        S: AsRef<str>,
    {
        let mut docs: Vec<Document> = items
            .into_iter()
            .map(|(id, text)| Document {
                id,
                stems: keywords_for(text.as_ref(), lang),
                norm: 0.0,
            })
            .collect();
        let mut doc_freq = HashMap::new();
        for stem in docs.iter().flat_map(|d| &d.stems) {
            *doc_freq.entry(stem.clone()).or_insert(0) += 1;
        }
        let mut index = Self {
            lang,
            docs: Vec::new(),
            doc_freq,
        };
        // Norms need the final document frequencies, hence this second pass.
        for doc in &mut docs {
            doc.norm = index.norm(&doc.stems);
        }
        index.docs = docs;
        index
    }

    /// Number of indexed proposals.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the index holds no proposal.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Smoothed IDF `ln((1 + N) / (1 + df)) + 1`; unknown stems get the maximum.
    ///
    /// Always positive, so a word shared by every proposal still counts a little.
    pub fn idf(&self, stem: &str) -> f64 {
        let df = self.doc_freq.get(stem).copied().unwrap_or(0);
        ((1.0 + self.docs.len() as f64) / (1.0 + df as f64)).ln() + 1.0
    }

    fn norm(&self, stems: &[String]) -> f64 {
        stems
            .iter()
            .map(|s| self.idf(s).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// IDF-weighted cosine of two stem sets (binary term frequencies), in [0, 1].
    fn cosine(&self, a: &[String], a_norm: f64, b: &[String], b_norm: f64) -> f64 {
        if a_norm == 0.0 || b_norm == 0.0 {
            return 0.0;
        }
        let dot: f64 = a
            .iter()
            .filter(|s| b.contains(s))
            .map(|s| self.idf(s).powi(2))
            .sum();
        (dot / (a_norm * b_norm)).min(1.0)
    }

    /// Similarity of two arbitrary texts using this corpus' IDF weights.
    pub fn similarity(&self, a: &str, b: &str) -> f64 {
        let (a, b) = (keywords_for(a, self.lang), keywords_for(b, self.lang));
        self.cosine(&a, self.norm(&a), &b, self.norm(&b))
    }

    /// At most `limit` proposals with a score ≥ `min_score` (and > 0), best first.
    pub fn similar(&self, text: &str, limit: usize, min_score: f64) -> Vec<(i64, f64)> {
        let query = keywords_for(text, self.lang);
        let query_norm = self.norm(&query);
        let mut hits: Vec<(i64, f64)> = self
            .docs
            .iter()
            .map(|d| (d.id, self.cosine(&query, query_norm, &d.stems, d.norm)))
            .filter(|&(_, score)| score > 0.0 && score >= min_score)
            .collect();
        // Ties broken by id so the order is stable across calls.
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> SimilarityIndex {
        SimilarityIndex::new(
            Lang::Fr,
            [
                (1, "Il faut plus de logements sociaux dans la ville"),
                (2, "Il faut améliorer l'accès aux soins en zone rurale"),
                (
                    3,
                    "Il faut créer des pistes cyclables sécurisées dans la ville",
                ),
                (4, "Il faut baisser les impôts locaux"),
                (5, "Il faut rénover les écoles de la ville"),
                (6, "Il faut plus d'arbres dans les cours d'école"),
            ],
        )
    }

    #[test]
    fn normalize_splits_elisions_and_drops_punctuation() {
        assert_eq!(
            normalize("Aujourd'hui, c'est l'été !", Lang::Fr),
            ["aujourdhui", "est", "ete"]
        );
        assert_eq!(
            normalize("Qu’il y ait jusqu'à 3 cœurs", Lang::Fr),
            ["il", "y", "ait", "a", "3", "coeurs"]
        );
        assert_eq!(
            normalize("The children's park-and-ride", Lang::En),
            ["the", "children", "park", "and", "ride"]
        );
    }

    #[test]
    fn accents_case_and_apostrophes_are_ignored() {
        assert_eq!(keywords("santé"), keywords("SANTE"));
        assert_eq!(keywords("l’école"), keywords("l'ecole"));
        assert_eq!(keywords("L'ÉCOLE"), ["ecol"]);
    }

    #[test]
    fn stop_words_and_il_faut_are_dropped() {
        assert_eq!(
            keywords("Il faut plus de logements sociaux"),
            ["log", "social"]
        );
        assert_eq!(keywords("Il faudrait qu'on ne le fasse pas"), ["fass"]);
        assert!(keywords("Il faut que ce soit la").is_empty());
    }

    #[test]
    fn housing_proposals_are_similar() {
        let a = "Il faut plus de logements sociaux";
        let b = "Il faudrait davantage de logement social";
        assert_eq!(text_similarity(a, b, Lang::Fr), 1.0);
        let hits = corpus().similar(b, 3, 0.3);
        assert_eq!(hits.first().map(|h| h.0), Some(1));
    }

    #[test]
    fn access_to_care_matches_with_elision_and_plural() {
        assert_eq!(keywords("l'accès aux soins"), keywords("accès au soin"));
        assert!(text_similarity("l'accès aux soins", "accès au soin", Lang::Fr) > 0.99);
        let hits = corpus().similar("Garantir l’accès au soin", 5, 0.3);
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn unrelated_sentences_are_not_similar() {
        let (a, b) = (
            "Il faut plus de pistes cyclables",
            "Il faut baisser les impôts locaux",
        );
        assert_eq!(text_similarity(a, b, Lang::Fr), 0.0);
        assert!(corpus()
            .similar("Il faut interdire les feux d'artifice", 5, 0.0)
            .is_empty());
        assert!(corpus().similar("Il faut que ce soit", 5, 0.0).is_empty());
    }

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let index = corpus();
        assert!(index.idf("vill") < index.idf("cyclabl"));
        assert!(index.idf("cyclabl") < index.idf("inconnu"));
        // Sharing the rare "cyclable" beats sharing the common "ville".
        let bike = index.similarity(
            "pistes cyclables",
            "Il faut créer des pistes cyclables sécurisées dans la ville",
        );
        let town = index.similarity(
            "la ville",
            "Il faut créer des pistes cyclables sécurisées dans la ville",
        );
        assert!(bike > town, "{bike} <= {town}");
    }

    #[test]
    fn similar_respects_limit_and_order() {
        let index = corpus();
        assert_eq!(index.len(), 6);
        let hits = index.similar(
            "Plus de logements, d'écoles et de pistes dans la ville",
            2,
            0.0,
        );
        assert_eq!(hits.len(), 2);
        assert!(hits[0].1 >= hits[1].1);
        assert!(index.similar("logement", 0, 0.0).is_empty());
        assert!(SimilarityIndex::new(Lang::Fr, Vec::<(i64, &str)>::new())
            .similar("logement", 5, 0.0)
            .is_empty());
    }

    #[test]
    fn english_path_uses_english_stop_words_and_stemmer() {
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), Some(Lang::Fr));
        assert_eq!(
            keywords_for("We should build more affordable houses", Lang::En),
            ["build", "afford", "hous"]
        );
        let index = SimilarityIndex::new(
            Lang::En,
            [
                (10, "More affordable housing for young people"),
                (11, "Lower the speed limit to 30 km/h"),
            ],
        );
        let hits = index.similar("We need affordable houses", 5, 0.3);
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [10]);
    }
}
