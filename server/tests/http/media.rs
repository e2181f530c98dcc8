//! Image uploads (process image, speaker photo) through plain multipart forms:
//! stored, resized, served for a year; refusals translated with the typed
//! fields kept; staff only. Process archive and deletion.

use crate::common::*;
use image::{ImageFormat, RgbImage, RgbaImage};
use reqwest::header::{ACCEPT, CONTENT_TYPE, REFERER};
use std::io::Cursor;

crate::per_engine!(
    uploads_are_stored_resized_and_served_for_a_year,
    refused_uploads_say_why_and_keep_the_fields,
    only_admins_upload_from_the_site,
    speakers_get_a_photo,
    archived_processes_leave_home_and_take_no_contributions,
    deletion_needs_the_title_and_removes_rows_and_files,
);

const BOUNDARY: &str = "participe-test-boundary-7f3a";

fn encode(img: image::DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn png(w: u32, h: u32) -> Vec<u8> {
    encode(
        RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        })
        .into(),
        ImageFormat::Png,
    )
}

/// A multipart body: text fields, then the file `file_field` named `file_name`.
fn multipart(fields: &[(&str, &str)], file_field: &str, file_name: &str, file: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend(file);
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Posts an upload form from `from`; the status and where it redirects.
async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    from: &str,
    body: Vec<u8>,
) -> (u16, String) {
    let res = client
        .post(app.url(path))
        .header(REFERER, app.url(from))
        .header(
            CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let location = res
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (res.status().as_u16(), location)
}

async fn demo_process(app: &TestApp) -> (i64, String, String) {
    sqlx::query_as("SELECT id, slug, title FROM processes ORDER BY id LIMIT 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// The `/media/...` addresses of a page's `srcset`s, with their widths.
fn srcset_urls(page: &str) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for part in page.split("srcset=\"").skip(1) {
        let set = &part[..part.find('"').unwrap()];
        for item in set.split(", ") {
            let (url, w) = item.split_once(' ').unwrap();
            out.push((url.to_owned(), w.trim_end_matches('w').parse().unwrap()));
        }
    }
    out
}

fn media_files(app: &TestApp) -> usize {
    std::fs::read_dir(app.config.settings().media_dir)
        .map(|d| d.filter_map(Result::ok).count())
        .unwrap_or(0)
}

async fn uploads_are_stored_resized_and_served_for_a_year(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let admin = app.html_logged_in(ADMIN).await;
    let (id, slug, _) = demo_process(&app).await;
    let edit = format!("/admin/processes/{id}");
    let action = format!("/api/staff/media/processes/{id}/image");
    let photo = encode(
        RgbImage::from_fn(1600, 800, |x, _| image::Rgb([(x % 200) as u8, 40, 160])).into(),
        ImageFormat::Jpeg,
    );
    let transparent = encode(
        RgbaImage::from_pixel(300, 450, image::Rgba([200, 10, 10, 120])).into(),
        ImageFormat::WebP,
    );
    // (bytes, name, widths and heights served, content type)
    type Case = (Vec<u8>, &'static str, Vec<(u32, u32)>, &'static str);
    let cases: [Case; 3] = [
        (
            png(1200, 600),
            "pont.png",
            vec![(480, 240), (960, 480)],
            "image/jpeg",
        ),
        (
            photo,
            "photo.jpg",
            vec![(480, 240), (960, 480)],
            "image/jpeg",
        ),
        (transparent, "logo.webp", vec![(300, 450)], "image/png"),
    ];
    for (bytes, name, sizes, content_type) in cases {
        let body = multipart(
            &[("alt", "Le pont du Rhin au soleil")],
            "image",
            name,
            &bytes,
        );
        let (status, location) = upload(&app, &admin, &action, &edit, body).await;
        assert_eq!(status, 303, "{engine:?} {name}");
        assert_eq!(location, format!("{edit}#image"));
        let (_, page) = app.get_html(&admin, &edit).await;
        assert!(page.contains("Image enregistrée."), "{name}");
        let (status, page) = app.get_html(&admin, &format!("/processes/{slug}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("alt=\"Le pont du Rhin au soleil\""));
        assert!(page.contains("loading=\"lazy\"") && page.contains("sizes=\""));
        let urls = srcset_urls(&page);
        assert_eq!(urls.len(), sizes.len(), "{name}: {urls:?}");
        for ((url, width), (w, h)) in urls.iter().zip(&sizes) {
            assert_eq!(width, w);
            // Served to anyone, without a session.
            let res = reqwest::get(app.url(url)).await.unwrap();
            assert_eq!(res.status(), 200, "{url}");
            let headers = res.headers().clone();
            assert_eq!(headers[CONTENT_TYPE], content_type);
            assert_eq!(
                headers["cache-control"],
                "public, max-age=31536000, immutable"
            );
            assert_eq!(headers["x-content-type-options"], "nosniff");
            let served = image::load_from_memory(&res.bytes().await.unwrap()).unwrap();
            assert_eq!((served.width(), served.height()), (*w, *h), "{url}");
        }
    }
    // The home card shows it too.
    let (_, home) = app.get_html(&app.html_client(), "/").await;
    assert!(home.contains("class=\"card-image\""));
    // Three uploads, each replacing the one before: only the last is kept.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM media_images").await, 1);
    match engine {
        Engine::Sqlite => {
            assert_eq!(media_files(&app), 1);
            assert_eq!(
                count(
                    &app,
                    "SELECT COUNT(*) FROM media_variants WHERE bytes IS NULL"
                )
                .await,
                1
            );
        }
        Engine::Postgres => assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM media_variants WHERE bytes IS NOT NULL"
            )
            .await,
            1
        ),
    }
    assert!(
        app.get_html(
            &app.html_client(),
            "/media/0123456789abcdef0123456789abcdef-480.jpg"
        )
        .await
        .0 == 404
    );
    assert_eq!(
        app.get_html(&app.html_client(), "/media/..%2F..%2Fetc%2Fpasswd")
            .await
            .0,
        404
    );
}

