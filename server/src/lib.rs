//! The Participe server: the axum router around the Leptos app, and the
//! start-up steps shared by the binary and the HTTP tests.

pub mod assets;
pub mod backup;
pub mod config;
pub mod jobs;
pub mod security_txt;
pub mod serve;

use app::mail::{MailWaker, MailWorker};
use app::shell::{shell, App};
use app::ssr::middleware::request_context;
use app::ssr::security_headers::provide_request_nonce;
use app::ssr::session_store::DbSessionStore;
use app::ssr::stream_caps::StreamCaps;
use app::ssr::Db;
use app::ssr::{body_limit, client_address, security_headers, stream_caps};
use axum::{middleware, routing::get, Extension, Router};
use config::Config;
use http::StatusCode;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
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
    db.watch_reachability();
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
        .route("/themes.css", get(app::process::stylesheet::themes_css))
        .route(
            "/api/staff/consultations/{component_id}/dashboard.csv",
            get(app::consultation::dashboard::dashboard_csv),
        )
        .route(
            "/api/staff/consultations/{component_id}/dashboard.xlsx",
            get(app::consultation::dashboard::dashboard_xlsx),
        )
        .route(
            "/api/surveys/{slug}/responses.csv",
            get(app::survey::export::responses_csv),
        )
        .route(
            "/api/surveys/{slug}/responses.xlsx",
            get(app::survey::export::responses_xlsx),
        )
        .merge(live_streams(config))
        .route("/.well-known/security.txt", security_txt_route(config))
        .route(
            "/security.md",
            get(|| async {
                (
                    [(http::header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
                    security_txt::POLICY,
                )
            }),
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
        // Uploads: the body was bounded by `body_limit` already; axum's own
        // multipart limit (2 MB) is raised to the same.
        .route(
            "/api/staff/media/processes/{id}/image",
            axum::routing::post(app::process::uploads::image).layer(
                axum::extract::DefaultBodyLimit::max(body_limit::UPLOAD_LIMIT),
            ),
        )
        .route(
            "/api/staff/media/speakers/{id}/photo",
            axum::routing::post(app::event::uploads::photo).layer(
                axum::extract::DefaultBodyLimit::max(body_limit::UPLOAD_LIMIT),
            ),
        )
        .route("/media/{name}", get(app::media::serve::variant))
        .route(
            "/api/staff/moderation/log.csv",
            get(app::consultation::moderation_export::log_csv),
        )
        .route(
            "/api/staff/moderation/log.xlsx",
            get(app::consultation::moderation_export::log_xlsx),
        )
        .route(
            "/events/{slug}/registration/{token}/ticket.png",
            get(app::event::exports::ticket_png),
        )
        .route(
            "/unsubscribe/{token}",
            axum::routing::post(app::author_news::one_click::unsubscribe),
        )
        .route(
            "/events/{slug}/registration/{token}/calendar.ics",
            get(app::event::exports::calendar_ics),
        )
        // The page's scripts carry the nonce of the response's CSP header.
        .leptos_routes_with_context(&options, routes, provide_request_nonce, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            provide_request_nonce,
            shell,
        ))
        .layer(middleware::from_fn(request_context))
        .layer(sessions)
        .layer(middleware::from_fn(app::ssr::unavailable::guard))
        .layer(middleware::from_fn(body_limit::limit))
        .layer(middleware::from_fn(security_headers::secure))
        .layer(Extension(settings))
        .layer(middleware::from_fn_with_state(
            Arc::new(config.trusted_proxies.clone()),
            client_address::resolve,
        ))
        .layer(Extension(Arc::new(rate_limits(config, &db))))
        .layer(Extension(Arc::new(live_hub(config, &db))))
        .layer(Extension(app::account::throttle::Hashing::new(
            config.hashing_concurrency,
        )))
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
        // Until the response starts: an event stream's answer starts at once.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.timeouts.request,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(options)
}

/// The server-sent-event streams, capped per client address and in all
/// (`app::ssr::stream_caps`).
fn live_streams(config: &Config) -> Router<LeptosOptions> {
    Router::new()
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
        .route_layer(middleware::from_fn_with_state(
            Arc::new(StreamCaps::new(config.streams)),
            stream_caps::cap,
        ))
}

/// `/.well-known/security.txt`, from the configured contact and public address.
fn security_txt_route(config: &Config) -> axum::routing::MethodRouter<LeptosOptions> {
    let (base_url, contact) = (config.base_url.clone(), config.security_contact.clone());
    get(move || {
        let text = security_txt::security_txt(&base_url, &contact, chrono::Utc::now());
        async move {
            (
                [(http::header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                text,
            )
        }
    })
}

/// Connects to the store and brings its schema up to date.
pub async fn open_db(config: &Config) -> Result<Db, String> {
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db.migrate()
        .await
        .map_err(|e| format!("cannot migrate the database: {e}"))?;
    // Proposals written before the search index existed (stemming is Rust's, not SQL's).
    app::consultation::store::ideas::index_missing(&db)
        .await
        .map_err(|e| format!("cannot index the proposals for search: {e}"))?;
    Ok(db)
}

/// Rate limits shared by the instances: in Redis with `REDIS_URL`, else in
/// PostgreSQL when that is the store, else in memory.
fn rate_limits(config: &Config, db: &Db) -> app::ssr::rate_limit::RateLimits {
    use app::ssr::rate_limit::RateLimits;
    RateLimits::shared(
        config.rate,
        db,
        config.redis_url.as_deref(),
        &config.rate_prefix,
    )
    .unwrap_or_else(|e| {
        tracing::error!("{e}: rate limits kept in this instance's memory");
        RateLimits::in_memory(config.rate)
    })
}

/// The live hub: on PostgreSQL its nudges reach every instance.
fn live_hub(config: &Config, db: &Db) -> app::ssr::live::LiveHub {
    match db.engine {
        app::ssr::db::Engine::Postgres => {
            app::ssr::live::LiveHub::postgres(db, &config.database_url)
        }
        app::ssr::db::Engine::Sqlite => app::ssr::live::LiveHub::default(),
    }
}

/// Runs the periodic jobs (`jobs::JOBS`: session cleanup, symposium sweep,
/// rate-limit purge), each once per period across the instances.
pub fn spawn_jobs(db: Db, settings: app::ssr::settings::Settings) {
    jobs::spawn_all(db, settings);
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
