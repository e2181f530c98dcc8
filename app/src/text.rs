//! Text typed by people, made safe to keep and show: the one cleaner every
//! component's `logic` applies where a form's text becomes a domain value.
//!
//! Invisible characters that reorder or hide text (bidi overrides, embeddings
//! and isolates, direction marks, zero-width characters, the byte-order mark)
//! are removed: they make a name or a proposal read differently from what is
//! stored ("Trojan Source" spoofing) and match nothing a person can see.
//! Control characters other than tab, line feed and carriage return are
//! refused: a NUL byte cannot be stored by PostgreSQL, and none of them is
//! typed by a person.

/// The translation key of the refusal, for every field.
pub const CONTROL_ERROR: &str = "text-error-control";

/// Typed text holds a control character (a NUL byte, an escape…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControlChar;

/// Characters removed from every text: invisible, and able to reorder or hide
/// what is shown.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        // zero width space, non-joiner, joiner; left-to-right and right-to-left marks
        '\u{200B}'..='\u{200F}'
        // embeddings and overrides (LRE, RLE, PDF, LRO, RLO)
        | '\u{202A}'..='\u{202E}'
        // word joiner and invisible operators
        | '\u{2060}'..='\u{2064}'
        // isolates (LRI, RLI, FSI, PDI)
        | '\u{2066}'..='\u{2069}'
        // Arabic letter mark, byte-order mark / zero width no-break space
        | '\u{061C}' | '\u{FEFF}')
}

/// Control characters refused in typed text: C0 (but tab, line feed and
/// carriage return, which forms send), DEL and C1.
pub fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// `input` with the invisible format characters removed; refused when it
/// holds a control character.
pub fn clean(input: &str) -> Result<String, ControlChar> {
    if input.chars().any(is_refused_control) {
        return Err(ControlChar);
    }
    Ok(input.chars().filter(|c| !is_invisible_format(*c)).collect())
}

/// [`clean`] for a form field: a refusal names `field`, with [`CONTROL_ERROR`].
pub fn clean_field<F>(input: &str, field: F) -> Result<String, (F, &'static str)> {
    clean(input).map_err(|_| (field, CONTROL_ERROR))
}

/// Whether `input` would be refused by [`clean`]: the store's safety net.
pub fn has_refused_control(input: &str) -> bool {
    input.chars().any(is_refused_control)
}

/// For the parsers' property tests: text as an attacker would type it.
#[cfg(test)]
pub mod strategies {
    use proptest::prelude::*;

    /// Up to 300 characters of anything, often the ones the cleaner deals with.
    pub fn typed_text() -> impl Strategy<Value = String> {
        let tricky = prop_oneof![
            Just('\u{202E}'),
            Just('\u{2066}'),
            Just('\u{200B}'),
            Just('\u{200D}'),
            Just('\u{FEFF}'),
            Just('\0'),
            Just('\u{1B}'),
            Just('\n'),
            Just(' '),
            Just('<'),
            Just('='),
        ];
        let any_char =
            prop_oneof![3 => any::<char>(), 2 => tricky, 3 => proptest::char::range('a', 'z')];
        proptest::collection::vec(any_char, 0..300).prop_map(String::from_iter)
    }

    /// A parsed text holds nothing the cleaner removes or refuses.
    pub fn is_clean(text: &str) -> bool {
        !text
            .chars()
            .any(|c| super::is_invisible_format(c) || super::is_refused_control(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bidi_and_zero_width_characters_are_removed() {
        assert_eq!(clean("Jean\u{202E}nai\u{202C}").unwrap(), "Jeannai");
        assert_eq!(clean("ad\u{200B}min").unwrap(), "admin");
        assert_eq!(
            clean("\u{FEFF}Bonjour\u{2066}!\u{2069}").unwrap(),
            "Bonjour!"
        );
        assert_eq!(
            clean("a\u{200D}b\u{2060}c\u{200E}d\u{200F}").unwrap(),
            "abcd"
        );
    }

    #[test]
    fn ordinary_text_is_kept_as_typed() {
        for text in [
            "Plus de bancs dans les parcs",
            "Zoé Müller-Ngô",
            "ligne 1\r\nligne 2\tfin",
            "محمد",
            "😀 👍",
            "",
        ] {
            assert_eq!(clean(text).unwrap(), text);
        }
    }

    #[test]
    fn control_characters_are_refused() {
        for text in ["a\0b", "\u{1B}[31m", "x\u{7F}", "\u{85}", "\u{8}"] {
            assert_eq!(clean(text), Err(ControlChar), "{text:?}");
            assert!(has_refused_control(text));
        }
    }

    proptest! {
        #[test]
        fn cleaned_text_holds_no_stripped_or_control_character(input in any::<String>()) {
            match clean(&input) {
                Ok(out) => {
                    prop_assert!(!out.chars().any(is_invisible_format));
                    prop_assert!(!out.chars().any(is_refused_control));
                    // Nothing else is touched.
                    let kept: String = input.chars().filter(|c| !is_invisible_format(*c)).collect();
                    prop_assert_eq!(out, kept);
                }
                Err(ControlChar) => prop_assert!(has_refused_control(&input)),
            }
        }

        #[test]
        fn cleaning_twice_changes_nothing(input in "\\PC*") {
            let once = clean(&input).unwrap();
            prop_assert_eq!(clean(&once).unwrap(), once);
        }
    }
}
