//! The foundation as a visitor and a staff member meet it over HTTP: pages,
//! languages, the demo process, no-JavaScript forms, sessions across instances.

use crate::common::{spawn_app, spawn_on, Engine, ADMIN};
use reqwest::header::{ACCEPT_LANGUAGE, COOKIE, ORIGIN, SET_COOKIE};

#[tokio::test]
async fn pages_speak_french_by_default_and_english_on_request() {
    let app = spawn_app(crate::common::Engine::Sqlite, true).await;
    let client = app.api_client();
    let (status, body) = app.get_html(&client, "/").await;
    assert_eq!(status, 200);
    assert!(
        body.contains(r#"<html lang="fr" dir="ltr">"#),
        "{}",
        &body[..200]
    );
    assert!(body.contains("Participez aux projets de votre ville"));
    assert!(body.contains("Mulhouse solidaire"));

    // The browser's preference counts when nothing else says otherwise.
    let res = client
        .get(app.url("/"))
        .header(ACCEPT_LANGUAGE, "en-GB,en;q=0.9,fr;q=0.5")
        .send()
        .await
        .unwrap();
    let body = res.text().await.unwrap();
    assert!(body.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(body.contains("Take part in your city"));

    // The URL wins and is remembered in a cookie, which then beats the header.
    let res = client
        .get(app.url("/processes/mulhouse-solidaire?lang=en"))
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get(SET_COOKIE)
        .expect("language cookie")
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("lang=en;"), "{cookie}");
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Phases") && body.contains("Themes"),
        "English process page"
    );
    let res = client
        .get(app.url("/"))
        .header(COOKIE, "lang=en")
        .header(ACCEPT_LANGUAGE, "fr")
        .send()
        .await
        .unwrap();
    assert!(res.text().await.unwrap().contains(r#"lang="en""#));
}

async fn the_demo_process_has_its_phases_question_and_themes(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let (status, body) = app.get_html(&client, "/processes/mulhouse-solidaire").await;
    assert_eq!(status, 200, "{engine:?}");
    for text in [
        "Comment améliorer vos conditions de vie à Mulhouse ?",
        "Consultation citoyenne",
        "Colloque",
        "Ateliers thématiques",
        "Rendez-vous citoyen",
        "Accès aux droits",
        "Familles, jeunes et seniors",
    ] {
        assert!(body.contains(text), "{engine:?}: {text}");
    }
    // The demo opens the consultation today: it is the current, open step.
    let current = body
        .split(r#"aria-current="step""#)
        .nth(1)
        .expect("a current step");
    assert!(
        current[..600].contains("Consultation citoyenne"),
        "{}",
        &current[..600]
    );
    assert!(current[..900].contains("En cours"));
    let phases = app::process::store::phases_of(&app.db, 1).await.unwrap();
    assert_eq!(phases.len(), 4);
    let today = app.config.settings().today();
    assert_eq!(phases[0].status(today), app::model::PhaseStatus::Open);
    assert_eq!(
        (phases[0].end - phases[0].start).num_days(),
        53,
        "same length as 27 Oct - 19 Dec"
    );
    assert_eq!(
        (phases[1].end - phases[1].start).num_days(),
        1,
        "the symposium lasts two days"
    );

    // Each phase has its own page that says what is there and when.
    let (status, body) = app
        .get_html(
            &client,
            &format!("/processes/mulhouse-solidaire/phases/{}", phases[1].id),
        )
        .await;
    assert_eq!(status, 200);
    assert!(body.contains("Étape 2 sur 4"));
    assert!(body.contains("Ouvre le"));
    assert!(body.contains("Événement") && body.contains("Questionnaire"));

    // Loading the demo again adds nothing.
    let again = app::demo::load(&app.db, today, false).await.unwrap();
    assert!(!again.process_created);
    assert_eq!(again.accounts_created, 0);
}

#[tokio::test]
async fn historical_demo_keeps_the_real_dates() {
    let (url, dir) = crate::common::fresh_database(crate::common::Engine::Sqlite).await;
    let app = spawn_on(crate::common::Engine::Sqlite, url, dir, false).await;
    let today = app.config.settings().today();
    let report = app::demo::load(&app.db, today, true).await.unwrap();
    assert_eq!(report.shift_days, 0);
    let phases = app::process::store::phases_of(&app.db, 1).await.unwrap();
    assert_eq!(phases[0].start.to_string(), "2021-10-27");
    assert_eq!(phases[0].end.to_string(), "2021-12-19");
    assert_eq!(phases[1].start.to_string(), "2022-05-04");
    let (_, body) = app
        .get_html(&app.api_client(), "/processes/mulhouse-solidaire")
        .await;
    assert!(body.contains("du 27 octobre 2021 au 19 décembre 2021"));
    assert!(body.contains("Terminée"));
}

async fn unknown_and_unpublished_pages_are_404(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    assert_eq!(app.get_html(&client, "/nowhere").await.0, 404);
    assert_eq!(app.get_html(&client, "/processes/nope").await.0, 404);
    assert_eq!(
        app.get_html(&client, "/processes/mulhouse-solidaire/phases/999")
            .await
            .0,
        404
    );
    sqlx::query("UPDATE processes SET published = 0")
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        app.get_html(&client, "/processes/mulhouse-solidaire")
            .await
            .0,
        404
    );
    let admin = app.logged_in(ADMIN).await;
    let (status, body) = app.get_html(&admin, "/processes/mulhouse-solidaire").await;
    assert_eq!(status, 200, "admins preview drafts");
    assert!(body.contains("Brouillon"));
}

async fn a_refused_form_without_javascript_comes_back_with_its_values_and_message(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let browser = app.html_client();
    // Log in as a browser without JavaScript: redirected to the target.
    let (status, to) = app
        .post_form(
            &browser,
            "login",
            "/login",
            &[
                ("email", ADMIN),
                ("password", "demo-participe"),
                ("next", "/admin"),
            ],
        )
        .await;
    assert_eq!((status, to.as_str()), (302, "/admin"), "{engine:?}");
    let (_, body) = app.get_html(&browser, "/admin").await;
    assert!(body.contains("Bonjour Camille"), "the notice shows once");
    let (_, body) = app.get_html(&browser, "/admin").await;
    assert!(!body.contains("Bonjour Camille"), "and only once");

    // A process with reversed dates is refused; the page shows why and keeps what was typed.
    let form = [
        ("process_id", ""),
        ("title", "Budget participatif 2027"),
        ("slug", "budget-2027"),
        ("subtitle", "Que feriez-vous avec 500 000 € ?"),
        ("description_md", "Une **démarche** de test"),
        ("start_date", "2027-05-01"),
        ("end_date", "2027-01-01"),
        ("published", "on"),
    ];
    let (status, to) = app
        .post_form(
            &browser,
            "staff/processes/save",
            "/admin/processes/new",
            &form,
        )
        .await;
    assert_eq!((status, to.as_str()), (302, "/admin/processes/new"));
    let (_, body) = app.get_html(&browser, "/admin/processes/new").await;
    assert!(body.contains("La date de fin doit être égale ou postérieure à la date de début."));
    assert!(
        body.contains(r#"value="Budget participatif 2027""#),
        "title kept"
    );
    assert!(
        body.contains("Que feriez-vous avec 500 000 € ?"),
        "subtitle kept"
    );
    assert!(
        body.contains("Une **démarche** de test"),
        "description kept"
    );
    assert!(body.contains(r#"aria-invalid="true""#) && body.contains(r#"id="f-end_date-err""#));

    // Corrected, it is saved and the browser goes to its page.
    let mut fixed = form;
    fixed[6] = ("end_date", "2027-06-30");
    let (status, to) = app
        .post_form(
            &browser,
            "staff/processes/save",
            "/admin/processes/new",
            &fixed,
        )
        .await;
    assert_eq!(status, 302);
    assert!(to.starts_with("/admin/processes/"), "{to}");
    let (_, body) = app.get_html(&browser, "/processes/budget-2027").await;
    assert!(
        body.contains("<strong>démarche</strong>"),
        "Markdown rendered"
    );

    // A duplicate slug is a clear refusal, in the language the person reads.
    app.get_html(&browser, "/?lang=en").await;
    let (_, to) = app
        .post_form(
            &browser,
            "staff/processes/save",
            "/admin/processes/new",
            &fixed,
        )
        .await;
    assert_eq!(to, "/admin/processes/new");
    let (_, body) = app.get_html(&browser, "/admin/processes/new").await;
    assert!(
        body.contains("Another process already uses this short address."),
        "translated"
    );
}

async fn phases_are_created_ordered_moved_and_deleted(engine: Engine) {
    let app = spawn_app(engine, false).await;
    app::demo::load(&app.db, app.config.settings().today(), false)
        .await
        .unwrap();
    let admin = app.logged_in(ADMIN).await;
    let phase = |title: &'static str| {
        vec![
            ("process_id", "1"),
            ("title", title),
            ("start_date", "2030-01-01"),
            ("end_date", "2030-01-31"),
            ("survey", "on"),
        ]
    };
    let (status, body) = app
        .post_api(&admin, "staff/phases/save", &phase("Bilan"))
        .await;
    assert_eq!(status, 200, "{engine:?} {body}");
    let titles = |phases: &[app::process::store::Phase]| {
        phases.iter().map(|p| p.title.clone()).collect::<Vec<_>>()
    };
    let phases = app::process::store::phases_of(&app.db, 1).await.unwrap();
    assert_eq!(phases.len(), 5);
    assert_eq!(phases[4].title, "Bilan");
    assert_eq!(phases[4].components.len(), 1);
    let bilan = phases[4].id.to_string();

    let (status, _) = app
        .post_api(
            &admin,
            "staff/phases/move",
            &[("phase_id", &bilan), ("direction", "up")],
        )
        .await;
    assert_eq!(status, 200);
    let phases = app::process::store::phases_of(&app.db, 1).await.unwrap();
    assert_eq!(titles(&phases)[3], "Bilan");
    assert_eq!(
        phases.iter().map(|p| p.position).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5]
    );

    // Editing keeps the components that stay and adds the new ones.
    let mut edit = phase("Bilan final");
    edit.push(("phase_id", &bilan));
    edit.push(("evaluation", "on"));
    let (status, body) = app.post_api(&admin, "staff/phases/save", &edit).await;
    assert_eq!(status, 200, "{body}");
    let phases = app::process::store::phases_of(&app.db, 1).await.unwrap();
    assert_eq!(phases[3].title, "Bilan final");
    assert_eq!(phases[3].components.len(), 2);

    let (status, body) = app
        .post_api(
            &admin,
            "staff/phases/save",
            &[("process_id", "1"), ("title", "")],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Indiquez un titre."), "{body}");

    let (status, _) = app
        .post_api(
            &admin,
            "staff/phases/delete",
            &[("phase_id", &phases[0].id.to_string())],
        )
        .await;
    assert_eq!(status, 200);
    let phases = app::process::store::phases_of(&app.db, 1).await.unwrap();
    assert_eq!(phases.len(), 4);
    assert_eq!(phases[0].title, "Colloque « Mulhouse solidaire »");
    assert_eq!(
        phases.iter().map(|p| p.position).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
}

async fn sessions_are_shared_by_instances_on_the_same_database(engine: Engine) {
    let first = spawn_app(engine, true).await;
    let second = spawn_on(engine, first.config.database_url.clone(), None, false).await;
    // Log in on the first instance and read the session cookie it sets...
    let res = reqwest::Client::new()
        .post(first.url("/api/login"))
        .form(&[("email", ADMIN), ("password", crate::common::DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    let set_cookie = res
        .headers()
        .get(SET_COOKIE)
        .expect("session cookie")
        .to_str()
        .unwrap();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    let cookie = set_cookie.split(';').next().unwrap().to_owned();
    // ...which the second instance accepts, as behind a load balancer.
    let res = reqwest::Client::new()
        .get(second.url("/account"))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "{engine:?}");
    assert!(res.text().await.unwrap().contains(ADMIN), "{engine:?}");
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = spawn_app(crate::common::Engine::Sqlite, true).await;
    let res = app
        .api_client()
        .post(app.url("/api/login"))
        .header(ORIGIN, "https://evil.example")
        .form(&[("email", ADMIN), ("password", crate::common::DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
}

async fn wrong_passwords_are_refused_and_passwords_can_be_changed(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let (status, body) = app
        .post_api(&client, "login", &[("email", ADMIN), ("password", "wrong")])
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Adresse e-mail ou mot de passe incorrect."));
    let (status, _) = app
        .post_api(
            &client,
            "login",
            &[("email", "nobody@x.fr"), ("password", "wrong")],
        )
        .await;
    assert_eq!(status, 422);

    let admin = app.logged_in(ADMIN).await;
    let change = [
        ("current_password", crate::common::DEMO_PASSWORD),
        ("new_password", "une phrase de passe"),
        ("confirm_password", "une phrase de passe"),
    ];
    let (status, body) = app.post_api(&admin, "staff/password", &change).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = app
        .post_api(
            &client,
            "login",
            &[("email", ADMIN), ("password", crate::common::DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(status, 422, "the old password no longer works");
    let (status, _) = app
        .post_api(
            &client,
            "login",
            &[("email", ADMIN), ("password", "une phrase de passe")],
        )
        .await;
    assert_eq!(status, 200);

    // Logging out ends the session.
    let (status, _) = app.post_api(&admin, "logout", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(app.get_html(&admin, "/account").await.0, 401);
}

crate::per_engine!(
    the_demo_process_has_its_phases_question_and_themes,
    unknown_and_unpublished_pages_are_404,
    a_refused_form_without_javascript_comes_back_with_its_values_and_message,
    phases_are_created_ordered_moved_and_deleted,
    sessions_are_shared_by_instances_on_the_same_database,
    wrong_passwords_are_refused_and_passwords_can_be_changed,
);
