//! Staff pages. Each checks the role on the server before showing anything;
//! the server functions behind their forms check it again.

pub mod mail;

use crate::components::{load_page, Page};
use crate::error::AppError;
use crate::model::Role;
use crate::process::service::{self, Dashboard};
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

/// The context of a staff page whose viewer has `role`.
pub fn staff_ctx(role: Role) -> Result<Ctx, AppError> {
    let ctx = Ctx::get()?;
    ctx.require(role)?;
    Ok(ctx)
}

async fn load_dashboard() -> Result<Dashboard, AppError> {
    service::dashboard(&Ctx::get()?).await
}

/// The events' desks, for event staff and admins.
fn events_part(tr: Tr, events: Vec<(String, String)>) -> impl IntoView {
    (!events.is_empty()).then(|| {
        let items = events
            .into_iter()
            .map(|(title, base)| {
                view! {
                    <li>
                        <strong>{title}</strong>
                        <p class="actions">
                            <a href=format!("{base}/check-in")>{tr.t("checkin-title")}</a>
                            <a href=format!("{base}/arrivals")>{tr.t("arrivals-title")}</a>
                            <a href=format!("{base}/attendees")>{tr.t("attendees-title")}</a>
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="events-title">
                <h2 id="events-title">{tr.t("admin-events")}</h2>
                <ul class="admin-phases">{items}</ul>
            </section>
        }
    })
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let tr = Tr::current();
    view! {
        <Page title=tr.t("admin-title")>
            <h1>{tr.t("admin-title")}</h1>
            {load_page(load_dashboard(), move |Dashboard { role, processes, events }| {
                let role_text = tr.t_args("admin-your-role", &[("role", crate::pages::account::role_label(tr, role))]);
                let admin_part = (role == Role::Admin).then(|| {
                    let rows = processes
                        .into_iter()
                        .map(|p| {
                            let state = if p.published { tr.t("admin-published") } else { tr.t("admin-draft") };
                            view! {
                                <tr>
                                    <th scope="row"><a href=format!("/admin/processes/{}", p.id)>{p.title}</a></th>
                                    <td>{tr.date_range(p.start, p.end)}</td>
                                    <td>{state}</td>
                                    <td><a href=format!("/processes/{}", p.slug)>{tr.t("admin-view-public")}</a></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <section aria-labelledby="processes-title">
                            <h2 id="processes-title">{tr.t("admin-processes")}</h2>
                            <p><a class="button" href="/admin/processes/new">{tr.t("admin-new-process")}</a></p>
                            <div class="table-scroll">
                                <table>
                                    <caption class="visually-hidden">{tr.t("admin-processes")}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{tr.t("field-title")}</th>
                                            <th scope="col">{tr.t("field-dates")}</th>
                                            <th scope="col">{tr.t("admin-state")}</th>
                                            <th scope="col"><span class="visually-hidden">{tr.t("admin-view-public")}</span></th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        </section>
                        <section aria-labelledby="staff-title">
                            <h2 id="staff-title">{tr.t("staff-title")}</h2>
                            <p><a href="/admin/staff">{tr.t("admin-manage-staff")}</a></p>
                        </section>
                        <section aria-labelledby="mail-title">
                            <h2 id="mail-title">{tr.t("admin-mail")}</h2>
                            <p><a href="/admin/mail">{tr.t("admin-mail-link")}</a></p>
                        </section>
                    }
                });
                view! {
                    <p>{role_text}</p>
                    {events_part(tr, events)}
                    {admin_part}
                }
            })}
        </Page>
    }
}
