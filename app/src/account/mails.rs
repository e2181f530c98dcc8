//! The account's mail: a password-reset link (pure, translated; enqueued
//! with the link it carries).

use crate::mail::{EmailAddress, OutgoingMail};
use crate::ssr::Tr;

/// The link to set a new password, how long it works, and what to do when
/// the person asked for nothing.
pub fn password_reset(
    tr: Tr,
    to: EmailAddress,
    name: &str,
    link: &str,
    minutes: i64,
) -> OutgoingMail {
    let text = tr.t_args(
        "reset-mail-body",
        &[
            ("name", name.to_owned()),
            ("link", link.to_owned()),
            ("minutes", minutes.to_string()),
        ],
    );
    OutgoingMail::new(to, &tr.t("reset-mail-subject"), &text)
}
