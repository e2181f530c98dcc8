//! Surveys over HTTP: one-time invitations, anonymous answers that link to
//! nobody (read back from the stored rows), answering once through the open
//! link, conditional questions and missing answers without JavaScript, and
//! results with their percentages, publication and exports.

use crate::common::{spawn_app, Engine, TestApp, ADMIN};
use app::survey::logic::{Answer, Answers, Condition, ConditionOp, Kind, Question};
use app::survey::store::{self, Access, Survey, SurveyInput};

const SLUG: &str = "satisfaction-test";

/// The ids of the test survey's questions.
struct Ids {
    profile: i64,
    satisfaction: i64,
    why: i64,
    pro: i64,
}

/// A new, empty survey component in the demo's workshops phase (the demo's
/// other survey components hold the symposium's satisfaction survey and the
/// final evaluation of the process).
async fn empty_survey_component(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO components (phase_id, kind, title, created_at) \
         SELECT id, 'survey', '', 0 FROM phases WHERE position = 3 RETURNING id",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
}

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

/// Part 1: profile, satisfaction, and "why" for the unsatisfied (same part).
/// Part 2: one question for professionals only.
async fn make_survey(app: &TestApp, access: Access, anonymous: bool) -> (Survey, Ids) {
    let component = empty_survey_component(app).await;
    let today = app.config.settings().today();
    let input = SurveyInput {
        slug: SLUG.into(),
        title: "Satisfaction".into(),
        intro: String::new(),
        access,
        anonymous,
        opens_on: today - chrono::Duration::days(1),
        closes_on: today + chrono::Duration::days(10),
    };
    let id = store::save_survey(&app.db, component, &input)
        .await
        .unwrap()
        .unwrap();
    let second = store::add_section(&app.db, id, "Professionnels")
        .await
        .unwrap();
    let (sections, _) = store::definition(&app.db, id).await.unwrap();
    let first = sections[0].id;
    let save = |section: i64, q: Question| {
        let db = app.db.clone();
        async move { store::save_question(&db, section, None, &q).await.unwrap() }
    };
    let profile = save(
        first,
        question(
            Kind::Single,
            "Vous êtes",
            &["Habitant", "Professionnel"],
            true,
        ),
    )
    .await;
    let satisfaction = save(
        first,
        question(
            Kind::Rating,
            "Êtes-vous satisfait du colloque ?",
            &[
                "Très satisfait",
                "Plutôt satisfait",
                "Plutôt pas satisfait",
                "Pas du tout satisfait",
            ],
            true,
        ),
    )
    .await;
    let mut why = question(Kind::LongText, "Pourquoi ?", &[], true);
    why.condition = Some(Condition {
        question: satisfaction,
        op: ConditionOp::Equals,
        option: 3,
    });
    let why = save(first, why).await;
    let mut pro = question(Kind::YesNo, "Reviendrez-vous ?", &[], true);
    pro.condition = Some(Condition {
        question: profile,
        op: ConditionOp::Equals,
        option: 1,
    });
    let pro = save(second, pro).await;
    let survey = store::survey_by_slug(&app.db, SLUG).await.unwrap().unwrap();
    (
        survey,
        Ids {
            profile,
            satisfaction,
            why,
            pro,
        },
    )
}

fn field(id: i64) -> String {
    format!("q{id}")
}

