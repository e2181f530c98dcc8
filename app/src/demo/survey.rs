//! The demo satisfaction survey of the symposium, with Mulhouse's three
//! published questions and 50 demo respondents whose answers reproduce the
//! published shares: 66 % very satisfied with the symposium (33 of 50), 92 %
//! very satisfied with the choice of themes (46), 76 % saw new action avenues
//! come out of it (38). A profile question gives the results filter
//! something to show. The results are published.

use crate::ssr::db::{now, Db};
use crate::survey::logic::{Answer, Answers, Condition, ConditionOp, Kind, Question};
use crate::survey::store::{self, Access, Respondent, Survey, SurveyInput};
use chrono::{Duration, NaiveDate};

pub const SLUG: &str = "satisfaction-colloque";
pub const RESPONDENTS: usize = 50;

const PROFILES: [&str; 4] = [
    "Habitant ou habitante",
    "Professionnel·le de l'action sociale ou de la santé",
    "Bénévole d'une association",
    "Élu·e ou représentant·e d'une institution",
];
const SATISFACTION: [&str; 4] = [
    "Très satisfait",
    "Plutôt satisfait",
    "Plutôt pas satisfait",
    "Pas du tout satisfait",
];
const MISSING: [&str; 3] = [
    "Plus de temps pour échanger avec la salle après les tables rondes.",
    "Des ateliers moins chargés : nous étions trop nombreux pour parler.",
    "Davantage d'habitants à la tribune, pas seulement des professionnels.",
];
const KEPT: [&str; 5] = [
    "L'idée d'un guichet unique près de chez soi revient partout : il faut la mettre en œuvre.",
    "Les échanges entre bénévoles et travailleurs sociaux, trop rares d'habitude.",
    "Le témoignage des médiateurs numériques sur l'accueil physique.",
    "La place donnée aux jeunes et aux seniors isolés dans les pistes d'action.",
    "Une vraie envie de continuer ensemble dans les ateliers thématiques.",
];

fn question(kind: Kind, prompt: &str, options: &[&str], required: bool) -> Question {
    Question {
        id: -1,
        section: 0,
        kind,
        prompt: prompt.into(),
        help: String::new(),
        required,
        options: options.iter().map(|s| s.to_string()).collect(),
        items: Vec::new(),
        condition: None,
    }
}

/// Which option respondent `i` of 50 picks when `n` of them pick the first:
/// `i * stride mod 50` spreads the first option over different people for
/// each question (strides prime to 50 make it a permutation, so counts are exact).
fn pick(i: usize, stride: usize, cuts: &[usize]) -> usize {
    let rank = (i * stride) % RESPONDENTS;
    cuts.iter()
        .position(|&cut| rank < cut)
        .unwrap_or(cuts.len())
}

/// Creates the survey of the symposium's survey component, its answers, and
/// publishes the results. `symposium_end` is the symposium's last day.
pub async fn load(db: &Db, component: i64, symposium_end: NaiveDate) -> Result<(), sqlx::Error> {
    let input = SurveyInput {
        slug: SLUG.into(),
        title: "Votre avis sur le colloque « Mulhouse solidaire »".into(),
        intro:
            "Quelques questions, deux minutes : vos réponses nous aident à préparer les ateliers \
                et le rendez-vous citoyen. Le questionnaire est anonyme."
                .into(),
        access: Access::Open,
        anonymous: true,
        opens_on: symposium_end,
        closes_on: symposium_end + Duration::days(21),
    };
    let Some(survey) = store::save_survey(db, component, &input).await? else {
        return Ok(());
    };
    let (sections, _) = store::definition(db, survey).await?;
    let first = sections[0].id;
    let second = store::add_section(db, survey, "Pour aller plus loin").await?;
    let profile = store::save_question(
        db,
        first,
        None,
        &question(
            Kind::Single,
            "Vous êtes venu·e au colloque en tant que :",
            &PROFILES,
            true,
        ),
    )
    .await?;
    let symposium = store::save_question(
        db,
        first,
        None,
        &question(
            Kind::Rating,
            "Êtes-vous satisfait·e du colloque ?",
            &SATISFACTION,
            true,
        ),
    )
    .await?;
    let themes = store::save_question(
        db,
        first,
        None,
        &question(
            Kind::Rating,
            "Êtes-vous satisfait·e du choix des thèmes ?",
            &SATISFACTION,
            true,
        ),
    )
    .await?;
    let avenues = store::save_question(
        db,
        first,
        None,
        &question(
            Kind::YesNo,
            "Selon vous, de nouvelles pistes d'action sont-elles ressorties du colloque ?",
            &[],
            true,
        ),
    )
    .await?;
    let mut missing = question(Kind::LongText, "Qu'est-ce qui vous a manqué ?", &[], false);
    missing.condition = Some(Condition {
        question: symposium,
        op: ConditionOp::Equals,
        option: 2,
    });
    let missing = store::save_question(db, second, None, &missing).await?;
    let kept = store::save_question(
        db,
        second,
        None,
        &question(Kind::LongText, "Que retenez-vous du colloque ?", &[], false),
    )
    .await?;

    let mut missing_texts = MISSING.iter();
    let mut kept_texts = KEPT.iter();
    for i in 0..RESPONDENTS {
        // 12 residents, 22 professionals, 10 volunteers, 6 elected members.
        let who = [12, 34, 44].iter().position(|&cut| i < cut).unwrap_or(3);
        let on_symposium = pick(i, 7, &[33, 47]);
        let mut answers = Answers::from([
            (profile, Answer::Choice(who)),
            (symposium, Answer::Choice(on_symposium)),
            (themes, Answer::Choice(pick(i, 11, &[46]))),
            (avenues, Answer::Choice(pick(i, 13, &[38]))),
        ]);
        if on_symposium == 2 {
            if let Some(text) = missing_texts.next() {
                answers.insert(missing, Answer::Text((*text).into()));
            }
        }
        if i % 10 == 3 {
            if let Some(text) = kept_texts.next() {
                answers.insert(kept, Answer::Text((*text).into()));
            }
        }
        insert_response(db, survey, &answers, input.opens_on).await?;
    }
    store::set_results_published(db, survey, true).await
}

/// Writes one response as a respondent of the open link would, without a
/// browser: a participant of its own marks it answered, and the response is
/// stored as anonymous (no invitation, no participant on it).
pub async fn insert_response(
    db: &Db,
    survey: i64,
    answers: &Answers,
    on: NaiveDate,
) -> Result<(), sqlx::Error> {
    let s = Survey {
        id: survey,
        component_id: 0,
        slug: String::new(),
        title: String::new(),
        intro: String::new(),
        access: Access::Open,
        anonymous: true,
        opens_on: on,
        closes_on: on,
        results_published: false,
    };
    let participant: i64 = sqlx::query_scalar(
        "INSERT INTO participants (public_id, created_at) VALUES ($1, $2) RETURNING id",
    )
    .bind(format!("{:032x}", rand::random::<u128>()))
    .bind(now())
    .fetch_one(&db.pool)
    .await?;
    store::submit(db, &s, Respondent::Participant(participant), answers, on).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_answers_reproduce_the_published_shares() {
        let count = |stride, cuts: &[usize], option| {
            (0..RESPONDENTS)
                .filter(|&i| pick(i, stride, cuts) == option)
                .count()
        };
        assert_eq!(count(7, &[33, 47], 0), 33, "66 %");
        assert_eq!(count(7, &[33, 47], 2), 3);
        assert_eq!(count(11, &[46], 0), 46, "92 %");
        assert_eq!(count(13, &[38], 0), 38, "76 %");
    }
}
