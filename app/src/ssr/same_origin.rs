//! Whether a state-changing request comes from the site's own pages. Browsers
//! say where a request comes from (`Origin`, else `Sec-Fetch-Site`, else
//! `Referer`); it is compared with the configured public address
//! (`PARTICIPE_BASE_URL`), never with `Host`, which a reverse proxy may rewrite.
//! Pure: the middleware passes the headers.

use url::Url;

/// The origin (`scheme://host[:port]`, default port left out) of `address`.
pub fn origin_of(address: &str) -> Option<String> {
    let origin = Url::parse(address.trim()).ok()?.origin();
    origin.is_tuple().then(|| origin.ascii_serialization())
}

/// What the browser said about where the request comes from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Provenance<'a> {
    pub origin: Option<&'a str>,
    pub sec_fetch_site: Option<&'a str>,
    pub referer: Option<&'a str>,
}

/// Whether the request may change something: it comes from `site` (an
/// origin from [`origin_of`]), or from a client that names no page at all (a
/// script or a tool, which carries no visitor's cookies unless given them).
/// `Origin: null` (sandboxed frames, some redirects, `data:` pages) is refused.
pub fn from_site(site: &str, said: Provenance) -> bool {
    if let Some(origin) = said.origin {
        return origin_of(origin).as_deref() == Some(site);
    }
    if let Some(fetch_site) = said.sec_fetch_site {
        // `none`: typed or bookmarked by the person; `same-site` is a sibling
        // sub-domain, another site as far as this one is concerned.
        return matches!(
            fetch_site.trim().to_ascii_lowercase().as_str(),
            "same-origin" | "none"
        );
    }
    match said.referer {
        Some(referer) => origin_of(referer).as_deref() == Some(site),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://participe.example.org";

    fn from(origin: Option<&str>, fetch: Option<&str>, referer: Option<&str>) -> bool {
        from_site(
            SITE,
            Provenance {
                origin,
                sec_fetch_site: fetch,
                referer,
            },
        )
    }

    #[test]
    fn origins_are_normalised() {
        assert_eq!(
            origin_of("https://participe.example.org:443/x?y").as_deref(),
            Some(SITE)
        );
        assert_eq!(
            origin_of("http://127.0.0.1:3000").as_deref(),
            Some("http://127.0.0.1:3000")
        );
        assert_eq!(
            origin_of("HTTPS://Participe.Example.org").as_deref(),
            Some(SITE)
        );
        assert_eq!(origin_of("null"), None);
        assert_eq!(origin_of("data:text/html,x"), None);
    }

    #[test]
    fn the_sites_own_origin_is_allowed_and_others_refused() {
        assert!(from(Some(SITE), None, None));
        assert!(from(Some("https://participe.example.org:443"), None, None));
        assert!(!from(Some("https://evil.example"), None, None));
        assert!(
            !from(Some("http://participe.example.org"), None, None),
            "another scheme"
        );
        assert!(
            !from(Some("https://participe.example.org:8443"), None, None),
            "another port"
        );
        assert!(!from(
            Some("https://participe.example.org.evil.example"),
            None,
            None
        ));
        assert!(!from(Some("null"), None, None));
        assert!(!from(Some(""), None, None));
        // Origin decides, whatever the other headers say.
        assert!(!from(
            Some("https://evil.example"),
            Some("same-origin"),
            Some(SITE)
        ));
    }

    #[test]
    fn without_origin_fetch_metadata_then_referer_decide() {
        assert!(!from(None, Some("cross-site"), None));
        assert!(!from(None, Some("same-site"), None));
        assert!(from(None, Some("same-origin"), None));
        assert!(from(None, Some("none"), None));
        assert!(!from(None, None, Some("https://evil.example/form")));
        assert!(from(
            None,
            None,
            Some("https://participe.example.org/login")
        ));
        assert!(from(None, None, None), "a plain client names no page");
    }
}
