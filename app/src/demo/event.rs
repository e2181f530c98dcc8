//! The demo symposium: the two days of "Mulhouse solidaire" (plenaries, round
//! tables, six workshops of 30 seats on the consultation's themes), a dozen
//! invented speakers marked as demo data, two extra questions, and about a
//! hundred demo registrations drawn with a fixed seed, so that lists, counts
//! and waiting lists have something to show: the first workshop is full and
//! a few people wait for it. The workshops also have 18 invented action
//! avenues (16 published), linked to their themes and to published proposals.

use crate::event::logic::avenues::AvenueInput;
use crate::event::logic::programme::{
    EventInput, QuestionInput, SessionInput, SessionKind, SpeakerInput,
};
use crate::event::logic::{NewRegistration, Profile, QuestionKind};
use crate::event::service::seats::{self, Origin};
use crate::event::store::{self, avenues, programme as programme_store};
use crate::ssr::db::{now, Db};
use chrono::NaiveDate;
use rand::{Rng, SeedableRng};

pub const SLUG: &str = "colloque-mulhouse-solidaire";
pub const WORKSHOP_SEATS: u32 = 30;
/// How many demo registrations are made.
pub const REGISTRATIONS: usize = 100;
/// How many of them ask for the first workshop: 30 get a seat, the others wait.
const FIRST_WORKSHOP_DEMAND: usize = 34;

const DESCRIPTION: &str = "\
Deux journées pour les professionnels, bénévoles, institutions, élus et habitants : les grandes idées \
de la consultation présentées et discutées en plénière, en tables rondes, et travaillées en ateliers.

*Données de démonstration : programme, intervenants et inscriptions sont inventés.*";

/// (name, role, organisation, bio). Every one of them is invented.
const SPEAKERS: [(&str, &str, &str, &str); 12] = [
    ("Hélène Marchal", "Adjointe à la solidarité", "Ville de Mulhouse (fictif)", "Élue chargée de l'action sociale, elle porte la démarche depuis son lancement."),
    ("Karim Benali", "Directeur", "Centre communal d'action sociale (fictif)", "Trente ans d'action sociale de proximité, des permanences de quartier aux dispositifs d'urgence."),
    ("Odile Schaller", "Sociologue", "Université de Haute-Alsace (fictif)", "Elle étudie le non-recours aux droits et les démarches en ligne."),
    ("Thomas Wehrlé", "Médecin généraliste", "Maison de santé du Drouot (fictive)", "Il exerce en quartier prioritaire et forme de jeunes médecins."),
    ("Aïcha Diallo", "Présidente", "Association Voisins solidaires (fictive)", "Bénévole depuis quinze ans, elle anime un réseau de visites aux personnes isolées."),
    ("Julien Kessler", "Conseiller numérique", "Médiathèque de Bourtzwiller (fictif)", "Il accompagne chaque semaine des habitants dans leurs démarches en ligne."),
    ("Marie-Claire Hirth", "Responsable", "Épicerie solidaire du Nordfeld (fictive)", "Elle a ouvert une épicerie solidaire gérée avec ses bénéficiaires."),
    ("Samir Haddad", "Chargé d'insertion", "Chantier d'insertion Rebond (fictif)", "Il accompagne vers l'emploi des personnes qui en sont éloignées."),
    ("Claire Muller", "Directrice", "Bailleur social Habitat Sud-Alsace (fictif)", "Elle pilote la rénovation de 2 000 logements sociaux."),
    ("Lucie Fernandes", "Éducatrice spécialisée", "Maison des adolescents (fictive)", "Elle travaille avec les jeunes et leurs familles dans les quartiers."),
    ("Pierre Grünenwald", "Habitant", "Conseil citoyen de Wolf-Wagner (fictif)", "Retraité, il a animé des réunions de la consultation dans son quartier."),
    ("Nadia Rahmani", "Animatrice", "Centre socioculturel Papin (fictif)", "Elle a accompagné des habitants pour proposer et voter leurs idées."),
];

struct DemoSession {
    day: usize,
    kind: SessionKind,
    title: &'static str,
    description: &'static str,
    hours: (&'static str, &'static str),
    room: &'static str,
    /// Theme positions (1 = first theme of the process).
    themes: &'static [usize],
    /// Indexes in `SPEAKERS`.
    speakers: &'static [usize],
}

