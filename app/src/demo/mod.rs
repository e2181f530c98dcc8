//! The demo process: "Mulhouse solidaire" (2021-2022), with its real phases and
//! question, and one demo staff account per role. Texts are written for the
//! demo from the published accounts of the process.
//!
//! One file per component: each loads its part of the demo into a phase.

pub mod consultation;
pub mod event;
pub mod rendezvous;
pub mod survey;

use crate::account::logic::{password::NewPassword, NewStaff};
use crate::account::store::create_staff;
use crate::model::{ComponentKind, Role};
use crate::process::logic::{shift_days, PhaseInput, ProcessInput};
use crate::process::store;
use crate::ssr::db::{is_unique_violation, Db};
use chrono::{Duration, NaiveDate};

pub const SLUG: &str = "mulhouse-solidaire";
pub const QUESTION: &str = "Comment améliorer vos conditions de vie à Mulhouse ?";
/// Published in the README; `serve` warns while accounts with it exist.
pub const DEMO_PASSWORD: &str = "demo-participe";
const SYMPOSIUM: &str = "Colloque Mulhouse solidaire";
/// How long the consultation has been open on the day the demo is loaded.
const CONSULTATION_DAYS_OPEN: i64 = 14;

pub const DEMO_ACCOUNTS: [(&str, &str, Role); 4] = [
    ("admin@demo.participe.test", "Camille (admin)", Role::Admin),
    (
        "moderation@demo.participe.test",
        "Malik (modération)",
        Role::Moderator,
    ),
    (
        "mediation@demo.participe.test",
        "Sophie (médiation)",
        Role::Mediator,
    ),
    (
        "accueil@demo.participe.test",
        "Lucas (accueil)",
        Role::EventStaff,
    ),
];

pub const THEMES: [&str; 7] = [
    "Accès aux droits",
    "Santé et accès aux soins",
    "Numérique et démarches en ligne",
    "Moyens d'existence",
    "Emploi et insertion",
    "Logement et cadre de vie",
    "Familles, jeunes et seniors",
];

const DESCRIPTION: &str = "\
La Ville de Mulhouse refonde sa politique d'action sociale et de santé **avec ses habitants** \
et les acteurs qui les accompagnent au quotidien.

La démarche se déroule en plusieurs temps :

1. une **grande consultation** ouverte à toutes et tous, en ligne et avec des médiateurs dans les quartiers ;
2. un **colloque** de deux jours qui réunit professionnels, bénévoles et habitants ;
3. des **ateliers** qui transforment les idées en pistes d'action ;
4. un **rendez-vous citoyen** pour présenter les résultats et évaluer la démarche ensemble.

*Données de démonstration : les dates, textes et comptes de ce processus servent à découvrir Participe.*";

struct DemoPhase {
    title: &'static str,
    description: &'static str,
    start: (i32, u32, u32),
    end: (i32, u32, u32),
    components: &'static [(ComponentKind, &'static str)],
}

const PHASES: [DemoPhase; 4] = [
    DemoPhase {
        title: "Consultation citoyenne",
        description: "Proposez vos idées en une phrase qui commence par « Il faut… » et votez sur celles des autres : \
                      d'accord, pas d'accord ou neutre. Des médiateurs vous accompagnent dans les centres socioculturels.",
        start: (2021, 10, 27),
        end: (2021, 12, 19),
        components: &[(ComponentKind::Consultation, QUESTION)],
    },
    DemoPhase {
        title: "Colloque « Mulhouse solidaire »",
        description: "Deux journées pour les professionnels, bénévoles, institutions et élus : tables rondes, \
                      conférences et ateliers sur les grandes idées issues de la consultation.",
        start: (2022, 5, 4),
        end: (2022, 5, 5),
        components: &[(ComponentKind::Event, SYMPOSIUM), (ComponentKind::Survey, "Votre avis sur le colloque")],
    },
    DemoPhase {
        title: "Ateliers thématiques",
        description: "Des groupes de travail par thème écrivent les pistes d'action et la feuille de route \
                      de l'action sociale et de la santé.",
        start: (2022, 6, 1),
        end: (2022, 12, 16),
        components: &[(ComponentKind::Event, "Ateliers thématiques")],
    },
    DemoPhase {
        title: "Rendez-vous citoyen",
        description: "Une rencontre publique, dans la salle et en direct vidéo, pour présenter les résultats \
                      et évaluer ensemble toute la démarche.",
        start: (2022, 6, 30),
        end: (2022, 6, 30),
        components: &[(ComponentKind::Rendezvous, "Rendez-vous citoyen"), (ComponentKind::Survey, "")],
    },
];

