//! Mail to authors who left an address, through the real SMTP listener: the
//! staff publish a closed consultation's results (one mail per address,
//! listing its ideas), an action avenue cites an idea (one mail per citation),
//! and each mail's one-click unsubscribe (RFC 8058) works without cookie or
//! Origin while a GET never unsubscribes. Enqueued in the change's own
//! transaction: a rollback sends nothing.

use crate::common::{
    eventually, free_port, fresh_database, spawn_with, start_smtp, Engine, Inbox, Received,
    TestApp, ADMIN, EVENT_STAFF, MODERATOR,
};
use mailparse::MailHeaderMap;
use std::time::Duration;

const SLUG: &str = crate::common::CONSULTATION;
const RESULTS_SUBJECT: &str = "Les résultats de la consultation sont publiés";
const CITED_SUBJECT: &str = "Une piste d'action cite votre idée";

async fn spawn_mailing(engine: Engine) -> (TestApp, Inbox) {
    let listener = free_port();
    let port = listener.local_addr().unwrap().port();
    let inbox = start_smtp(listener);
    let (url, dir) = fresh_database(engine).await;
    let app = spawn_with(engine, url, dir, true, |config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        config.unsubscribe_mailto = Some("desabonnement@participe.test".into());
        config.mail_worker.retry.first_delay = Duration::from_secs(1);
    })
    .await;
    (app, inbox)
}

