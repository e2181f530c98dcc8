//! Pure parts of the author mails: unsubscribe tokens, the letters, and the
//! grouping of ideas by author address.

pub mod letters;
pub mod token;

/// Groups items by their address compared without case, in the order each
/// address first appears: an author of three ideas gets one results mail.
pub fn by_address<T>(items: Vec<T>, address: impl Fn(&T) -> &str) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(String, Vec<T>)> = Vec::new();
    for item in items {
        let key = token::normalise(address(&item));
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(item),
            None => groups.push((key, vec![item])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_group_per_address_whatever_its_case() {
        let ideas = vec![
            (1, "amina@example.org"),
            (2, "bruno@example.org"),
            (3, " Amina@Example.org"),
            (4, "amina@example.org"),
        ];
        let groups = by_address(ideas, |i| i.1);
        let ids: Vec<(String, Vec<i64>)> = groups
            .into_iter()
            .map(|(a, list)| (a, list.iter().map(|i| i.0).collect()))
            .collect();
        assert_eq!(
            ids,
            [
                ("amina@example.org".to_owned(), vec![1, 3, 4]),
                ("bruno@example.org".to_owned(), vec![2]),
            ]
        );
    }
}