const SESSIONS: [DemoSession; 14] = [
    DemoSession { day: 0, kind: SessionKind::Plenary, title: "Ouverture du colloque", description: "Accueil par la Ville et présentation des deux journées.", hours: ("09:00", "09:30"), room: "Grand amphithéâtre", themes: &[], speakers: &[0] },
    DemoSession { day: 0, kind: SessionKind::Plenary, title: "Ce que la consultation nous a dit", description: "Les idées qui font consensus, celles qui divisent, et ce qu'elles disent des conditions de vie à Mulhouse.", hours: ("09:30", "11:00"), room: "Grand amphithéâtre", themes: &[], speakers: &[2, 11] },
    DemoSession { day: 0, kind: SessionKind::RoundTable, title: "Aller vers les habitants : l'accès aux droits", description: "Comment faire connaître les aides à ceux qui y ont droit, sans attendre leur demande ?", hours: ("11:15", "12:30"), room: "Grand amphithéâtre", themes: &[1, 3], speakers: &[1, 2, 5] },
    DemoSession { day: 0, kind: SessionKind::Workshop, title: "Atelier : un guichet unique près de chez soi", description: "Dessiner un accueil social de proximité qui réunit toutes les aides.", hours: ("14:00", "16:30"), room: "Salle 1", themes: &[1], speakers: &[1] },
    DemoSession { day: 0, kind: SessionKind::Workshop, title: "Atelier : la santé dans chaque quartier", description: "Maisons de santé, consultations le soir, bus de dépistage : par où commencer ?", hours: ("14:00", "16:30"), room: "Salle 2", themes: &[2], speakers: &[3] },
    DemoSession { day: 0, kind: SessionKind::Workshop, title: "Atelier : le numérique sans laisser personne de côté", description: "Garder un accueil physique et accompagner les démarches en ligne.", hours: ("14:00", "16:30"), room: "Salle 3", themes: &[3], speakers: &[5] },
    DemoSession { day: 0, kind: SessionKind::Plenary, title: "Restitution des ateliers du jour", description: "Chaque atelier présente ses trois propositions principales.", hours: ("16:45", "17:30"), room: "Grand amphithéâtre", themes: &[], speakers: &[0] },
    DemoSession { day: 1, kind: SessionKind::Plenary, title: "Ouverture de la seconde journée", description: "Retour sur la première journée.", hours: ("08:45", "09:00"), room: "Grand amphithéâtre", themes: &[], speakers: &[11] },
    DemoSession { day: 1, kind: SessionKind::Workshop, title: "Atelier : se nourrir et s'équiper à petit prix", description: "Épiceries solidaires, seconde main, jardins partagés.", hours: ("09:00", "11:30"), room: "Salle 1", themes: &[4], speakers: &[6] },
    DemoSession { day: 1, kind: SessionKind::Workshop, title: "Atelier : accompagner vers l'emploi", description: "Parrainage, chantiers d'insertion et gardes d'enfants en horaires décalés.", hours: ("09:00", "11:30"), room: "Salle 2", themes: &[5], speakers: &[7] },
    DemoSession { day: 1, kind: SessionKind::Workshop, title: "Atelier : des logements dignes et adaptés", description: "Rénovation, logements adaptés à l'âge et au handicap, droits des locataires.", hours: ("09:00", "11:30"), room: "Salle 3", themes: &[6], speakers: &[8] },
    DemoSession { day: 1, kind: SessionKind::RoundTable, title: "Familles, jeunes et seniors : les solidarités entre générations", description: "Rompre l'isolement et offrir des lieux aux jeunes.", hours: ("11:45", "12:45"), room: "Grand amphithéâtre", themes: &[7], speakers: &[4, 9, 10] },
    DemoSession { day: 1, kind: SessionKind::RoundTable, title: "Travailler ensemble : associations, institutions, habitants", description: "Ce que chacun apporte, et comment s'organiser pour durer.", hours: ("14:00", "15:30"), room: "Grand amphithéâtre", themes: &[1, 7], speakers: &[1, 4, 6, 10] },
    DemoSession { day: 1, kind: SessionKind::Plenary, title: "Clôture : vers une feuille de route", description: "Les engagements de la Ville et les prochaines étapes de la démarche.", hours: ("15:45", "16:30"), room: "Grand amphithéâtre", themes: &[], speakers: &[0, 2] },
];

