//! The outbox for admins: how mail goes out, the latest mails with their
//! state, and each mail's text (the way to read mail written to the folder).

use crate::components::{load_page, Page};
use crate::mail::listing::{self, MailStatus, MailSummary};
use crate::mail::Delivery;
use crate::pages::param;
use crate::ssr::{Ctx, Tr};
use chrono_tz::Tz;
use leptos::prelude::*;

/// "2026-11-22 11:40" in the city's time zone, and its machine-readable twin.
fn when(ts: i64, tz: Tz) -> impl IntoView {
    let at = chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .with_timezone(&tz);
    view! { <time datetime=at.to_rfc3339()>{at.format("%Y-%m-%d %H:%M").to_string()}</time> }
}

fn status_label(tr: Tr, status: MailStatus) -> String {
    match status {
        MailStatus::Sent => tr.t("mail-status-sent"),
        MailStatus::Failed => tr.t("mail-status-failed"),
        MailStatus::Pending => tr.t("mail-status-pending"),
    }
}

fn delivery_text(tr: Tr, delivery: &Delivery) -> String {
    match delivery {
        Delivery::Smtp(server) => tr.t_args("mail-admin-smtp", &[("server", server.clone())]),
        Delivery::Folder(dir) => tr.t_args("mail-admin-folder", &[("dir", dir.clone())]),
    }
}

fn row(tr: Tr, tz: Tz, m: MailSummary) -> impl IntoView {
    let sent_or_next = match (m.status, m.sent_at) {
        (_, Some(sent)) => when(sent, tz).into_any(),
        (MailStatus::Pending, None) => view! {
            <span class="hint">{tr.t("mail-next-attempt")}" "</span>{when(m.next_attempt_at, tz)}
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
            <tr>
                <td>{when(m.created_at, tz)}</td>
                <td class="break">{m.recipient}</td>
                <th scope="row">
    <a href=format!("/admin/mail/{}", m.id)>{m.subject}</a>
                </th>
                <td>{status_label(tr, m.status)}</td>
                <td>{m.attempts}</td>
                <td>{sent_or_next}</td>
                <td class="break">{m.last_error}</td>
            </tr>
        }
}

#[component]
pub fn MailPage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("admin-mail")>
            <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                <ol>
                    <li><a href="/admin">{tr.t("admin-title")}</a></li>
                    <li aria-current="page">{tr.t("admin-mail")}</li>
                </ol>
            </nav>
            <h1>{tr.t("admin-mail")}</h1>
            {load_page(async move {
                let ctx = Ctx::get()?;
                Ok((listing::outbox(&ctx).await?, ctx))
            }, move |(outbox, ctx)| {
                let tz = ctx.settings.timezone;
                let mails = outbox.mails;
                let totals = tr.t_args(
                    "mail-admin-totals",
                    &[
                        ("pending", outbox.pending.to_string()),
                        ("sent", outbox.sent.to_string()),
                        ("failed", outbox.failed.to_string()),
                    ],
                );
                let table = if mails.is_empty() {
                    view! { <p>{tr.t("mail-admin-empty")}</p> }.into_any()
                } else {
                    let rows = mails.into_iter().map(|m| row(tr, tz, m)).collect_view();
                    view! {
                        <p class="hint">{tr.t_args("mail-admin-limit", &[("count", listing::LIST_LIMIT.to_string())])}</p>
                        <div class="table-scroll">
                            <table class="mail-table">
                                <caption>{tr.t("mail-admin-caption")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{tr.t("mail-created")}</th>
                                        <th scope="col">{tr.t("mail-recipient")}</th>
                                        <th scope="col">{tr.t("mail-subject")}</th>
                                        <th scope="col">{tr.t("mail-status")}</th>
                                        <th scope="col">{tr.t("mail-attempts")}</th>
                                        <th scope="col">{tr.t("mail-sent-at")}</th>
                                        <th scope="col">{tr.t("mail-last-error")}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                };
                view! {
                    <p>{delivery_text(tr, &ctx.settings.mail)}</p>
                    <p>{totals}</p>
                    {table}
                }
            })}
        </Page>
    }
}

#[component]
pub fn MailDetailPage() -> impl IntoView {
    let tr = Tr::current();
    let id: i64 = param("id").parse().unwrap_or(-1);
    let title = tr.t_args("mail-detail-title", &[("id", id.to_string())]);
    view! {
        <Page title=title.clone()>
            <nav aria-label=tr.t("breadcrumb") class="breadcrumb">
                <ol>
                    <li><a href="/admin">{tr.t("admin-title")}</a></li>
                    <li><a href="/admin/mail">{tr.t("admin-mail")}</a></li>
                    <li aria-current="page">{title.clone()}</li>
                </ol>
            </nav>
            <h1>{title}</h1>
            {load_page(async move {
                let ctx = Ctx::get()?;
                Ok((ctx.clone(), listing::mail(&ctx, id).await?))
            }, move |(ctx, mail)| {
                let tz = ctx.settings.timezone;
                let m = mail.summary;
                let file = (!m.delivered_as.is_empty()).then(|| {
                    let path = match &ctx.settings.mail {
                        Delivery::Folder(dir) => format!("{}/{}", dir.trim_end_matches('/'), m.delivered_as),
                        Delivery::Smtp(_) => m.delivered_as.clone(),
                    };
                    view! { <dt>{tr.t("mail-file")}</dt><dd class="break">{path}</dd> }
                });
                let sent = m.sent_at.map(|t| view! { <dt>{tr.t("mail-sent-at")}</dt><dd>{when(t, tz)}</dd> });
                let error = (!m.last_error.is_empty())
                    .then(|| view! { <dt>{tr.t("mail-last-error")}</dt><dd class="break">{m.last_error.clone()}</dd> });
                let attachments = (!mail.attachments.is_empty()).then(|| {
                    let items = mail
                        .attachments
                        .into_iter()
                        .map(|(name, kind, size)| view! {
                            <li>{tr.t_args("mail-attachment", &[("name", name), ("type", kind), ("size", size.to_string())])}</li>
                        })
                        .collect_view();
                    view! { <h2>{tr.t("mail-attachments")}</h2><ul>{items}</ul> }
                });
                let html = mail.has_html.then(|| view! { <p class="hint">{tr.t("mail-has-html")}</p> });
                view! {
                    <dl class="facts">
                        <dt>{tr.t("mail-recipient")}</dt><dd class="break">{m.recipient}</dd>
                        <dt>{tr.t("mail-subject")}</dt><dd>{m.subject}</dd>
                        <dt>{tr.t("mail-status")}</dt><dd>{status_label(tr, m.status)}</dd>
                        <dt>{tr.t("mail-attempts")}</dt><dd>{m.attempts}</dd>
                        <dt>{tr.t("mail-created")}</dt><dd>{when(m.created_at, tz)}</dd>
                        {sent}
                        {error}
                        {file}
                    </dl>
                    <h2>{tr.t("mail-text")}</h2>
                    <pre class="mail-text">{mail.text}</pre>
                    {html}
                    {attachments}
                    <p><a href="/admin/mail">{tr.t("mail-back")}</a></p>
                }
            })}
        </Page>
    }
}
