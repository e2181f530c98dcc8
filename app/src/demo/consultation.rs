//! The demo consultation: proposals written for the demo across the seven
//! themes (published), a few awaiting moderation, and votes from simulated
//! participants drawn with a fixed seed, so results have consensus,
//! controversy and rejection to show.

use crate::consultation::logic::rules::AGE_BRACKETS;
use crate::consultation::store::{create_consultation, NewConsultation};
use crate::ssr::db::{now, Db};
use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use std::collections::HashMap;

/// Mulhouse's sixteen quartiers: the demographics card offers exactly these.
pub const NEIGHBOURHOODS: [&str; 16] = [
    "Bourtzwiller",
    "Brustlein",
    "Centre historique",
    "Cité-Briand",
    "Coteaux",
    "Daguerre",
    "Doller",
    "Dornach",
    "Drouot-Barbanègre",
    "Fonderie",
    "Franklin-Fridolin",
    "Haut-Poirier",
    "Nordfeld",
    "Rebberg",
    "Vauban-Neppert",
    "Wolf-Wagner",
];

/// (theme position, proposal, chance of agreeing, chance of disagreeing).
const PUBLISHED: [(usize, &str, f64, f64); 36] = [
    (1, "Il faut un guichet unique pour toutes les aides sociales, près de chez soi", 0.82, 0.06),
    (1, "Il faut informer chaque famille des aides auxquelles elle a droit sans attendre sa demande", 0.78, 0.08),
    (1, "Il faut des permanences juridiques gratuites dans chaque centre socioculturel", 0.70, 0.10),
    (1, "Il faut supprimer les aides pour les personnes qui ne cherchent pas de travail", 0.38, 0.45),
    (1, "Il faut traduire les courriers administratifs dans les langues parlées à Mulhouse", 0.45, 0.38),
    (2, "Il faut ouvrir une maison de santé dans chaque quartier", 0.84, 0.05),
    (2, "Il faut des consultations de médecins généralistes le soir et le samedi", 0.80, 0.07),
    (2, "Il faut un bus santé qui vienne dans les quartiers pour le dépistage", 0.72, 0.09),
    (2, "Il faut rembourser les lunettes et les soins dentaires par une mutuelle municipale", 0.66, 0.15),
    (2, "Il faut obliger les médecins à s'installer dans les quartiers prioritaires", 0.40, 0.42),
    (3, "Il faut des cours d'informatique gratuits pour les seniors et les débutants", 0.83, 0.04),
    (3, "Il faut garder un accueil physique dans tous les services publics", 0.86, 0.05),
    (3, "Il faut des ordinateurs en libre accès avec un médiateur dans les mairies de quartier", 0.74, 0.07),
    (3, "Il faut que toutes les démarches de la ville se fassent uniquement en ligne", 0.12, 0.78),
    (3, "Il faut une application pour signaler les problèmes du quartier", 0.50, 0.22),
    (4, "Il faut ouvrir des épiceries solidaires dans chaque quartier", 0.79, 0.07),
    (4, "Il faut des magasins de seconde main pour s'habiller à petit prix", 0.71, 0.08),
    (4, "Il faut des repas à un euro pour les étudiants et les personnes isolées", 0.62, 0.20),
    (4, "Il faut distribuer des chèques alimentaires à toutes les familles", 0.41, 0.40),
    (4, "Il faut des jardins partagés pour cultiver ses légumes en ville", 0.73, 0.08),
    (5, "Il faut accompagner les jeunes vers l'emploi avec un parrain ou une marraine", 0.77, 0.06),
    (5, "Il faut plus de chantiers d'insertion pour les personnes éloignées de l'emploi", 0.69, 0.10),
    (5, "Il faut des gardes d'enfants en horaires décalés pour les parents qui travaillent", 0.75, 0.07),
    (5, "Il faut réserver les emplois de la ville aux habitants de Mulhouse", 0.36, 0.46),
    (5, "Il faut un forum de l'emploi dans chaque quartier deux fois par an", 0.64, 0.10),
    (6, "Il faut rénover les logements sociaux mal isolés", 0.85, 0.04),
    (6, "Il faut plus de logements adaptés aux personnes âgées et handicapées", 0.80, 0.05),
    (6, "Il faut aider les locataires à faire valoir leurs droits face aux propriétaires", 0.68, 0.12),
    (6, "Il faut interdire les nouveaux logements sociaux dans les quartiers déjà denses", 0.37, 0.44),
    (6, "Il faut plus de bancs et de fontaines dans les rues et les parcs", 0.70, 0.09),
    (7, "Il faut des lieux où les jeunes peuvent se retrouver le soir en sécurité", 0.72, 0.10),
    (7, "Il faut rompre l'isolement des personnes âgées avec des visites de bénévoles", 0.81, 0.04),
    (7, "Il faut des activités sportives gratuites dans les espaces naturels", 0.74, 0.07),
    (7, "Il faut un couvre-feu pour les mineurs dans certains quartiers", 0.30, 0.55),
    (7, "Il faut des maisons des parents pour échanger et être conseillé", 0.66, 0.09),
    (7, "Il faut fermer les aires de jeux la nuit", 0.22, 0.60),
];

