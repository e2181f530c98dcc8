//! The demo Rendez-vous citoyen (demo data, invented for the demo): the public
//! evaluation meeting after the workshops, with a public test video, four
//! prepared live questions (the first one closed, with the answers of 60
//! demo participants split between the room and remote), audience
//! questions at every stage of moderation, and a final evaluation survey of
//! the whole process with 40 demo answers and published results.

use crate::rendezvous::logic::RendezvousInput;
use crate::rendezvous::logic::{AudienceStatus, Kind as LiveKind, Mode, QuestionState, SeenOpen};
use crate::rendezvous::store as rdv;
use crate::ssr::db::{now, Db};
use crate::survey::logic::{Answer, Answers, Kind, Question};
use crate::survey::store::{self as surveys, Access, SurveyInput};
use chrono::{Duration, NaiveDate};

pub const SLUG: &str = "rendez-vous-citoyen";
pub const SURVEY_SLUG: &str = "evaluation-demarche";
/// Demo participants who answered the first (closed) question.
pub const ANSWERS: usize = 60;
const EVALUATION_RESPONDENTS: usize = 40;

const SATISFACTION: [&str; 4] = [
    "Très satisfait",
    "Plutôt satisfait",
    "Plutôt pas satisfait",
    "Pas du tout satisfait",
];

fn survey_question(kind: Kind, prompt: &str, options: &[&str]) -> Question {
    Question {
        id: -1,
        section: 0,
        kind,
        prompt: prompt.into(),
        help: String::new(),
        required: true,
        options: options.iter().map(|s| s.to_string()).collect(),
        items: Vec::new(),
        condition: None,
    }
}

/// Which option demo person `i` of `n` picks, with `cuts` the cumulated counts.
fn pick(i: usize, n: usize, stride: usize, cuts: &[usize]) -> usize {
    let rank = (i * stride) % n;
    cuts.iter().position(|&c| rank < c).unwrap_or(cuts.len())
}

/// The final evaluation survey on `survey_component`, open for three weeks
/// from the meeting, with published demo results. Returns its id.
async fn evaluation_survey(
    db: &Db,
    survey_component: i64,
    day: NaiveDate,
) -> Result<Option<i64>, sqlx::Error> {
    let input = SurveyInput {
        slug: SURVEY_SLUG.into(),
        title: "Évaluation de toute la démarche « Mulhouse solidaire »".into(),
        intro: "Consultation, colloque, ateliers, rendez-vous citoyen : votre avis sur toute la \
                démarche, en trois minutes. Anonyme. (Données de démonstration.)"
            .into(),
        access: Access::Open,
        anonymous: true,
        opens_on: day,
        closes_on: day + Duration::days(21),
    };
    let Some(survey) = surveys::save_survey(db, survey_component, &input).await? else {
        return Ok(None);
    };
    let (sections, _) = surveys::definition(db, survey).await?;
    let first = sections[0].id;
    let whole = surveys::save_question(
        db,
        first,
        None,
        &survey_question(
            Kind::Rating,
            "Êtes-vous satisfait·e de la démarche dans son ensemble ?",
            &SATISFACTION,
        ),
    )
    .await?;
    let heard = surveys::save_question(
        db,
        first,
        None,
        &survey_question(
            Kind::YesNo,
            "Avez-vous le sentiment que votre avis a été entendu ?",
            &[],
        ),
    )
    .await?;
    let again = surveys::save_question(
        db,
        first,
        None,
        &survey_question(
            Kind::YesNo,
            "Participeriez-vous à une prochaine démarche de ce type ?",
            &[],
        ),
    )
    .await?;
    for i in 0..EVALUATION_RESPONDENTS {
        let answers = Answers::from([
            (
                whole,
                Answer::Choice(pick(i, EVALUATION_RESPONDENTS, 7, &[22, 35, 39])),
            ),
            (
                heard,
                Answer::Choice(pick(i, EVALUATION_RESPONDENTS, 11, &[29])),
            ),
            (
                again,
                Answer::Choice(pick(i, EVALUATION_RESPONDENTS, 13, &[34])),
            ),
        ]);
        super::survey::insert_response(db, survey, &answers, day).await?;
    }
    surveys::set_results_published(db, survey, true).await?;
    Ok(Some(survey))
}

async fn demo_participant(db: &Db, i: usize) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO participants (public_id, created_at) VALUES ($1, $2) RETURNING id",
    )
    .bind(format!("demo-rendezvous-{i:04}"))
    .bind(now())
    .fetch_one(&db.pool)
    .await
}

