//! Settings the application reads at run time (the server builds them from
//! the environment).

use chrono::NaiveDate;
use chrono_tz::Tz;

#[derive(Debug, Clone)]
pub struct Settings {
    /// The public address, used in mails and absolute links.
    pub base_url: String,
    /// The city's time zone: a phase opens at midnight there, not in UTC.
    pub timezone: Tz,
    /// Whether cookies must only travel over HTTPS.
    pub secure_cookies: bool,
    /// How mail goes out, for the admin page.
    pub mail: crate::mail::Delivery,
    /// The hosts a Rendez-vous video may be embedded from (`frame-src`).
    pub video_hosts: Vec<String>,
    /// How long a staff sign-in lasts, whatever the activity.
    pub staff_session: std::time::Duration,
    /// `PARTICIPE_SECRET`: the key of the links that say a page was reached
    /// from within the site. Without it, a key made once and kept in the
    /// database is used (shared by every instance all the same).
    pub secret: Option<String>,
    /// `PARTICIPE_UNSUBSCRIBE_MAILTO`: an address offered in author mails'
    /// `List-Unsubscribe` besides the one-click link, when someone reads it.
    pub unsubscribe_mailto: Option<String>,
    /// Where uploaded images are kept on SQLite (`PARTICIPE_MEDIA_DIR`, by
    /// default `media/` beside the database file); PostgreSQL keeps them in the database.
    pub media_dir: std::path::PathBuf,
}

impl Settings {
    pub fn today(&self) -> NaiveDate {
        chrono::Utc::now()
            .with_timezone(&self.timezone)
            .date_naive()
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            base_url: "http://127.0.0.1:3000".into(),
            timezone: chrono_tz::Europe::Paris,
            secure_cookies: false,
            mail: crate::mail::Delivery::Folder("data/mail".into()),
            video_hosts: crate::rendezvous::logic::DEFAULT_VIDEO_HOSTS
                .map(String::from)
                .to_vec(),
            staff_session: std::time::Duration::from_secs(12 * 3600),
            secret: None,
            unsubscribe_mailto: None,
            media_dir: "data/media".into(),
        }
    }
}
