//! Test harness: the real application on a random port with a fresh database,
//! spoken to over HTTP like a browser would. Every scenario runs as two tests (see
//! [`per_engine!`]): on SQLite, and on a fresh PostgreSQL database when
//! `PARTICIPE_TEST_POSTGRES_URL` is set.

#![allow(dead_code)]

use reqwest::header::{ACCEPT, REFERER};
use reqwest::redirect::Policy;
use server::config::Config;
use std::net::TcpListener;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

pub const DEMO_PASSWORD: &str = app::demo::DEMO_PASSWORD;
pub const ADMIN: &str = "admin@demo.participe.test";
pub const MODERATOR: &str = "moderation@demo.participe.test";
pub const MEDIATOR: &str = "mediation@demo.participe.test";
pub const EVENT_STAFF: &str = "accueil@demo.participe.test";
/// The demo process's consultation.
pub const CONSULTATION: &str = "mulhouse-solidaire";

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server the tests create their databases on, when configured.
pub fn postgres_url() -> Option<String> {
    std::env::var("PARTICIPE_TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// Whether the PostgreSQL case of `test` must be skipped; says so when it is (a
/// fresh machine has no PostgreSQL; CI sets `PARTICIPE_TEST_POSTGRES_URL`).
pub fn postgres_skipped(test: &str) -> bool {
    let skipped = postgres_url().is_none();
    if skipped {
        eprintln!("{test}: skipped on PostgreSQL, PARTICIPE_TEST_POSTGRES_URL is unset");
    }
    skipped
}

/// One `#[tokio::test]` per engine for each scenario `async fn name(engine: Engine)`
/// of the calling module: `sqlite::name`, and `postgres::name` (skipped with a
/// message when PostgreSQL is not configured), so that a failure on one engine
/// never hides the result on the other.
#[macro_export]
macro_rules! per_engine {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::common::Engine::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if $crate::common::postgres_skipped(stringify!($name)) {
                        return;
                    }
                    super::$name($crate::common::Engine::Postgres).await
                }
            )*
        }
    };
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
            let admin_url = postgres_url().expect("PostgreSQL cases are skipped without it");
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
    // Every test client speaks from 127.0.0.1, as hundreds of residents
    // behind one address would: per-address limits are lifted unless a test
    // sets its own in `adjust`.
    config.rate.votes_per_address = 1_000_000;
    config.rate.proposals_per_address = 1_000_000;
    config.rate.registrations_per_address = 1_000_000;
    config.rate.reports_per_address = 1_000_000;
    config.rate.lookups_per_address = 1_000_000;
    config.rate.rendezvous_registrations_per_address = 1_000_000;
    config.rate.questions_per_address = 1_000_000;
    config.rate.answers_per_address = 1_000_000;
    config.rate.upvotes_per_address = 1_000_000;
    config.rate.survey_responses_per_address = 1_000_000;
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
    let timeouts = config.timeouts;
    tokio::spawn(server::serve::serve(
        listener,
        router,
        timeouts,
        std::future::pending(),
    ));
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
        self.post_fields(client, endpoint, form).await
    }

    /// [`TestApp::post_api`] for any form, such as fields read from a page.
    pub async fn post_fields<F: serde::Serialize + ?Sized>(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &F,
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

    /// A browser without JavaScript, logged in as `email` (demo password).
    pub async fn html_logged_in(&self, email: &str) -> reqwest::Client {
        let client = self.html_client();
        let (status, location) = self
            .post_form(
                &client,
                "login",
                "/login",
                &[
                    ("email", email),
                    ("password", DEMO_PASSWORD),
                    ("next", "/admin"),
                ],
            )
            .await;
        assert!(
            (300..400).contains(&status) && location == "/admin",
            "{status} {location}"
        );
        client
    }

    /// The demo consultation's vote page as `client` sees it.
    pub async fn vote_page(&self, client: &reqwest::Client) -> String {
        let (status, page) = self
            .get_html(client, &format!("/consultations/{CONSULTATION}/vote"))
            .await;
        assert_eq!(status, 200, "{:?}", self.engine);
        page
    }

    /// The vote page's first card: its form fields and proposal id.
    pub async fn first_card(&self, client: &reqwest::Client) -> (Vec<(String, String)>, String) {
        let fields = vote_form_fields(&self.vote_page(client).await);
        let proposal = field(&fields, "proposal_id").to_owned();
        (fields, proposal)
    }
}

/// The value of the form field `name`.
pub fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    &fields
        .iter()
        .find(|(k, _)| k == name)
        .unwrap_or_else(|| panic!("a field {name}"))
        .1
}

/// Polls `check` every 100 ms until it gives a value, for at most 20 s.
pub async fn eventually<T, F: std::future::Future<Output = Option<T>>>(
    what: &str,
    mut check: impl FnMut() -> F,
) -> T {
    for _ in 0..200 {
        if let Some(v) = check().await {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

/// A mail the test SMTP server accepted: its recipients and raw bytes.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub raw: Vec<u8>,
}

impl Received {
    pub fn parsed(&self) -> mailparse::ParsedMail<'_> {
        mailparse::parse_mail(&self.raw).expect("a MIME mail")
    }

    pub fn subject(&self) -> String {
        use mailparse::MailHeaderMap;
        self.parsed()
            .headers
            .get_first_value("Subject")
            .unwrap_or_default()
    }

    /// The body of a single-part mail, decoded.
    pub fn text(&self) -> String {
        self.parsed().get_body().expect("a text body")
    }
}

/// Everything the test SMTP server received, shared with its sessions.
#[derive(Clone, Default)]
pub struct Inbox(Arc<Mutex<Vec<Received>>>);

impl Inbox {
    pub fn all(&self) -> Vec<Received> {
        self.0.lock().unwrap().clone()
    }
}

/// One SMTP session of the test server: collects the data, then files it.
#[derive(Clone)]
struct Recorder {
    inbox: Inbox,
    to: Vec<String>,
    data: Vec<u8>,
}

impl mailin_embedded::Handler for Recorder {
    fn data_start(
        &mut self,
        _domain: &str,
        _from: &str,
        _is8bit: bool,
        to: &[String],
    ) -> mailin_embedded::Response {
        self.to = to.to_vec();
        self.data.clear();
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        let received = Received {
            to: self.to.clone(),
            raw: self.data.clone(),
        };
        self.inbox.0.lock().unwrap().push(received);
        mailin_embedded::response::OK
    }
}

/// Starts a real SMTP server (mailin-embedded) on `listener`, in its own
/// thread (it blocks).
pub fn start_smtp(listener: TcpListener) -> Inbox {
    let inbox = Inbox::default();
    let mut server = mailin_embedded::Server::new(Recorder {
        inbox: inbox.clone(),
        to: Vec::new(),
        data: Vec::new(),
    });
    server.with_name("smtp.test").with_tcp_listener(listener);
    std::thread::spawn(move || server.serve().expect("the test SMTP server runs"));
    inbox
}

pub fn free_port() -> TcpListener {
    TcpListener::bind("127.0.0.1:0").expect("a free port")
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
