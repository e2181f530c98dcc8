//! Staff accounts under attack and administration: a disabled account's open
//! session is refused at once and it cannot sign in; a role change applies at
//! the next request; a password change (or reset) ends the other sessions;
//! reset links come by mail (a real SMTP server), work once and expire; the
//! "forgot password" answer says nothing about which addresses exist; `next`
//! never leaves the site; sign-ins have an absolute lifetime; and
//! `participe remove-demo` deletes the demo accounts and their sessions.

use crate::common::{
    eventually, free_port, fresh_database, spawn_app, spawn_with, start_smtp, Engine, Inbox,
    TestApp, ADMIN, DEMO_PASSWORD, EVENT_STAFF, MODERATOR,
};
use app::account::store::list_accounts;
use std::time::Duration;

async fn account_id(app: &TestApp, email: &str) -> String {
    list_accounts(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.email == email)
        .unwrap_or_else(|| panic!("an account {email}"))
        .id
        .to_string()
}

async fn login(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> (u16, String) {
    app.post_api(
        client,
        "login",
        &[("email", email), ("password", password), ("next", "/admin")],
    )
    .await
}

async fn disabling_ends_open_sessions_and_sign_in_until_enabled_again(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let admin = app.logged_in(ADMIN).await;
    let moderator = app.logged_in(MODERATOR).await;
    assert_eq!(app.get_html(&moderator, "/moderation").await.0, 200);
    let id = account_id(&app, MODERATOR).await;

    let (status, body) = app
        .post_api(
            &admin,
            "staff/accounts/state",
            &[("account_id", &id), ("action", "disable")],
        )
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    // The moderator's open session is refused at its very next request.
    assert_eq!(
        app.get_html(&moderator, "/moderation").await.0,
        401,
        "{engine:?}"
    );
    let (status, body) = app
        .post_api(
            &moderator,
            "staff/moderation/decide",
            &[("proposal_id", "1")],
        )
        .await;
    assert_eq!(status, 401, "{engine:?}: {body}");

    // The right password is refused exactly like a wrong one.
    let fresh = app.api_client();
    let disabled = login(&app, &fresh, MODERATOR, DEMO_PASSWORD).await;
    let wrong = login(&app, &fresh, MODERATOR, "not the password").await;
    assert_eq!(disabled.0, 422, "{engine:?}: {}", disabled.1);
    assert_eq!(disabled, wrong, "a disabled account tells nothing more");
    assert!(disabled
        .1
        .contains("Adresse e-mail ou mot de passe incorrect."));

    // The admin's page shows it, and without JavaScript the form confirms.
    let browser = app.html_logged_in(ADMIN).await;
    let (status, page) = app.get_html(&browser, &format!("/admin/staff/{id}")).await;
    assert_eq!(status, 200, "{engine:?}");
    assert!(
        page.contains("Désactivé") && page.contains("Réactiver le compte"),
        "{page}"
    );
    let (status, to) = app
        .post_form(
            &browser,
            "staff/accounts/state",
            &format!("/admin/staff/{id}"),
            &[("account_id", &id), ("action", "enable")],
        )
        .await;
    assert_eq!(
        (status, to.as_str()),
        (302, format!("/admin/staff/{id}").as_str())
    );
    let (_, page) = app.get_html(&browser, &to).await;
    assert!(
        page.contains(&format!("Le compte {MODERATOR} est réactivé.")),
        "a confirmation notice: {page}"
    );

    // Enabled again: the password works; the old session stays ended.
    let (status, body) = login(&app, &fresh, MODERATOR, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    assert_eq!(app.get_html(&fresh, "/moderation").await.0, 200);
    assert_eq!(app.get_html(&moderator, "/moderation").await.0, 401);
}

async fn roles_change_at_once_and_an_admin_always_remains(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let admin = app.logged_in(ADMIN).await;
    let moderator = app.logged_in(MODERATOR).await;
    let moderator_id = account_id(&app, MODERATOR).await;
    let admin_id = account_id(&app, ADMIN).await;

    let (status, body) = app
        .post_api(
            &admin,
            "staff/accounts/role",
            &[("account_id", &moderator_id), ("role", "event_staff")],
        )
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    assert_eq!(
        app.get_html(&moderator, "/moderation").await.0,
        403,
        "{engine:?}"
    );
    let (_, dashboard) = app.get_html(&moderator, "/admin").await;
    assert!(dashboard.contains("Accueil des événements"), "{dashboard}");

    // The only admin can neither disable nor demote themselves.
    for (endpoint, field, value) in [
        ("staff/accounts/state", "action", "disable"),
        ("staff/accounts/role", "role", "moderator"),
    ] {
        let (status, body) = app
            .post_api(
                &admin,
                endpoint,
                &[("account_id", &admin_id), (field, value)],
            )
            .await;
        assert_eq!(status, 409, "{engine:?} {endpoint}: {body}");
        assert!(
            body.contains("au moins un compte d'administration actif"),
            "{body}"
        );
    }
    assert_eq!(
        app.get_html(&admin, "/admin/staff").await.0,
        200,
        "still admin"
    );
    // Without JavaScript, the refusal comes back on the account's page.
    let browser = app.html_logged_in(ADMIN).await;
    let page = format!("/admin/staff/{admin_id}");
    let (status, to) = app
        .post_form(
            &browser,
            "staff/accounts/role",
            &page,
            &[("account_id", &admin_id), ("role", "mediator")],
        )
        .await;
    assert_eq!((status, to.as_str()), (302, page.as_str()));
    let (_, html) = app.get_html(&browser, &page).await;
    assert!(
        html.contains("toujours rester au moins un compte"),
        "{html}"
    );

    // With a second admin, the first may step down, and is a mediator at once.
    let (status, body) = app
        .post_api(
            &admin,
            "staff/accounts/role",
            &[("account_id", &moderator_id), ("role", "admin")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .post_api(
            &admin,
            "staff/accounts/role",
            &[("account_id", &admin_id), ("role", "mediator")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        app.get_html(&admin, "/admin/staff").await.0,
        403,
        "{engine:?}"
    );
    assert_eq!(
        app.get_html(&moderator, "/admin/staff").await.0,
        200,
        "{engine:?}"
    );
    // And now that one is the last admin.
    let (status, _) = app
        .post_api(
            &moderator,
            "staff/accounts/state",
            &[("account_id", &moderator_id), ("action", "disable")],
        )
        .await;
    assert_eq!(status, 409, "{engine:?}");
}

async fn a_password_change_ends_the_other_sessions(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let here = app.logged_in(ADMIN).await;
    let elsewhere = app.logged_in(ADMIN).await;
    let change = [
        ("current_password", DEMO_PASSWORD),
        ("new_password", "une toute nouvelle phrase"),
        ("confirm_password", "une toute nouvelle phrase"),
    ];
    let (status, body) = app.post_api(&here, "staff/password", &change).await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    assert_eq!(
        app.get_html(&here, "/account").await.0,
        200,
        "this session goes on"
    );
    assert_eq!(
        app.get_html(&elsewhere, "/account").await.0,
        401,
        "{engine:?}"
    );
    let (status, _) = login(&app, &app.api_client(), ADMIN, "une toute nouvelle phrase").await;
    assert_eq!(status, 200);
}

/// The app mailing through a real SMTP server started here.
async fn spawn_mailing(engine: Engine) -> (TestApp, Inbox) {
    let listener = free_port();
    let port = listener.local_addr().unwrap().port();
    let inbox = start_smtp(listener);
    let (url, dir) = fresh_database(engine).await;
    let app = spawn_with(engine, url, dir, true, |config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        config.mail_worker.retry.first_delay = Duration::from_secs(1);
    })
    .await;
    (app, inbox)
}

/// The reset link in the `n`-th mail to `to` (waits for it).
async fn reset_link(inbox: &Inbox, to: &str, n: usize) -> String {
    let mail = eventually("the reset mail", || async {
        inbox
            .all()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == to))
            .nth(n)
    })
    .await;
    assert!(
        mail.subject().contains("nouveau mot de passe"),
        "{}",
        mail.subject()
    );
    let text = mail.text();
    let start = text.find("http://").expect("a link in the mail");
    let link = text[start..].split_whitespace().next().unwrap().to_owned();
    assert!(link.contains("/password/reset/"), "{link}");
    link
}

async fn resets_for(app: &TestApp, to: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE recipient = $1")
        .bind(to)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn reset_links_come_by_mail_work_once_and_expire(engine: Engine) {
    let (app, inbox) = spawn_mailing(engine).await;
    let old_session = app.logged_in(ADMIN).await;

    // The same answer for an account's address and for any other.
    let browser = app.html_client();
    let known = app
        .post_form(
            &browser,
            "password/forgot",
            "/password/forgot",
            &[("email", ADMIN)],
        )
        .await;
    let (_, notice_known) = app.get_html(&browser, &known.1).await;
    let unknown = app
        .post_form(
            &browser,
            "password/forgot",
            "/password/forgot",
            &[("email", "nobody@mulhouse.fr")],
        )
        .await;
    let (_, notice_unknown) = app.get_html(&browser, &unknown.1).await;
    assert_eq!(known, unknown, "{engine:?}");
    assert_eq!(known, (302, "/login".to_owned()));
    assert!(
        notice_known.contains("un lien pour choisir un nouveau mot de passe vient"),
        "{notice_known}"
    );
    assert!(notice_unknown.contains("un lien pour choisir un nouveau mot de passe vient"));
    let script = app.api_client();
    let a = app
        .post_api(&script, "password/forgot", &[("email", "nobody@x.fr")])
        .await;
    let b = app
        .post_api(&script, "password/forgot", &[("email", EVENT_STAFF)])
        .await;
    assert_eq!(a, b, "{engine:?}");
    assert_eq!(a.0, 200);

    let link = reset_link(&inbox, ADMIN, 0).await;
    let path = link.split_once("127.0.0.1").unwrap().1;
    let path = &path[path.find('/').unwrap()..];
    assert_eq!(
        resets_for(&app, "nobody@mulhouse.fr").await,
        0,
        "no mail to strangers"
    );
    // Asking again at once sends nothing more while the link is fresh.
    app.post_api(&script, "password/forgot", &[("email", ADMIN)])
        .await;
    assert_eq!(resets_for(&app, ADMIN).await, 1, "{engine:?}");

    // Opening the link (as a mail scanner would) uses nothing up.
    let reader = app.html_client();
    for _ in 0..2 {
        let (status, page) = app.get_html(&reader, path).await;
        assert_eq!(status, 200, "{engine:?}: {page}");
        assert!(page.contains(r#"name="new_password""#), "{page}");
    }
    let token = path.rsplit('/').next().unwrap();
    let form = [
        ("password_reset_token", token),
        ("new_password", "la phrase choisie par mail"),
        ("confirm_password", "la phrase choisie par mail"),
    ];
    let (status, to) = app.post_form(&reader, "password/reset", path, &form).await;
    assert_eq!((status, to.as_str()), (302, "/login"), "{engine:?}");
    let (_, page) = app.get_html(&reader, "/login").await;
    assert!(
        page.contains("Votre mot de passe est changé et toutes les sessions"),
        "{page}"
    );
    assert_eq!(
        app.get_html(&old_session, "/account").await.0,
        401,
        "sessions ended"
    );
    let (status, _) = login(&app, &app.api_client(), ADMIN, "la phrase choisie par mail").await;
    assert_eq!(status, 200, "{engine:?}");
    let (status, _) = login(&app, &app.api_client(), ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 422, "the old password is gone");

    // Once used, the link is dead.
    let again = [
        ("password_reset_token", token),
        ("new_password", "encore une autre phrase"),
        ("confirm_password", "encore une autre phrase"),
    ];
    let (status, body) = app.post_api(&script, "password/reset", &again).await;
    assert_eq!(status, 404, "{engine:?}: {body}");
    assert!(body.contains("a expiré ou a déjà servi"), "{body}");
    let (status, page) = app.get_html(&reader, path).await;
    assert_eq!(status, 404);
    assert!(page.contains("Demander un nouveau lien"), "{page}");

    // An admin sends one; past its hour it is refused.
    let admin = app.api_client();
    let (status, _) = login(&app, &admin, ADMIN, "la phrase choisie par mail").await;
    assert_eq!(status, 200);
    let (status, body) = app
        .post_api(
            &admin,
            "staff/accounts/reset",
            &[("account_id", &account_id(&app, MODERATOR).await)],
        )
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    let link = reset_link(&inbox, MODERATOR, 0).await;
    let token = link.rsplit('/').next().unwrap().to_owned();
    sqlx::query("UPDATE password_resets SET expires_at = expires_at - 3601")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let late = [
        ("password_reset_token", token.as_str()),
        ("new_password", "trop tard pour ce lien"),
        ("confirm_password", "trop tard pour ce lien"),
    ];
    let (status, _) = app.post_api(&script, "password/reset", &late).await;
    assert_eq!(status, 404, "{engine:?}");
    let (status, _) = login(&app, &app.api_client(), MODERATOR, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "the password did not change");
}

async fn login_redirects_never_leave_the_site(engine: Engine) {
    let app = spawn_app(engine, true).await;
    for next in [
        "/\t/evil.example",
        "/%09/evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
        "javascript:alert(document.cookie)",
        "/%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "/%252F/evil.example",
        "\n/admin",
    ] {
        let client = app.html_client();
        let (status, to) = app
            .post_form(
                &client,
                "login",
                "/login",
                &[
                    ("email", ADMIN),
                    ("password", DEMO_PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(
            (status, to.as_str()),
            (302, "/admin"),
            "{engine:?} {next:?}"
        );
        // The login page does not offer it either.
        let query: String = url_encode(next);
        let (_, page) = app
            .get_html(&app.html_client(), &format!("/login?next={query}"))
            .await;
        assert!(page.contains(r#"name="next" value="/admin""#), "{next:?}");
    }
    let client = app.html_client();
    let (status, to) = app
        .post_form(
            &client,
            "login",
            "/login",
            &[
                ("email", ADMIN),
                ("password", DEMO_PASSWORD),
                ("next", "/admin/staff"),
            ],
        )
        .await;
    assert_eq!(
        (status, to.as_str()),
        (302, "/admin/staff"),
        "a local path is kept"
    );
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn staff_sign_ins_end_after_their_lifetime_whatever_the_activity(engine: Engine) {
    let (url, dir) = fresh_database(engine).await;
    let app = spawn_with(engine, url, dir, true, |config| {
        config.staff_session = Duration::from_secs(2);
    })
    .await;
    let admin = app.logged_in(ADMIN).await;
    assert_eq!(app.get_html(&admin, "/account").await.0, 200, "{engine:?}");
    // Busy all along: a request every 250 ms does not stretch it.
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_millis(2600) {
        app.get_html(&admin, "/admin").await;
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(app.get_html(&admin, "/account").await.0, 401, "{engine:?}");
    let (status, _) = login(&app, &admin, ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 200, "signing in again works");
    assert_eq!(app.get_html(&admin, "/account").await.0, 200);
}

async fn remove_demo_deletes_the_demo_accounts_and_their_sessions(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let moderator = app.logged_in(MODERATOR).await;
    let _admin = app.logged_in(ADMIN).await;
    assert_eq!(app.get_html(&moderator, "/moderation").await.0, 200);
    // A moderation decision by a demo account keeps its proposal.
    sqlx::query(
        "UPDATE proposals SET moderated_by = (SELECT id FROM staff_accounts WHERE email = $1)",
    )
    .bind(MODERATOR)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_participe"))
        .arg("remove-demo")
        .env("DATABASE_URL", &app.config.database_url)
        .output()
        .expect("the participe command runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{engine:?}: {stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("Removed 4 demo staff accounts and 2 of their sessions"),
        "{stdout}"
    );
    assert!(
        stdout.contains(MODERATOR) && stdout.contains("participe create-admin"),
        "{stdout}"
    );
    assert_eq!(
        app::account::store::count_demo_accounts(&app.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        app.get_html(&moderator, "/moderation").await.0,
        401,
        "{engine:?}"
    );
    let proposals: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM proposals")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert!(proposals > 0);
    let (status, _) = login(&app, &app.api_client(), ADMIN, DEMO_PASSWORD).await;
    assert_eq!(status, 422, "{engine:?}");
    // Run again, it has nothing left to do.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_participe"))
        .arg("remove-demo")
        .env("DATABASE_URL", &app.config.database_url)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("No demo staff account to remove."));
}

crate::per_engine!(
    disabling_ends_open_sessions_and_sign_in_until_enabled_again,
    roles_change_at_once_and_an_admin_always_remains,
    a_password_change_ends_the_other_sessions,
    reset_links_come_by_mail_work_once_and_expire,
    login_redirects_never_leave_the_site,
    staff_sign_ins_end_after_their_lifetime_whatever_the_activity,
    remove_demo_deletes_the_demo_accounts_and_their_sessions,
);