const FIRST_NAMES: [&str; 20] = [
    "Amina",
    "Bernard",
    "Chloé",
    "David",
    "Élise",
    "Farid",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Jacques",
    "Katia",
    "Léon",
    "Manon",
    "Nicolas",
    "Océane",
    "Paul",
    "Rachida",
    "Sébastien",
    "Valérie",
    "Yanis",
];
const LAST_NAMES: [&str; 20] = [
    "Arnold", "Bauer", "Cohen", "Dupont", "Ehrhart", "Fischer", "Garcia", "Haegel", "Issa", "Jung",
    "Klein", "Lopez", "Meyer", "Nguyen", "Ottmann", "Petit", "Roth", "Schmitt", "Traoré", "Weiss",
];
const ORGANISATIONS: [&str; 8] = [
    "CCAS (démo)",
    "Association Entraide (démo)",
    "Centre socioculturel (démo)",
    "Département (démo)",
    "Caisse d'allocations familiales (démo)",
    "Mission locale (démo)",
    "Maison de santé (démo)",
    "",
];

/// Loads the symposium into the event component of the demo's symposium phase.
pub async fn load(
    db: &Db,
    process_id: i64,
    component_id: i64,
    first_day: NaiveDate,
) -> Result<(), sqlx::Error> {
    let event = EventInput {
        slug: SLUG.into(),
        title: "Colloque « Mulhouse solidaire »".into(),
        description_md: DESCRIPTION.into(),
        venue: "Centre de congrès, Mulhouse (lieu de démonstration)".into(),
        seats: 274,
        offer_hours: 48,
        registration_open: true,
    };
    let event_id = store::events::insert_event(db, component_id, &event).await?;
    let mut days = Vec::new();
    for offset in 0..2 {
        let day = first_day + chrono::Duration::days(offset);
        days.push(
            programme_store::save_day(db, event_id, None, day, 250)
                .await?
                .unwrap_or_default(),
        );
    }
    let theme_ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM themes WHERE process_id = $1 ORDER BY position")
            .bind(process_id)
            .fetch_all(&db.pool)
            .await?;
    let mut speaker_ids = Vec::new();
    for (name, role, organisation, bio) in SPEAKERS {
        let input = SpeakerInput {
            name: name.into(),
            role: role.into(),
            organisation: organisation.into(),
            bio: bio.into(),
            photo_url: String::new(),
            is_demo: true,
        };
        speaker_ids.push(
            programme_store::save_speaker(db, event_id, None, &input)
                .await?
                .unwrap_or_default(),
        );
    }
    let mut workshops: Vec<(usize, i64)> = Vec::new();
    for s in &SESSIONS {
        let input = SessionInput {
            day_id: days[s.day],
            kind: s.kind,
            title: s.title.into(),
            description_md: s.description.into(),
            starts_at: s.hours.0.into(),
            ends_at: s.hours.1.into(),
            room: s.room.into(),
            seats: (s.kind == SessionKind::Workshop).then_some(WORKSHOP_SEATS),
            theme_ids: s
                .themes
                .iter()
                .filter_map(|t| theme_ids.get(t - 1).copied())
                .collect(),
            speaker_ids: s.speakers.iter().map(|i| speaker_ids[*i]).collect(),
        };
        let id = programme_store::save_session(db, event_id, None, &input)
            .await?
            .unwrap_or_default();
        if s.kind == SessionKind::Workshop {
            workshops.push((s.day, id));
        }
    }
    let questions = [
        QuestionInput {
            position: 1,
            kind: QuestionKind::YesNo,
            label: "Souhaitez-vous recevoir les actes du colloque ?".into(),
            options: vec![],
            required: true,
        },
        QuestionInput {
            position: 2,
            kind: QuestionKind::Choice,
            label: "Comment venez-vous ?".into(),
            options: vec![
                "Tram ou bus".into(),
                "Voiture".into(),
                "Vélo ou à pied".into(),
            ],
            required: false,
        },
    ];
    let mut question_ids = Vec::new();
    for q in &questions {
        question_ids.push(
            programme_store::save_question(db, event_id, None, q)
                .await?
                .unwrap_or_default(),
        );
    }
    let Some(event) = store::event_by_id(db, event_id).await? else {
        return Ok(());
    };
    let day1: Vec<i64> = workshops.iter().filter(|w| w.0 == 0).map(|w| w.1).collect();
    let day2: Vec<i64> = workshops.iter().filter(|w| w.0 == 1).map(|w| w.1).collect();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2022);
    let mut first_workshop_asked = 0;
    let mut people = Vec::new();
    for i in 0..REGISTRATIONS {
        let first = FIRST_NAMES[i % FIRST_NAMES.len()];
        let last = LAST_NAMES[(i * 7 + i / FIRST_NAMES.len()) % LAST_NAMES.len()];
        let roll: f64 = rng.gen();
        let on = |d: usize| match d {
            0 => roll < 0.85,
            _ => roll >= 0.15,
        };
        let mut chosen_days = Vec::new();
        let mut chosen_workshops = Vec::new();
        if on(0) {
            chosen_days.push(days[0]);
            // The first workshop is asked for until it overflows, then the others.
            if first_workshop_asked < FIRST_WORKSHOP_DEMAND {
                first_workshop_asked += 1;
                chosen_workshops.push(day1[0]);
            } else if i % 5 != 0 {
                chosen_workshops.push(day1[1 + i % 2]);
            }
        }
        if on(1) {
            chosen_days.push(days[1]);
            if i % 4 != 3 {
                chosen_workshops.push(day2[i % 3]);
            }
        }
        let profile = Profile::ALL[[0, 0, 0, 1, 1, 2, 3, 4][rng.gen_range(0..8)]];
        let new = NewRegistration {
            first_name: first.into(),
            last_name: last.into(),
            email: format!(
                "{}.{}.{i}@demo.participe.test",
                first.to_lowercase(),
                last.to_lowercase()
            ),
            organisation: ORGANISATIONS[rng.gen_range(0..ORGANISATIONS.len())].into(),
            profile,
            accessibility: if i % 17 == 3 {
                "Fauteuil roulant".into()
            } else {
                String::new()
            },
            dietary: match i % 9 {
                1 => "Végétarien".into(),
                5 => "Sans porc".into(),
                _ => String::new(),
            },
            days: chosen_days,
            workshops: chosen_workshops,
            answers: vec![
                (
                    question_ids[0],
                    if rng.gen_bool(0.6) { "yes" } else { "no" }.into(),
                ),
                (
                    question_ids[1],
                    ["Tram ou bus", "Voiture", "Vélo ou à pied"][rng.gen_range(0..3)].into(),
                ),
            ],
        };
        people.push(new);
    }
    let origin = Origin {
        lang: "fr",
        is_demo: true,
        now: now(),
    };
    // A refusal cannot happen with these capacities; it would only mean fewer demo rows.
    seats::register_many(db, &event, &people, origin).await?;
    let workshop_ids: Vec<i64> = workshops.iter().map(|w| w.1).collect();
    load_avenues(db, process_id, &workshop_ids).await
}