const PENDING: [&str; 4] = [
    "Il faut des navettes gratuites vers l'hôpital pour les personnes sans voiture",
    "Il faut plus de médiateurs de nuit dans les transports",
    "Il faut des ateliers cuisine pour apprendre à manger équilibré avec un petit budget",
    "Il faut que le maire démissionne",
];

const AUTHORS: [&str; 12] = [
    "Amina",
    "Jean-Pierre",
    "Sofia",
    "Marc",
    "Leïla",
    "Thomas",
    "Fatou",
    "Nicole",
    "Yusuf",
    "Claire",
    "Hakim",
    "Odile",
];

/// Simulated participants who voted in the demo.
const DEMO_VOTERS: usize = 160;
/// Proposals each simulated participant voted on.
const VOTES_EACH: usize = 12;
/// The consultation's opening day, as a number.
const SEED: u64 = 20_211_027;

async fn new_participant(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    tag: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO participants (public_id, created_at) VALUES ($1, $2) RETURNING id",
    )
    .bind(format!("demo-{tag}"))
    .bind(now())
    .fetch_one(&mut **tx)
    .await
}

/// Creates the demo consultation on `component_id` with proposals and votes;
/// it takes the process's slug and question as its own.
#[allow(clippy::too_many_arguments)]
pub async fn load(
    db: &Db,
    process_id: i64,
    component_id: i64,
    slug: &str,
    question: &str,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
) -> Result<i64, sqlx::Error> {
    let consultation = create_consultation(
        db,
        &NewConsultation {
            component_id,
            slug,
            question,
            prefix: "Il faut",
            lang: "fr",
            neighbourhoods: &NEIGHBOURHOODS,
            opens_on,
            closes_on,
        },
    )
    .await?;
    let themes: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM themes WHERE process_id = $1 ORDER BY position")
            .bind(process_id)
            .fetch_all(&db.pool)
            .await?;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(SEED);
    let mut tx = db.pool.begin().await?;
    let mut authors = Vec::new();
    for (i, name) in AUTHORS.iter().enumerate() {
        authors.push((
            new_participant(&mut tx, &format!("author-{i}")).await?,
            *name,
        ));
    }
    let start = now() - 14 * 86_400;
    let mut published = Vec::new();
    for (i, (theme, content, _, _)) in PUBLISHED.iter().enumerate() {
        let (author, name) = authors[i % authors.len()];
        let created = start + i as i64 * 3_600;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO proposals (consultation_id, participant_id, content, author_name, status, created_at, published_at) \
             VALUES ($1, $2, $3, $4, 'accepted', $5, $5) RETURNING id",
        )
        .bind(consultation)
        .bind(author)
        .bind(*content)
        .bind(name)
        .bind(created)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(theme_id) = themes.get(theme - 1) {
            sqlx::query("INSERT INTO proposal_themes (proposal_id, theme_id) VALUES ($1, $2)")
                .bind(id)
                .bind(theme_id)
                .execute(&mut *tx)
                .await?;
        }
        crate::consultation::store::ideas::reindex_proposal(&mut tx, id).await?;
        published.push(id);
    }
    for (i, content) in PENDING.iter().enumerate() {
        let (author, name) = authors[(i + 5) % authors.len()];
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO proposals (consultation_id, participant_id, content, author_name, status, created_at) \
             VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id",
        )
        .bind(consultation)
        .bind(author)
        .bind(*content)
        .bind(name)
        .bind(now() - 3_600 + i as i64)
        .fetch_one(&mut *tx)
        .await?;
        crate::consultation::store::ideas::reindex_proposal(&mut tx, id).await?;
    }
    // Simulated votes, counted as sequence votes, with their incremental counts.
    let mut counts: HashMap<(i64, &'static str), i64> = HashMap::new();
    let mut group_counts: HashMap<(i64, &'static str, &'static str, &'static str), i64> =
        HashMap::new();
    let mut sequence_votes: HashMap<i64, i64> = HashMap::new();
    for voter in 0..DEMO_VOTERS {
        let participant = new_participant(&mut tx, &format!("voter-{voter}")).await?;
        sqlx::query("INSERT INTO consultation_participants (consultation_id, participant_id) VALUES ($1, $2)")
            .bind(consultation)
            .bind(participant)
            .execute(&mut *tx)
            .await?;
        // Three in four answer the optional demographics card.
        let groups = if rng.gen_bool(0.75) {
            let age = AGE_BRACKETS[rng.gen_range(1..AGE_BRACKETS.len())];
            let hood = NEIGHBOURHOODS[rng.gen_range(0..NEIGHBOURHOODS.len())];
            sqlx::query(
                "INSERT INTO demographics (consultation_id, participant_id, age_bracket, neighbourhood, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(consultation)
            .bind(participant)
            .bind(age)
            .bind(hood)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            Some((age, hood))
        } else {
            None
        };
        let mut picks: Vec<usize> = (0..published.len()).collect();
        for k in 0..VOTES_EACH {
            let j = rng.gen_range(k..picks.len());
            picks.swap(k, j);
            let index = picks[k];
            let (_, _, mut agree, disagree) = PUBLISHED[index];
            // Older residents lean towards keeping people at the counters:
            // the demo's results by age then differ, as real ones do.
            if matches!(groups, Some(("50-64" | "65-plus", _)))
                && PUBLISHED[index].1.contains("accueil physique")
            {
                agree = (agree + 0.1).min(1.0 - disagree);
            }
            let roll: f64 = rng.gen();
            let key = if roll < agree {
                "agree"
            } else if roll < agree + disagree {
                "disagree"
            } else {
                "neutral"
            };
            let qualification = match (key, rng.gen_range(0..4)) {
                ("agree", 0) => Some("like_it"),
                ("agree", 1) => Some("doable"),
                ("disagree", 0) => Some("no_way"),
                ("disagree", 1) => Some("impossible"),
                ("neutral", 0) => Some("no_opinion"),
                _ => None,
            };
            let proposal = published[index];
            sqlx::query(
                "INSERT INTO votes (proposal_id, participant_id, vote_key, qualifications, counted, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, 'sequence', $5, $5)",
            )
            .bind(proposal)
            .bind(participant)
            .bind(key)
            .bind(qualification.unwrap_or(""))
            .bind(now())
            .execute(&mut *tx)
            .await?;
            *counts.entry((proposal, key)).or_default() += 1;
            if let Some((age, hood)) = groups {
                *group_counts.entry((proposal, "age", age, key)).or_default() += 1;
                *group_counts
                    .entry((proposal, "neighbourhood", hood, key))
                    .or_default() += 1;
            }
            if let Some(q) = qualification {
                *counts.entry((proposal, q)).or_default() += 1;
            }
            *sequence_votes.entry(proposal).or_default() += 1;
        }
    }
    for ((proposal, item), count) in counts {
        sqlx::query("INSERT INTO vote_counts (proposal_id, tally, item, count) VALUES ($1, 'sequence', $2, $3)")
            .bind(proposal)
            .bind(item)
            .bind(count)
            .execute(&mut *tx)
            .await?;
    }
    for ((proposal, dimension, group, item), count) in group_counts {
        sqlx::query(
            "INSERT INTO group_vote_counts (proposal_id, dimension, grp, tally, item, count) \
             VALUES ($1, $2, $3, 'sequence', $4, $5)",
        )
        .bind(proposal)
        .bind(dimension)
        .bind(group)
        .bind(item)
        .bind(count)
        .execute(&mut *tx)
        .await?;
    }
    for (proposal, n) in sequence_votes {
        sqlx::query("UPDATE proposals SET sequence_votes = $1 WHERE id = $2")
            .bind(n)
            .bind(proposal)
            .execute(&mut *tx)
            .await?;
    }
    for (author, _) in &authors {
        sqlx::query("INSERT INTO consultation_participants (consultation_id, participant_id) VALUES ($1, $2)")
            .bind(consultation)
            .bind(author)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(consultation)
}
