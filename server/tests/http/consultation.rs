//! The consultation over HTTP: votes counted once under concurrent double
//! taps, forged signatures counted nowhere, closed consultations, moderation.

use crate::common::{spawn_app, with, Engine, TestApp, ADMIN, CONSULTATION, MODERATOR};

const SLUG: &str = CONSULTATION;

/// Counted votes of one key for a proposal, summed over tallies.
async fn count(app: &TestApp, proposal: &str, item: &str) -> i64 {
    let n: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(count) AS BIGINT) FROM vote_counts WHERE proposal_id = $1 AND item = $2",
    )
    .bind(proposal.parse::<i64>().unwrap())
    .bind(item)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    n.unwrap_or(0)
}

async fn concurrent_double_taps_give_exactly_one_vote(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let (fields, proposal) = app.first_card(&client).await;
    let before = count(&app, &proposal, "agree").await;
    let sequence_before: i64 =
        sqlx::query_scalar("SELECT sequence_votes FROM proposals WHERE id = $1")
            .bind(proposal.parse::<i64>().unwrap())
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    // 30 taps at once: half replay one form (same key), half come from other forms.
    let mut tasks = Vec::new();
    for i in 0..30 {
        let key = if i % 2 == 0 {
            "same-key-0000001".to_owned()
        } else {
            format!("other-key-{i:08}")
        };
        let form = with(&fields, &[("key", "agree"), ("idempotency_key", &key)]);
        let client = client.clone();
        let url = app.url("/api/consultation/vote");
        tasks.push(tokio::spawn(async move {
            let res = client.post(url).form(&form).send().await.unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }));
    }
    for t in tasks {
        let (status, body) = t.await.unwrap();
        assert_eq!(status, 200, "{engine:?}: {body}");
    }
    let rows: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM votes WHERE proposal_id = $1 AND participant_id IN \
         (SELECT participant_id FROM votes WHERE proposal_id = $1 AND participant_id NOT IN \
          (SELECT id FROM participants WHERE public_id LIKE 'demo-%'))",
    )
    .bind(proposal.parse::<i64>().unwrap())
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(rows, 1, "{engine:?}: one vote row");
    assert_eq!(
        count(&app, &proposal, "agree").await,
        before + 1,
        "{engine:?}: counted once"
    );
    let sequence_after: i64 =
        sqlx::query_scalar("SELECT sequence_votes FROM proposals WHERE id = $1")
            .bind(proposal.parse::<i64>().unwrap())
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(sequence_after, sequence_before + 1, "{engine:?}");
}

