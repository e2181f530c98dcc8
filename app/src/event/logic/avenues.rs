//! Action avenues ("pistes d'action") as domain values: what staff typed,
//! parsed and bounded; the avenues grouped by theme as the public page and
//! the Rendez-vous citoyen's restitution show them; which proposals a workshop
//! may link to. Pure: the store reads, these decide.

use crate::event::forms::AvenueForm;
use std::collections::HashMap;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 3000;
pub const MAX_ACTORS_CHARS: usize = 500;

/// A consultation proposal an avenue grew from, with what links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedProposal {
    pub id: i64,
    pub consultation_slug: String,
    /// The proposal as published ("Il faut ...").
    pub content: String,
}

impl LinkedProposal {
    pub fn path(&self) -> String {
        format!(
            "/consultations/{}/proposals/{}",
            self.consultation_slug, self.id
        )
    }
}

/// An action avenue with its workshop, themes and proposals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avenue {
    pub id: i64,
    /// The workshop it comes from.
    pub session_id: i64,
    pub workshop: String,
    pub event_slug: String,
    pub title: String,
    pub description: String,
    /// Who carries it forward, as staff wrote it ("CCAS, associations de quartier").
    pub lead_actors: String,
    pub published: bool,
    pub is_demo: bool,
    /// In the process's theme order.
    pub theme_ids: Vec<i64>,
    /// Only proposals still published in their consultation.
    pub proposals: Vec<LinkedProposal>,
}

impl Avenue {
    /// The workshop's page on the programme.
    pub fn workshop_path(&self) -> String {
        format!("/events/{}/sessions/{}", self.event_slug, self.session_id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub id: i64,
    pub name: String,
}

/// The avenues of one theme; `theme` is `None` for avenues linked to no theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeAvenues {
    pub theme: Option<Theme>,
    pub avenues: Vec<Avenue>,
}

/// What staff typed, checked: the title is required, lengths are bounded,
/// and only themes and proposals offered by the page may be linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvenueInput {
    pub title: String,
    pub description: String,
    pub lead_actors: String,
    pub published: bool,
    pub theme_ids: Vec<i64>,
    pub proposal_ids: Vec<i64>,
    pub is_demo: bool,
}

