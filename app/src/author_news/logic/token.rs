//! Unsubscribe tokens: the address and an HMAC of it, so a link works with no
//! stored state and cannot be made for someone else's address.
//!
//! Scope: one address and one list. Both author mails (results published, an
//! action avenue citing the idea) are one list, `author-news`: they are the
//! same kind of news, rare, and someone who wants no more news of their idea
//! wants neither. Replies to something the person did (a moderation decision,
//! a registration) are not on the list. The list name is part of the signed
//! text, so a token for one list never works for another.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The list of mails to authors about their ideas.
pub const AUTHOR_NEWS: &str = "author-news";

/// How an address is compared and signed: trimmed, lower case.
pub fn normalise(address: &str) -> String {
    address.trim().to_lowercase()
}

fn mac(key: &[u8], list: &str, address: &str) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any size");
    // Domain-separated from the site's other signatures (votes, site links).
    mac.update(format!("participe/unsubscribe/v1|{list}|{address}").as_bytes());
    mac
}

/// The token of `address` on `list`: `base64url(address).base64url(hmac)`.
pub fn sign(key: &[u8], list: &str, address: &str) -> String {
    let address = normalise(address);
    let tag = mac(key, list, &address).finalize().into_bytes();
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(address.as_bytes()),
        URL_SAFE_NO_PAD.encode(tag)
    )
}

/// The address a token was made for, if it is genuine for `list` (checked in
/// constant time).
pub fn verify(key: &[u8], list: &str, token: &str) -> Option<String> {
    let (address, tag) = token.split_once('.')?;
    let address = String::from_utf8(URL_SAFE_NO_PAD.decode(address).ok()?).ok()?;
    let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
    if address != normalise(&address) || address.len() > 320 {
        return None;
    }
    mac(key, list, &address).verify_slice(&tag).ok()?;
    Some(address)
}

/// The unsubscribe page of a token (GET shows it, POST unsubscribes).
pub fn unsubscribe_path(token: &str) -> String {
    format!("/unsubscribe/{token}")
}

/// The `List-Unsubscribe` value (RFC 2369): the one-click address, then a
/// mailto when one is configured, its subject carrying the token.
pub fn list_unsubscribe(url: &str, mailto: Option<&str>, token: &str) -> String {
    match mailto.map(str::trim).filter(|m| !m.is_empty()) {
        Some(mailto) => format!("<{url}>, <mailto:{mailto}?subject=unsubscribe%20{token}>"),
        None => format!("<{url}>"),
    }
}

/// `List-Unsubscribe-Post` (RFC 8058): the URL unsubscribes on one POST.
pub const ONE_CLICK: &str = "List-Unsubscribe=One-Click";

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a test key of the site";

    #[test]
    fn a_token_names_its_address() {
        let token = sign(KEY, AUTHOR_NEWS, " Amina@Example.org ");
        assert_eq!(
            verify(KEY, AUTHOR_NEWS, &token).as_deref(),
            Some("amina@example.org")
        );
        assert!(token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        assert_eq!(token, sign(KEY, AUTHOR_NEWS, "amina@example.org"));
    }

    #[test]
    fn forged_tokens_are_refused() {
        let token = sign(KEY, AUTHOR_NEWS, "amina@example.org");
        // Another key, another list.
        assert_eq!(verify(b"another key", AUTHOR_NEWS, &token), None);
        assert_eq!(verify(KEY, "other-list", &token), None);
        // Another address with the first one's signature.
        let (_, tag) = token.split_once('.').unwrap();
        let other = URL_SAFE_NO_PAD.encode("bruno@example.org");
        assert_eq!(verify(KEY, AUTHOR_NEWS, &format!("{other}.{tag}")), None);
        // A changed or cut signature.
        let mut bad = token.clone();
        let last = if bad.ends_with('A') { 'B' } else { 'A' };
        bad.pop();
        bad.push(last);
        assert_eq!(verify(KEY, AUTHOR_NEWS, &bad), None);
        assert_eq!(verify(KEY, AUTHOR_NEWS, &token[..token.len() - 4]), None);
        for junk in ["", ".", "abc", "abc.def", "!!.!!", "YQ.YQ"] {
            assert_eq!(verify(KEY, AUTHOR_NEWS, junk), None, "{junk}");
        }
    }

    #[test]
    fn an_address_in_capitals_is_not_signed_twice() {
        // Only the normalised form is ever signed, so a hand-made upper-case
        // payload cannot carry a valid tag.
        let (_, tag) = sign(KEY, AUTHOR_NEWS, "amina@example.org")
            .split_once('.')
            .map(|(a, t)| (a.to_owned(), t.to_owned()))
            .unwrap();
        let upper = URL_SAFE_NO_PAD.encode("AMINA@example.org");
        assert_eq!(verify(KEY, AUTHOR_NEWS, &format!("{upper}.{tag}")), None);
    }

    #[test]
    fn list_unsubscribe_offers_the_url_then_the_mailto() {
        let url = "https://participe.example/unsubscribe/t0k";
        assert_eq!(list_unsubscribe(url, None, "t0k"), format!("<{url}>"));
        assert_eq!(list_unsubscribe(url, Some(" "), "t0k"), format!("<{url}>"));
        assert_eq!(
            list_unsubscribe(url, Some("unsubscribe@participe.example"), "t0k"),
            format!("<{url}>, <mailto:unsubscribe@participe.example?subject=unsubscribe%20t0k>")
        );
        assert_eq!(unsubscribe_path("t0k"), "/unsubscribe/t0k");
    }
}