async fn changing_and_withdrawing_a_vote_keeps_counts_right(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let (fields, p) = app.first_card(&client).await;
    let (agree, disagree, like) = (
        count(&app, &p, "agree").await,
        count(&app, &p, "disagree").await,
        count(&app, &p, "like_it").await,
    );
    let (s, body) = app
        .post_fields(
            &client,
            "consultation/vote",
            &with(
                &fields,
                &[
                    ("key", "agree"),
                    ("q_like_it", "on"),
                    ("idempotency_key", "k-000000001"),
                ],
            ),
        )
        .await;
    assert_eq!(s, 200, "{body}");
    assert!(body.contains("like_it"), "{body}");
    assert_eq!(
        (
            count(&app, &p, "agree").await,
            count(&app, &p, "like_it").await
        ),
        (agree + 1, like + 1)
    );
    // A qualification that belongs to another key is refused.
    let (s, body) = app
        .post_fields(
            &client,
            "consultation/vote",
            &with(
                &fields,
                &[
                    ("key", "agree"),
                    ("q_no_way", "on"),
                    ("idempotency_key", "k-000000002"),
                ],
            ),
        )
        .await;
    assert_eq!(s, 422, "{body}");
    let (s, _) = app
        .post_fields(
            &client,
            "consultation/vote",
            &with(
                &fields,
                &[("key", "disagree"), ("idempotency_key", "k-000000003")],
            ),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(count(&app, &p, "agree").await, agree, "{engine:?}");
    assert_eq!(count(&app, &p, "like_it").await, like);
    assert_eq!(count(&app, &p, "disagree").await, disagree + 1);
    let (s, _) = app
        .post_fields(
            &client,
            "consultation/vote",
            &with(
                &fields,
                &[("key", "withdraw"), ("idempotency_key", "k-000000004")],
            ),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(count(&app, &p, "disagree").await, disagree, "{engine:?}");
}

async fn a_forged_signature_changes_no_result(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let (fields, p) = app.first_card(&client).await;
    let results = |app: &TestApp| {
        let url = app.url(&format!("/api/consultations/{SLUG}/results.json"));
        async move {
            reqwest::get(url)
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let before = results(&app).await;
    for forged in [
        "",
        "bm90IGEgc2lnbmF0dXJl",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ] {
        let client = app.api_client();
        let (s, _) = app
            .post_fields(
                &client,
                "consultation/vote",
                &with(
                    &fields,
                    &[
                        ("key", "agree"),
                        ("signature", forged),
                        ("idempotency_key", "forged-0001"),
                    ],
                ),
            )
            .await;
        assert_eq!(s, 200, "the vote is taken");
    }
    // A real signature, claimed for another context, proves nothing either.
    let (s, _) = app
        .post_fields(
            &client,
            "consultation/vote",
            &with(
                &fields,
                &[
                    ("key", "agree"),
                    ("served_in", "proposal"),
                    ("idempotency_key", "forged-0002"),
                ],
            ),
        )
        .await;
    assert_eq!(s, 200);
    let after = results(&app).await;
    assert_eq!(
        before["results"], after["results"],
        "{engine:?}: no result moved"
    );
    assert_eq!(before["votes"], after["votes"]);
    let untrusted: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM votes WHERE proposal_id = $1 AND counted = 'untrusted'",
    )
    .bind(p.parse::<i64>().unwrap())
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(untrusted, 4, "{engine:?}: recorded, counted nowhere");
}

async fn a_closed_consultation_refuses_votes_and_proposals_but_shows_results(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let (fields, _) = app.first_card(&client).await;
    sqlx::query("UPDATE consultations SET closes_on = '2022-01-01', opens_on = '2021-10-27'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let (s, body) = app
        .post_fields(
            &client,
            "consultation/vote",
            &with(&fields, &[("key", "agree")]),
        )
        .await;
    assert_eq!(s, 409, "{engine:?}: {body}");
    assert!(body.contains("Cette consultation est terminée"), "{body}");
    let proposal = [
        ("consultation", SLUG),
        ("body", "des bancs dans les parcs"),
        ("author_name", "Amina"),
        ("charter", "on"),
        ("idempotency_key", "closed-00001"),
    ];
    let (s, _) = app
        .post_api(&client, "consultation/propose", &proposal)
        .await;
    assert_eq!(s, 409);
    let (s, body) = app
        .get_html(&client, &format!("/consultations/{SLUG}/results"))
        .await;
    assert_eq!(s, 200);
    assert!(body.contains("Les idées qui font consensus"));
    let (_, body) = app
        .get_html(&client, &format!("/consultations/{SLUG}/vote"))
        .await;
    assert!(body.contains("Cette consultation est terminée"));
}

async fn moderation_round_trip(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let participant = app.api_client();
    let form = [
        ("consultation", SLUG),
        ("body", "des fontaines à eau potable dans tous les parcs"),
        ("author_name", "Amina"),
        ("author_email", "amina@example.org"),
        ("charter", "on"),
        ("idempotency_key", "propose-000001"),
    ];
    let (s, body) = app
        .post_api(&participant, "consultation/propose", &form)
        .await;
    assert_eq!(s, 200, "{body}");
    let id: i64 = body.trim().parse().expect("the new proposal's id");
    // Replaying the same request (a flaky network) adds nothing.
    let (_, again) = app
        .post_api(&participant, "consultation/propose", &form)
        .await;
    assert_eq!(again.trim(), body.trim());
    let pending: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM proposals WHERE content LIKE '%fontaines à eau%'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(pending, 1, "{engine:?}");
    let csv = reqwest::get(app.url(&format!("/api/consultations/{SLUG}/proposals.csv")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !csv.contains("fontaines à eau"),
        "not published before moderation"
    );

    // A refused proposal without its charter consent keeps what was typed (checked in foundation tests);
    // here: participants cannot moderate.
    let (s, _) = app
        .post_api(
            &participant,
            "staff/moderation/decide",
            &[("proposal_id", &id.to_string()), ("decision", "accept")],
        )
        .await;
    assert_eq!(s, 401);

    // The moderator opens it (and holds it); another moderator is kept off.
    let moderator = app.logged_in(MODERATOR).await;
    let (s, page) = app
        .get_html(&moderator, &format!("/moderation/proposals/{id}"))
        .await;
    assert_eq!(s, 200);
    assert!(page.contains("fontaines à eau potable"));
    let other = app.logged_in(ADMIN).await;
    let (s, body) = app
        .post_api(
            &other,
            "staff/moderation/decide",
            &[("proposal_id", &id.to_string()), ("decision", "accept")],
        )
        .await;
    assert_eq!(s, 409, "{engine:?}: {body}");
    let theme: i64 =
        sqlx::query_scalar("SELECT id FROM themes WHERE name = 'Logement et cadre de vie'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let theme_field = format!("theme_{theme}");
    let (s, body) = app
        .post_api(
            &moderator,
            "staff/moderation/decide",
            &[
                ("proposal_id", &id.to_string()),
                ("decision", "accept"),
                (&theme_field, "on"),
            ],
        )
        .await;
    assert_eq!(s, 200, "{body}");
    let csv = reqwest::get(app.url(&format!("/api/consultations/{SLUG}/proposals.csv")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let line = csv
        .lines()
        .find(|l| l.contains("fontaines à eau"))
        .expect("published");
    assert!(line.contains("Logement et cadre de vie"), "{line}");
    assert!(
        csv.starts_with("id,content,themes,zone,agree,disagree,neutral"),
        "{csv}"
    );
    assert!(
        !csv.contains("amina@example.org") && !csv.contains("Amina"),
        "no personal data in open data"
    );

    // Refusing needs a reason from the list; then the proposal is refused.
    let next: i64 = sqlx::query_scalar(
        "SELECT id FROM proposals WHERE content = 'Il faut que le maire démissionne'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let (s, _) = app
        .post_api(
            &moderator,
            "staff/moderation/decide",
            &[
                ("proposal_id", &next.to_string()),
                ("decision", "refuse"),
                ("reason", "nope"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    let (s, _) = app
        .post_api(
            &moderator,
            "staff/moderation/decide",
            &[
                ("proposal_id", &next.to_string()),
                ("decision", "refuse"),
                ("reason", "partisan"),
                ("message", "Merci de proposer une action concrète."),
            ],
        )
        .await;
    assert_eq!(s, 200);
    let (status, reason): (String, String) =
        sqlx::query_as("SELECT status, refusal_reason FROM proposals WHERE id = $1")
            .bind(next)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), reason.as_str()),
        ("refused", "partisan"),
        "{engine:?}"
    );

    // A report sends a published proposal back to the moderators' list.
    let (s, _) = app
        .post_api(
            &participant,
            "consultation/report",
            &[("proposal_id", &id.to_string()), ("reason", "spam")],
        )
        .await;
    assert_eq!(s, 200);
    let (_, page) = app.get_html(&moderator, "/moderation").await;
    assert!(
        page.contains("fontaines à eau potable"),
        "reported proposals are listed"
    );
}

#[tokio::test]
async fn results_json_is_documented_open_data() {
    let app = spawn_app(crate::common::Engine::Sqlite, true).await;
    let res = reqwest::get(app.url(&format!("/api/consultations/{SLUG}/results.json")))
        .await
        .unwrap();
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    let json: serde_json::Value = res.json().await.unwrap();
    assert_eq!(json["consultation"], SLUG);
    assert_eq!(json["results"].as_array().unwrap().len(), 36);
    assert!(json["votes"].as_i64().unwrap() >= 1900);
    let zones: std::collections::HashSet<&str> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["zone"].as_str().unwrap())
        .collect();
    assert!(
        zones.contains("consensus") && zones.contains("rejection"),
        "{zones:?}"
    );
    let first = &json["results"][0];
    assert!(
        first["scores"]["top"]["lower"].as_f64().unwrap()
            <= first["scores"]["top"]["value"].as_f64().unwrap()
    );
    assert_eq!(
        reqwest::get(app.url("/api/consultations/nope/results.json"))
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );
}

#[tokio::test]
async fn floods_of_votes_and_proposals_are_slowed_down() {
    let (url, dir) = crate::common::fresh_database(crate::common::Engine::Sqlite).await;
    let app = crate::common::spawn_with(crate::common::Engine::Sqlite, url, dir, true, |config| {
        config.rate.votes_per_participant = 3;
        config.rate.proposals_per_participant = 1;
    })
    .await;
    let client = app.api_client();
    let (fields, _) = app.first_card(&client).await;
    for i in 0..3 {
        let key = format!("flood-key-{i:04}");
        let (s, body) = app
            .post_fields(
                &client,
                "consultation/vote",
                &with(&fields, &[("key", "agree"), ("idempotency_key", &key)]),
            )
            .await;
        assert_eq!(s, 200, "{body}");
    }
    let (s, body) = app
        .post_fields(
            &client,
            "consultation/vote",
            &with(
                &fields,
                &[("key", "neutral"), ("idempotency_key", "flood-key-9999")],
            ),
        )
        .await;
    assert_eq!(s, 429, "{body}");
    assert!(body.contains("Vous allez un peu vite"), "{body}");
    let proposal = |key: &'static str| {
        [
            ("consultation", SLUG),
            ("body", "des bancs à l'ombre dans les parcs"),
            ("author_name", "Amina"),
            ("charter", "on"),
            ("idempotency_key", key),
        ]
    };
    assert_eq!(
        app.post_api(&client, "consultation/propose", &proposal("flood-prop-1"))
            .await
            .0,
        200
    );
    assert_eq!(
        app.post_api(&client, "consultation/propose", &proposal("flood-prop-2"))
            .await
            .0,
        429
    );
}

crate::per_engine!(
    concurrent_double_taps_give_exactly_one_vote,
    changing_and_withdrawing_a_vote_keeps_counts_right,
    a_forged_signature_changes_no_result,
    a_closed_consultation_refuses_votes_and_proposals_but_shows_results,
    moderation_round_trip,
);