/// Loads the demo meeting on `component`, held on `day`; the final
/// evaluation goes on `survey_component`.
pub async fn load(
    db: &Db,
    component: i64,
    survey_component: Option<i64>,
    day: NaiveDate,
) -> Result<(), sqlx::Error> {
    let survey_id = match survey_component {
        Some(c) => evaluation_survey(db, c, day).await?,
        None => None,
    };
    let input = RendezvousInput {
        slug: SLUG.into(),
        title: "Rendez-vous citoyen « Mulhouse solidaire »".into(),
        description:
            "Une soirée publique pour présenter ce que la démarche a produit et l'évaluer \
                      ensemble, dans la salle et en vidéo. Répondez aux questions en direct depuis \
                      votre téléphone et posez les vôtres.\n\n\
                      *Données de démonstration : la vidéo est un film libre de test, pas une \
                      retransmission.*"
                .into(),
        starts_on: day,
        starts_at: "18:00".into(),
        venue: "Salle des fêtes, Mulhouse (démonstration)".into(),
        video_url: "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ".into(),
        survey_id,
        registration_open: true,
    };
    // The address taken already: the demo meeting is there.
    let r = match rdv::save(db, component, &input).await {
        Ok(id) => id,
        Err(e) if crate::ssr::db::is_unique_violation(&e) => return Ok(()),
        Err(e) => return Err(e),
    };
    let scale: Vec<String> = ["1", "2", "3", "4", "5"].map(String::from).to_vec();
    let first = rdv::save_question(
        db,
        r,
        None,
        LiveKind::Rating,
        "De 1 à 5, la démarche vous a-t-elle permis de vous exprimer ?",
        &scale,
    )
    .await?;
    rdv::save_question(
        db,
        r,
        None,
        LiveKind::Single,
        "Quelle piste d'action faut-il lancer en premier ?",
        &[
            "Un guichet unique près de chez soi".into(),
            "L'accompagnement aux démarches en ligne".into(),
            "Des permanences de santé dans les quartiers".into(),
        ],
    )
    .await?;
    rdv::save_question(
        db,
        r,
        None,
        LiveKind::Multiple,
        "Par quels moyens avez-vous participé ?",
        &[
            "La consultation en ligne".into(),
            "Avec un médiateur".into(),
            "Le colloque".into(),
            "Les ateliers".into(),
        ],
    )
    .await?;
    rdv::save_question(
        db,
        r,
        None,
        LiveKind::Word,
        "En un mot, qu'est-ce qu'une ville solidaire ?",
        &[],
    )
    .await?;
    // The first question was asked and closed: 60 answers, 36 in the room.
    rdv::set_state(db, r, first, QuestionState::Open, SeenOpen::Unknown).await?;
    let mut participants = Vec::new();
    for i in 0..ANSWERS {
        let p = demo_participant(db, i).await?;
        participants.push(p);
        let mode = if i < 36 { Mode::Room } else { Mode::Remote };
        let point = pick(i, ANSWERS, 7, &[3, 9, 21, 42]);
        rdv::answer(db, first, p, mode, &point.to_string()).await?;
    }
    rdv::set_state(db, r, first, QuestionState::Closed, SeenOpen::Unknown).await?;
    let audience = [
        (
            "Quand le guichet unique ouvrira-t-il dans mon quartier ?",
            Mode::Room,
            AudienceStatus::Approved,
            14,
        ),
        (
            "Les résultats de la consultation seront-ils envoyés aux associations ?",
            Mode::Remote,
            AudienceStatus::Approved,
            6,
        ),
        (
            "Comment continuer à participer après ce soir ?",
            Mode::Room,
            AudienceStatus::Answered,
            9,
        ),
        (
            "Y aura-t-il une aide pour les personnes sans ordinateur ?",
            Mode::Remote,
            AudienceStatus::Pending,
            0,
        ),
    ];
    for (n, (body, mode, status, upvotes)) in audience.into_iter().enumerate() {
        let id = rdv::ask(db, r, participants[n], body, mode).await?;
        if status != AudienceStatus::Pending {
            rdv::set_audience_status(db, r, id, AudienceStatus::Pending, AudienceStatus::Approved)
                .await?;
            for p in participants.iter().skip(10).take(upvotes) {
                rdv::upvote(db, r, id, *p).await?;
            }
            if status == AudienceStatus::Answered {
                rdv::set_audience_status(db, r, id, AudienceStatus::Approved, status).await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_answers_spread_over_the_scale() {
        let count = |point| {
            (0..ANSWERS)
                .filter(|&i| pick(i, ANSWERS, 7, &[3, 9, 21, 42]) == point)
                .count()
        };
        assert_eq!([0, 1, 2, 3, 4].map(count), [3, 6, 12, 21, 18]);
    }
}
