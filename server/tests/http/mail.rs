//! Mail through the outbox, end to end: a moderator's decision reaches the
//! author through a real SMTP server started here (mailin-embedded), a mail
//! server that is down at first gets the mail once it is up, and without SMTP
//! the mail is written to the folder and shown on `/admin/mail`.

use crate::common::{
    eventually, free_port, fresh_database, spawn_with, start_smtp, Engine, TestApp, ADMIN,
    MODERATOR,
};
use mailparse::MailHeaderMap;
use std::net::TcpListener;
use std::time::Duration;

const SLUG: &str = crate::common::CONSULTATION;

/// Starts the app mailing through `smtp://127.0.0.1:port`, retrying after 1 s.
async fn spawn_mailing_to(engine: Engine, port: u16) -> TestApp {
    let (url, dir) = fresh_database(engine).await;
    spawn_with(engine, url, dir, true, |config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        config.mail_worker.retry.first_delay = Duration::from_secs(1);
    })
    .await
}

/// A new participant proposes an idea; returns its id.
async fn propose(app: &TestApp, body: &str, email: &str) -> i64 {
    // A new participant each time: one key per participant suffices.
    let participant = app.api_client();
    let key = "propose-000001";
    let (status, text) = app
        .post_api(
            &participant,
            "consultation/propose",
            &[
                ("consultation", SLUG),
                ("body", body),
                ("author_name", "Amina"),
                ("author_email", email),
                ("charter", "on"),
                ("idempotency_key", key),
            ],
        )
        .await;
    assert_eq!(status, 200, "{:?}: {text}", app.engine);
    text.trim().parse().expect("the new proposal's id")
}

async fn decide(app: &TestApp, moderator: &reqwest::Client, form: &[(&str, &str)]) {
    let (status, body) = app
        .post_api(moderator, "staff/moderation/decide", form)
        .await;
    assert_eq!(status, 200, "{:?}: {body}", app.engine);
}

async fn refuse(app: &TestApp, moderator: &reqwest::Client, id: i64, message: &str) {
    let id = id.to_string();
    decide(
        app,
        moderator,
        &[
            ("proposal_id", &id),
            ("decision", "refuse"),
            ("reason", "partisan"),
            ("message", message),
        ],
    )
    .await;
}

