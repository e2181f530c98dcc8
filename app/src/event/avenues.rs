//! Action avenues ("pistes d'action"): after a workshop, event staff record
//! what it proposes to do, who leads it, and the consultation themes and
//! published proposals it grew from; once published, they are listed by
//! theme (Mulhouse's "52 pistes d'action").
//!
//! `published_by_theme` is the one entry point for other components (the
//! Rendez-vous citoyen's restitution reads it): a plain async function over
//! the database, with no request context.

use super::api::{AvenueActionForm, AvenueForm};
use super::store::{self, Programme, Session};
use crate::error::AppError;
use crate::model::Role;
use crate::ssr::db::{now, replace_links};
use crate::ssr::form::Next;
use crate::ssr::{Ctx, Db};
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

// ---- Pure logic ----

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

// ---- Storage ----

#[derive(sqlx::FromRow)]
struct AvenueRow {
    id: i64,
    session_id: i64,
    workshop: String,
    event_slug: String,
    title: String,
    description: String,
    lead_actors: String,
    published: i64,
    is_demo: i64,
}

/// Which avenues to read; each is a condition on `a` (avenue), `s` (its
/// session) and `e` (its event) with one parameter.
#[derive(Debug, Clone, Copy)]
enum Filter {
    Session(i64),
    PublishedOfEvent(i64),
    PublishedOfProcess(i64),
}

impl Filter {
    fn sql(self) -> &'static str {
        match self {
            Filter::Session(_) => "a.session_id = $1",
            Filter::PublishedOfEvent(_) => "e.id = $1 AND a.published = 1",
            Filter::PublishedOfProcess(_) => {
                "a.published = 1 AND e.component_id IN (SELECT pc.id FROM components pc \
                 JOIN phases pp ON pp.id = pc.phase_id WHERE pp.process_id = $1)"
            }
        }
    }

    fn id(self) -> i64 {
        match self {
            Filter::Session(id) | Filter::PublishedOfEvent(id) | Filter::PublishedOfProcess(id) => {
                id
            }
        }
    }
}

const FROM: &str = "FROM action_avenues a JOIN event_sessions s ON s.id = a.session_id \
    JOIN events e ON e.id = s.event_id JOIN event_days d ON d.id = s.day_id";

async fn load(db: &Db, filter: Filter) -> Result<Vec<Avenue>, sqlx::Error> {
    let rows: Vec<AvenueRow> = sqlx::query_as(&format!(
        "SELECT a.id, a.session_id, s.title AS workshop, e.slug AS event_slug, a.title, a.description, \
         a.lead_actors, a.published, a.is_demo {FROM} WHERE {} ORDER BY d.day, s.starts_at, s.title, a.id",
        filter.sql()
    ))
    .bind(filter.id())
    .fetch_all(&db.pool)
    .await?;
    let themes: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT x.avenue_id, x.theme_id FROM action_avenue_themes x JOIN themes t ON t.id = x.theme_id \
         JOIN action_avenues a ON a.id = x.avenue_id JOIN event_sessions s ON s.id = a.session_id \
         JOIN events e ON e.id = s.event_id WHERE {} ORDER BY t.position",
        filter.sql()
    ))
    .bind(filter.id())
    .fetch_all(&db.pool)
    .await?;
    let proposals: Vec<(i64, i64, String, String)> = sqlx::query_as(&format!(
        "SELECT x.avenue_id, p.id, c.slug, p.content FROM action_avenue_proposals x \
         JOIN proposals p ON p.id = x.proposal_id JOIN consultations c ON c.id = p.consultation_id \
         JOIN action_avenues a ON a.id = x.avenue_id JOIN event_sessions s ON s.id = a.session_id \
         JOIN events e ON e.id = s.event_id WHERE {} AND p.status = 'accepted' ORDER BY p.id",
        filter.sql()
    ))
    .bind(filter.id())
    .fetch_all(&db.pool)
    .await?;
    let mut theme_map: HashMap<i64, Vec<i64>> = HashMap::new();
    for (a, t) in themes {
        theme_map.entry(a).or_default().push(t);
    }
    let mut proposal_map: HashMap<i64, Vec<LinkedProposal>> = HashMap::new();
    for (a, id, consultation_slug, content) in proposals {
        proposal_map.entry(a).or_default().push(LinkedProposal {
            id,
            consultation_slug,
            content,
        });
    }
    Ok(rows
        .into_iter()
        .map(|r| Avenue {
            theme_ids: theme_map.remove(&r.id).unwrap_or_default(),
            proposals: proposal_map.remove(&r.id).unwrap_or_default(),
            id: r.id,
            session_id: r.session_id,
            workshop: r.workshop,
            event_slug: r.event_slug,
            title: r.title,
            description: r.description,
            lead_actors: r.lead_actors,
            published: r.published != 0,
            is_demo: r.is_demo != 0,
        })
        .collect())
}