async fn refused_uploads_say_why_and_keep_the_fields(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let admin = app.html_logged_in(ADMIN).await;
    let (id, _, _) = demo_process(&app).await;
    let edit = format!("/admin/processes/{id}");
    let action = format!("/api/staff/media/processes/{id}/image");
    let mut oversized = png(400, 400);
    oversized.resize(9 * 1024 * 1024, 0);
    let gif = b"GIF89a\x10\x00\x10\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x10\x00\x10\x00\x00\x02\x02D\x01\x00;".to_vec();
    let cases: [(Vec<u8>, &str, &str, &str); 5] = [
        (
            oversized,
            "grand.png",
            "Le pont du Rhin",
            "L’image dépasse 8 Mo.",
        ),
        (
            gif,
            "anim.gif",
            "Le pont du Rhin",
            "n’est pas une image JPEG, PNG ou WebP",
        ),
        (
            b"bonjour, je suis un texte".to_vec(),
            "faux.png",
            "Le pont du Rhin",
            "n’est pas une image JPEG, PNG ou WebP",
        ),
        (
            png(120, 120),
            "petit.png",
            "Le pont du Rhin",
            "L’image est trop petite",
        ),
        (
            png(400, 400),
            "bon.png",
            "",
            "Décrivez l’image en quelques mots",
        ),
    ];
    for (bytes, name, alt, message) in cases {
        let body = multipart(&[("alt", alt)], "image", name, &bytes);
        let (status, location) = upload(&app, &admin, &action, &edit, body).await;
        assert_eq!(
            (status, location.as_str()),
            (303, edit.as_str()),
            "{engine:?} {name}"
        );
        let (_, page) = app.get_html(&admin, &edit).await;
        assert!(page.contains(message), "{name}: {message}");
        assert!(
            page.contains("le fichier doit être choisi de nouveau")
                || page.contains("Le fichier doit être choisi de nouveau"),
            "{name}"
        );
        if !alt.is_empty() {
            assert!(
                page.contains(&format!("value=\"{alt}\"")),
                "{name}: the alt text is kept"
            );
        }
    }
    // The same refusal for a script: a status and the message, in English when asked.
    let script = app.logged_in(ADMIN).await;
    let res = script
        .post(app.url(&action))
        .header(ACCEPT, "application/json")
        .header("accept-language", "en")
        .header(
            CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(multipart(
            &[("alt", "x")],
            "image",
            "a.gif",
            b"GIF89a......",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("not a readable JPEG, PNG or WebP"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM media_images").await, 0);
    assert_eq!(media_files(&app), 0);
}

async fn only_admins_upload_from_the_site(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (id, _, _) = demo_process(&app).await;
    let action = format!("/api/staff/media/processes/{id}/image");
    let body = || multipart(&[("alt", "Un pont")], "image", "p.png", &png(400, 300));
    let post = |client: reqwest::Client, origin: Option<String>| {
        let app = &app;
        let action = action.clone();
        let body = body();
        async move {
            let mut req = client
                .post(app.url(&action))
                .header(ACCEPT, "application/json")
                .header(
                    CONTENT_TYPE,
                    format!("multipart/form-data; boundary={BOUNDARY}"),
                );
            if let Some(origin) = origin {
                req = req.header("origin", origin);
            }
            req.body(body).send().await.unwrap().status().as_u16()
        }
    };
    assert_eq!(post(app.api_client(), None).await, 401);
    for staff in [MODERATOR, MEDIATOR, EVENT_STAFF] {
        assert_eq!(post(app.logged_in(staff).await, None).await, 403, "{staff}");
    }
    let admin = app.logged_in(ADMIN).await;
    assert_eq!(
        post(admin.clone(), Some("http://evil.example".into())).await,
        403,
        "cross-site"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM media_images").await, 0);
    assert_eq!(post(admin, Some(app.address.clone())).await, 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM media_images").await, 1);
}

async fn speakers_get_a_photo(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let admin = app.html_logged_in(ADMIN).await;
    let (speaker, event, name, slug): (i64, i64, String, String) = sqlx::query_as(
        "SELECT sp.id, e.id, sp.name, e.slug FROM event_speakers sp JOIN events e ON e.id = sp.event_id \
         ORDER BY sp.id LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let edit = format!("/admin/events/{event}/speakers/{speaker}");
    let (status, page) = app.get_html(&admin, &edit).await;
    assert_eq!(status, 200);
    assert!(page.contains("enctype=\"multipart/form-data\"") && page.contains("name=\"photo\""));
    let action = format!("/api/staff/media/speakers/{speaker}/photo");
    // Refused: the file is not an image; the alt text typed is kept.
    let body = multipart(
        &[("alt", "Portrait souriant")],
        "photo",
        "cv.png",
        b"%PDF-1.4",
    );
    let (status, location) = upload(&app, &admin, &action, &edit, body).await;
    assert_eq!((status, location.as_str()), (303, edit.as_str()));
    let (_, page) = app.get_html(&admin, &edit).await;
    assert!(page.contains("n’est pas une image JPEG, PNG ou WebP"));
    assert!(page.contains("value=\"Portrait souriant\""));
    // Without alternative text the photo is described by the name.
    let body = multipart(&[("alt", "")], "photo", "portrait.jpg", &png(600, 600));
    let (status, location) = upload(&app, &admin, &action, &edit, body).await;
    assert_eq!((status, location.as_str()), (303, edit.as_str()));
    let (_, page) = app
        .get_html(
            &app.html_client(),
            &format!("/events/{slug}/speakers/{speaker}"),
        )
        .await;
    assert!(page.contains(&format!("alt=\"{name}\"")), "{page}");
    let urls = srcset_urls(&page);
    assert_eq!(urls.iter().map(|u| u.1).collect::<Vec<_>>(), vec![480, 600]);
    let (_, programme) = app
        .get_html(&app.html_client(), &format!("/events/{slug}"))
        .await;
    assert!(programme.contains("class=\"speaker-thumb\""));
}

async fn archived_processes_leave_home_and_take_no_contributions(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let admin = app.html_logged_in(ADMIN).await;
    let (id, slug, _) = demo_process(&app).await;
    let edit = format!("/admin/processes/{id}");
    let link = format!("href=\"/processes/{slug}\"");
    let visitor = app.html_client();
    // The home page's "Je donne mon avis" button leads to the open consultation's vote.
    let vote = format!("href=\"/consultations/{CONSULTATION}/vote\"");
    let home = app.get_html(&visitor, "/").await.1;
    assert!(home.contains(&link) && home.contains(&vote));
    let id_text = id.to_string();
    let (status, location) = app
        .post_form(
            &admin,
            "staff/processes/archive",
            &edit,
            &[("process_id", id_text.as_str()), ("archived", "1")],
        )
        .await;
    assert!(
        (300..400).contains(&status) && location == edit,
        "{engine:?}"
    );
    let home = app.get_html(&visitor, "/").await.1;
    assert!(!home.contains(&link), "{engine:?}");
    assert!(
        !home.contains(&vote),
        "an archived consultation is not offered on home"
    );
    let (status, page) = app.get_html(&visitor, &format!("/processes/{slug}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Cette démarche est archivée"));
    let participant = app.api_client();
    let proposal = [
        ("consultation", CONSULTATION),
        ("body", "des bancs dans les parcs"),
        ("author_name", "Amina"),
        ("charter", "on"),
        ("idempotency_key", "archived-0001"),
    ];
    let (status, body) = app
        .post_api(&participant, "consultation/propose", &proposal)
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("archivée"), "{body}");
    // Brought back, it is on the home page and takes proposals again.
    let (status, _) = app
        .post_form(
            &admin,
            "staff/processes/archive",
            &edit,
            &[("process_id", id_text.as_str()), ("archived", "")],
        )
        .await;
    assert!((300..400).contains(&status));
    assert!(app.get_html(&visitor, "/").await.1.contains(&link));
    let (status, body) = app
        .post_api(&participant, "consultation/propose", &proposal)
        .await;
    assert_eq!(status, 200, "{body}");
    // Only admins archive.
    let moderator = app.logged_in(MODERATOR).await;
    let (status, _) = app
        .post_api(
            &moderator,
            "staff/processes/archive",
            &[("process_id", id_text.as_str()), ("archived", "1")],
        )
        .await;
    assert_eq!(status, 403);
}

async fn deletion_needs_the_title_and_removes_rows_and_files(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let admin = app.html_logged_in(ADMIN).await;
    let (id, slug, title) = demo_process(&app).await;
    let edit = format!("/admin/processes/{id}");
    let body = multipart(&[("alt", "Le pont")], "image", "p.png", &png(1000, 500));
    assert_eq!(
        upload(
            &app,
            &admin,
            &format!("/api/staff/media/processes/{id}/image"),
            &edit,
            body
        )
        .await
        .0,
        303
    );
    let proposals = count(&app, "SELECT COUNT(*) FROM proposals").await;
    let votes = count(&app, "SELECT COUNT(*) FROM votes").await;
    let registrations = count(&app, "SELECT COUNT(*) FROM registrations").await;
    assert!(proposals > 0 && votes > 0 && registrations > 0);
    let page_path = format!("/admin/processes/{id}/delete");
    let (status, page) = app.get_html(&admin, &page_path).await;
    assert_eq!(status, 200);
    for line in [
        format!("propositions : {proposals}"),
        format!("votes : {votes}"),
        format!("inscriptions : {registrations}"),
        "images : 1".to_owned(),
    ] {
        assert!(page.contains(&line), "{engine:?}: {line}");
    }
    let id_text = id.to_string();
    // A moderator may not; a wrong title deletes nothing and is kept.
    let moderator = app.logged_in(MODERATOR).await;
    let (status, _) = app
        .post_api(
            &moderator,
            "staff/processes/delete",
            &[
                ("process_id", id_text.as_str()),
                ("confirm_title", title.as_str()),
            ],
        )
        .await;
    assert_eq!(status, 403);
    let (status, location) = app
        .post_form(
            &admin,
            "staff/processes/delete",
            &page_path,
            &[
                ("process_id", id_text.as_str()),
                ("confirm_title", "Mulhouse"),
            ],
        )
        .await;
    assert!((300..400).contains(&status) && location == page_path);
    let (_, page) = app.get_html(&admin, &page_path).await;
    assert!(page.contains("Le titre tapé n’est pas celui de la démarche"));
    assert!(page.contains("value=\"Mulhouse\""));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM processes").await, 1);
    let (status, location) = app
        .post_form(
            &admin,
            "staff/processes/delete",
            &page_path,
            &[
                ("process_id", id_text.as_str()),
                ("confirm_title", title.as_str()),
            ],
        )
        .await;
    assert!((300..400).contains(&status) && location == "/admin");
    for table in [
        "processes",
        "phases",
        "components",
        "proposals",
        "votes",
        "registrations",
        "survey_responses",
        "event_speakers",
        "media_images",
        "media_variants",
    ] {
        assert_eq!(
            count(&app, &format!("SELECT COUNT(*) FROM {table}")).await,
            0,
            "{engine:?}: {table}"
        );
    }
    assert_eq!(media_files(&app), 0);
    assert_eq!(
        app.get_html(&admin, &format!("/processes/{slug}")).await.0,
        404
    );
}
