//! Configuration from environment variables, with defaults that let a
//! newcomer run the server with no setup at all.

use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://…` (default, a file under `data/`) or `postgres://…`.
    pub database_url: String,
    pub addr: SocketAddr,
    /// The address people reach the site at (links in mails).
    pub base_url: String,
    pub timezone: chrono_tz::Tz,
    /// Where the built site (CSS, WASM, images) lives.
    pub site_root: String,
    /// e.g. `smtps://user:pass@smtp.example.org:465` or `smtp://127.0.0.1:2525`;
    /// without it, mail is written to `mail_dir`.
    pub smtp_url: Option<String>,
    /// The sender of every mail (`SMTP_FROM`).
    pub mail_from: String,
    /// With no SMTP server, mails are written here instead.
    pub mail_dir: String,
    /// `PARTICIPE_MEDIA_DIR`: the uploaded images on SQLite; by default
    /// `media/` beside the database file.
    pub media_dir: Option<String>,
    /// Retries and polling of the mail worker (tests shorten them).
    pub mail_worker: app::mail::WorkerSettings,
    pub rate: app::ssr::rate_limit::RateConfig,
    /// The reverse proxies whose forwarding headers name the client.
    pub trusted_proxies: app::ssr::forwarded::TrustedProxies,
    /// The hosts a Rendez-vous video may be embedded from.
    pub video_hosts: Vec<String>,
    /// Open live streams allowed per client address and in all.
    pub streams: app::ssr::stream_caps::StreamLimits,
    /// Header-read and request timeouts.
    pub timeouts: crate::serve::Timeouts,
    /// Where security problems are reported (`security.txt`'s Contact).
    pub security_contact: String,
    /// How long a staff sign-in lasts (`PARTICIPE_STAFF_SESSION_HOURS`, default 12).
    pub staff_session: std::time::Duration,
    /// `PARTICIPE_SECRET`: signs the site's links to proposals (see `Settings::secret`).
    pub secret: Option<String>,
    /// `PARTICIPE_UNSUBSCRIBE_MAILTO`: see `Settings::unsubscribe_mailto`.
    pub unsubscribe_mailto: Option<String>,
    /// `REDIS_URL`: rate limits shared by the instances in Redis (else in
    /// PostgreSQL when that is the store, else in memory).
    pub redis_url: Option<String>,
    /// Prefix of the rate-limit keys (`PARTICIPE_RATE_PREFIX`), so that
    /// several sites can share one Redis.
    pub rate_prefix: String,
    /// How many passwords are hashed at once (`PARTICIPE_HASHING_CONCURRENCY`,
    /// default: the number of cores); each takes about 19 MiB.
    pub hashing_concurrency: usize,
}

fn number(name: &str, default: u32) -> Result<u32, String> {
    var(name).map_or(Ok(default), |v| {
        v.parse().map_err(|e| format!("{name}: {e}"))
    })
}