/// A process's themes, in their order.
pub async fn themes(db: &Db, process_id: i64) -> Result<Vec<Theme>, sqlx::Error> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM themes WHERE process_id = $1 ORDER BY position")
            .bind(process_id)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Theme { id, name })
        .collect())
}

/// The published action avenues of every event of a process, grouped by the
/// process's themes (in their order; an avenue of two themes is under both),
/// then those linked to no theme under `theme: None`. Within a theme they
/// follow the programme (day, start time, workshop). Unpublished avenues and
/// proposals no longer published are left out. For pages and other
/// components alike (the Rendez-vous citoyen's restitution).
pub async fn published_by_theme(
    db: &Db,
    process_id: i64,
) -> Result<Vec<ThemeAvenues>, sqlx::Error> {
    let avenues = load(db, Filter::PublishedOfProcess(process_id)).await?;
    Ok(group_by_theme(&themes(db, process_id).await?, &avenues))
}

/// The published avenues of one event, by theme (its public page).
pub async fn published_of_event(
    db: &Db,
    event_id: i64,
    process_id: i64,
) -> Result<Vec<ThemeAvenues>, sqlx::Error> {
    let avenues = load(db, Filter::PublishedOfEvent(event_id)).await?;
    Ok(group_by_theme(&themes(db, process_id).await?, &avenues))
}

/// How many avenues of an event are published (whether to link to them).
pub async fn published_count(db: &Db, event_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM action_avenues a JOIN event_sessions s ON s.id = a.session_id \
         WHERE s.event_id = $1 AND a.published = 1",
    )
    .bind(event_id)
    .fetch_one(&db.pool)
    .await
}

/// The events of a process that have published avenues: (title, slug, how many).
pub async fn events_with_avenues(
    db: &Db,
    process_id: i64,
) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.title, e.slug, COUNT(a.id) FROM events e JOIN components c ON c.id = e.component_id \
         JOIN phases ph ON ph.id = c.phase_id JOIN event_sessions s ON s.event_id = e.id \
         JOIN action_avenues a ON a.session_id = s.id \
         WHERE ph.process_id = $1 AND a.published = 1 GROUP BY e.id, e.title, e.slug ORDER BY e.title",
    )
    .bind(process_id)
    .fetch_all(&db.pool)
    .await
}

/// Every avenue of a workshop, published or not (the staff page).
pub async fn of_session(db: &Db, session_id: i64) -> Result<Vec<Avenue>, sqlx::Error> {
    load(db, Filter::Session(session_id)).await
}

/// The process an event belongs to.
pub async fn process_of_event(db: &Db, component_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.process_id FROM components c JOIN phases p ON p.id = c.phase_id WHERE c.id = $1",
    )
    .bind(component_id)
    .fetch_optional(&db.pool)
    .await
}

/// The published proposals of the process's consultations, with their themes:
/// what an avenue may be linked to.
pub async fn candidate_proposals(
    db: &Db,
    process_id: i64,
) -> Result<Vec<(LinkedProposal, Vec<i64>)>, sqlx::Error> {
    let scope = "FROM proposals p JOIN consultations c ON c.id = p.consultation_id \
        JOIN components k ON k.id = c.component_id JOIN phases ph ON ph.id = k.phase_id \
        WHERE ph.process_id = $1 AND p.status = 'accepted'";
    let rows: Vec<(i64, String, String)> = sqlx::query_as(&format!(
        "SELECT p.id, c.slug, p.content {scope} ORDER BY p.content, p.id"
    ))
    .bind(process_id)
    .fetch_all(&db.pool)
    .await?;
    let themes: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT pt.proposal_id, pt.theme_id FROM proposal_themes pt WHERE pt.proposal_id IN (SELECT p.id {scope})"
    ))
    .bind(process_id)
    .fetch_all(&db.pool)
    .await?;
    let mut theme_map: HashMap<i64, Vec<i64>> = HashMap::new();
    for (p, t) in themes {
        theme_map.entry(p).or_default().push(t);
    }
    Ok(rows
        .into_iter()
        .map(|(id, consultation_slug, content)| {
            let t = theme_map.remove(&id).unwrap_or_default();
            (
                LinkedProposal {
                    id,
                    consultation_slug,
                    content,
                },
                t,
            )
        })
        .collect())
}

