//! Where a login (or a vote's "back" link) may send the browser: a path of this
//! site only. Browsers drop tabs and newlines inside addresses and read `\` as
//! `/`, so `/\t/evil.example` or `/\evil.example` would leave the site; a
//! value is refused if it, or any percent-decoding of it, could.

use percent_encoding::percent_decode_str;

/// How many layers of percent-encoding are looked through (`%252F` is two).
const DECODE_DEPTH: usize = 4;

/// The path itself when it is a safe local path, else `None`.
pub fn safe_next(next: &str) -> Option<String> {
    // What is sent back in `Location` is printable ASCII only.
    if !next.chars().all(|c| c.is_ascii_graphic()) {
        return None;
    }
    let mut layer = next.to_owned();
    for _ in 0..DECODE_DEPTH {
        if !looks_local(&layer) {
            return None;
        }
        let decoded = percent_decode_str(&layer).decode_utf8_lossy().into_owned();
        if decoded == layer {
            return Some(next.to_owned());
        }
        layer = decoded;
    }
    // Still changing after so many decodings: nobody links like that.
    None
}

/// `next` when safe, else `default` (which the caller writes itself, e.g. `/admin`).
pub fn next_or(next: &str, default: &str) -> String {
    safe_next(next).unwrap_or_else(|| default.to_owned())
}

/// One `/`, then a character that starts a path segment, and no control
/// character or `\` anywhere: an address the browser cannot read as another
/// host or scheme.
fn looks_local(path: &str) -> bool {
    let mut chars = path.chars();
    chars.next() == Some('/')
        && chars.next().is_some_and(|c| c != '/' && c != '\\')
        && !path.chars().any(|c| c.is_control() || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn local_paths_pass() {
        for ok in [
            "/admin",
            "/admin/processes/3?tab=phases#x",
            "/consultations/mulhouse-solidaire/proposals/12",
            "/processes/%C3%A9t%C3%A9",
        ] {
            assert_eq!(safe_next(ok).as_deref(), Some(ok), "{ok}");
        }
    }

    #[test]
    fn other_sites_and_schemes_are_refused() {
        for bad in [
            "",
            "/",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/%0a/evil.example",
            "/%2F/evil.example",
            "/%2f%2fevil.example",
            "/%5Cevil.example",
            "/%252F/evil.example",
            "/%25252F/evil.example",
            "https://evil.example",
            "http:/evil.example",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " /admin",
            "/admin page",
            "/admin\r\nSet-Cookie: x=1",
            "/ad\u{0}min",
            "/ad\u{202e}min",
            "evil.example",
        ] {
            assert_eq!(safe_next(bad), None, "{bad:?}");
            assert_eq!(next_or(bad, "/admin"), "/admin", "{bad:?}");
        }
    }

    /// What every redirect target must look like.
    fn stays_on_site(target: &str) -> bool {
        let mut chars = target.chars();
        chars.next() == Some('/')
            && chars.next().is_some_and(|c| c != '/' && c != '\\')
            && !target.chars().any(char::is_control)
    }

    proptest! {
        #[test]
        fn any_input_gives_a_local_path(input in any::<String>()) {
            let target = next_or(&input, "/admin");
            prop_assert!(stays_on_site(&target), "{:?} -> {:?}", input, target);
        }

        #[test]
        fn site_like_inputs_give_a_local_path(
            input in r"(/|\\|%2[fF]|%5[cC]|%0[9aAdD]|%25|\t|[a-z:.]){0,12}"
        ) {
            let target = next_or(&input, "/admin");
            prop_assert!(stays_on_site(&target), "{:?} -> {:?}", input, target);
            let decoded = percent_decode_str(&target).decode_utf8_lossy().into_owned();
            prop_assert!(stays_on_site(&decoded), "{:?} decodes to {:?}", target, decoded);
        }
    }
}
