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
    /// Retries and polling of the mail worker (tests shorten them).
    pub mail_worker: app::mail::WorkerSettings,
    pub rate: app::ssr::rate_limit::RateConfig,
    /// `PARTICIPE_SECRET`: signs the site's links to proposals (see `Settings::secret`).
    pub secret: Option<String>,
}

fn number(name: &str, default: u32) -> Result<u32, String> {
    var(name).map_or(Ok(default), |v| {
        v.parse().map_err(|e| format!("{name}: {e}"))
    })
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
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
        Ok(Config {
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/participe.db".into()),
            base_url: var("PARTICIPE_BASE_URL").unwrap_or_else(|| format!("http://{addr}")),
            addr,
            timezone,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            smtp_url: var("SMTP_URL"),
            mail_from: var("SMTP_FROM")
                .unwrap_or_else(|| "Participe <no-reply@participe.invalid>".into()),
            mail_dir: var("PARTICIPE_MAIL_DIR").unwrap_or_else(|| "data/mail".into()),
            mail_worker: app::mail::WorkerSettings::default(),
            secret: var("PARTICIPE_SECRET"),
            rate: {
                let d = app::ssr::rate_limit::RateConfig::default();
                app::ssr::rate_limit::RateConfig {
                    votes_per_participant: number("PARTICIPE_RATE_VOTES", d.votes_per_participant)?,
                    votes_per_address: number(
                        "PARTICIPE_RATE_VOTES_PER_ADDRESS",
                        d.votes_per_address,
                    )?,
                    proposals_per_participant: number(
                        "PARTICIPE_RATE_PROPOSALS",
                        d.proposals_per_participant,
                    )?,
                    proposals_per_address: number(
                        "PARTICIPE_RATE_PROPOSALS_PER_ADDRESS",
                        d.proposals_per_address,
                    )?,
                    registrations_per_address: number(
                        "PARTICIPE_RATE_REGISTRATIONS_PER_ADDRESS",
                        d.registrations_per_address,
                    )?,
                }
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
            secret: self.secret.clone(),
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