async fn outbox_size(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// (status, attempts, last error) of the only mail of the outbox.
async fn only_mail(app: &TestApp) -> (String, i64, String) {
    sqlx::query_as("SELECT status, attempts, last_error FROM mail_outbox")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn moderation_decisions_are_mailed_to_authors_who_left_an_address(engine: Engine) {
    let listener = free_port();
    let port = listener.local_addr().unwrap().port();
    let inbox = start_smtp(listener);
    let app = spawn_mailing_to(engine, port).await;
    let moderator = app.logged_in(MODERATOR).await;

    let refused = propose(
        &app,
        "des bancs partout pour mon parti",
        "amina@example.org",
    )
    .await;
    refuse(
        &app,
        &moderator,
        refused,
        "Merci de proposer une action concrète.",
    )
    .await;
    let mail = eventually("the refusal mail", || async {
        inbox.all().into_iter().next()
    })
    .await;
    assert_eq!(mail.to, ["amina@example.org"], "{engine:?}");
    assert_eq!(mail.subject(), "Votre idée n'a pas été publiée");
    assert!(mail.text().contains("Motif : Partisane"), "{}", mail.text());
    assert!(
        mail.text()
            .contains("Merci de proposer une action concrète."),
        "{}",
        mail.text()
    );

    let accepted = propose(
        &app,
        "des fontaines d'eau potable au parc",
        "bruno@example.org",
    )
    .await;
    decide(
        &app,
        &moderator,
        &[
            ("proposal_id", &accepted.to_string()),
            ("decision", "accept"),
        ],
    )
    .await;
    let mail = eventually("the acceptance mail", || async {
        inbox.all().into_iter().nth(1)
    })
    .await;
    assert_eq!(mail.to, ["bruno@example.org"], "{engine:?}");
    assert_eq!(mail.subject(), "Votre idée est publiée");
    let link = app.url(&format!("/consultations/{SLUG}/proposals/{accepted}"));
    assert!(mail.text().contains(&link), "{link} in {}", mail.text());

    // No address, no mail: the outbox (written with the decision) stays as it was.
    let anonymous = propose(&app, "des cours de cuisine pour tous", "").await;
    refuse(&app, &moderator, anonymous, "").await;
    // Accepting again an idea already published is no news either.
    decide(
        &app,
        &moderator,
        &[
            ("proposal_id", &accepted.to_string()),
            ("decision", "accept"),
        ],
    )
    .await;
    assert_eq!(outbox_size(&app).await, 2, "{engine:?}");
    eventually("both mails marked sent", || async {
        let unsent: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'sent'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        (unsent == 0).then_some(())
    })
    .await;
    assert_eq!(inbox.all().len(), 2, "{engine:?}: exactly one mail each");
}

async fn mail_waits_for_a_mail_server_that_is_down_and_goes_out_once(engine: Engine) {
    // Nothing listens on this port yet: the first attempt fails.
    let port = free_port().local_addr().unwrap().port();
    let app = spawn_mailing_to(engine, port).await;
    let moderator = app.logged_in(MODERATOR).await;
    let id = propose(
        &app,
        "un marché de producteurs le soir",
        "amina@example.org",
    )
    .await;
    refuse(&app, &moderator, id, "Existe déjà au centre.").await;
    let (status, attempts, error) = eventually("a failed first attempt", || async {
        let mail = only_mail(&app).await;
        (!mail.2.is_empty()).then_some(mail)
    })
    .await;
    // Under load the worker may have retried (and failed) again already.
    assert_eq!(status.as_str(), "pending", "{engine:?}: {error}");
    assert!(attempts >= 1, "{engine:?}: {attempts} attempts");

    // The server comes up; the retry delivers the mail, once.
    let inbox = start_smtp(TcpListener::bind(("127.0.0.1", port)).expect("the port again"));
    let (status, attempts, error) = eventually("the mail marked sent", || async {
        let mail = only_mail(&app).await;
        (mail.0 == "sent").then_some(mail)
    })
    .await;
    assert!(attempts >= 2, "{engine:?}: sent on a retry ({attempts})");
    assert_eq!((status.as_str(), error.as_str()), ("sent", ""));
    let received = inbox.all();
    assert_eq!(received.len(), 1, "{engine:?}: {received:?}");
    assert!(received[0].text().contains("Existe déjà au centre."));
}

async fn without_smtp_mail_is_written_to_the_folder_and_listed_for_admins(engine: Engine) {
    let (url, dir) = fresh_database(engine).await;
    let app = spawn_with(engine, url, dir, true, |_| {}).await;
    let moderator = app.logged_in(MODERATOR).await;
    let id = propose(
        &app,
        "des jardins partagés dans chaque quartier",
        "amina@example.org",
    )
    .await;
    refuse(&app, &moderator, id, "Merci <b>de</b> préciser le lieu.").await;

    let folder = std::path::PathBuf::from(&app.config.mail_dir);
    let file = eventually("an .eml file in the mail folder", || {
        let folder = folder.clone();
        async move {
            std::fs::read_dir(&folder)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.extension().is_some_and(|x| x == "eml"))
        }
    })
    .await;
    let raw = std::fs::read(&file).unwrap();
    let parsed = mailparse::parse_mail(&raw).unwrap();
    assert_eq!(
        parsed.headers.get_first_value("To").as_deref(),
        Some("amina@example.org")
    );
    assert!(parsed.get_body().unwrap().contains("Motif : Partisane"));

    // Only admins see the outbox.
    let (status, _) = app.get_html(&moderator, "/admin/mail").await;
    assert_eq!(status, 403, "{engine:?}");
    let admin = app.logged_in(ADMIN).await;
    let (status, page) = app.get_html(&admin, "/admin/mail").await;
    assert_eq!(status, 200, "{engine:?}");
    assert!(page.contains(&app.config.mail_dir), "says where mail goes");
    assert!(page.contains("amina@example.org"));
    assert!(page.contains("pas été publiée"));
    let mail_id: i64 = sqlx::query_scalar("SELECT id FROM mail_outbox")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert!(page.contains(&format!("href=\"/admin/mail/{mail_id}\"")));
    let (_, dashboard) = app.get_html(&admin, "/admin").await;
    assert!(
        dashboard.contains("href=\"/admin/mail\""),
        "linked from the dashboard"
    );

    // Each mail opens, its text escaped, with the file it was written to.
    let (status, detail) = app
        .get_html(&admin, &format!("/admin/mail/{mail_id}"))
        .await;
    assert_eq!(status, 200, "{engine:?}");
    let file_name = file.file_name().unwrap().to_str().unwrap();
    assert!(detail.contains(file_name), "{detail}");
    assert!(
        detail.contains("Merci &lt;b&gt;de&lt;/b&gt; préciser le lieu."),
        "{detail}"
    );
    assert!(!detail.contains("<b>de</b>"));
    let (status, _) = app.get_html(&admin, "/admin/mail/999999").await;
    assert_eq!(status, 404);
}

async fn two_server_instances_send_each_mail_once(engine: Engine) {
    let listener = free_port();
    let port = listener.local_addr().unwrap().port();
    let inbox = start_smtp(listener);
    let first = spawn_mailing_to(engine, port).await;
    let url = first.config.database_url.clone();
    let second = spawn_with(engine, url, None, false, |config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    })
    .await;
    const MAILS: usize = 30;
    for n in 0..MAILS {
        let to = app::mail::EmailAddress::parse(&format!("person{n}@example.org")).unwrap();
        let mail = app::mail::OutgoingMail::new(to, "Bienvenue", "Bonjour !");
        app::mail::enqueue(&first.db, &mail).await.unwrap();
    }
    // Both workers race for the same outbox.
    first.mail.waker().wake();
    second.mail.waker().wake();
    eventually("every mail sent", || async {
        let unsent: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'sent'")
                .fetch_one(&first.db.pool)
                .await
                .unwrap();
        (unsent == 0).then_some(())
    })
    .await;
    let mut recipients: Vec<String> = inbox.all().into_iter().flat_map(|m| m.to).collect();
    recipients.sort();
    let count = recipients.len();
    recipients.dedup();
    assert_eq!((count, recipients.len()), (MAILS, MAILS), "{engine:?}");
    let attempts: i64 = sqlx::query_scalar("SELECT CAST(SUM(attempts) AS BIGINT) FROM mail_outbox")
        .fetch_one(&first.db.pool)
        .await
        .unwrap();
    assert_eq!(attempts, MAILS as i64, "{engine:?}: each mail claimed once");
}

crate::per_engine!(
    moderation_decisions_are_mailed_to_authors_who_left_an_address,
    mail_waits_for_a_mail_server_that_is_down_and_goes_out_once,
    without_smtp_mail_is_written_to_the_folder_and_listed_for_admins,
    two_server_instances_send_each_mail_once,
);