/// A new participant proposes an idea, which a moderator publishes.
async fn published_idea(
    app: &TestApp,
    moderator: &reqwest::Client,
    body: &str,
    email: &str,
) -> i64 {
    let (status, text) = app
        .post_api(
            &app.api_client(),
            "consultation/propose",
            &[
                ("consultation", SLUG),
                ("body", body),
                ("author_name", "Amina"),
                ("author_email", email),
                ("charter", "on"),
                ("idempotency_key", "propose-000001"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{:?}: {text}", app.engine);
    let id: i64 = text.trim().parse().expect("the new proposal's id");
    let (status, text) = app
        .post_api(
            moderator,
            "staff/moderation/decide",
            &[("proposal_id", &id.to_string()), ("decision", "accept")],
        )
        .await;
    assert_eq!(status, 200, "{:?}: {text}", app.engine);
    id
}

fn with_subject(inbox: &Inbox, subject: &str) -> Vec<Received> {
    inbox
        .all()
        .into_iter()
        .filter(|m| m.subject() == subject)
        .collect()
}

/// Waits until the outbox has sent everything, so that counting the inbox
/// tells what was (not) sent.
async fn all_sent(app: &TestApp) {
    eventually("every mail sent", || async {
        let unsent: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'sent'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        (unsent == 0).then_some(())
    })
    .await;
}

fn header(mail: &Received, name: &str) -> String {
    mail.parsed()
        .headers
        .get_first_value(name)
        .unwrap_or_default()
}

/// The one-click address in a mail's `List-Unsubscribe`.
fn one_click_url(mail: &Received) -> String {
    let value = header(mail, "List-Unsubscribe");
    let url = value
        .split(',')
        .next()
        .and_then(|v| v.trim().strip_prefix('<')?.strip_suffix('>'))
        .unwrap_or_else(|| panic!("a one-click URL in {value}"));
    url.to_owned()
}

async fn unsubscribed(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT address FROM mail_unsubscribes ORDER BY address")
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

async fn results_published_at(app: &TestApp) -> Option<i64> {
    sqlx::query_scalar("SELECT results_published_at FROM consultations WHERE slug = $1")
        .bind(SLUG)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn authors_hear_of_results_and_citations_and_can_leave_in_one_click(engine: Engine) {
    let (app, inbox) = spawn_mailing(engine).await;
    let moderator = app.logged_in(MODERATOR).await;
    let admin = app.logged_in(ADMIN).await;
    let fountains = published_idea(
        &app,
        &moderator,
        "des fontaines au parc Salvator",
        "amina@example.org",
    )
    .await;
    let benches = published_idea(
        &app,
        &moderator,
        "des bancs le long de la Doller",
        "Amina@Example.org",
    )
    .await;
    let trees = published_idea(
        &app,
        &moderator,
        "des arbres dans chaque cour d'école",
        "bruno@example.org",
    )
    .await;
    let anonymous = published_idea(&app, &moderator, "des cours de cuisine pour tous", "").await;
    let component: i64 =
        sqlx::query_scalar("SELECT component_id FROM consultations WHERE slug = $1")
            .bind(SLUG)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let component_s = component.to_string();
    let publish = [("component_id", component_s.as_str())];

    // Still open: the results cannot be published yet.
    let (status, body) = app
        .post_api(&admin, "staff/consultations/publish-results", &publish)
        .await;
    assert_eq!(status, 422, "{engine:?}: {body}");
    assert!(body.contains("encore ouverte"), "{body}");
    // The consultation ends (dates moved to the past, as its settings would).
    sqlx::query("UPDATE consultations SET opens_on = '2020-01-01', closes_on = '2020-02-01' WHERE slug = $1")
        .bind(SLUG)
        .execute(&app.db.pool)
        .await
        .unwrap();

    // A publication whose transaction is rolled back leaves nothing behind.
    let settings = app.config.settings();
    let mailer = app::author_news::service::Mailer::of(&app.db, &settings)
        .await
        .unwrap();
    let row = app::author_news::store::consultation_of_component(&app.db, component)
        .await
        .unwrap()
        .unwrap();
    let outbox_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let mut tx = app.db.pool.begin().await.unwrap();
    let enqueued = app::author_news::service::publish_results_in(&mut tx, &mailer, &row)
        .await
        .unwrap();
    assert_eq!(
        enqueued,
        Some(2),
        "{engine:?}: two addresses in the transaction"
    );
    tx.rollback().await.unwrap();
    let outbox_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(outbox_after, outbox_before, "{engine:?}: nothing enqueued");
    assert_eq!(results_published_at(&app).await, None);
    all_sent(&app).await;
    assert!(
        with_subject(&inbox, RESULTS_SUBJECT).is_empty(),
        "{engine:?}"
    );

    // The staff action: one mail per address, however many ideas it has.
    let (status, body) = app
        .post_api(&admin, "staff/consultations/publish-results", &publish)
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    assert!(results_published_at(&app).await.is_some());
    let (status, body) = app
        .post_api(&admin, "staff/consultations/publish-results", &publish)
        .await;
    assert_eq!(status, 409, "{engine:?}: published once only: {body}");
    let mails = eventually("both results mails", || async {
        let found = with_subject(&inbox, RESULTS_SUBJECT);
        (found.len() >= 2).then_some(found)
    })
    .await;
    all_sent(&app).await;
    let mails = {
        let again = with_subject(&inbox, RESULTS_SUBJECT);
        assert_eq!(again.len(), mails.len());
        again
    };
    let mut to: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(
        to,
        ["amina@example.org", "bruno@example.org"],
        "{engine:?}: one mail each, none for the idea without an address"
    );
    let amina = mails
        .iter()
        .find(|m| m.to == ["amina@example.org"])
        .unwrap();
    let text = amina.text();
    for id in [fountains, benches] {
        let link = app.url(&format!("/consultations/{SLUG}/proposals/{id}"));
        assert!(text.contains(&link), "{link} in {text}");
    }
    assert!(!text.contains(&format!("/proposals/{trees}")), "{text}");
    assert!(!text.contains(&format!("/proposals/{anonymous}")), "{text}");
    assert!(
        text.contains(&app.url(&format!("/consultations/{SLUG}/results"))),
        "{text}"
    );

    // The list headers (RFC 2369, RFC 8058) and the same link in the body.
    let url = one_click_url(amina);
    assert!(url.starts_with(&app.url("/unsubscribe/")), "{url}");
    assert!(text.contains(&url), "the visible link: {text}");
    let list = header(amina, "List-Unsubscribe");
    assert!(
        list.contains("<mailto:desabonnement@participe.test?subject=unsubscribe%20"),
        "{list}"
    );
    assert_eq!(
        header(amina, "List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click"
    );
    let bruno = mails
        .iter()
        .find(|m| m.to == ["bruno@example.org"])
        .unwrap();
    assert_ne!(one_click_url(bruno), url, "a token per address");

    // A GET (a person, or a scanner following links) only shows the button.
    let browser = app.html_client();
    let path = url.trim_start_matches(&app.url(""));
    let (status, page) = app.get_html(&browser, path).await;
    assert_eq!(status, 200, "{engine:?}: {page}");
    assert!(
        page.contains("amina@example.org") && page.contains("Me désabonner"),
        "{page}"
    );
    assert!(page.contains(&format!("action=\"{path}\"")), "{page}");
    assert!(
        unsubscribed(&app).await.is_empty(),
        "{engine:?}: a GET unsubscribes nobody"
    );

    // The RFC 8058 POST, as a webmail sends it: no cookie, a foreign Origin.
    let res = reqwest::Client::new()
        .post(&url)
        .header("Origin", "https://webmail.example")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "{engine:?}");
    assert_eq!(unsubscribed(&app).await, ["amina@example.org"]);
    // Other POSTs from that origin are still refused.
    let res = reqwest::Client::new()
        .post(app.url("/api/staff/consultations/publish-results"))
        .header("Origin", "https://webmail.example")
        .form(&publish)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        403,
        "{engine:?}: the exemption is narrow"
    );
    // The page now says it is done; the button again changes nothing.
    let (_, page) = app.get_html(&browser, path).await;
    assert!(page.contains("C'est fait"), "{page}");

    // Bruno leaves through the page's button, as a browser without JavaScript posts it.
    let bruno_path = one_click_url(bruno)
        .trim_start_matches(&app.url(""))
        .to_owned();
    let res = browser
        .post(app.url(&bruno_path))
        .header("Referer", app.url(&bruno_path))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "{engine:?}: back to the page");
    assert_eq!(
        unsubscribed(&app).await,
        ["amina@example.org", "bruno@example.org"]
    );
    // ... and comes back to the list, to hear of the avenue below.
    sqlx::query("DELETE FROM mail_unsubscribes WHERE address = 'bruno@example.org'")
        .execute(&app.db.pool)
        .await
        .unwrap();

    // A forged token: refused with a translated page, on GET and POST.
    let forged = format!("{}x", path.trim_end_matches(|c| c != '.'));
    let (status, page) = app.get_html(&browser, &forged).await;
    assert_eq!(status, 404, "{engine:?}: {page}");
    assert!(
        page.contains("lien de désabonnement n'est pas valide"),
        "{page}"
    );
    let res = browser
        .post(app.url(&forged))
        .header("Accept-Language", "en")
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("This unsubscribe link is not valid"),
        "{page}"
    );

    // An action avenue cites Amina's and Bruno's ideas: Bruno hears of it
    // once; Amina, unsubscribed, not at all.
    let (event_id, workshop): (i64, i64) = sqlx::query_as(
        "SELECT e.id, s.id FROM event_sessions s JOIN events e ON e.id = s.event_id \
         WHERE e.slug = $1 AND s.kind = 'workshop' ORDER BY s.id LIMIT 1",
    )
    .bind(app::demo::event::SLUG)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let staff = app.logged_in(EVENT_STAFF).await;
    let (event_s, workshop_s) = (event_id.to_string(), workshop.to_string());
    let (cite_fountains, cite_trees) =
        (format!("proposal_{fountains}"), format!("proposal_{trees}"));
    let mut form = vec![
        ("event_id", event_s.as_str()),
        ("session_id", workshop_s.as_str()),
        ("title", "Des îlots de fraîcheur dans les quartiers"),
        ("description", "Planter et rafraîchir."),
        ("published", "on"),
        (cite_fountains.as_str(), "on"),
        (cite_trees.as_str(), "on"),
    ];
    let (status, body) = app
        .post_api(&staff, "staff/events/avenues/save", &form)
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    let avenue: i64 = sqlx::query_scalar("SELECT id FROM action_avenues WHERE title = $1")
        .bind("Des îlots de fraîcheur dans les quartiers")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let cited = eventually("the citation mail", || async {
        with_subject(&inbox, CITED_SUBJECT).into_iter().next()
    })
    .await;
    assert_eq!(cited.to, ["bruno@example.org"], "{engine:?}");
    let text = cited.text();
    assert!(
        text.contains("Des îlots de fraîcheur dans les quartiers"),
        "{text}"
    );
    assert!(
        text.contains(&app.url(&format!(
            "/events/{}/action-avenues",
            app::demo::event::SLUG
        ))),
        "{text}"
    );
    assert!(
        text.contains(&app.url(&format!("/consultations/{SLUG}/proposals/{trees}"))),
        "{text}"
    );
    assert!(text.contains(&one_click_url(&cited)), "{text}");
    assert_eq!(
        header(&cited, "List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click"
    );

    // Edited, unpublished and published again: no second mail.
    let avenue_s = avenue.to_string();
    form.push(("avenue_id", avenue_s.as_str()));
    form[3] = ("description", "Planter, ombrager et rafraîchir.");
    let (status, body) = app
        .post_api(&staff, "staff/events/avenues/save", &form)
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    for action in ["unpublish", "publish"] {
        let (status, body) = app
            .post_api(
                &staff,
                "staff/events/avenues/act",
                &[
                    ("event_id", &event_s),
                    ("session_id", &workshop_s),
                    ("avenue_id", &avenue_s),
                    ("action", action),
                ],
            )
            .await;
        assert_eq!(status, 200, "{engine:?} {action}: {body}");
    }
    all_sent(&app).await;
    assert_eq!(
        with_subject(&inbox, CITED_SUBJECT).len(),
        1,
        "{engine:?}: once"
    );
    assert_eq!(with_subject(&inbox, RESULTS_SUBJECT).len(), 2, "{engine:?}");
}

async fn a_draft_avenue_mails_when_it_is_published(engine: Engine) {
    let (app, inbox) = spawn_mailing(engine).await;
    let moderator = app.logged_in(MODERATOR).await;
    let idea = published_idea(
        &app,
        &moderator,
        "des jardins partagés au pied des immeubles",
        "chloe@example.org",
    )
    .await;
    let (event_id, workshop): (i64, i64) = sqlx::query_as(
        "SELECT e.id, s.id FROM event_sessions s JOIN events e ON e.id = s.event_id \
         WHERE e.slug = $1 AND s.kind = 'workshop' ORDER BY s.id LIMIT 1",
    )
    .bind(app::demo::event::SLUG)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let staff = app.logged_in(EVENT_STAFF).await;
    let (event_s, workshop_s, cite) = (
        event_id.to_string(),
        workshop.to_string(),
        format!("proposal_{idea}"),
    );
    let form = [
        ("event_id", event_s.as_str()),
        ("session_id", workshop_s.as_str()),
        ("title", "Des jardins en bas de chez soi"),
        (cite.as_str(), "on"),
    ];
    let (status, body) = app
        .post_api(&staff, "staff/events/avenues/save", &form)
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    all_sent(&app).await;
    assert!(
        with_subject(&inbox, CITED_SUBJECT).is_empty(),
        "{engine:?}: a draft tells nobody"
    );
    let avenue: i64 = sqlx::query_scalar("SELECT id FROM action_avenues WHERE title = $1")
        .bind("Des jardins en bas de chez soi")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let (status, body) = app
        .post_api(
            &staff,
            "staff/events/avenues/act",
            &[
                ("event_id", &event_s),
                ("session_id", &workshop_s),
                ("avenue_id", &avenue.to_string()),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    let cited = eventually("the citation mail", || async {
        with_subject(&inbox, CITED_SUBJECT).into_iter().next()
    })
    .await;
    assert_eq!(cited.to, ["chloe@example.org"], "{engine:?}");
    assert!(cited.text().contains("Des jardins en bas de chez soi"));
}

crate::per_engine!(
    authors_hear_of_results_and_citations_and_can_leave_in_one_click,
    a_draft_avenue_mails_when_it_is_published,
);