/// The ids ticked in a checkbox group named `{prefix}_{id}`, kept only if allowed, sorted.
fn ticked(extra: &HashMap<String, String>, prefix: &str, allowed: &[i64]) -> Vec<i64> {
    let mut ids: Vec<i64> = extra
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .filter_map(|(k, _)| k.strip_prefix(prefix)?.strip_prefix('_')?.parse().ok())
        .filter(|id| allowed.contains(id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl AvenueInput {
    /// Parses the form; on refusal, the field and the message key.
    pub fn parse(
        form: &AvenueForm,
        themes: &[i64],
        proposals: &[i64],
    ) -> Result<AvenueInput, (&'static str, &'static str)> {
        let title = form.title.trim();
        if title.is_empty() {
            return Err(("title", "avenue-error-title"));
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(("title", "avenue-error-title-long"));
        }
        let description = form.description.trim();
        if description.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err(("description", "avenue-error-description-long"));
        }
        let lead_actors = form.lead_actors.trim();
        if lead_actors.chars().count() > MAX_ACTORS_CHARS {
            return Err(("lead_actors", "avenue-error-actors-long"));
        }
        Ok(AvenueInput {
            title: title.to_owned(),
            description: description.to_owned(),
            lead_actors: lead_actors.to_owned(),
            published: !form.published.is_empty(),
            theme_ids: ticked(&form.extra, "theme", themes),
            proposal_ids: ticked(&form.extra, "proposal", proposals),
            is_demo: false,
        })
    }
}

/// Groups avenues under each theme they are linked to, in the themes' order
/// (an avenue of two themes appears under both); avenues linked to no theme
/// of the list come last, under `None`. Themes without avenues are left out.
pub fn group_by_theme(themes: &[Theme], avenues: &[Avenue]) -> Vec<ThemeAvenues> {
    let mut groups: Vec<ThemeAvenues> = themes
        .iter()
        .map(|t| ThemeAvenues {
            theme: Some(t.clone()),
            avenues: avenues
                .iter()
                .filter(|a| a.theme_ids.contains(&t.id))
                .cloned()
                .collect(),
        })
        .filter(|g| !g.avenues.is_empty())
        .collect();
    let unthemed: Vec<Avenue> = avenues
        .iter()
        .filter(|a| !themes.iter().any(|t| a.theme_ids.contains(&t.id)))
        .cloned()
        .collect();
    if !unthemed.is_empty() {
        groups.push(ThemeAvenues {
            theme: None,
            avenues: unthemed,
        });
    }
    groups
}

/// How many distinct avenues the groups hold.
pub fn distinct_count(groups: &[ThemeAvenues]) -> usize {
    let mut ids: Vec<i64> = groups
        .iter()
        .flat_map(|g| g.avenues.iter().map(|a| a.id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// The proposals offered when linking an avenue of a workshop: those sharing
/// one of the workshop's themes (all of them if it has none), plus any
/// already linked. `candidates` are (proposal, its theme ids).
pub fn offered_proposals(
    candidates: &[(LinkedProposal, Vec<i64>)],
    workshop_themes: &[i64],
    linked: &[i64],
) -> Vec<LinkedProposal> {
    candidates
        .iter()
        .filter(|(p, themes)| {
            workshop_themes.is_empty()
                || themes.iter().any(|t| workshop_themes.contains(t))
                || linked.contains(&p.id)
        })
        .map(|(p, _)| p.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn avenue(id: i64, themes: &[i64]) -> Avenue {
        Avenue {
            id,
            session_id: 1,
            workshop: "Atelier".into(),
            event_slug: "colloque".into(),
            title: format!("Piste {id}"),
            description: String::new(),
            lead_actors: String::new(),
            published: true,
            is_demo: false,
            theme_ids: themes.to_vec(),
            proposals: vec![],
        }
    }

    fn theme(id: i64, name: &str) -> Theme {
        Theme {
            id,
            name: name.into(),
        }
    }

    fn form(title: &str, extra: &[(&str, &str)]) -> AvenueForm {
        AvenueForm {
            title: title.into(),
            extra: extra
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn avenues_are_grouped_in_theme_order_and_unthemed_come_last() {
        let themes = [
            theme(1, "Accès aux droits"),
            theme(2, "Santé"),
            theme(3, "Logement"),
        ];
        let avenues = [
            avenue(10, &[2]),
            avenue(11, &[1, 2]),
            avenue(12, &[]),
            avenue(13, &[99]),
        ];
        let groups = group_by_theme(&themes, &avenues);
        let shape: Vec<(Option<i64>, Vec<i64>)> = groups
            .iter()
            .map(|g| {
                (
                    g.theme.as_ref().map(|t| t.id),
                    g.avenues.iter().map(|a| a.id).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (Some(1), vec![11]),
                (Some(2), vec![10, 11]),
                (None, vec![12, 13]),
            ],
            "Logement has none and is left out; 11 is under both of its themes"
        );
        assert_eq!(distinct_count(&groups), 4);
        assert!(group_by_theme(&themes, &[]).is_empty());
    }

    #[test]
    fn an_avenue_needs_a_title_and_bounded_texts() {
        assert_eq!(
            AvenueInput::parse(&form("  ", &[]), &[], &[]),
            Err(("title", "avenue-error-title"))
        );
        let long = "x".repeat(MAX_TITLE_CHARS + 1);
        assert_eq!(
            AvenueInput::parse(&form(&long, &[]), &[], &[]),
            Err(("title", "avenue-error-title-long"))
        );
        let mut f = form("Un guichet unique", &[]);
        f.description = "é".repeat(MAX_DESCRIPTION_CHARS);
        assert!(
            AvenueInput::parse(&f, &[], &[]).is_ok(),
            "counted in characters"
        );
        f.lead_actors = "a".repeat(MAX_ACTORS_CHARS + 1);
        assert_eq!(
            AvenueInput::parse(&f, &[], &[]),
            Err(("lead_actors", "avenue-error-actors-long"))
        );
    }

    #[test]
    fn only_offered_themes_and_proposals_are_linked() {
        let f = form(
            " Un guichet unique ",
            &[
                ("theme_2", "on"),
                ("theme_9", "on"),
                ("theme_x", "on"),
                ("proposal_5", "on"),
                ("proposal_6", ""),
                ("proposal_7", "on"),
                ("published", "on"),
            ],
        );
        let mut f = f;
        f.published = "on".into();
        let input = AvenueInput::parse(&f, &[1, 2], &[5, 6]).unwrap();
        assert_eq!(input.title, "Un guichet unique");
        assert_eq!(input.theme_ids, vec![2]);
        assert_eq!(input.proposal_ids, vec![5]);
        assert!(input.published);
    }

    #[test]
    fn proposals_offered_share_the_workshops_themes_or_are_linked() {
        let p = |id: i64| LinkedProposal {
            id,
            consultation_slug: "c".into(),
            content: format!("Il faut {id}"),
        };
        let candidates = vec![
            (p(1), vec![1]),
            (p(2), vec![2]),
            (p(3), vec![]),
            (p(4), vec![3]),
        ];
        let ids = |v: Vec<LinkedProposal>| v.into_iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(
            ids(offered_proposals(&candidates, &[1, 3], &[2])),
            vec![1, 2, 4]
        );
        assert_eq!(
            ids(offered_proposals(&candidates, &[], &[])),
            vec![1, 2, 3, 4]
        );
        assert_eq!(p(7).path(), "/consultations/c/proposals/7");
    }
}
