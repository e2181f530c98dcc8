//! More of the consultation over HTTP: votes counted in their voter's
//! demographic groups (and moved when the voter's answer changes), figures
//! pushed live by server-sent events, the admin's consultation settings, and
//! the built files served precompressed.

use crate::common::{spawn_app, spawn_with, Engine, TestApp, ADMIN, CONSULTATION};
use std::time::Duration;

const SLUG: &str = CONSULTATION;

async fn vote(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(String, String)],
    key: &str,
    idem: &str,
) {
    let mut form: Vec<(String, String)> = fields
        .iter()
        .filter(|(k, _)| k != "idempotency_key")
        .cloned()
        .collect();
    form.push(("key".into(), key.into()));
    form.push(("idempotency_key".into(), idem.into()));
    let res = client
        .post(app.url("/api/consultation/vote"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
}

async fn demographics(app: &TestApp, client: &reqwest::Client, age: &str, hood: &str) {
    let (status, body) = app
        .post_api(
            client,
            "consultation/demographics",
            &[
                ("consultation", SLUG),
                ("age_bracket", age),
                ("neighbourhood", hood),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// Group counts of one proposal: (dimension, group, item) → count, zeros left out.
async fn group_counts(app: &TestApp, proposal: i64, group: &str) -> Vec<(String, String, i64)> {
    sqlx::query_as(
        "SELECT dimension, item, CAST(SUM(count) AS BIGINT) FROM group_vote_counts \
         WHERE proposal_id = $1 AND grp = $2 GROUP BY dimension, item HAVING SUM(count) > 0 ORDER BY dimension, item",
    )
    .bind(proposal)
    .bind(group)
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

async fn votes_count_in_their_voters_groups_and_move_with_the_answer(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let (fields, proposal) = app.first_card(&client).await;
    let proposal: i64 = proposal.parse().unwrap();
    // The demo's simulated voters are all 18 or over.
    let minors = || group_counts(&app, proposal, "under-18");
    vote(&app, &client, &fields, "agree", "groups-vote-000001").await;
    assert!(minors().await.is_empty(), "{engine:?}: no answer, no group");

    demographics(&app, &client, "under-18", "Dornach").await;
    let expected = vec![("age".to_owned(), "agree".to_owned(), 1)];
    assert_eq!(
        minors().await,
        expected,
        "{engine:?}: the earlier vote joins the group"
    );

    vote(&app, &client, &fields, "disagree", "groups-vote-000002").await;
    let expected = vec![("age".to_owned(), "disagree".to_owned(), 1)];
    assert_eq!(minors().await, expected, "{engine:?}: a changed vote moves");

    demographics(&app, &client, "", "Dornach").await;
    assert!(
        minors().await.is_empty(),
        "{engine:?}: leaving the group takes the vote out"
    );

    // A group of one shows no results, so nobody can be singled out.
    demographics(&app, &client, "under-18", "").await;
    let (status, page) = app
        .get_html(
            &app.html_client(),
            &format!("/consultations/{SLUG}/results?group=age:under-18"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Moins de 5 participants dans ce groupe"),
        "{engine:?}"
    );
    // A demo neighbourhood is large enough to show its top ideas.
    let (hood, size): (String, i64) = sqlx::query_as(
        "SELECT neighbourhood, COUNT(*) FROM demographics WHERE neighbourhood <> '' \
         GROUP BY neighbourhood ORDER BY COUNT(*) DESC, neighbourhood LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert!(size >= 5);
    let (_, page) = app
        .get_html(
            &app.html_client(),
            &format!("/consultations/{SLUG}/results?group=neighbourhood:{hood}"),
        )
        .await;
    assert!(
        page.contains(&format!("{hood} : {size} participants")),
        "{engine:?}"
    );
    assert!(!page.contains("Moins de 5 participants dans ce groupe"));
}

/// Reads server-sent events until one `figures` event arrives; returns its votes.
async fn next_votes(res: &mut reqwest::Response, buffer: &mut String) -> i64 {
    loop {
        if let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data:")) {
                let v: serde_json::Value = serde_json::from_str(data.trim()).unwrap();
                return v["votes"].as_i64().unwrap();
            }
            continue;
        }
        let chunk = tokio::time::timeout(Duration::from_secs(10), res.chunk())
            .await
            .expect("an event within 10 s")
            .unwrap()
            .expect("the stream stays open");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
    }
}

async fn live_figures_reach_open_pages_after_a_vote(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let mut stream = reqwest::get(app.url(&format!("/api/consultations/{SLUG}/live")))
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    let mut buffer = String::new();
    let before = next_votes(&mut stream, &mut buffer).await;
    assert!(before > 0, "the demo has votes");

    let client = app.api_client();
    let (fields, _) = app.first_card(&client).await;
    vote(&app, &client, &fields, "agree", "live-vote-00000001").await;
    assert_eq!(
        next_votes(&mut stream, &mut buffer).await,
        before + 1,
        "{engine:?}"
    );

    let missing = reqwest::get(app.url("/api/consultations/nothing-here/live"))
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

async fn admins_change_a_consultations_settings(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let component: i64 =
        sqlx::query_scalar("SELECT component_id FROM consultations WHERE slug = $1")
            .bind(SLUG)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let admin = app.logged_in(ADMIN).await;
    let component = component.to_string();
    let mut form = vec![
        ("component_id", component.as_str()),
        ("slug", SLUG),
        (
            "question",
            "Comment améliorer vos conditions de vie à Mulhouse ?",
        ),
        ("proposal_prefix", "Il faut"),
        ("lang", "fr"),
        ("neighbourhoods", "Dornach\nRebberg"),
        ("opens_on", "2020-01-01"),
        ("closes_on", "2040-01-01"),
        ("sequence_size", "0"),
        ("new_share_pct", "30"),
        ("new_threshold", "10"),
        ("controversy_share_pct", "10"),
        ("trusted_weight_pct", "50"),
    ];
    let (status, _) = app
        .post_api(&admin, "staff/consultations/save", &form)
        .await;
    assert_eq!(status, 422, "{engine:?}: a sequence of 0 is refused");
    form[8].1 = "5";
    let (status, body) = app
        .post_api(&admin, "staff/consultations/save", &form)
        .await;
    assert_eq!(status, 200, "{engine:?}: {body}");
    let (size, hoods): (i64, String) =
        sqlx::query_as("SELECT sequence_size, neighbourhoods FROM consultations WHERE slug = $1")
            .bind(SLUG)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!((size, hoods.as_str()), (5, "Dornach\nRebberg"));
    // A new participant's sequence now holds 5 proposals.
    let (_, page) = app
        .get_html(&app.html_client(), &format!("/consultations/{SLUG}/vote"))
        .await;
    assert!(page.contains("1 / 5"), "{engine:?}");
    // The settings page shows what is stored.
    let (status, page) = app
        .get_html(&admin, &format!("/admin/consultations/{component}"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"name="sequence_size""#) && page.contains(r#"value="5""#));
}

#[tokio::test]
async fn built_files_are_served_precompressed() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    // What `cargo leptos build --release --precompress` leaves (contents
    // stand-ins: only which copy is served matters here).
    std::fs::write(pkg.join("participe.css"), "main { margin: 0 auto; }").unwrap();
    std::fs::write(pkg.join("participe.css.br"), "brotli copy").unwrap();
    std::fs::write(pkg.join("participe.css.gz"), "gzip copy").unwrap();
    let (url, dir) = crate::common::fresh_database(crate::common::Engine::Sqlite).await;
    let root = site.path().display().to_string();
    let app = spawn_with(crate::common::Engine::Sqlite, url, dir, false, |c| {
        c.site_root = root
    })
    .await;
    let client = reqwest::Client::new();
    for (accept, encoding) in [("br, gzip", "br"), ("gzip", "gzip")] {
        let res = client
            .get(app.url("/pkg/participe.css"))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-encoding"], encoding);
        // Tests run without cargo-leptos's hash file: names are not hashed, so
        // the browser must check again.
        assert_eq!(res.headers()["cache-control"], "no-cache");
        let expected = if encoding == "br" {
            "brotli copy"
        } else {
            "gzip copy"
        };
        assert_eq!(res.text().await.unwrap(), expected);
    }
}

crate::per_engine!(
    votes_count_in_their_voters_groups_and_move_with_the_answer,
    live_figures_reach_open_pages_after_a_vote,
    admins_change_a_consultations_settings,
);
