//! `/.well-known/security.txt` (RFC 9116): whom to tell about a security
//! problem, in which languages, and the policy (the SECURITY.md this server
//! was built from, served at `/security.md`).

use chrono::{DateTime, Duration, Utc};

/// The repository's SECURITY.md, built into the binary so the policy served
/// is always the one of the running version.
pub const POLICY: &str = include_str!("../../SECURITY.md");

/// The file's text. `Expires` is always half a year ahead, as the RFC asks
/// for a date less than a year away.
pub fn security_txt(base_url: &str, contact: &str, now: DateTime<Utc>) -> String {
    let base = base_url.trim_end_matches('/');
    let expires = (now + Duration::days(182)).format("%Y-%m-%dT00:00:00Z");
    format!(
        "Contact: {contact}\n\
         Expires: {expires}\n\
         Policy: {base}/security.md\n\
         Preferred-Languages: fr, en\n\
         Canonical: {base}/.well-known/security.txt\n"
    )
}

/// The contact when none is configured: `security@` the site's host.
pub fn default_contact(base_url: &str) -> String {
    let host = url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "localhost".into());
    format!("mailto:security@{host}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_names_contact_policy_languages_and_a_near_expiry() {
        let now = DateTime::parse_from_rfc3339("2026-11-29T17:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let text = security_txt(
            "https://participe.example.org/",
            "mailto:s@example.org",
            now,
        );
        assert!(text.contains("Contact: mailto:s@example.org\n"), "{text}");
        assert!(text.contains("Expires: 2027-05-30T00:00:00Z\n"), "{text}");
        assert!(text.contains("Policy: https://participe.example.org/security.md\n"));
        assert!(text.contains("Preferred-Languages: fr, en\n"));
        assert_eq!(
            default_contact("https://participe.example.org"),
            "mailto:security@participe.example.org"
        );
        assert!(POLICY.contains("security.txt"));
    }
}