/// Creates (`id` None) or replaces an avenue of `session_id` with its links.
/// Returns its id, or `None` when `id` is not an avenue of that workshop.
pub async fn save(
    db: &Db,
    session_id: i64,
    id: Option<i64>,
    a: &AvenueInput,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let published = i64::from(a.published);
    let id = match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE action_avenues SET title = $1, description = $2, lead_actors = $3, published = $4, \
                 updated_at = $5 WHERE id = $6 AND session_id = $7",
            )
            .bind(&a.title)
            .bind(&a.description)
            .bind(&a.lead_actors)
            .bind(published)
            .bind(at)
            .bind(id)
            .bind(session_id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Ok(None);
            }
            id
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO action_avenues (session_id, title, description, lead_actors, published, is_demo, \
                 created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
            )
            .bind(session_id)
            .bind(&a.title)
            .bind(&a.description)
            .bind(&a.lead_actors)
            .bind(published)
            .bind(i64::from(a.is_demo))
            .bind(at)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    replace_links(
        &mut tx,
        "action_avenue_themes",
        "avenue_id",
        id,
        "theme_id",
        &a.theme_ids,
    )
    .await?;
    replace_links(
        &mut tx,
        "action_avenue_proposals",
        "avenue_id",
        id,
        "proposal_id",
        &a.proposal_ids,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

pub async fn set_published(
    db: &Db,
    session_id: i64,
    id: i64,
    published: bool,
    at: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE action_avenues SET published = $1, updated_at = $2 WHERE id = $3 AND session_id = $4",
    )
    .bind(i64::from(published))
    .bind(at)
    .bind(id)
    .bind(session_id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(db: &Db, session_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM action_avenues WHERE id = $1 AND session_id = $2")
        .bind(id)
        .bind(session_id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

// ---- Staff actions (the server functions call these) ----

/// The staff page of a workshop's avenues.
pub fn staff_path(event_id: i64, session_id: i64) -> String {
    format!("/admin/events/{event_id}/sessions/{session_id}/avenues")
}

/// The public page of an event's avenues.
pub fn public_path(event_slug: &str) -> String {
    format!("/events/{event_slug}/action-avenues")
}

/// The workshop a staff form is about, with its event's programme and process.
pub async fn workshop(
    ctx: &Ctx,
    event_id: &str,
    session_id: &str,
) -> Result<(Programme, Session, i64), AppError> {
    let parse = |s: &str| s.parse::<i64>().map_err(|_| ctx.not_found());
    let (event_id, session_id) = (parse(event_id)?, parse(session_id)?);
    let event = store::event_by_id(&ctx.db, event_id)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    let process_id = process_of_event(&ctx.db, event.component_id)
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    let p = store::programme(&ctx.db, event)
        .await
        .map_err(|e| ctx.internal(e))?;
    let s = p
        .session(session_id)
        .filter(|s| s.is_workshop())
        .cloned()
        .ok_or_else(|| ctx.not_found())?;
    Ok((p, s, process_id))
}

pub async fn save_from_form(ctx: &Ctx, form: &AvenueForm) -> Result<((), Next), AppError> {
    ctx.require(Role::EventStaff)?;
    let (p, s, process_id) = workshop(ctx, &form.event_id, &form.session_id).await?;
    let id = match form.avenue_id.trim() {
        "" => None,
        id => Some(id.parse::<i64>().map_err(|_| ctx.not_found())?),
    };
    let theme_ids: Vec<i64> = p.themes.iter().map(|t| t.0).collect();
    let proposal_ids: Vec<i64> = candidate_proposals(&ctx.db, process_id)
        .await
        .map_err(|e| ctx.internal(e))?
        .into_iter()
        .map(|(p, _)| p.id)
        .collect();
    let input = AvenueInput::parse(form, &theme_ids, &proposal_ids)
        .map_err(|(field, key)| ctx.invalid(field, key))?;
    save(&ctx.db, s.id, id, &input, now())
        .await
        .map_err(|e| ctx.internal(e))?
        .ok_or_else(|| ctx.not_found())?;
    let notice = if input.published {
        "avenue-saved-published"
    } else {
        "avenue-saved-draft"
    };
    Ok((
        (),
        Next::to(staff_path(p.event.id, s.id)).with_notice(ctx.t(notice)),
    ))
}

pub async fn act_from_form(ctx: &Ctx, form: &AvenueActionForm) -> Result<((), Next), AppError> {
    ctx.require(Role::EventStaff)?;
    let (p, s, _) = workshop(ctx, &form.event_id, &form.session_id).await?;
    let id: i64 = form.avenue_id.parse().map_err(|_| ctx.not_found())?;
    let (done, notice) = match form.action.as_str() {
        "publish" | "unpublish" => {
            let publish = form.action == "publish";
            let done = set_published(&ctx.db, s.id, id, publish, now()).await;
            let notice = if publish {
                "avenue-published"
            } else {
                "avenue-unpublished"
            };
            (done, notice)
        }
        "delete" => {
            if form.confirm.is_empty() {
                return Err(ctx.invalid("confirm", "avenue-error-confirm-delete"));
            }
            (delete(&ctx.db, s.id, id).await, "avenue-deleted")
        }
        _ => return Err(ctx.not_found()),
    };
    if !done.map_err(|e| ctx.internal(e))? {
        return Err(ctx.not_found());
    }
    Ok((
        (),
        Next::to(staff_path(p.event.id, s.id)).with_notice(ctx.t(notice)),
    ))
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
