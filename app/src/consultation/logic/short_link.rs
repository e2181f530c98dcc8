//! The short address printed on posters and flyers (`/v/<code>`), short
//! enough to type from a wall: the code is the consultation's number. Where it
//! leads depends on the day, since a poster outlives the consultation.

use chrono::NaiveDate;

/// The path every short address starts with.
pub const PREFIX: &str = "/v/";

/// The short path of the consultation numbered `id`.
pub fn short_path(id: i64) -> String {
    format!("{PREFIX}{id}")
}

/// The consultation number a short code names; `None` for anything else
/// (signs, leading zeros or spaces would give one consultation many codes).
pub fn parse_code(code: &str) -> Option<i64> {
    let digits = !code.is_empty() && code.len() <= 18 && code.bytes().all(|b| b.is_ascii_digit());
    if !digits || code.starts_with('0') {
        return None;
    }
    code.parse().ok().filter(|id| *id > 0)
}

/// The full short address, and the same without its scheme for print (a
/// browser adds it back when typed): `participe.example.org/v/3`.
pub fn short_address(base_url: &str, id: i64) -> (String, String) {
    let full = format!("{}{}", base_url.trim_end_matches('/'), short_path(id));
    let typed = full
        .strip_prefix("https://")
        .or_else(|| full.strip_prefix("http://"))
        .unwrap_or(&full)
        .to_owned();
    (full, typed)
}

/// Where a short address leads on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortTarget {
    /// Open: straight to the first vote card.
    Vote,
    /// Not open yet: the consultation's page, which says when it opens.
    Home,
    /// Closed: what came out of it.
    Results,
}

pub fn target(opens_on: NaiveDate, closes_on: NaiveDate, today: NaiveDate) -> ShortTarget {
    if today < opens_on {
        ShortTarget::Home
    } else if today > closes_on {
        ShortTarget::Results
    } else {
        ShortTarget::Vote
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn codes_are_plain_positive_numbers() {
        assert_eq!(parse_code("1"), Some(1));
        assert_eq!(parse_code("42"), Some(42));
        for bad in [
            "",
            "0",
            "01",
            "-1",
            "+1",
            " 1",
            "1a",
            "x",
            "1.0",
            "99999999999999999999",
        ] {
            assert_eq!(parse_code(bad), None, "{bad}");
        }
        assert_eq!(parse_code(&short_path(7)[PREFIX.len()..]), Some(7));
    }

    #[test]
    fn the_printed_address_drops_the_scheme_only() {
        assert_eq!(
            short_address("https://participe.example.org/", 3),
            (
                "https://participe.example.org/v/3".to_owned(),
                "participe.example.org/v/3".to_owned()
            )
        );
        assert_eq!(
            short_address("http://127.0.0.1:3000", 12).1,
            "127.0.0.1:3000/v/12"
        );
    }

    #[test]
    fn the_target_follows_the_inclusive_dates() {
        let (opens, closes) = (d("2021-10-27"), d("2021-12-19"));
        assert_eq!(target(opens, closes, d("2021-10-26")), ShortTarget::Home);
        assert_eq!(target(opens, closes, d("2021-10-27")), ShortTarget::Vote);
        assert_eq!(target(opens, closes, d("2021-12-19")), ShortTarget::Vote);
        assert_eq!(target(opens, closes, d("2021-12-20")), ShortTarget::Results);
    }
}
