//! The HTTP edge against attacks: cross-site posts, huge bodies, slow
//! headers, floods of live streams, forged forwarding headers, and the
//! security headers (a CSP whose nonce is on every script of the page).

use crate::common::{fresh_database, spawn_app, spawn_with, Engine, TestApp, ADMIN, CONSULTATION};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HOST, ORIGIN, REFERER};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const CROSS_SITE_FR: &str = "Ce formulaire a été envoyé depuis un autre site";
const TOO_LARGE_FR: &str = "trop volumineux pour ce formulaire";
const TOO_LARGE_EN: &str = "too large for this form";

/// A proposal form for the demo consultation, with its own text and key.
fn proposal(body: &str, key: &str) -> Vec<(String, String)> {
    [
        ("consultation", CONSULTATION),
        ("body", body),
        ("author_name", "Amina"),
        ("charter", "on"),
        ("idempotency_key", key),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn urlencoded(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", v.replace(' ', "+").replace('\'', "%27")))
        .collect::<Vec<_>>()
        .join("&")
}

/// Proposals whose text ends with `body` (the consultation adds its prefix).
async fn proposals_with(app: &TestApp, body: &str) -> i64 {
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM proposals WHERE content LIKE $1")
        .bind(format!("%{body}"))
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn cross_site_posts_are_refused_whatever_the_content_type(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let url = app.url("/api/consultation/propose");
    let refused = "des bancs venus d'un autre site";
    let client = app.api_client();
    // (what the request says, content type) → refused with a translated 403.
    let form = urlencoded(&proposal(refused, "cross-site-0001"));
    let attempts = [
        (
            "foreign origin",
            ("origin", "https://evil.example"),
            "application/x-www-form-urlencoded",
        ),
        (
            "origin null",
            ("origin", "null"),
            "application/x-www-form-urlencoded",
        ),
        (
            "text/plain",
            ("origin", "https://evil.example"),
            "text/plain",
        ),
        (
            "multipart",
            ("origin", "https://evil.example"),
            "multipart/form-data; boundary=x",
        ),
        (
            "json",
            ("origin", "https://evil.example"),
            "application/json",
        ),
        (
            "the site's host on another port",
            ("origin", "http://127.0.0.1:1"),
            "application/x-www-form-urlencoded",
        ),
        (
            "no origin, cross-site fetch",
            ("sec-fetch-site", "cross-site"),
            "application/x-www-form-urlencoded",
        ),
        (
            "no origin, foreign referer",
            ("referer", "https://evil.example/page"),
            "application/x-www-form-urlencoded",
        ),
    ];
    for (what, (name, value), content_type) in attempts {
        let res = client
            .post(&url)
            .header(CONTENT_TYPE, content_type)
            .header(name, value)
            .body(form.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{what}");
        let text = res.text().await.unwrap();
        assert!(text.contains(CROSS_SITE_FR), "{what}: {text}");
    }
    // A browser gets a page, in its language.
    let res = client
        .post(&url)
        .header(ORIGIN, "null")
        .header(ACCEPT, "text/html")
        .header("accept-language", "en")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = res.text().await.unwrap();
    assert!(
        page.contains("<html lang=\"en\"") && page.contains("sent from another site"),
        "{page}"
    );
    assert_eq!(
        proposals_with(&app, refused).await,
        0,
        "no refused post reached the application"
    );

    // A script with none of the headers (no visitor's cookies) is allowed.
    let plain = "des bancs proposés par un script";
    let (status, body) = app
        .post_fields(
            &app.api_client(),
            "consultation/propose",
            &proposal(plain, "cross-site-0002"),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // The site's own page behind a proxy that rewrites Host: Origin is
    // compared with PARTICIPE_BASE_URL, not with Host.
    let proxied = "des bancs proposés derrière le proxy";
    let res = app
        .api_client()
        .post(&url)
        .header(ORIGIN, &app.address)
        .header(HOST, "participe-upstream:8080")
        .header("sec-fetch-site", "same-origin")
        .header(REFERER, app.url("/consultations/x/propose"))
        .form(&proposal(proxied, "cross-site-0003"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    // A plain form of the site without Origin (older browsers) but with its Referer.
    let referred = "des bancs proposés depuis la page";
    let res = app
        .api_client()
        .post(&url)
        .header(REFERER, app.url("/consultations/x/propose"))
        .form(&proposal(referred, "cross-site-0004"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    for body in [plain, proxied, referred] {
        assert_eq!(proposals_with(&app, body).await, 1, "{body}");
    }
}

async fn a_huge_body_is_refused_with_413_and_the_server_stays_fine(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let client = app.api_client();
    let url = app.url("/api/consultation/propose");
    let huge = "x".repeat(3 * 1024 * 1024);
    let form =
        format!("consultation={CONSULTATION}&charter=on&idempotency_key=huge-0001&body={huge}");
    let started = Instant::now();
    let res = client
        .post(&url)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form.clone())
        .send()
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(res.status(), 413);
    assert!(res.text().await.unwrap().contains(TOO_LARGE_FR));
    println!("a 3 MB body (declared length) refused in {elapsed:?}");
    // The same without a declared length (chunked): read up to the limit only.
    let started = Instant::now();
    let answer = chunked_post(&app, "/api/consultation/propose", 48, 64 * 1024).await;
    println!("a 3 MB chunked body refused in {:?}", started.elapsed());
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(
        answer.contains(TOO_LARGE_EN) && answer.contains("<html"),
        "{answer}"
    );
    // Just over the public limit: refused; a staff form may be longer.
    let over = "z".repeat(app::ssr::body_limit::FORM_LIMIT + 1);
    let (status, _) = app
        .post_fields(&client, "consultation/propose", &[("body", over.as_str())])
        .await;
    assert_eq!(status, 413);
    let admin = app.logged_in(ADMIN).await;
    let (status, _) = app
        .post_fields(
            &admin,
            "staff/processes/save",
            &[("description_md", over.as_str())],
        )
        .await;
    assert_ne!(status, 413, "staff descriptions may be longer");
    // The server is fine: a page, and a normal post.
    let (status, _) = app.get_html(&app.html_client(), "/").await;
    assert_eq!(status, 200);
    let (status, body) = app
        .post_fields(
            &client,
            "consultation/propose",
            &proposal("des bancs après l'attaque", "huge-0002"),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(proposals_with(&app, "des bancs après l'attaque").await, 1);
}

/// Posts `chunks` chunks of `size` bytes with no declared length, as a
/// browser in English; returns what the server answered (the server may
/// answer, and close, before everything is sent).
async fn chunked_post(app: &TestApp, path: &str, chunks: usize, size: usize) -> String {
    let addr = app.address.trim_start_matches("http://");
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nAccept-Language: en\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    conn.write_all(head.as_bytes()).await.unwrap();
    let chunk = format!("{size:x}\r\n{}\r\n", "y".repeat(size));
    let _ = tokio::time::timeout(Duration::from_secs(10), async {
        for _ in 0..chunks {
            if conn.write_all(chunk.as_bytes()).await.is_err() {
                return;
            }
        }
        let _ = conn.write_all(b"0\r\n\r\n").await;
    })
    .await;
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), conn.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_slow_header_is_cut_after_the_timeout() {
    let (url, dir) = fresh_database(Engine::Sqlite).await;
    let app = spawn_with(Engine::Sqlite, url, dir, false, |c| {
        c.timeouts.header_read = Duration::from_secs(1);
        c.timeouts.request = Duration::from_secs(2);
    })
    .await;
    let addr = app.address.trim_start_matches("http://").to_owned();
    // Slowloris: a request line, then one byte every 200 ms, never the end.
    let mut conn = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let started = Instant::now();
    conn.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let cut = loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        if conn.write_all(b"X").await.is_err() {
            break started.elapsed();
        }
        let mut buf = [0u8; 512];
        match tokio::time::timeout(Duration::from_millis(1), conn.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break started.elapsed(),
            Ok(Ok(n)) => {
                // hyper may say 408 before closing.
                let text = String::from_utf8_lossy(&buf[..n]).to_string();
                assert!(text.starts_with("HTTP/1.1 408"), "{text}");
            }
            Err(_) => {}
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the slow client is never cut"
        );
    };
    println!("a slow header (1 byte / 200 ms) was cut after {cut:?} (header timeout 1 s)");
    assert!(
        cut >= Duration::from_millis(900) && cut < Duration::from_secs(4),
        "{cut:?}"
    );
    // A connection that sends nothing at all is cut too.
    let mut idle = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let started = Instant::now();
    let mut buf = [0u8; 512];
    let read = tokio::time::timeout(Duration::from_secs(5), idle.read(&mut buf)).await;
    assert!(read.is_ok(), "a silent connection is closed");
    println!(
        "a silent connection was closed after {:?}",
        started.elapsed()
    );
    // A body that never ends: the request timeout answers 408.
    let mut slow_body = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let started = Instant::now();
    slow_body
        .write_all(
            b"POST /api/consultation/propose HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nbody=",
        )
        .await
        .unwrap();
    let mut answer = String::new();
    let _ = tokio::time::timeout(Duration::from_secs(6), async {
        let mut buf = [0u8; 1024];
        while let Ok(n) = slow_body.read(&mut buf).await {
            if n == 0 {
                break;
            }
            answer.push_str(&String::from_utf8_lossy(&buf[..n]));
            if answer.contains("\r\n\r\n") {
                break;
            }
        }
    })
    .await;
    println!(
        "a body that never ends was answered after {:?}",
        started.elapsed()
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    // The server still serves.
    let (status, _) = app.get_html(&app.html_client(), "/health").await;
    assert_eq!(status, 200);
}

async fn live_streams_are_capped_per_address_and_in_all(engine: Engine) {
    let (url, dir) = fresh_database(engine).await;
    let app = spawn_with(engine, url, dir, true, |c| {
        c.streams.per_address = 3;
        c.streams.total = 5;
        c.trusted_proxies = app::ssr::forwarded::TrustedProxies::parse("127.0.0.1").unwrap();
    })
    .await;
    let path = app.url(&format!("/api/consultations/{CONSULTATION}/live"));
    let open = |from: &'static str| {
        let path = path.clone();
        async move {
            reqwest::Client::new()
                .get(&path)
                .header("x-forwarded-for", from)
                .send()
                .await
                .unwrap()
        }
    };
    let mut held = Vec::new();
    for _ in 0..3 {
        let res = open("203.0.113.1").await;
        assert_eq!(res.status(), 200);
        held.push(res);
    }
    let refused = open("203.0.113.1").await;
    assert_eq!(refused.status(), 429);
    assert_eq!(refused.headers()["retry-after"], "30");
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("Trop de pages en direct"));
    // Another address still may, until the instance's cap.
    for _ in 0..2 {
        let res = open("203.0.113.2").await;
        assert_eq!(res.status(), 200);
        held.push(res);
    }
    let full = open("203.0.113.3").await;
    assert_eq!(full.status(), 503);
    assert!(full
        .text()
        .await
        .unwrap()
        .contains("Le serveur suit trop de pages"));
    // A closed page gives its place back.
    let started = Instant::now();
    drop(held.remove(0));
    crate::common::eventually("a freed stream place", || async {
        let res = open("203.0.113.1").await;
        (res.status() == 200).then_some(res)
    })
    .await;
    println!(
        "a closed stream's place was free again after {:?}",
        started.elapsed()
    );
}

/// Posts a proposal (its own text and key) with one forwarding header; the status.
async fn propose(app: &TestApp, header: (&str, &str), key: &str) -> u16 {
    app.api_client()
        .post(app.url("/api/consultation/propose"))
        .header(header.0, header.1)
        .form(&proposal(&format!("des bancs, proposition {key}"), key))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn forwarded_addresses_are_limited_separately_behind_a_trusted_proxy(engine: Engine) {
    let (url, dir) = fresh_database(engine).await;
    let app = spawn_with(engine, url, dir, true, |c| {
        c.rate.proposals_per_address = 1;
        c.trusted_proxies = app::ssr::forwarded::TrustedProxies::parse("127.0.0.0/8, ::1").unwrap();
    })
    .await;
    // Two residents behind the proxy: each has their own bucket.
    assert_eq!(
        propose(&app, ("x-forwarded-for", "203.0.113.10"), "fwd-a-1-key").await,
        200
    );
    assert_eq!(
        propose(&app, ("x-forwarded-for", "203.0.113.11"), "fwd-b-1-key").await,
        200
    );
    assert_eq!(
        propose(
            &app,
            ("forwarded", "for=\"[2001:db8::12]:4711\""),
            "fwd-c-1-key"
        )
        .await,
        200
    );
    assert_eq!(
        propose(&app, ("x-forwarded-for", "203.0.113.10"), "fwd-a-2-key").await,
        429
    );
    // A forged left-most entry changes nothing: nginx appends the real address.
    assert_eq!(
        propose(
            &app,
            ("x-forwarded-for", "198.51.100.99, 203.0.113.10"),
            "fwd-a-3-key"
        )
        .await,
        429
    );

    // Without trusted proxies, the header is the client's word: ignored.
    let (url, dir) = fresh_database(engine).await;
    let direct = spawn_with(engine, url, dir, true, |c| {
        c.rate.proposals_per_address = 1;
    })
    .await;
    assert_eq!(
        propose(&direct, ("x-forwarded-for", "203.0.113.20"), "direct-1-key").await,
        200
    );
    assert_eq!(
        propose(&direct, ("x-forwarded-for", "203.0.113.21"), "direct-2-key").await,
        429
    );
}

/// The nonce of a page's CSP header.
fn csp_nonce(csp: &str) -> String {
    csp.split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("a nonce in {csp}"))
        .to_owned()
}

/// Every `<script` tag of `html` and its nonce attribute.
fn script_nonces(html: &str) -> Vec<Option<String>> {
    html.split("<script")
        .skip(1)
        .map(|tag| {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            tag.split("nonce=\"")
                .nth(1)
                .map(|v| v[..v.find('"').unwrap()].to_owned())
        })
        .collect()
}

#[tokio::test]
async fn pages_carry_the_security_headers_and_every_script_the_nonce() {
    let app = spawn_app(Engine::Sqlite, true).await;
    let client = app.html_client();
    let rendezvous = app::demo::rendezvous::SLUG;
    let mut nonces = Vec::new();
    for path in [
        "/login".to_owned(),
        format!("/consultations/{CONSULTATION}/vote"),
        format!("/rendezvous/{rendezvous}?video=1"),
        "/".to_owned(),
        "/no-such-page".to_owned(),
    ] {
        let res = client.get(app.url(&path)).send().await.unwrap();
        let headers = res.headers().clone();
        let html = res.text().await.unwrap();
        let csp = headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            csp.contains("'wasm-unsafe-eval'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        assert!(
            csp.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;"),
            "{csp}"
        );
        assert!(
            headers.get("strict-transport-security").is_none(),
            "no HSTS over http"
        );
        let nonce = csp_nonce(&csp);
        let scripts = script_nonces(&html);
        if path == "/login" || path.contains("/vote") || path.contains("/rendezvous/") {
            assert!(!scripts.is_empty(), "{path}: the island loader");
        }
        for found in scripts {
            assert_eq!(
                found.as_deref(),
                Some(nonce.as_str()),
                "{path}: a script without the page's nonce"
            );
        }
        if path.contains("video=1") {
            let frame = html.split("<iframe").nth(1).expect("the player");
            let frame = &frame[..frame.find('>').unwrap()];
            assert!(
                frame.contains("sandbox=\"allow-scripts allow-same-origin allow-presentation\""),
                "{frame}"
            );
            assert!(
                frame.contains("src=\"https://www.youtube-nocookie.com/"),
                "{frame}"
            );
        }
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 5, "a fresh nonce per response");
    // Data is no page: nothing runs there.
    let res = client
        .get(app.url(&format!("/api/consultations/{CONSULTATION}/results.json")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers()["content-security-policy"],
        "default-src 'none'; frame-ancestors 'none'"
    );

    // Over https (TLS ended by the proxy), browsers are told to stay there.
    let (url, dir) = fresh_database(Engine::Sqlite).await;
    let https = spawn_with(Engine::Sqlite, url, dir, false, |c| {
        c.base_url = "https://participe.example.org".into();
    })
    .await;
    let res = reqwest::get(https.url("/")).await.unwrap();
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

async fn the_video_must_come_from_an_allowed_host(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let r = app::rendezvous::store::by_slug(&app.db, app::demo::rendezvous::SLUG)
        .await
        .unwrap()
        .unwrap();
    let admin = app.logged_in(ADMIN).await;
    let component = r.component_id.to_string();
    let starts_on = r.starts_on.to_string();
    let save = |video: &'static str| {
        vec![
            ("component_id", component.clone()),
            ("slug", r.slug.clone()),
            ("title", r.title.clone()),
            ("description", r.description.clone()),
            ("starts_on", starts_on.clone()),
            ("starts_at", r.starts_at.clone()),
            ("venue", r.venue.clone()),
            ("video_url", video.to_owned()),
            (
                "survey_id",
                r.survey_id.map(|s| s.to_string()).unwrap_or_default(),
            ),
            ("registration_open", "on".to_owned()),
        ]
    };
    for refused in [
        "https://evil.example/embed/x",
        "http://www.youtube-nocookie.com/embed/x",
        "https://www.youtube-nocookie.com.evil.example/embed/x",
    ] {
        let (status, body) = app
            .post_fields(&admin, "staff/rendezvous/save", &save(refused))
            .await;
        assert_eq!(status, 422, "{refused}: {body}");
        assert!(body.contains("hébergeurs vidéo autorisés"), "{body}");
    }
    let (status, body) = app
        .post_fields(
            &admin,
            "staff/rendezvous/save",
            &save("https://player.vimeo.com/video/76979871"),
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn security_txt_is_served() {
    let app = spawn_app(Engine::Sqlite, false).await;
    let res = reqwest::get(app.url("/.well-known/security.txt"))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let text = res.text().await.unwrap();
    for line in [
        "Contact: mailto:security@127.0.0.1",
        "Expires: ",
        "Preferred-Languages: fr, en",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
    let policy = text
        .lines()
        .find_map(|l| l.strip_prefix("Policy: "))
        .expect("a policy");
    assert_eq!(policy, app.url("/security.md"));
    let res = reqwest::get(policy).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("## Reporting a problem"));
}

crate::per_engine!(
    cross_site_posts_are_refused_whatever_the_content_type,
    a_huge_body_is_refused_with_413_and_the_server_stays_fine,
    live_streams_are_capped_per_address_and_in_all,
    forwarded_addresses_are_limited_separately_behind_a_trusted_proxy,
    the_video_must_come_from_an_allowed_host,
);
