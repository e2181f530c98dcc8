//! The recipients staff paste to invite: one a line, as a spreadsheet or a
//! mail program gives them.

/// A recipient of an invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub name: String,
}

/// Reads one recipient a line: "email", "email, name", "name <email>" or a
/// spreadsheet's "email<TAB>name". Duplicates are dropped. On a line that
/// holds no valid address, its number (from 1).
pub fn parse_recipients(text: &str) -> Result<Vec<Recipient>, usize> {
    let mut out: Vec<Recipient> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (email, name) = if let (Some(open), Some(close)) = (line.find('<'), line.rfind('>')) {
            (
                &line[open + 1..close],
                line[..open].trim().trim_matches('"'),
            )
        } else {
            match line.split_once([',', ';', '\t']) {
                Some((email, name)) => (email, name.trim()),
                None => (line, ""),
            }
        };
        let email = crate::account::logic::normalise_email(email).ok_or(n + 1)?;
        if !out.iter().any(|r| r.email == email) {
            out.push(Recipient {
                email,
                name: name.chars().take(120).collect(),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pasted_lists() {
        let text = "anne@example.org, Anne Martin\n\n  \"Karim B\" <Karim@Example.org>\nzoe@example.org\tZoé\nanne@example.org";
        let list = parse_recipients(text).unwrap();
        assert_eq!(
            list,
            vec![
                Recipient {
                    email: "anne@example.org".into(),
                    name: "Anne Martin".into()
                },
                Recipient {
                    email: "karim@example.org".into(),
                    name: "Karim B".into()
                },
                Recipient {
                    email: "zoe@example.org".into(),
                    name: "Zoé".into()
                },
            ]
        );
        assert_eq!(parse_recipients("a@b.org\nnot an address"), Err(2));
    }
}
