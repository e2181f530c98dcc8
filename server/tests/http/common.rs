//! Test harness: the real application on a random port with a fresh database,
//! spoken to over HTTP like a browser would. Every scenario runs on SQLite and,
//! when `PARTICIPE_TEST_POSTGRES_URL` is set, on a fresh PostgreSQL database too.

#![allow(dead_code)]

use reqwest::header::{ACCEPT, REFERER};
use reqwest::redirect::Policy;
use server::config::Config;
use std::sync::atomic::{AtomicU32, Ordering};

pub const DEMO_PASSWORD: &str = app::demo::DEMO_PASSWORD;
pub const ADMIN: &str = "admin@demo.participe.test";
pub const MODERATOR: &str = "moderation@demo.participe.test";
pub const MEDIATOR: &str = "mediation@demo.participe.test";
pub const EVENT_STAFF: &str = "accueil@demo.participe.test";

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The engines to run on: SQLite always, PostgreSQL when configured.
pub fn engines() -> Vec<Engine> {
    let mut engines = vec![Engine::Sqlite];
    if std::env::var("PARTICIPE_TEST_POSTGRES_URL").is_ok_and(|v| !v.is_empty()) {
        engines.push(Engine::Postgres);
    }
    engines
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    format!(
        "participe_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        chrono::Utc::now().timestamp_subsec_nanos()
    )
}

/// A fresh, empty database URL for `engine`.
pub async fn fresh_database(engine: Engine) -> (String, Option<tempfile::TempDir>) {
    match engine {
        Engine::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}/test.db", dir.path().display());
            (url, Some(dir))
        }
        Engine::Postgres => {
            use sqlx::Executor;
            let admin_url =
                std::env::var("PARTICIPE_TEST_POSTGRES_URL").expect("checked by engines()");
            sqlx::any::install_default_drivers();
            let name = unique_name();
            let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url)
                .await
                .expect("PostgreSQL answers");
            conn.execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .expect("create test database");
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .unwrap_or(&admin_url);
            (format!("{base}/{name}"), None)
        }
    }
}

pub struct TestApp {
    pub engine: Engine,
    pub address: String,
    pub db: app::ssr::Db,
    pub config: Config,
    /// The running mail worker of this instance.
    pub mail: app::mail::MailWorker,
    _dir: Option<tempfile::TempDir>,
    _mail_dir: tempfile::TempDir,
}

/// Starts the application; with `demo`, the demo process and accounts are loaded.
pub async fn spawn_app(engine: Engine, demo: bool) -> TestApp {
    let (database_url, dir) = fresh_database(engine).await;
    spawn_on(engine, database_url, dir, demo).await
}

/// Starts one more server instance on an existing database (several instances
/// behind a load balancer share it).
pub async fn spawn_on(
    engine: Engine,
    database_url: String,
    dir: Option<tempfile::TempDir>,
    demo: bool,
) -> TestApp {
    spawn_with(engine, database_url, dir, demo, |_| {}).await
}

/// Starts an instance with its configuration adjusted by `adjust`.
pub async fn spawn_with(
    engine: Engine,
    database_url: String,
    dir: Option<tempfile::TempDir>,
    demo: bool,
    adjust: impl FnOnce(&mut Config),
) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a port");
    let addr = listener.local_addr().unwrap();
    let mut config = Config::from_env().expect("default configuration");
    config.database_url = database_url;
    config.addr = addr;
    config.base_url = format!("http://{addr}");
    config.site_root = std::env::temp_dir().display().to_string();
    // Mail never leaves the test: a fresh folder, unless a test sets its own SMTP server.
    let mail_dir = tempfile::tempdir().expect("temp dir");
    config.smtp_url = None;
    config.mail_dir = mail_dir.path().display().to_string();
    adjust(&mut config);
    let db = server::open_db(&config)
        .await
        .expect("database opens and migrates");
    if demo {
        app::demo::load(&db, config.settings().today(), false)
            .await
            .expect("demo loads");
    }
    let mail = server::start_mail_worker(&config, db.clone()).expect("mail settings are valid");
    let router = server::router(&config, db.clone(), mail.waker());
    tokio::spawn(async move {
        axum::serve(listener, router.into_make_service())
            .await
            .unwrap()
    });
    TestApp {
        engine,
        address: format!("http://{addr}"),
        db,
        config,
        mail,
        _dir: dir,
        _mail_dir: mail_dir,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A client like a script in the page would be: it keeps cookies and gets
    /// server-function results as data.
    pub fn api_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap()
    }

    /// A client like a browser without JavaScript: plain form posts that
    /// accept HTML and follow nothing by themselves.
    pub fn html_client(&self) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(ACCEPT, "text/html,application/xhtml+xml".parse().unwrap());
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .default_headers(headers)
            .build()
            .unwrap()
    }

    pub async fn get_html(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let res = client
            .get(self.url(path))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// Posts a form to a server function as a script would; returns status and body.
    pub async fn post_api(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> (u16, String) {
        let res = client
            .post(self.url(&format!("/api/{endpoint}")))
            .form(form)
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// Posts a form as a browser without JavaScript does, from the page `from`;
    /// returns the status and where it redirects.
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        from: &str,
        form: &[(&str, &str)],
    ) -> (u16, String) {
        let res = client
            .post(self.url(&format!("/api/{endpoint}")))
            .header(REFERER, self.url(from))
            .form(form)
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

    /// A script-like client logged in as `email` (demo password).
    pub async fn logged_in(&self, email: &str) -> reqwest::Client {
        let client = self.api_client();
        let (status, body) = self
            .post_api(
                &client,
                "login",
                &[
                    ("email", email),
                    ("password", DEMO_PASSWORD),
                    ("next", "/admin"),
                ],
            )
            .await;
        assert_eq!(status, 200, "login as {email}: {body}");
        client
    }
}

/// The hidden fields of the first vote form on a page.
pub fn vote_form_fields(html: &str) -> Vec<(String, String)> {
    let form = html
        .split("<form")
        .find(|f| f.contains(r#"name="signature""#))
        .expect("a vote form");
    let form = &form[..form.find("</form>").unwrap_or(form.len())];
    form.split(r#"<input type="hidden" name=""#)
        .skip(1)
        .map(|chunk| {
            let name = &chunk[..chunk.find('"').unwrap()];
            let value = chunk
                .split(r#"value=""#)
                .nth(1)
                .map(|v| &v[..v.find('"').unwrap()])
                .unwrap_or("");
            (name.to_owned(), value.replace("&amp;", "&"))
        })
        .collect()
}

/// A form's fields with some replaced or added (the button pressed, a new key...).
pub fn with(fields: &[(String, String)], extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fields
        .iter()
        .filter(|(k, _)| !extra.iter().any(|(e, _)| e == k))
        .cloned()
        .collect();
    out.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    out
}
