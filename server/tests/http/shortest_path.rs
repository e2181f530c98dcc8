//! The residents' shortest path: home's "Je donne mon avis" opens the first
//! vote card in one tap; the short address printed on posters redirects by
//! the day; the poster and flyer pages hold the question, the dates and a QR
//! code that decodes to the short address; drafts stay hidden.

use crate::common::{spawn_app, vote_form_fields, with, Engine, TestApp, ADMIN, CONSULTATION};
use reqwest::header::REFERER;

const GIVE_OPINION: &str = "Je donne mon avis";

/// The `href` of the link whose text is `text`, if the page has one.
fn link_to(html: &str, text: &str) -> Option<String> {
    let at = html.find(&format!(">{text}<"))?;
    let anchor = &html[html[..at].rfind("<a ")?..at];
    let href = anchor.split(r#"href=""#).nth(1)?;
    Some(href[..href.find('"')?].replace("&amp;", "&"))
}

/// A 3xx answer's status and `Location`, for a client that follows nothing.
async fn redirect(client: &reqwest::Client, url: &str) -> (u16, String) {
    let res = client.get(url).send().await.unwrap();
    let location = res
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (res.status().as_u16(), location)
}

async fn consultation_id(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT id FROM consultations WHERE slug = $1")
        .bind(CONSULTATION)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn set_dates(app: &TestApp, opens: &str, closes: &str) {
    sqlx::query("UPDATE consultations SET opens_on = $1, closes_on = $2 WHERE slug = $3")
        .bind(opens)
        .bind(closes)
        .bind(CONSULTATION)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

async fn unpublish(app: &TestApp) {
    sqlx::query("UPDATE processes SET published = 0 WHERE slug = $1")
        .bind(app::demo::SLUG)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

/// Every QR code of a page (inline SVG), decoded.
fn decode_qr_codes(html: &str) -> Vec<String> {
    html.split(r#"<svg class="join-qr""#)
        .skip(1)
        .map(|svg| decode_svg_qr(&svg[..svg.find("</svg>").expect("a closed SVG")]))
        .collect()
}

/// Draws the SVG's one path (`M{x} {y}h{w}v{h}H{x}V{y}` per dark run, in
/// modules, over a `viewBox` of the whole code) into a greyscale image, four
/// pixels per module, and reads it as a phone's scanner would.
fn decode_svg_qr(svg: &str) -> String {
    let view = svg.split(r#"viewBox="0 0 "#).nth(1).expect("a viewBox");
    let size: usize = view.split(' ').next().unwrap().parse().unwrap();
    let path = svg.split(r#" d=""#).nth(1).expect("a path");
    let path = &path[..path.find('"').unwrap()];
    let mut dark = vec![false; size * size];
    for run in path.split('M').filter(|r| !r.is_empty()) {
        let n: Vec<usize> = run
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().unwrap())
            .collect();
        let (x, y, w, h) = (n[0], n[1], n[2], n[3]);
        for row in y..y + h {
            for col in x..x + w {
                dark[row * size + col] = true;
            }
        }
    }
    const SCALE: usize = 4;
    let px = size * SCALE;
    let image = image::GrayImage::from_fn(px as u32, px as u32, |x, y| {
        let module = (y as usize / SCALE) * size + x as usize / SCALE;
        image::Luma([if dark[module] { 0 } else { 255 }])
    });
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("a readable QR code").1
}

async fn home_gives_the_vote_in_one_tap_while_a_consultation_is_open(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.html_client();
    let vote = format!("/consultations/{CONSULTATION}/vote");

    // Tap 1: the home page's button opens the vote page on its first card.
    let (status, home) = app.get_html(&client, "/").await;
    assert_eq!(status, 200);
    assert_eq!(link_to(&home, GIVE_OPINION).as_deref(), Some(vote.as_str()));
    assert!(
        home.contains(app::demo::QUESTION),
        "the button comes with its question"
    );
    let (status, page) = app.get_html(&client, &vote).await;
    assert_eq!(status, 200, "{engine:?}");
    let fields = vote_form_fields(&page);
    assert!(
        page.contains(r#"name="key" value="agree""#),
        "a card to vote on at once"
    );

    // Tap 2: the vote, as a browser without JavaScript sends it.
    let res = client
        .post(app.url("/api/consultation/vote"))
        .header(REFERER, app.url(&vote))
        .form(&with(&fields, &[("key", "agree")]))
        .send()
        .await
        .unwrap();
    assert!(
        res.status().is_redirection(),
        "{engine:?}: {}",
        res.status()
    );
    let (_, after) = app.get_html(&client, &vote).await;
    assert!(
        after.contains("Votre avis : D'accord."),
        "{engine:?}: the vote counted"
    );

    // The demo process has one open phase: its card leads straight to it.
    let phase: i64 = sqlx::query_scalar(
        "SELECT p.id FROM phases p JOIN components c ON c.phase_id = p.id WHERE c.kind = 'consultation'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(
        link_to(&home, "Participer à l'étape en cours"),
        Some(format!("/processes/{}/phases/{phase}", app::demo::SLUG))
    );

    // Not open yet, closed, or in a draft process: no button.
    set_dates(&app, "2099-01-01", "2099-02-01").await;
    let (_, home) = app.get_html(&client, "/").await;
    assert_eq!(link_to(&home, GIVE_OPINION), None, "{engine:?}: upcoming");
    set_dates(&app, "2021-10-27", "2021-12-19").await;
    let (_, home) = app.get_html(&client, "/").await;
    assert_eq!(link_to(&home, GIVE_OPINION), None, "{engine:?}: closed");
    assert!(
        home.contains("Participer à l'étape en cours"),
        "the phase is still open"
    );
    let today = app.config.settings().today();
    let today = today.format("%Y-%m-%d").to_string();
    set_dates(&app, &today, &today).await;
    let (_, home) = app.get_html(&client, "/").await;
    assert_eq!(
        link_to(&home, GIVE_OPINION).as_deref(),
        Some(vote.as_str()),
        "open today only"
    );
    unpublish(&app).await;
    let (_, home) = app.get_html(&client, "/").await;
    assert_eq!(link_to(&home, GIVE_OPINION), None, "{engine:?}: draft");
}

async fn the_short_address_leads_to_the_vote_then_the_results(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.html_client();
    let id = consultation_id(&app).await;
    let short = app.url(&format!("/v/{id}"));
    let base = format!("/consultations/{CONSULTATION}");

    let (status, location) = redirect(&client, &short).await;
    assert!((300..400).contains(&status), "{engine:?}: {status}");
    assert_eq!(location, format!("{base}/vote"));
    set_dates(&app, "2099-01-01", "2099-02-01").await;
    assert_eq!(
        redirect(&client, &short).await.1,
        base,
        "upcoming: its page"
    );
    set_dates(&app, "2021-10-27", "2021-12-19").await;
    assert_eq!(
        redirect(&client, &short).await.1,
        format!("{base}/results"),
        "closed: its results"
    );
    for unknown in ["/v/999999", "/v/abc", "/v/0", &format!("/v/0{id}")] {
        let (status, _) = app.get_html(&client, unknown).await;
        assert_eq!(status, 404, "{unknown}");
    }
    // A draft's short address is hidden like its pages, but works for staff.
    unpublish(&app).await;
    let (status, _) = app.get_html(&client, &format!("/v/{id}")).await;
    assert_eq!(status, 404, "{engine:?}: a draft is not found");
    let staff = app.html_logged_in(ADMIN).await;
    let (status, location) = redirect(&staff, &short).await;
    assert!((300..400).contains(&status), "{status}");
    assert_eq!(location, format!("{base}/results"));
}

async fn the_poster_holds_the_question_the_dates_and_the_short_address(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.html_client();
    let id = consultation_id(&app).await;
    let short = app.url(&format!("/v/{id}"));
    let (status, poster) = app
        .get_html(&client, &format!("/consultations/{CONSULTATION}/poster"))
        .await;
    assert_eq!(status, 200, "{engine:?}");
    assert!(poster.contains(app::demo::QUESTION));
    let (opens, closes): (String, String) =
        sqlx::query_as("SELECT opens_on, closes_on FROM consultations WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let range = app::ssr::Tr(app::lang::Lang::Fr).date_range(date(&opens), date(&closes));
    assert!(
        poster.contains(&format!("Consultation ouverte {range}")),
        "{range}"
    );
    // The address in large type, without its scheme, and the QR code holding it.
    let typed = short.trim_start_matches("http://");
    assert!(poster.contains(&format!(r#"<p class="poster-address">{typed}</p>"#)));
    assert_eq!(decode_qr_codes(&poster), vec![short.clone()]);
    assert!(poster.contains(&format!(r#"aria-label="Code QR de l'adresse {short}""#)));
    // Printing: the button (an island) and the hint for browsers without JavaScript.
    assert!(poster.contains("Imprimer") && poster.contains("Ctrl+P"));
    // What the code holds leads to the vote.
    let (_, location) = redirect(&client, &short).await;
    assert_eq!(location, format!("/consultations/{CONSULTATION}/vote"));
    // The consultation's page links to the printables.
    let (_, home) = app
        .get_html(&client, &format!("/consultations/{CONSULTATION}"))
        .await;
    assert_eq!(
        link_to(&home, "Affiche et flyers à imprimer"),
        Some(format!("/consultations/{CONSULTATION}/poster"))
    );
}

async fn the_flyer_sheet_holds_four_copies(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.html_client();
    let short = app.url(&format!("/v/{}", consultation_id(&app).await));
    let (status, flyer) = app
        .get_html(&client, &format!("/consultations/{CONSULTATION}/flyer"))
        .await;
    assert_eq!(status, 200, "{engine:?}");
    let sheet = &flyer[flyer.find(r#"class="flyer-sheet""#).expect("the sheet")..];
    assert_eq!(sheet.matches("<article").count(), 4, "{sheet}");
    assert_eq!(
        flyer.matches(app::demo::QUESTION).count(),
        4 + 1,
        "4 flyers and the title"
    );
    assert_eq!(decode_qr_codes(&flyer), vec![short; 4]);
    // Read out once: the three copies for the scissors are hidden from screen readers.
    assert_eq!(sheet.matches(r#"aria-hidden="true""#).count(), 3);
}

async fn closed_and_draft_printables_behave(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.html_client();
    let poster = format!("/consultations/{CONSULTATION}/poster");
    // A poster left up after the end: the page says where its address leads now.
    set_dates(&app, "2021-10-27", "2021-12-19").await;
    let (status, page) = app.get_html(&client, &poster).await;
    assert_eq!(status, 200);
    assert!(page.contains(
        "Cette consultation est terminée : l'adresse courte mène désormais à ses résultats."
    ));
    set_dates(&app, "2099-01-01", "2099-02-01").await;
    let (_, page) = app.get_html(&client, &poster).await;
    assert!(page.contains("pas encore ouverte"), "{engine:?}");
    // A draft's printables are hidden like its other pages, shown to staff.
    unpublish(&app).await;
    for path in [
        poster.clone(),
        format!("/consultations/{CONSULTATION}/flyer"),
    ] {
        let (status, _) = app.get_html(&client, &path).await;
        assert_eq!(status, 404, "{engine:?}: {path}");
    }
    let staff = app.html_logged_in(ADMIN).await;
    let (status, page) = app.get_html(&staff, &poster).await;
    assert_eq!(status, 200);
    assert!(page.contains(app::demo::QUESTION));
}

async fn the_results_page_prints(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (status, page) = app
        .get_html(
            &app.html_client(),
            &format!("/consultations/{CONSULTATION}/results"),
        )
        .await;
    assert_eq!(status, 200);
    // On paper, the day the figures were taken; on screen, a print button.
    let today = app.config.settings().today();
    let date = app::ssr::Tr(app::lang::Lang::Fr).date(today);
    assert!(page.contains(&format!(r#"<p class="print-only">Résultats au {date}</p>"#)));
    assert!(page.contains("Imprimer les résultats"));
}

crate::per_engine!(
    home_gives_the_vote_in_one_tap_while_a_consultation_is_open,
    the_short_address_leads_to_the_vote_then_the_results,
    the_poster_holds_the_question_the_dates_and_the_short_address,
    the_flyer_sheet_holds_four_copies,
    closed_and_draft_printables_behave,
    the_results_page_prints,
);
