//! Invitations (admins): sending them, to a pasted list and an event's
//! attendees, and reminding those who have not answered.

use super::{admin_path, existing_survey, survey_path};
use crate::error::AppError;
use crate::ssr::form::Next;
use crate::ssr::Ctx;
use crate::survey::forms::{InviteForm, RemindForm, Sent};
use crate::survey::logic::{parse_recipients, Recipient};
use crate::survey::mails;
use crate::survey::store::{self, Survey};

fn link(ctx: &Ctx, s: &Survey, token: &str) -> String {
    format!(
        "{}{}",
        ctx.settings.base_url.trim_end_matches('/'),
        survey_path(s, Some(token))
    )
}

pub async fn send_invitations(ctx: &Ctx, form: &InviteForm) -> Result<(Sent, Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    let recipients = parse_recipients(&form.recipients).map_err(|line| {
        ctx.respond_err(AppError::invalid(
            "recipients",
            ctx.tr
                .t_args("survey-invite-error-line", &[("line", line.to_string())]),
        ))
    })?;
    let mut pairs: Vec<(String, String)> = recipients
        .iter()
        .map(|r| (r.email.clone(), r.name.clone()))
        .collect();
    if !form.event_id.trim().is_empty() {
        let event: i64 = form
            .event_id
            .trim()
            .parse()
            .map_err(|_| ctx.invalid("event_id", "survey-invite-error-event"))?;
        for (email, name) in store::checked_in_attendees(&ctx.db, event).await? {
            if !pairs.iter().any(|(e, _)| *e == email) {
                pairs.push((email, name));
            }
        }
    }
    if pairs.is_empty() {
        return Err(ctx.invalid("recipients", "survey-invite-error-none"));
    }
    let mail_for = |email: &str, name: &str, token: &str| {
        let recipient = Recipient {
            email: email.to_owned(),
            name: name.to_owned(),
        };
        mails::invitation(
            ctx.tr,
            &recipient,
            &s.title,
            &link(ctx, &s, token),
            s.closes_on,
            false,
        )
    };
    let created = store::create_invitations(&ctx.db, s.id, &pairs, mail_for).await?;
    ctx.mail.wake();
    let sent = created.len();
    Ok((
        Sent { sent },
        Next::to(format!("{}#invitations", admin_path(&s)))
            .with_notice_args("survey-invite-sent", vec![("count", sent.to_string())]),
    ))
}

pub async fn send_reminders(ctx: &Ctx, form: &RemindForm) -> Result<(Sent, Next), AppError> {
    let s = existing_survey(ctx, &form.component_id).await?;
    if !s.is_open(ctx.settings.today()) {
        return Err(ctx.respond_err(AppError::Conflict(ctx.t("survey-closed"))));
    }
    let pending: Vec<store::Invitation> = store::invitations(&ctx.db, s.id)
        .await?
        .into_iter()
        .filter(|i| i.used_on.is_none())
        .collect();
    let mut sent = 0;
    for invitation in pending {
        let recipient = Recipient {
            email: invitation.email,
            name: invitation.name,
        };
        let mail_for = |token: &str| {
            mails::invitation(
                ctx.tr,
                &recipient,
                &s.title,
                &link(ctx, &s, token),
                s.closes_on,
                true,
            )
        };
        if store::remind(&ctx.db, invitation.id, mail_for).await? {
            sent += 1;
        }
    }
    ctx.mail.wake();
    Ok((
        Sent { sent },
        Next::to(format!("{}#invitations", admin_path(&s)))
            .with_notice_args("survey-remind-sent", vec![("count", sent.to_string())]),
    ))
}
