//! The account rules, as plain functions: passwords, new staff accounts,
//! addresses and where a login may send the browser.

pub mod password;
pub mod staff;

pub use staff::{normalise_email, NewStaff};

/// Only a local path may be a redirect target, never another site.
pub fn safe_next(next: &str) -> Option<String> {
    let ok = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    ok.then(|| next.to_owned())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn redirects_stay_on_site() {
        assert_eq!(
            safe_next("/admin/processes").as_deref(),
            Some("/admin/processes")
        );
        assert_eq!(safe_next("//evil.example"), None);
        assert_eq!(safe_next("https://evil.example"), None);
        assert_eq!(safe_next("/\\evil.example"), None);
        assert_eq!(safe_next(""), None);
    }
}