/// A count over the test survey's rows (`$1` is its id); the demo has its own survey.
async fn count(app: &TestApp, survey: &Survey, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(survey.id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn an_invitation_answers_once_and_anonymous_answers_link_to_nobody(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (survey, ids) = make_survey(&app, Access::Invitation, true).await;
    let created = store::create_invitations(
        &app.db,
        survey.id,
        &[("anne@example.org".into(), "Anne".into())],
        |_, _, _| None,
    )
    .await
    .unwrap();
    let (invitation_id, _, _, token) = created[0].clone();
    assert!(token.len() >= 43, "256 random bits");
    let path = format!("/surveys/{SLUG}/i/{token}");

    // The open link is closed to this survey; a made-up token is not found.
    let browser = app.html_client();
    let (status, body) = app.get_html(&browser, &format!("/surveys/{SLUG}")).await;
    assert_eq!(status, 200);
    assert!(
        body.contains("réservé aux personnes invitées"),
        "{engine:?}"
    );
    let (status, _) = app
        .get_html(&browser, &format!("/surveys/{SLUG}/i/forged-token"))
        .await;
    assert_eq!(status, 404);

    let (status, body) = app.get_html(&browser, &path).await;
    assert_eq!(status, 200);
    assert!(body.contains("Partie 1 sur 2"), "{body}");
    let (profile, satisfaction) = (field(ids.profile), field(ids.satisfaction));
    let form = [
        ("survey", SLUG),
        ("token", token.as_str()),
        ("section", "0"),
        ("action", "next"),
        (profile.as_str(), "0"),
        (satisfaction.as_str(), "0"),
    ];
    // A resident sees no part 2: the answers are sent at once.
    let (status, to) = app
        .post_form(&browser, "surveys/answer", &path, &form)
        .await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/surveys/satisfaction-test/thanks"),
        "{engine:?}"
    );

    // The same token again, from another browser: refused.
    let (status, _) = app
        .post_api(&app.api_client(), "surveys/answer", &form)
        .await;
    assert_eq!(status, 409, "{engine:?}");
    let (_, body) = app.get_html(&app.html_client(), &path).await;
    assert!(body.contains("déjà répondu"));

    // A second invitation sent twice at once (a double tap on two phones): stored once.
    let second = store::create_invitations(
        &app.db,
        survey.id,
        &[("karim@example.org".into(), String::new())],
        |_, _, _| None,
    )
    .await
    .unwrap();
    let token2 = second[0].3.clone();
    let mut form2 = form.to_vec();
    form2[1] = ("token", token2.as_str());
    let (one, two) = (app.api_client(), app.api_client());
    let (a, b) = tokio::join!(
        app.post_api(&one, "surveys/answer", &form2),
        app.post_api(&two, "surveys/answer", &form2)
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{engine:?} {a:?} {b:?}");

    // Exactly one response, which holds neither the invitation nor a participant.
    let rows: Vec<(String, String, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT id, submitted_on, invitation_id, participant_id FROM survey_responses WHERE survey_id = $1",
    )
    .bind(survey.id)
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 2, "{engine:?}");
    assert!(
        rows.iter().all(|r| r.2.is_none() && r.3.is_none()),
        "{rows:?}"
    );
    let (_, submitted_on, _, _) = &rows[0];
    assert_eq!(submitted_on.len(), 10, "a day, no time: {submitted_on}");
    for (response_id, ..) in &rows {
        assert_eq!(response_id.len(), 32);
        assert!(!store::token_hash(&token).contains(response_id.as_str()));
    }
    assert_eq!(
        count(
            &app,
            &survey,
            "SELECT COUNT(*) FROM survey_participations WHERE survey_id = $1"
        )
        .await,
        0,
        "an invitation leaves no participant marker"
    );
    let used: Option<String> =
        sqlx::query_scalar("SELECT used_on FROM survey_invitations WHERE id = $1")
            .bind(invitation_id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(
        used.as_deref(),
        Some(submitted_on.as_str()),
        "used, to the day only"
    );
    // The answers hang off the random response ids only.
    let answers: Vec<(String, i64, String)> =
        sqlx::query_as(
            "SELECT a.response_id, a.question_id, a.value FROM survey_answers a \
             JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = $1 ORDER BY a.question_id",
        )
            .bind(survey.id)
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(answers.len(), 4);
    assert!(answers
        .iter()
        .all(|(r, _, _)| rows.iter().any(|row| &row.0 == r)));
    assert_eq!(answers[3].2, r#"{"choice":0}"#);
}

async fn a_named_survey_links_its_response_to_the_invitation(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (survey, ids) = make_survey(&app, Access::Invitation, false).await;
    let created = store::create_invitations(
        &app.db,
        survey.id,
        &[("karim@example.org".into(), String::new())],
        |_, _, _| None,
    )
    .await
    .unwrap();
    let (invitation_id, _, _, token) = created[0].clone();
    let (profile, satisfaction) = (field(ids.profile), field(ids.satisfaction));
    let client = app.api_client();
    let (status, body) = app
        .post_api(
            &client,
            "surveys/answer",
            &[
                ("survey", SLUG),
                ("token", token.as_str()),
                ("section", "0"),
                ("action", "next"),
                (profile.as_str(), "0"),
                (satisfaction.as_str(), "1"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    let linked: Option<i64> =
        sqlx::query_scalar("SELECT invitation_id FROM survey_responses WHERE survey_id = $1")
            .bind(survey.id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(linked, Some(invitation_id));
}

async fn the_open_link_takes_one_answer_per_participant(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (survey, ids) = make_survey(&app, Access::Open, true).await;
    let (profile, satisfaction) = (field(ids.profile), field(ids.satisfaction));
    let form = [
        ("survey", SLUG),
        ("section", "0"),
        ("action", "next"),
        (profile.as_str(), "0"),
        (satisfaction.as_str(), "1"),
    ];
    let client = app.api_client();
    // The participant comes from the session, made on the page.
    app.get_html(&client, &format!("/surveys/{SLUG}")).await;
    let (status, body) = app.post_api(&client, "surveys/answer", &form).await;
    assert_eq!(status, 200, "{engine:?} {body}");
    let (status, _) = app.post_api(&client, "surveys/answer", &form).await;
    assert_eq!(status, 409, "{engine:?}");
    let (_, page) = app.get_html(&client, &format!("/surveys/{SLUG}")).await;
    assert!(page.contains("déjà répondu"));
    assert_eq!(
        count(
            &app,
            &survey,
            "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            &survey,
            "SELECT COUNT(*) FROM survey_participations WHERE survey_id = $1"
        )
        .await,
        1
    );
    assert_eq!(
        count(&app, &survey, "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1 AND participant_id IS NOT NULL").await,
        0,
        "the marker is kept apart from the answers"
    );
    // Another person may answer.
    let (status, _) = app
        .post_api(&app.api_client(), "surveys/answer", &form)
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        count(
            &app,
            &survey,
            "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1"
        )
        .await,
        2
    );
}

async fn conditional_questions_and_missing_answers_without_javascript(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (survey, ids) = make_survey(&app, Access::Open, true).await;
    let browser = app.html_client();
    let page = format!("/surveys/{SLUG}");
    let (_, body) = app.get_html(&browser, &page).await;
    // The follow-up depends on this same part: shown, with when to answer it.
    assert!(body.contains("Répondez seulement si vous avez choisi « Pas du tout satisfait »"));
    assert!(
        !body.contains("Reviendrez-vous"),
        "part 2 is not on part 1's page"
    );

    let (profile, satisfaction, why, pro) = (
        field(ids.profile),
        field(ids.satisfaction),
        field(ids.why),
        field(ids.pro),
    );
    // A professional, not satisfied at all, who forgets to say why.
    let mut form = vec![
        ("survey", SLUG.to_owned()),
        ("section", "0".to_owned()),
        ("action", "next".to_owned()),
        (profile.as_str(), "1".to_owned()),
        (satisfaction.as_str(), "3".to_owned()),
        (why.as_str(), "   ".to_owned()),
    ];
    let as_refs = |f: &Vec<(&str, String)>| {
        f.iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect::<Vec<_>>()
    };
    let post = |f: Vec<(String, String)>| {
        let browser = browser.clone();
        let url = app.url("/api/surveys/answer");
        let referer = app.url(&page);
        async move {
            let res = browser
                .post(url)
                .header("referer", referer)
                .form(&f)
                .send()
                .await
                .unwrap();
            let to = res
                .headers()
                .get("location")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            (res.status().as_u16(), to)
        }
    };
    let (status, to) = post(as_refs(&form)).await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/surveys/satisfaction-test?section=1&check=1#problems"),
        "{engine:?}"
    );
    let (_, body) = app
        .get_html(&browser, "/surveys/satisfaction-test?section=1&check=1")
        .await;
    assert!(body.contains(r#"role="alert""#), "an error summary");
    assert!(
        body.contains(&format!(r#"id="err-q{}""#, ids.why)),
        "the message at the question"
    );
    assert!(body.contains(r#"aria-invalid="true""#));
    assert!(
        body.contains(&format!(
            r#"id="f-q{}-3" name="q{}" value="3" checked"#,
            ids.satisfaction, ids.satisfaction
        )),
        "what was chosen is kept: {body}"
    );

    // Saying why: on to part 2, which shows for professionals.
    form[5].1 = "Trop de tables rondes en même temps".to_owned();
    let (_, to) = post(as_refs(&form)).await;
    assert_eq!(to, "/surveys/satisfaction-test?section=2");
    let (_, body) = app
        .get_html(&browser, "/surveys/satisfaction-test?section=2")
        .await;
    assert!(body.contains("Reviendrez-vous") && body.contains("Partie 2 sur 2"));

    // Back to part 1: the text typed is still there.
    let back = vec![
        ("survey".to_owned(), SLUG.to_owned()),
        ("section".to_owned(), "1".to_owned()),
        ("action".to_owned(), "back".to_owned()),
    ];
    let (_, to) = post(back).await;
    assert_eq!(to, "/surveys/satisfaction-test?section=1");
    let (_, body) = app.get_html(&browser, &to).await;
    assert!(body.contains("Trop de tables rondes en même temps"));

    // Part 2's required question, then sent.
    let mut last = vec![
        ("survey".to_owned(), SLUG.to_owned()),
        ("section".to_owned(), "1".to_owned()),
        ("action".to_owned(), "next".to_owned()),
    ];
    let (_, to) = post(last.clone()).await;
    assert_eq!(to, "/surveys/satisfaction-test?section=2&check=1#problems");
    last.push((pro.clone(), "0".to_owned()));
    let (_, to) = post(last).await;
    assert_eq!(to, "/surveys/satisfaction-test/thanks");

    let stored: Vec<(i64, String)> =
        sqlx::query_as(
            "SELECT a.question_id, a.value FROM survey_answers a \
             JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = $1 ORDER BY a.question_id",
        )
            .bind(survey.id)
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    let values: Vec<i64> = stored.iter().map(|(q, _)| *q).collect();
    assert_eq!(
        values,
        vec![ids.profile, ids.satisfaction, ids.why, ids.pro],
        "{engine:?}"
    );
    assert_eq!(
        stored[2].1,
        r#"{"text":"Trop de tables rondes en même temps"}"#
    );

    // A satisfied resident's stray "why" is dropped, not stored.
    let resident = app.api_client();
    let (status, _) = app
        .post_api(
            &resident,
            "surveys/answer",
            &[
                ("survey", SLUG),
                ("section", "0"),
                ("action", "next"),
                (profile.as_str(), "0"),
                (satisfaction.as_str(), "0"),
                (why.as_str(), "rien"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        count(&app, &survey, "SELECT COUNT(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id \
             WHERE r.survey_id = $1 AND a.value = '{\"text\":\"rien\"}'").await,
        0
    );
}

async fn results_show_shares_once_published_and_export(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (survey, ids) = make_survey(&app, Access::Open, true).await;
    // 50 respondents: 33 very satisfied, 15 rather, 2 rather not; 10 professionals.
    let today = app.config.settings().today();
    for i in 0..50 {
        let rating = if i < 33 {
            0
        } else if i < 48 {
            1
        } else {
            2
        };
        let answers = Answers::from([
            (ids.profile, Answer::Choice(usize::from(i % 5 == 0))),
            (ids.satisfaction, Answer::Choice(rating)),
        ]);
        app::demo::survey::insert_response(&app.db, survey.id, &answers, today)
            .await
            .unwrap();
    }
    let results = format!("/surveys/{SLUG}/results");
    let visitor = app.api_client();
    let (status, _) = app.get_html(&visitor, &results).await;
    assert_eq!(status, 404, "{engine:?}: not published yet");
    let (status, _) = app
        .get_html(&visitor, &format!("/api/surveys/{SLUG}/responses.csv"))
        .await;
    assert_eq!(status, 404);

    let admin = app.logged_in(ADMIN).await;
    let (status, body) = app.get_html(&admin, &results).await;
    assert_eq!(status, 200);
    assert!(
        body.contains("seule l'équipe")
            || body.contains("seule l&#x27;équipe")
            || body.contains("seule l&#39;équipe")
    );
    let component = survey.component_id.to_string();
    let (status, body) = app
        .post_api(
            &admin,
            "staff/surveys/publish",
            &[("component_id", &component), ("publish", "on")],
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let (status, body) = app.get_html(&visitor, &results).await;
    assert_eq!(status, 200, "{engine:?}");
    assert!(body.contains("Réponses reçues : 50."));
    assert!(
        body.contains(r#"<span class="top-box-figure">66 %</span>"#),
        "{body}"
    );
    for share in [
        "<td>33</td><td>66 %</td>",
        "<td>15</td><td>30 %</td>",
        "<td>2</td><td>4 %</td>",
        "<td>40</td><td>80 %</td>",
    ] {
        assert!(body.contains(share), "{share}");
    }
    assert!(body.contains("Moyenne : 3,6 sur 4"));

    // Filtered to the 10 professionals: 7 of them are very satisfied (70 %).
    let filter = format!("{results}?filter={}:1", ids.profile);
    let (_, body) = app.get_html(&visitor, &filter).await;
    assert!(
        body.contains("10 personnes ont répondu « Professionnel »"),
        "{body}"
    );
    assert!(body.contains(r#"<span class="top-box-figure">70 %</span>"#));

    let res = visitor
        .get(app.url(&format!("/api/surveys/{SLUG}/responses.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let csv = res.text().await.unwrap();
    assert_eq!(csv.lines().count(), 51, "a header and 50 rows");
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .contains("Êtes-vous satisfait du colloque ?"));
    assert_eq!(csv.matches("Très satisfait").count(), 33);
    let res = visitor
        .get(app.url(&format!("/api/surveys/{SLUG}/responses.xlsx")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.bytes().await.unwrap().starts_with(b"PK"));
}

/// The link in the newest outbox mail to `to`.
async fn mailed_link(app: &TestApp, to: &str) -> String {
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM mail_outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(to)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let start = body.find("/surveys/").expect("a survey link");
    let rest = &body[start..];
    rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())].to_owned()
}

async fn staff_invite_a_pasted_list_and_remind_those_who_have_not_answered(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (survey, ids) = make_survey(&app, Access::Invitation, true).await;
    let admin = app.logged_in(ADMIN).await;
    let component = survey.component_id.to_string();
    let recipients =
        "anne@example.org, Anne Martin\n\"Karim B\" <karim@example.org>\nanne@example.org";
    let (status, body) = app
        .post_api(
            &admin,
            "staff/surveys/invitations/send",
            &[("component_id", &component), ("recipients", recipients)],
        )
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    assert!(body.contains(r#""sent":2"#), "{body}");
    let subject: String =
        sqlx::query_scalar("SELECT subject FROM mail_outbox WHERE recipient = 'anne@example.org'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(subject, "Votre avis : Satisfaction");

    // Anne answers through her link; Karim does not.
    let anne = mailed_link(&app, "anne@example.org").await;
    let token = anne.rsplit('/').next().unwrap().to_owned();
    let (profile, satisfaction) = (field(ids.profile), field(ids.satisfaction));
    let (status, _) = app
        .post_api(
            &app.api_client(),
            "surveys/answer",
            &[
                ("survey", SLUG),
                ("token", &token),
                ("section", "0"),
                ("action", "next"),
                (profile.as_str(), "0"),
                (satisfaction.as_str(), "0"),
            ],
        )
        .await;
    assert_eq!(status, 200);

    // The reminder goes to Karim only, with a new link; the old one stops working.
    let first = mailed_link(&app, "karim@example.org").await;
    let (status, body) = app
        .post_api(
            &admin,
            "staff/surveys/invitations/remind",
            &[("component_id", &component)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#""sent":1"#), "{body}");
    let reminder = mailed_link(&app, "karim@example.org").await;
    assert_ne!(reminder, first);
    let mails_to_anne = count(
        &app,
        &survey,
        "SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'anne@example.org' AND $1 > 0",
    )
    .await;
    assert_eq!(mails_to_anne, 1, "no reminder to who answered");
    let (status, _) = app.get_html(&app.html_client(), &first).await;
    assert_eq!(status, 404);
    let (status, body) = app.get_html(&app.html_client(), &reminder).await;
    assert_eq!(status, 200);
    assert!(body.contains("Partie 1 sur 2"));
}

async fn the_demo_results_show_mulhouse_published_shares(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (status, body) = app
        .get_html(&app.api_client(), "/surveys/satisfaction-colloque/results")
        .await;
    assert_eq!(status, 200, "{engine:?}");
    assert!(body.contains("Réponses reçues : 50."));
    for share in ["66 %", "92 %", "76 %"] {
        assert!(
            body.contains(&format!(r#"<span class="top-box-figure">{share}</span>"#)),
            "{share}"
        );
    }
    // The profile filter: the 22 professionals.
    let profile: i64 = sqlx::query_scalar(
        "SELECT q.id FROM survey_questions q JOIN survey_sections s ON s.id = q.section_id \
         JOIN surveys v ON v.id = s.survey_id WHERE v.slug = 'satisfaction-colloque' AND q.kind = 'single'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (_, body) = app
        .get_html(
            &app.api_client(),
            &format!("/surveys/satisfaction-colloque/results?filter={profile}:1"),
        )
        .await;
    assert!(body.contains("22 personnes ont répondu"), "{body}");
    // The symposium's page links to the published results.
    let phase: i64 = sqlx::query_scalar(
        "SELECT c.phase_id FROM components c JOIN surveys s ON s.component_id = c.id \
         WHERE s.slug = 'satisfaction-colloque'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (_, body) = app
        .get_html(
            &app.api_client(),
            &format!("/processes/mulhouse-solidaire/phases/{phase}"),
        )
        .await;
    assert!(
        body.contains(r#"href="/surveys/satisfaction-colloque/results""#),
        "{body}"
    );
}

async fn an_admin_builds_a_survey_with_a_condition_and_previews_it(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let component = empty_survey_component(&app).await.to_string();
    let admin = app.logged_in(ADMIN).await;
    let (status, body) = app
        .post_api(
            &admin,
            "staff/surveys/save",
            &[
                ("component_id", &component),
                ("slug", "bilan-rendez-vous"),
                ("title", "Bilan du rendez-vous citoyen"),
                ("access", "open"),
                ("anonymous", "on"),
                ("opens_on", "2020-01-01"),
                ("closes_on", "2040-01-01"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    let survey = store::survey_by_slug(&app.db, "bilan-rendez-vous")
        .await
        .unwrap()
        .unwrap();
    let (sections, _) = store::definition(&app.db, survey.id).await.unwrap();
    let section = sections[0].id.to_string();
    let question =
        |kind: &'static str, prompt: &'static str, options: &'static str, condition: String| {
            vec![
                ("component_id".to_owned(), component.clone()),
                ("section_id".to_owned(), section.clone()),
                ("kind".to_owned(), kind.to_owned()),
                ("prompt".to_owned(), prompt.to_owned()),
                ("options".to_owned(), options.to_owned()),
                ("required".to_owned(), "on".to_owned()),
                ("condition".to_owned(), condition),
            ]
        };
    let post = |form: Vec<(String, String)>| {
        let admin = admin.clone();
        let url = app.url("/api/staff/surveys/questions/save");
        async move {
            let res = admin.post(url).form(&form).send().await.unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    // A rating needs 4 or 5 points.
    let (status, body) = post(question(
        "rating",
        "Satisfait ?",
        "Oui\nBof\nNon",
        String::new(),
    ))
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("4 ou 5 niveaux"), "{body}");
    let (status, _) = post(question(
        "rating",
        "Satisfait ?",
        "Très satisfait\nPlutôt satisfait\nPlutôt pas satisfait\nPas du tout satisfait",
        String::new(),
    ))
    .await;
    assert_eq!(status, 200);
    let (_, questions) = store::definition(&app.db, survey.id).await.unwrap();
    let rating = questions[0].id;
    // A condition must point at an option that exists.
    let (status, _) = post(question(
        "long_text",
        "Pourquoi ?",
        "",
        format!("{rating}:equals:9"),
    ))
    .await;
    assert_eq!(status, 422);
    let (status, _) = post(question(
        "long_text",
        "Pourquoi ?",
        "",
        format!("{rating}:equals:3"),
    ))
    .await;
    assert_eq!(status, 200);

    // Once answered, a question keeps its shape; its labels may be reworded.
    let today = app.config.settings().today();
    let answers = Answers::from([(rating, Answer::Choice(0))]);
    app::demo::survey::insert_response(&app.db, survey.id, &answers, today)
        .await
        .unwrap();
    let mut edit = question(
        "rating",
        "Satisfait ?",
        "Très satisfait\nSatisfait\nPeu satisfait\nPas satisfait\nPas du tout",
        String::new(),
    );
    edit.push(("question_id".to_owned(), rating.to_string()));
    let (status, body) = post(edit.clone()).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("Des réponses sont déjà enregistrées"),
        "{body}"
    );
    edit[4].1 = "Ravi\nContent\nMitigé\nDéçu".to_owned();
    let (status, body) = post(edit).await;
    assert_eq!(status, 200, "{body}");

    let (status, body) = app
        .get_html(&admin, &format!("/admin/surveys/{component}/preview"))
        .await;
    assert_eq!(status, 200);
    assert!(body.contains("Satisfait ?") && body.contains("Pourquoi ?"));
    assert!(body.contains("Répondez seulement si vous avez choisi « Déçu »"));
    let (status, body) = app
        .get_html(&admin, &format!("/admin/surveys/{component}"))
        .await;
    assert_eq!(status, 200);
    assert!(body.contains("Bilan du rendez-vous citoyen"));
    let (status, body) = app
        .get_html(&app.api_client(), "/surveys/bilan-rendez-vous")
        .await;
    assert_eq!(status, 200);
    assert!(body.contains("Partie 1 sur 1") && body.contains("Envoyer mes réponses"));
}

async fn staff_invite_everyone_checked_in_at_the_symposium(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (survey, _) = make_survey(&app, Access::Invitation, true).await;
    let event: i64 = sqlx::query_scalar("SELECT id FROM events ORDER BY id LIMIT 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    // Three people arrived (one of them on both days); the others did not come.
    sqlx::query(
        "UPDATE registration_days SET checked_in_at = 1 WHERE registration_id IN \
         (SELECT id FROM registrations WHERE event_id = $1 AND status = 'active' ORDER BY id LIMIT 3)",
    )
    .bind(event)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let arrived: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM registrations WHERE event_id = $1 AND status = 'active' ORDER BY id LIMIT 3",
    )
    .bind(event)
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    let admin = app.logged_in(ADMIN).await;
    let component = survey.component_id.to_string();
    let event = event.to_string();
    let (status, body) = app
        .post_api(
            &admin,
            "staff/surveys/invitations/send",
            &[
                ("component_id", component.as_str()),
                ("event_id", event.as_str()),
                ("recipients", ""),
            ],
        )
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    assert!(body.contains(r#""sent":3"#), "{body}");
    for email in &arrived {
        assert!(mailed_link(&app, email)
            .await
            .contains("/surveys/satisfaction-test/i/"));
    }
}

crate::per_engine!(
    an_invitation_answers_once_and_anonymous_answers_link_to_nobody,
    a_named_survey_links_its_response_to_the_invitation,
    the_open_link_takes_one_answer_per_participant,
    conditional_questions_and_missing_answers_without_javascript,
    results_show_shares_once_published_and_export,
    staff_invite_a_pasted_list_and_remind_those_who_have_not_answered,
    the_demo_results_show_mulhouse_published_shares,
    an_admin_builds_a_survey_with_a_condition_and_previews_it,
    staff_invite_everyone_checked_in_at_the_symposium,
);