fn ymd((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("demo dates are valid")
}

/// What loading the demo did.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub process_created: bool,
    pub accounts_created: usize,
    /// Days added to the historical dates (0 with `--historical`).
    pub shift_days: i64,
}

/// Loads the demo; does nothing for parts that already exist.
pub async fn load(db: &Db, today: NaiveDate, historical: bool) -> Result<DemoReport, sqlx::Error> {
    let mut report = DemoReport::default();
    for (email, name, role) in DEMO_ACCOUNTS {
        let new = NewStaff {
            email: email.into(),
            display_name: name.into(),
            role,
            password: NewPassword::parse(DEMO_PASSWORD, DEMO_PASSWORD)
                .expect("the demo password is long enough"),
        };
        match create_staff(db, &new, true).await {
            Ok(_) => report.accounts_created += 1,
            Err(e) if is_unique_violation(&e) => {}
            Err(e) => return Err(e),
        }
    }
    if store::process_by_slug(db, SLUG).await?.is_some() {
        return Ok(report);
    }
    let shift = if historical {
        0
    } else {
        shift_days(ymd(PHASES[0].start), today, CONSULTATION_DAYS_OPEN)
    };
    report.shift_days = shift;
    let at = |d| ymd(d) + Duration::days(shift);
    let process = ProcessInput {
        slug: SLUG.into(),
        title: "Mulhouse solidaire, les états généraux de l'action sociale et de la santé".into(),
        subtitle: QUESTION.into(),
        description_md: DESCRIPTION.into(),
        image_url: "/images/mulhouse-solidaire.svg".into(),
        image_alt: String::new(),
        start: at(PHASES[0].start),
        end: at(PHASES[2].end),
        published: true,
    };
    let process_id = store::insert_process(db, &process).await?;
    store::insert_themes(db, process_id, &THEMES).await?;
    // The demo's chips take the palette's colours, in order.
    for (position, (_, colour)) in crate::process::logic::themes::PALETTE.iter().enumerate() {
        sqlx::query("UPDATE themes SET colour = $1 WHERE process_id = $2 AND position = $3")
            .bind(*colour)
            .bind(process_id)
            .bind(position as i64 + 1)
            .execute(&db.pool)
            .await?;
    }
    for phase in &PHASES {
        let input = PhaseInput {
            title: phase.title.into(),
            description_md: phase.description.into(),
            start: at(phase.start),
            end: at(phase.end),
            components: Vec::new(),
        };
        let phase_id = store::insert_phase(db, process_id, &input).await?;
        let mut tx = db.pool.begin().await?;
        let mut consultation_component = None;
        let mut satisfaction_survey = None;
        let mut symposium_component = None;
        let mut evaluation_component = None;
        let mut evaluation_survey = None;
        for (kind, title) in phase.components {
            let id = store::add_component(&mut tx, phase_id, *kind, title).await?;
            if *kind == ComponentKind::Consultation {
                consultation_component = Some(id);
            }
            if *kind == ComponentKind::Survey
                && phase
                    .components
                    .contains(&(ComponentKind::Event, SYMPOSIUM))
            {
                satisfaction_survey = Some(id);
            }
            if *kind == ComponentKind::Event && title.starts_with("Colloque") {
                symposium_component = Some(id);
            }
            if *kind == ComponentKind::Rendezvous {
                evaluation_component = Some(id);
            }
            // The evaluation phase's survey is the final evaluation of the whole process.
            if *kind == ComponentKind::Survey
                && phase
                    .components
                    .iter()
                    .any(|(k, _)| *k == ComponentKind::Rendezvous)
            {
                evaluation_survey = Some(id);
            }
        }
        tx.commit().await?;
        if let Some(component) = consultation_component {
            self::consultation::load(
                db,
                process_id,
                component,
                SLUG,
                QUESTION,
                input.start,
                input.end,
            )
            .await?;
        }
        if let Some(component) = satisfaction_survey {
            self::survey::load(db, component, input.end).await?;
        }
        if let Some(component) = symposium_component {
            self::event::load(db, process_id, component, input.start).await?;
        }
        if let Some(component) = evaluation_component {
            self::rendezvous::load(db, component, evaluation_survey, input.start).await?;
        }
    }
    report.process_created = true;
    Ok(report)
}
