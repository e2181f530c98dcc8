//! Stop word lists for [`super::similarity`].
//!
//! Words are stored lowercase and without accents because they are compared
//! with normalised tokens. Besides grammatical words, they contain the verbs
//! and quantifiers every proposal starts with ("Il faut plus de ...",
//! "We should ...") since they say nothing about the topic.

/// French stop words (accent-free, after elision splitting).
#[rustfmt::skip]
pub const FRENCH: &[&str] = &[
    // Articles, prepositions, conjunctions.
    "le", "la", "les", "un", "une", "des", "de", "du", "au", "aux", "et", "ou", "mais", "donc",
    "or", "ni", "car", "en", "dans", "pour", "par", "sur", "sous", "avec", "sans", "chez",
    "entre", "vers", "via", "afin", "contre", "selon", "depuis", "pendant", "lors", "comme",
    "si", "que", "qu", "qui", "quoi", "dont", "quand", "lorsque", "puisque", "parce",
    // Pronouns and determiners.
    "il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous", "me", "te", "se", "moi",
    "toi", "lui", "eux", "leur", "leurs", "ce", "cet", "cette", "ces", "ceci", "cela", "ca",
    "celui", "celle", "ceux", "celles", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa",
    "ses", "notre", "nos", "votre", "vos", "quel", "quelle", "quels", "quelles", "chaque",
    "tout", "tous", "toute", "toutes", "autre", "autres", "aucun", "aucune", "certains",
    "certaines", "plusieurs", "meme", "memes", "y",
    // Elided particles (l', d', j', ...), in case they survive tokenisation.
    "l", "d", "j", "n", "s", "c", "m", "t",
    // Adverbs and quantifiers ("plus de", "davantage de", ...).
    "ne", "pas", "plus", "moins", "davantage", "tres", "trop", "peu", "beaucoup", "assez",
    "encore", "deja", "aussi", "ainsi", "alors", "bien", "ici", "puis", "tant", "etc",
    // "Il faut" and other modal or auxiliary verbs.
    "faut", "faudrait", "faudra", "falloir", "fallait", "doit", "doivent", "devrait",
    "devraient", "devoir", "peut", "peuvent", "pourrait", "pourraient", "pouvoir", "etre",
    "est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "soit",
    "soient", "ete", "avoir", "ai", "as", "avons", "avez", "ont", "avait", "aura", "aurait",
    "faire", "fait", "font", "mettre", "rendre",
];

/// English stop words.
#[rustfmt::skip]
pub const ENGLISH: &[&str] = &[
    // Articles, prepositions, conjunctions.
    "a", "an", "the", "and", "or", "but", "nor", "so", "if", "of", "to", "in", "on", "at",
    "by", "for", "with", "without", "from", "into", "onto", "about", "as", "than", "then",
    "via", "per", "through", "against", "between", "because", "while", "when", "where",
    // Pronouns and determiners.
    "i", "me", "my", "we", "us", "our", "ours", "you", "your", "he", "him", "his", "she",
    "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there",
    "here", "which", "who", "whom", "what", "why", "how", "each", "every", "all", "any",
    "some", "no", "other", "others", "such", "own", "same",
    // Adverbs and quantifiers.
    "not", "more", "less", "most", "least", "very", "too", "much", "many", "few", "also",
    "just", "only", "even", "still", "again", "already",
    // Modal and auxiliary verbs ("We should ...").
    "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "do",
    "does", "did", "should", "must", "would", "could", "can", "will", "shall", "may",
    "might", "need", "needs", "ought", "make", "ensure", "let",
];