/// (workshop index, title, description, lead actors, published). Invented,
/// like everything in the demo; the drafts show what the public does not see.
const AVENUES: [(usize, &str, &str, &str, bool); 18] = [
    (0, "Ouvrir une maison des droits dans chaque quartier prioritaire", "Un lieu unique où CAF, CCAS, CPAM et associations tiennent des permanences communes, avec ou sans rendez-vous.", "CCAS, CAF, CPAM (fictifs)", true),
    (0, "Former des habitants relais à l'accès aux droits", "Des habitants volontaires, formés et soutenus, orientent leurs voisins vers les aides auxquelles ils ont droit.", "Centres socioculturels, CCAS (fictifs)", true),
    (0, "Un simulateur d'aides utilisé à chaque premier accueil", "Chaque premier rendez-vous social commence par un point complet sur les droits de la personne.", "CCAS, Département (fictifs)", false),
    (1, "Des consultations médicales en soirée deux fois par semaine", "Pour les personnes qui travaillent en horaires décalés, dans les maisons de santé des quartiers.", "Maisons de santé, CPAM (fictives)", true),
    (1, "Un bus santé qui passe dans chaque quartier une fois par mois", "Dépistages, vaccinations et orientation vers un médecin traitant.", "Ville, Agence régionale de santé (fictifs)", true),
    (1, "Aider chaque habitant à trouver un médecin traitant", "Une permanence téléphonique et une liste partagée des médecins qui acceptent de nouveaux patients.", "CPAM, Ordre des médecins (fictifs)", true),
    (2, "Garder un accueil humain pour chaque démarche en ligne", "Aucun service municipal ne devient uniquement numérique : un guichet reste ouvert pour chaque démarche.", "Ville de Mulhouse (fictif)", true),
    (2, "Des conseillers numériques dans les médiathèques et les mairies de quartier", "Accompagnement gratuit, sur rendez-vous ou sans, pour les démarches et l'usage du téléphone.", "Médiathèques, Ville (fictives)", true),
    (2, "Prêter des ordinateurs et des forfaits aux familles qui en manquent", "Un parc d'ordinateurs reconditionnés prêtés pour l'année scolaire.", "Associations d'insertion numérique (fictives)", true),
    (3, "Une épicerie solidaire par quartier, gérée avec ses bénéficiaires", "Des produits à petit prix et un lieu de rencontre, avec un comité d'usagers.", "Épiceries solidaires, Banque alimentaire (fictives)", true),
    (3, "Développer les jardins partagés au pied des immeubles", "Des parcelles cultivées ensemble, avec l'appui des bailleurs et d'un animateur.", "Bailleurs sociaux, associations de quartier (fictifs)", true),
    (3, "Un repair café mensuel dans chaque centre social", "Réparer plutôt que racheter : électroménager, vélos, vêtements.", "Centres sociaux (fictifs)", false),
    (4, "Des gardes d'enfants en horaires décalés pour reprendre un emploi", "Une crèche aux horaires étendus et un réseau d'assistantes maternelles.", "Ville, CAF (fictives)", true),
    (4, "Un parrainage vers l'emploi par des professionnels bénévoles", "Chaque personne accompagnée a un parrain ou une marraine pendant six mois.", "Mission locale, entreprises du territoire (fictives)", true),
    (4, "Ouvrir un chantier d'insertion dans la rénovation des logements", "Former aux métiers du bâtiment en rénovant le parc social.", "Chantier d'insertion Rebond, bailleurs (fictifs)", true),
    (5, "Un plan de rénovation énergétique des logements sociaux les plus anciens", "Isolation et chauffage en priorité dans les immeubles où les charges sont les plus lourdes.", "Habitat Sud-Alsace, Ville (fictifs)", true),
    (5, "Adapter les logements à l'âge et au handicap", "Un diagnostic gratuit et des travaux pris en charge pour rester chez soi.", "Bailleurs sociaux, Département (fictifs)", true),
    (5, "Une permanence sur les droits des locataires", "Chaque mois dans les quartiers, avec une association de locataires.", "Association de locataires (fictive)", true),
];

