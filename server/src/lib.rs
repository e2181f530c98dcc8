//! The Participe server: the axum router around the Leptos app, and the
//! start-up steps shared by the binary and the HTTP tests.

pub mod assets;
pub mod backup;
pub mod config;

use app::mail::{MailWaker, MailWorker};
use app::shell::{shell, App};
use app::ssr::middleware::request_context;
use app::ssr::session_store::DbSessionStore;
use app::ssr::Db;
use axum::{middleware, routing::get, Extension, Router};
use config::Config;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("participe")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .hash_files(assets::hash_file().is_some())
        .build()
}

/// The whole application as an axum router, ready to serve. `mail` wakes the
/// mail worker (see `start_mail_worker`) when a request enqueues a mail.
pub fn router(config: &Config, db: Db, mail: MailWaker) -> Router {
    let options = leptos_options(config);
    let settings = Arc::new(config.settings());
    let sessions = SessionManagerLayer::new(DbSessionStore::new(db.clone()))
        .with_name("participe_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(settings.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::days(30)));
    let routes = generate_route_list(App);
    Router::new()
        .route(
            "/api/{*fn_name}",
            get(leptos_axum::handle_server_fns).post(leptos_axum::handle_server_fns),
        )
        .route("/health", get(|| async { "ok" }))
        .route(
            "/api/consultations/{slug}/results.json",
            get(app::consultation::open_data::results_json),
        )
        .route(
            "/api/consultations/{slug}/proposals.csv",
            get(app::consultation::open_data::proposals_csv),
        )
        .route(
            "/api/surveys/{slug}/responses.csv",
            get(app::survey::export::responses_csv),
        )
        .route(
            "/api/surveys/{slug}/responses.xlsx",
            get(app::survey::export::responses_xlsx),
        )
        .route(
            "/api/consultations/{slug}/live",
            get(app::consultation::live::figures_stream),
        )
        .route(
            "/api/rendezvous/{slug}/live",
            get(app::rendezvous::live::state_stream),
        )
        .route(
            "/api/staff/rendezvous/{slug}/pending",
            get(app::rendezvous::live::pending_stream),
        )
        .nest_service(
            "/pkg",
            assets::pkg_service(
                &std::path::Path::new(&config.site_root).join("pkg"),
                options.hash_files,
            ),
        )
        .route(
            "/api/staff/events/{slug}/attendees.csv",
            get(app::event::exports::attendees_csv),
        )
        .route(
            "/api/staff/events/{slug}/attendees.xlsx",
            get(app::event::exports::attendees_xlsx),
        )
        .route(
            "/events/{slug}/registration/{token}/ticket.png",
            get(app::event::exports::ticket_png),
        )
        .route(
            "/events/{slug}/registration/{token}/calendar.ics",
            get(app::event::exports::calendar_ics),
        )
        .leptos_routes(&options, routes, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(shell))
        .layer(middleware::from_fn(request_context))
        .layer(sessions)
        .layer(Extension(settings))
        .layer(Extension(Arc::new(app::ssr::rate_limit::RateLimits::new(
            config.rate,
        ))))
        .layer(Extension(Arc::new(app::ssr::live::LiveHub::default())))
        .layer(Extension(db))
        .layer(Extension(mail))
        .layer(SetResponseHeaderLayer::if_not_present(
            http::header::X_CONTENT_TYPE_OPTIONS,
            http::HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            http::header::REFERRER_POLICY,
            http::HeaderValue::from_static("same-origin"),
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(options)
}

/// Connects to the store and brings its schema up to date.
pub async fn open_db(config: &Config) -> Result<Db, String> {
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db.migrate()
        .await
        .map_err(|e| format!("cannot migrate the database: {e}"))?;
    Ok(db)
}

/// Deletes expired sessions every hour, in the background.
pub fn spawn_session_cleanup(db: Db) {
    use tower_sessions::session_store::ExpiredDeletion;
    tokio::spawn(async move {
        let store = DbSessionStore::new(db);
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            if let Err(e) = store.delete_expired().await {
                tracing::warn!("session cleanup failed: {e}");
            }
        }
    });
}

/// Starts the background task that sends the outbox: over SMTP when
/// `SMTP_URL` is set, else into the mail folder.
pub fn start_mail_worker(config: &Config, db: Db) -> Result<MailWorker, String> {
    let transport = config.mail_transport()?;
    Ok(MailWorker::spawn(
        db,
        transport,
        config.mail_worker,
        MailWaker::default(),
    ))
}

/// Every minute: seat offers past their deadline pass to the next person
/// waiting, and symposium reminders go out (`app::event::service::sweep`).
/// Offers are also settled whenever a seat is requested, so a late sweep only
/// delays mails, never a seat.
pub fn spawn_symposium_sweep(db: Db, settings: app::ssr::settings::Settings) {
    tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every_minute.tick().await;
            if let Err(e) = app::event::service::sweep(&db, &settings).await {
                tracing::warn!("symposium sweep failed: {e}");
            }
        }
    });
}
