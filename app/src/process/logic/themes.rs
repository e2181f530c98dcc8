//! A process's themes as the staff edit them: a name, and a colour whose chip
//! keeps its text readable (WCAG 2.1 AA, 4.5:1), computed here rather than
//! trusted to whoever picks the colour.

use super::Invalid;
use crate::process::forms::ThemeForm;

/// The text colours a chip may use: the site's ink and white (see `--ink`).
pub const INK: &str = "#1b1b1f";
pub const WHITE: &str = "#ffffff";

/// WCAG 2.1 AA for normal text.
pub const AA_RATIO: f64 = 4.5;

/// Colours offered without typing a code: (Fluent id of the name, colour).
/// Each keeps at least 4.5:1 with white text (tested below).
pub const PALETTE: [(&str, &str); 8] = [
    ("theme-colour-blue", "#0b5394"),
    ("theme-colour-green", "#1e6b34"),
    ("theme-colour-red", "#a4161a"),
    ("theme-colour-purple", "#6a1b9a"),
    ("theme-colour-orange", "#8a4b00"),
    ("theme-colour-teal", "#00695c"),
    ("theme-colour-pink", "#ad1457"),
    ("theme-colour-slate", "#37474f"),
];

/// A colour as `#rrggbb` (lowercase) from `#rgb` or `#rrggbb`, `#` optional.
pub fn parse_hex(input: &str) -> Option<String> {
    let s = input.trim().trim_start_matches('#');
    if !s.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full = match s.len() {
        3 => s.chars().flat_map(|c| [c, c]).collect(),
        6 => s.to_owned(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

fn channels(hex: &str) -> [f64; 3] {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff].map(|c| c as f64 / 255.0)
}

/// WCAG's relative luminance of a `#rrggbb` colour.
pub fn luminance(hex: &str) -> f64 {
    let [r, g, b] = channels(hex).map(|c| {
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    });
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG's contrast ratio between two colours, from 1 to 21.
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The chip's text colour on `background` (ink or white, whichever reads
/// better) and the contrast it gets.
pub fn chip_text(background: &str) -> (&'static str, f64) {
    let (ink, white) = (contrast(background, INK), contrast(background, WHITE));
    if ink >= white {
        (INK, ink)
    } else {
        (WHITE, white)
    }
}

/// A theme as submitted, valid: its name and colour (empty: neutral chip).
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeInput {
    pub name: String,
    pub colour: String,
}

/// Why a theme is refused: the field, the Fluent id, and for a colour that
/// reads badly the contrast it would give (shown to the staff).
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRefusal {
    pub field: &'static str,
    pub key: &'static str,
    pub ratio: Option<f64>,
}

impl From<Invalid> for ThemeRefusal {
    fn from((field, key): Invalid) -> Self {
        ThemeRefusal {
            field,
            key,
            ratio: None,
        }
    }
}

impl ThemeInput {
    /// A typed colour code wins over the palette choice.
    pub fn parse(form: &ThemeForm) -> Result<ThemeInput, ThemeRefusal> {
        let name = crate::text::clean_field(&form.name, "name")?;
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        match name.chars().count() {
            0 => return Err(("name", "theme-error-name").into()),
            n if n > 120 => return Err(("name", "theme-error-name-long").into()),
            _ => {}
        }
        let typed = form.colour_custom.trim();
        let (field, chosen) = if typed.is_empty() {
            ("colour", form.colour.trim())
        } else {
            ("colour_custom", typed)
        };
        let colour = if chosen.is_empty() {
            String::new()
        } else {
            let colour = parse_hex(chosen).ok_or((field, "theme-error-colour"))?;
            let (_, ratio) = chip_text(&colour);
            if ratio < AA_RATIO {
                return Err(ThemeRefusal {
                    field,
                    key: "theme-error-contrast",
                    ratio: Some(ratio),
                });
            }
            colour
        };
        Ok(ThemeInput { name, colour })
    }
}

/// What holds a theme, which forbids deleting it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    pub proposals: i64,
    pub sessions: i64,
    pub avenues: i64,
}

impl Usage {
    pub fn is_unused(&self) -> bool {
        self.proposals == 0 && self.sessions == 0 && self.avenues == 0
    }

    /// The parts of "used by 12 proposals and 2 sessions": (Fluent id, count),
    /// the empty ones left out.
    pub fn parts(&self) -> Vec<(&'static str, i64)> {
        [
            ("theme-usage-proposals", self.proposals),
            ("theme-usage-sessions", self.sessions),
            ("theme-usage-avenues", self.avenues),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect()
    }
}

/// "a", "a et b", "a, b et c": `and` is the language's word.
pub fn join_list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// The CSS rule giving the chips of theme `id` its colour; none when neutral.
/// Colours come from the store, already parsed: anything else is left out.
pub fn chip_rule(id: i64, colour: &str) -> Option<String> {
    let colour = parse_hex(colour)?;
    let (text, _) = chip_text(&colour);
    Some(format!(
        ".tags li.theme-{id},.theme-chip.theme-{id}{{background:{colour};color:{text};border-color:{colour}}}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, colour: &str, custom: &str) -> ThemeForm {
        ThemeForm {
            name: name.into(),
            colour: colour.into(),
            colour_custom: custom.into(),
            ..ThemeForm::default()
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
        assert!(contrast("#0b5394", "#ffffff") > 7.0);
        assert_eq!(contrast("#123456", "#123456"), 1.0);
    }

    #[test]
    fn every_palette_colour_passes_with_white() {
        for (_, colour) in PALETTE {
            let (text, ratio) = chip_text(colour);
            assert_eq!(text, WHITE, "{colour}");
            assert!(ratio >= AA_RATIO, "{colour}: {ratio}");
        }
    }

    #[test]
    fn chip_text_picks_ink_on_light_colours() {
        assert_eq!(chip_text("#ffeb3b").0, INK);
        assert_eq!(chip_text("#0b5394").0, WHITE);
    }

    #[test]
    fn hex_codes_are_normalised_or_refused() {
        assert_eq!(parse_hex("#ABC").as_deref(), Some("#aabbcc"));
        assert_eq!(parse_hex(" 0b5394 ").as_deref(), Some("#0b5394"));
        for bad in ["", "#12", "#12345g", "red", "#1234567", "#ab;c}"] {
            assert_eq!(parse_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_mid_tone_is_refused_with_its_ratio() {
        // #777777 gives 4.48:1 with white and 3.8:1 with ink: refused.
        // #ff3300 gives 4.7:1 with ink: kept, with ink text.
        let refused = ThemeInput::parse(&form("Santé", "", "#777777")).unwrap_err();
        assert_eq!(refused.key, "theme-error-contrast");
        assert_eq!(refused.field, "colour_custom");
        assert!(refused.ratio.unwrap() < AA_RATIO);
        let ok = ThemeInput::parse(&form("Santé", "", "#ff3300")).unwrap();
        assert_eq!(ok.colour, "#ff3300");
    }

    #[test]
    fn names_are_trimmed_and_required() {
        let t = ThemeInput::parse(&form("  Accès   aux droits ", "#0b5394", "")).unwrap();
        assert_eq!(t.name, "Accès aux droits");
        assert_eq!(t.colour, "#0b5394");
        assert_eq!(
            ThemeInput::parse(&form("   ", "", "")).unwrap_err().key,
            "theme-error-name"
        );
        assert_eq!(
            ThemeInput::parse(&form(&"x".repeat(121), "", ""))
                .unwrap_err()
                .key,
            "theme-error-name-long"
        );
        assert_eq!(
            ThemeInput::parse(&form("Santé", "", "")).unwrap().colour,
            ""
        );
    }

    #[test]
    fn usage_lists_only_what_holds_the_theme() {
        let u = Usage {
            proposals: 12,
            sessions: 2,
            avenues: 0,
        };
        assert!(!u.is_unused());
        assert_eq!(
            u.parts(),
            [("theme-usage-proposals", 12), ("theme-usage-sessions", 2)]
        );
        assert!(Usage::default().is_unused());
        let words = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(join_list(&words, "et"), "a, b et c");
        assert_eq!(join_list(&words[..1], "et"), "a");
    }

    #[test]
    fn chip_rules_only_for_valid_colours() {
        assert_eq!(
            chip_rule(3, "#0b5394").unwrap(),
            ".tags li.theme-3,.theme-chip.theme-3{background:#0b5394;color:#ffffff;border-color:#0b5394}\n"
        );
        assert_eq!(chip_rule(3, ""), None);
        assert_eq!(chip_rule(3, "red}body{"), None);
    }
}
