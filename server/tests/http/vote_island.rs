//! The vote island's background posts (`/api/consultation/sequence/act`), as
//! the WASM sends them: a vote answers with the voted card's HTML, replays of
//! the same post (a flaky network's retries) count once, a replayed "next"
//! moves on once, and refusals come back as translated JSON errors.

use crate::common::{field, spawn_app, vote_form_fields, with, Engine, TestApp, CONSULTATION};
use serde_json::{json, Value};

const SLUG: &str = CONSULTATION;
const ACT: &str = "/api/consultation/sequence/act";

/// The server function's JSON input: its one argument, `act`.
fn body(form: &str, fields: &[(String, String)]) -> Value {
    json!({ "act": { "consultation": SLUG, "form": form, "fields": fields } })
}

async fn act(
    app: &TestApp,
    client: &reqwest::Client,
    form: &str,
    fields: &[(String, String)],
) -> (u16, Value) {
    let res = client
        .post(app.url(ACT))
        .json(&body(form, fields))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let body = res.text().await.unwrap();
    let value = serde_json::from_str(&body).unwrap_or_else(|_| panic!("JSON: {body}"));
    (status, value)
}

/// The first card's vote form, from the vote page as served without JavaScript.
async fn island_card(app: &TestApp, client: &reqwest::Client) -> Vec<(String, String)> {
    let page = app.vote_page(client).await;
    assert!(
        page.contains("<leptos-island"),
        "the vote page holds the island"
    );
    vote_form_fields(&page)
}

async fn stored_votes(app: &TestApp, proposal: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM votes WHERE proposal_id = $1")
        .bind(proposal.parse::<i64>().unwrap())
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn a_vote_answers_with_the_voted_card_and_retries_count_once(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let fields = island_card(&app, &client).await;
    let proposal = field(&fields, "proposal_id").to_owned();
    let before = stored_votes(&app, &proposal).await;

    // The same post sent five times at once, as retries on a bad network would.
    let post = with(&fields, &[("key", "agree")]);
    let tasks: Vec<_> = (0..5)
        .map(|_| {
            let (client, url, post) = (client.clone(), app.url(ACT), post.clone());
            tokio::spawn(async move {
                let res = client
                    .post(url)
                    .json(&body("vote", &post))
                    .send()
                    .await
                    .unwrap();
                (res.status().as_u16(), res.json::<Value>().await.unwrap())
            })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        let (status, view) = task.await.unwrap();
        assert_eq!(status, 200, "{engine:?}: {view}");
        answers.push((status, view));
    }
    assert_eq!(
        stored_votes(&app, &proposal).await,
        before + 1,
        "{engine:?}"
    );

    // Every answer is the voted card, rendered as the page renders it.
    let card = answers[0].1.as_str().expect("the step's HTML");
    let card_fields = vote_form_fields(card);
    assert_eq!(field(&card_fields, "proposal_id"), proposal);
    assert!(card.contains("Votre avis : D'accord."), "{card}");
    assert!(card.contains(r#"<p class="progress">1 / "#), "{card}");
    assert!(card.contains(r#"aria-pressed="true""#), "{card}");
    for label in ["Coup de cœur", "Réaliste", "Banalité"] {
        assert!(card.contains(label), "{label}");
    }
    // A fresh key for the card's next forms.
    let key = field(&card_fields, "idempotency_key").to_owned();
    assert_ne!(key, field(&fields, "idempotency_key"));

    // Qualifying through the card's new key is kept.
    let qualify = with(
        &fields,
        &[
            ("key", "qualify"),
            ("q_like_it", "on"),
            ("idempotency_key", &key),
        ],
    );
    let (status, view) = act(&app, &client, "vote", &qualify).await;
    assert_eq!(status, 200, "{view}");
    assert!(
        view.as_str()
            .unwrap()
            .contains(r#"name="q_like_it" value="on" checked"#),
        "{view}"
    );
}

async fn a_replayed_next_moves_on_once(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    island_card(&app, &client).await;
    let next = vec![
        ("action".to_owned(), "next".to_owned()),
        ("position".to_owned(), "0".to_owned()),
    ];
    for _ in 0..3 {
        let (status, view) = act(&app, &client, "sequence", &next).await;
        assert_eq!(status, 200, "{engine:?}: {view}");
        let html = view.as_str().unwrap();
        assert!(html.contains(r#"<p class="progress">2 / "#), "{html}");
        assert!(html.contains(r#"name="position" value="1""#), "{html}");
    }
    // Without a position (an old page), "next" still moves on.
    let (_, view) = act(&app, &client, "sequence", &next[..1]).await;
    assert!(view
        .as_str()
        .unwrap()
        .contains(r#"<p class="progress">3 / "#));
}

async fn refusals_come_back_translated(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let fields = island_card(&app, &client).await;

    let (status, error) = act(&app, &client, "vote", &with(&fields, &[("key", "maybe")])).await;
    assert_eq!(status, 422, "{engine:?}: {error}");
    assert!(
        error.to_string().contains("Choisissez « D'accord »"),
        "{error}"
    );

    sqlx::query("UPDATE consultations SET closes_on = '2022-01-01', opens_on = '2021-10-27'")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let (status, error) = act(&app, &client, "vote", &with(&fields, &[("key", "agree")])).await;
    assert_eq!(status, 409, "{engine:?}: {error}");
    assert!(
        error
            .to_string()
            .contains("Cette consultation est terminée"),
        "{error}"
    );
}

crate::per_engine!(
    a_vote_answers_with_the_voted_card_and_retries_count_once,
    a_replayed_next_moves_on_once,
    refusals_come_back_translated,
);