/// A positive number of hours (fractions allowed) as a duration.
fn hours(name: &str, default: f64) -> Result<std::time::Duration, String> {
    let hours = var(name).map_or(Ok(default), |v| {
        v.trim().parse::<f64>().map_err(|e| format!("{name}: {e}"))
    })?;
    if !(hours.is_finite() && hours > 0.0) {
        return Err(format!("{name}: a positive number of hours, got {hours}"));
    }
    std::time::Duration::try_from_secs_f64(hours * 3600.0).map_err(|e| format!("{name}: {e}"))
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The rate limits, each from its `PARTICIPE_RATE_…` variable (per minute;
/// login failures per `PARTICIPE_LOGIN_WINDOW_SECONDS`, 15 minutes).
fn rate_config() -> Result<app::ssr::rate_limit::RateConfig, String> {
    let d = app::ssr::rate_limit::RateConfig::default();
    Ok(app::ssr::rate_limit::RateConfig {
        votes_per_participant: number("PARTICIPE_RATE_VOTES", d.votes_per_participant)?,
        votes_per_address: number("PARTICIPE_RATE_VOTES_PER_ADDRESS", d.votes_per_address)?,
        proposals_per_participant: number("PARTICIPE_RATE_PROPOSALS", d.proposals_per_participant)?,
        proposals_per_address: number(
            "PARTICIPE_RATE_PROPOSALS_PER_ADDRESS",
            d.proposals_per_address,
        )?,
        registrations_per_address: number(
            "PARTICIPE_RATE_REGISTRATIONS_PER_ADDRESS",
            d.registrations_per_address,
        )?,
        reports_per_participant: number("PARTICIPE_RATE_REPORTS", d.reports_per_participant)?,
        reports_per_address: number("PARTICIPE_RATE_REPORTS_PER_ADDRESS", d.reports_per_address)?,
        lookups_per_address: number("PARTICIPE_RATE_LOOKUPS_PER_ADDRESS", d.lookups_per_address)?,
        rendezvous_registrations_per_address: number(
            "PARTICIPE_RATE_RENDEZVOUS_REGISTRATIONS_PER_ADDRESS",
            d.rendezvous_registrations_per_address,
        )?,
        questions_per_participant: number("PARTICIPE_RATE_QUESTIONS", d.questions_per_participant)?,
        questions_per_address: number(
            "PARTICIPE_RATE_QUESTIONS_PER_ADDRESS",
            d.questions_per_address,
        )?,
        answers_per_participant: number("PARTICIPE_RATE_ANSWERS", d.answers_per_participant)?,
        answers_per_address: number("PARTICIPE_RATE_ANSWERS_PER_ADDRESS", d.answers_per_address)?,
        upvotes_per_participant: number("PARTICIPE_RATE_UPVOTES", d.upvotes_per_participant)?,
        upvotes_per_address: number("PARTICIPE_RATE_UPVOTES_PER_ADDRESS", d.upvotes_per_address)?,
        survey_responses_per_address: number(
            "PARTICIPE_RATE_SURVEY_RESPONSES_PER_ADDRESS",
            d.survey_responses_per_address,
        )?,
        login_failures_per_account: number(
            "PARTICIPE_LOGIN_FAILURES_PER_ACCOUNT",
            d.login_failures_per_account,
        )?,
        login_failures_per_address: number(
            "PARTICIPE_LOGIN_FAILURES_PER_ADDRESS",
            d.login_failures_per_address,
        )?,
        login_window_secs: number("PARTICIPE_LOGIN_WINDOW_SECONDS", d.login_window_secs)?,
    })
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let addr: SocketAddr = var("LEPTOS_SITE_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|e| format!("LEPTOS_SITE_ADDR: {e}"))?;
        let timezone = var("PARTICIPE_TIMEZONE")
            .unwrap_or_else(|| "Europe/Paris".into())
            .parse()
            .map_err(|e| format!("PARTICIPE_TIMEZONE: {e}"))?;
        let base_url = var("PARTICIPE_BASE_URL").unwrap_or_else(|| format!("http://{addr}"));
        if app::ssr::same_origin::origin_of(&base_url).is_none() {
            return Err(format!(
                "PARTICIPE_BASE_URL: not an http(s) address: {base_url}"
            ));
        }
        let trusted_proxies = app::ssr::forwarded::TrustedProxies::parse(
            &var("PARTICIPE_TRUSTED_PROXIES").unwrap_or_default(),
        )
        .map_err(|entry| {
            format!("PARTICIPE_TRUSTED_PROXIES: not an address or network: {entry}")
        })?;
        let video_hosts = match var("PARTICIPE_VIDEO_HOSTS") {
            Some(list) => list
                .split(',')
                .map(|h| h.trim().to_ascii_lowercase())
                .filter(|h| !h.is_empty())
                .collect(),
            None => app::rendezvous::logic::DEFAULT_VIDEO_HOSTS
                .map(String::from)
                .to_vec(),
        };
        if let Some(bad) = video_hosts.iter().find(|h| {
            !h.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        }) {
            return Err(format!("PARTICIPE_VIDEO_HOSTS: not a host name: {bad}"));
        }
        let streams = app::ssr::stream_caps::StreamLimits::default();
        let timeouts = crate::serve::Timeouts::default();
        let seconds = |name: &str, default: std::time::Duration| {
            number(name, default.as_secs() as u32)
                .map(|s| std::time::Duration::from_secs(u64::from(s.max(1))))
        };
        Ok(Config {
            security_contact: var("PARTICIPE_SECURITY_CONTACT")
                .unwrap_or_else(|| crate::security_txt::default_contact(&base_url)),
            base_url,
            trusted_proxies,
            video_hosts,
            streams: app::ssr::stream_caps::StreamLimits {
                per_address: number("PARTICIPE_STREAMS_PER_ADDRESS", streams.per_address)?,
                total: number("PARTICIPE_STREAMS_TOTAL", streams.total)?,
            },
            timeouts: crate::serve::Timeouts {
                header_read: seconds("PARTICIPE_HEADER_TIMEOUT_SECS", timeouts.header_read)?,
                request: seconds("PARTICIPE_REQUEST_TIMEOUT_SECS", timeouts.request)?,
            },
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/participe.db".into()),
            addr,
            timezone,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            smtp_url: var("SMTP_URL"),
            mail_from: var("SMTP_FROM")
                .unwrap_or_else(|| "Participe <no-reply@participe.invalid>".into()),
            mail_dir: var("PARTICIPE_MAIL_DIR").unwrap_or_else(|| "data/mail".into()),
            media_dir: var("PARTICIPE_MEDIA_DIR"),
            mail_worker: app::mail::WorkerSettings::default(),
            staff_session: hours("PARTICIPE_STAFF_SESSION_HOURS", 12.0)?,
            secret: var("PARTICIPE_SECRET"),
            unsubscribe_mailto: var("PARTICIPE_UNSUBSCRIBE_MAILTO"),
            rate: rate_config()?,
            redis_url: var("REDIS_URL"),
            rate_prefix: var("PARTICIPE_RATE_PREFIX").unwrap_or_else(|| "participe:".into()),
            hashing_concurrency: match var("PARTICIPE_HASHING_CONCURRENCY") {
                Some(v) => v
                    .parse::<usize>()
                    .map_err(|e| format!("PARTICIPE_HASHING_CONCURRENCY: {e}"))?
                    .max(1),
                None => std::thread::available_parallelism().map_or(2, |n| n.get()),
            },
        })
    }

    pub fn settings(&self) -> app::ssr::settings::Settings {
        app::ssr::settings::Settings {
            base_url: self.base_url.clone(),
            timezone: self.timezone,
            secure_cookies: self.base_url.starts_with("https://"),
            mail: match &self.smtp_url {
                Some(url) => app::mail::Delivery::Smtp(app::mail::transport::server_of(url)),
                None => app::mail::Delivery::Folder(self.mail_dir.clone()),
            },
            video_hosts: self.video_hosts.clone(),
            staff_session: self.staff_session,
            secret: self.secret.clone(),
            unsubscribe_mailto: self.unsubscribe_mailto.clone(),
            media_dir: self.media_dir(),
        }
    }

    /// The media folder: `PARTICIPE_MEDIA_DIR`, else `media/` beside the SQLite
    /// file (`data/media` for the default store).
    pub fn media_dir(&self) -> std::path::PathBuf {
        if let Some(dir) = &self.media_dir {
            return dir.into();
        }
        let file = self
            .database_url
            .strip_prefix("sqlite://")
            .or_else(|| self.database_url.strip_prefix("sqlite:"))
            .map(|rest| rest.split('?').next().unwrap_or(rest));
        match file.and_then(|f| std::path::Path::new(f).parent()) {
            Some(parent) => parent.join("media"),
            None => std::path::PathBuf::from("data/media"),
        }
    }

    /// Where mail goes: the SMTP server, or else the mail folder.
    /// Needs a Tokio runtime (the SMTP connection pool runs a task).
    pub fn mail_transport(&self) -> Result<app::mail::MailTransport, String> {
        match &self.smtp_url {
            Some(url) => app::mail::MailTransport::smtp(url, &self.mail_from),
            None => app::mail::MailTransport::folder(&self.mail_dir, &self.mail_from),
        }
    }
}