/// The action avenues of the six workshops, linked to the workshop's theme
/// and to up to two published proposals of that theme.
async fn load_avenues(db: &Db, process_id: i64, workshops: &[i64]) -> Result<(), sqlx::Error> {
    let candidates = avenues::candidate_proposals(db, process_id).await?;
    let theme_of: Vec<Vec<i64>> = {
        let mut out = Vec::new();
        for w in workshops {
            out.push(
                sqlx::query_scalar(
                    "SELECT theme_id FROM event_session_themes WHERE session_id = $1",
                )
                .bind(w)
                .fetch_all(&db.pool)
                .await?,
            );
        }
        out
    };
    for (i, (workshop, title, description, actors, published)) in AVENUES.iter().enumerate() {
        let (Some(session), Some(themes)) = (workshops.get(*workshop), theme_of.get(*workshop))
        else {
            continue;
        };
        let proposal_ids: Vec<i64> = candidates
            .iter()
            .filter(|(_, t)| t.iter().any(|t| themes.contains(t)))
            .skip(i % 3 * 2)
            .take(2)
            .map(|(p, _)| p.id)
            .collect();
        let input = AvenueInput {
            title: (*title).into(),
            description: (*description).into(),
            lead_actors: (*actors).into(),
            published: *published,
            theme_ids: themes.clone(),
            proposal_ids,
            is_demo: true,
        };
        avenues::save(db, *session, None, &input, now()).await?;
    }
    Ok(())
}
