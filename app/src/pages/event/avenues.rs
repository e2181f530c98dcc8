//! Action avenues: the public list by theme (each with its workshop, lead
//! actors, themes and the proposals it grew from), and for event staff one
//! page per workshop to write, publish and delete them.

use super::breadcrumb;
use crate::components::{load_page, Checkbox, Field, FormAlert, Page, TextArea};
use crate::error::AppError;
use crate::event::api::{ActOnAvenue, SaveAvenue};
use crate::event::logic::avenues::{Avenue, LinkedProposal, MAX_ACTORS_CHARS, MAX_TITLE_CHARS};
use crate::event::service::avenues::{self, AvenuesView, WorkshopAvenuesView};
use crate::event::store::{Programme, Session};
use crate::model::Role;
use crate::pages::admin::staff_ctx;
use crate::pages::{param, query};
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The mark on invented avenues of the demo.
fn demo_mark(tr: Tr, a: &Avenue) -> impl IntoView {
    a.is_demo
        .then(|| view! { <span class="badge badge-demo">{tr.t("avenue-demo")}</span> })
}

fn proposal_links(tr: Tr, proposals: &[LinkedProposal]) -> impl IntoView {
    (!proposals.is_empty()).then(|| {
        let items = proposals
            .iter()
            .map(|p| view! { <li><a href=p.path()>{p.content.clone()}</a></li> })
            .collect_view();
        view! {
            <p class="avenue-label">{tr.t("avenue-proposals")}</p>
            <ul class="avenue-proposals">{items}</ul>
        }
    })
}

/// One avenue as the public sees it; `group` keeps heading ids unique when an
/// avenue is listed under two themes.
fn avenue_card(tr: Tr, p: &Programme, a: &Avenue, group: usize) -> impl IntoView {
    let id = format!("avenue-{}-{group}", a.id);
    let themes = a
        .theme_ids
        .iter()
        .filter_map(|t| p.theme(*t).map(|name| (*t, name)))
        .map(|(id, t)| view! { <li class=format!("theme-{id}")>{t.to_owned()}</li> })
        .collect_view();
    let description = a
        .description
        .split("\n\n")
        .filter(|para| !para.trim().is_empty())
        .map(|para| view! { <p>{para.trim().to_owned()}</p> })
        .collect_view();
    view! {
        <li class="card avenue">
            <h4 id=id>{a.title.clone()}" "{demo_mark(tr, a)}</h4>
            {description}
            <dl class="avenue-facts">
                <dt>{tr.t("avenue-workshop")}</dt>
                <dd><a href=a.workshop_path()>{a.workshop.clone()}</a></dd>
                {(!a.lead_actors.is_empty()).then(|| view! {
                    <dt>{tr.t("avenue-lead-actors")}</dt>
                    <dd>{a.lead_actors.clone()}</dd>
                })}
            </dl>
            {(!a.theme_ids.is_empty()).then(|| view! { <ul class="tags" aria-label=tr.t("session-themes")>{themes}</ul> })}
            {proposal_links(tr, &a.proposals)}
        </li>
    }
}

async fn load_public(slug: String) -> Result<(Ctx, AvenuesView), AppError> {
    let ctx = Ctx::get()?;
    let view = avenues::avenues_view(&ctx, &slug).await?;
    Ok((ctx, view))
}

#[component]
pub fn ActionAvenuesPage() -> impl IntoView {
    let tr = Tr::current();
    load_page(load_public(param("slug")), move |(ctx, view)| {
        let AvenuesView {
            programme: p,
            groups,
            count,
        } = view;
        let title = tr.t("avenues-title");
        let toc = groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let name = g
                    .theme
                    .as_ref()
                    .map(|t| t.name.clone())
                    .unwrap_or_else(|| tr.t("avenues-no-theme"));
                view! { <li><a href=format!("#theme-{i}")>{name}</a>" ("{g.avenues.len()}")"</li> }
            })
            .collect_view();
        let sections = groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let name = g
                    .theme
                    .as_ref()
                    .map(|t| t.name.clone())
                    .unwrap_or_else(|| tr.t("avenues-no-theme"));
                let cards = g
                    .avenues
                    .iter()
                    .map(|a| avenue_card(tr, &p, a, i))
                    .collect_view();
                view! {
                    <section aria-labelledby=format!("theme-{i}")>
                        <h3 id=format!("theme-{i}")>{name}</h3>
                        <ul class="cards avenues">{cards}</ul>
                    </section>
                }
            })
            .collect_view();
        let staff = ctx.viewer().is_some_and(|u| u.role.allows(Role::EventStaff)).then(|| {
            let workshops = p
                .workshops()
                .map(|w| view! { <li><a href=avenues::staff_path(p.event.id, w.id)>{w.title.clone()}</a></li> })
                .collect_view();
            view! {
                <section aria-labelledby="avenues-staff" class="staff-box">
                    <h2 id="avenues-staff">{tr.t("avenues-staff-title")}</h2>
                    <ul>{workshops}</ul>
                </section>
            }
        });
        view! {
            <Page title=format!("{title} · {}", p.event.title)>
                {breadcrumb(tr, &p, Some(title.clone()))}
                <h1>{title.clone()}</h1>
                {crate::pages::process::themes::chip_stylesheet()}
                <p class="question">{p.event.title.clone()}</p>
                {staff}
                {if count == 0 {
                    view! { <p>{tr.t("avenues-none")}</p> }.into_any()
                } else {
                    view! {
                        <p>{tr.t_args("avenues-intro", &[("count", count.to_string())])}</p>
                        <nav aria-labelledby="avenues-toc">
                            <h2 id="avenues-toc">{tr.t("avenues-by-theme")}</h2>
                            <ul>{toc}</ul>
                        </nav>
                        {sections}
                    }
                    .into_any()
                }}
            </Page>
        }
    })
}

// ---- Staff: one workshop's avenues ----

type StaffData = (Ctx, Programme, Session, Vec<Avenue>, Vec<LinkedProposal>);

async fn load_staff(event_id: String, session_id: String) -> Result<StaffData, AppError> {
    let ctx = staff_ctx(Role::EventStaff)?;
    let WorkshopAvenuesView {
        programme,
        workshop,
        avenues,
        offered,
    } = avenues::workshop_avenues_view(&ctx, &event_id, &session_id).await?;
    Ok((ctx, programme, workshop, avenues, offered))
}

/// Publish or unpublish, and delete (with a confirmation box), for one avenue.
fn avenue_actions(tr: Tr, ctx: &Ctx, p: &Programme, s: &Session, a: &Avenue) -> impl IntoView {
    let form = FormState::of(ctx, &format!("avenue-{}", a.id));
    let error = form.error("confirm");
    let has_problem = error.is_some();
    let confirm_id = format!("f-confirm-{}", a.id);
    let error_id = format!("{confirm_id}-err");
    let (action, label) = if a.published {
        ("unpublish", "avenue-unpublish")
    } else {
        ("publish", "avenue-publish")
    };
    let hidden = move || {
        view! {
            <input type="hidden" name="event_id" value=p.event.id/>
            <input type="hidden" name="session_id" value=s.id/>
            <input type="hidden" name="avenue_id" value=a.id/>
        }
    };
    view! {
        <FormAlert message=form.message()/>
        <div class="actions">
            <a href=format!("?avenue={}#avenue-form", a.id)>{tr.t_args("avenue-edit", &[("title", a.title.clone())])}</a>
            <form method="post" action=ActOnAvenue::url() class="inline-form">
                {hidden()}
                <input type="hidden" name="action" value=action/>
                <button type="submit" class="button secondary">{tr.t(label)}</button>
            </form>
        </div>
        <form method="post" action=ActOnAvenue::url() class="row" novalidate>
            {hidden()}
            <input type="hidden" name="action" value="delete"/>
            <div class="field checkbox" class:has-problem=has_problem>
                <input id=confirm_id.clone() type="checkbox" name="confirm" value="on"
                    aria-describedby=error.as_ref().map(|_| error_id.clone()) aria-invalid=error.as_ref().map(|_| "true")/>
                <label for=confirm_id>{tr.t_args("avenue-delete-confirm", &[("title", a.title.clone())])}</label>
                {error.map(|e| view! { <p class="field-problem" id=error_id><span class="visually-hidden">{tr.t("form-error-prefix")}</span>{e}</p> })}
            </div>
            <button type="submit" class="button danger">{tr.t("avenue-delete")}</button>
        </form>
    }
}

#[component]
pub fn AvenuesStaffPage() -> impl IntoView {
    let tr = Tr::current();
    let editing: Option<i64> = query("avenue").and_then(|a| a.parse().ok());
    load_page(
        load_staff(param("event_id"), param("id")),
        move |(ctx, p, s, list, offered)| {
            let form = FormState::of(&ctx, "avenue");
            // The avenue being edited: asked in the address, or the one the refused form was about.
            let echoed: Option<i64> = form.value("avenue_id", "").parse().ok();
            let current = echoed
                .or(editing)
                .and_then(|id| list.iter().find(|a| a.id == id))
                .cloned();
            let stored = |f: fn(&Avenue) -> String| current.as_ref().map(f).unwrap_or_default();
            let title_value = form.value("title", stored(|a| a.title.clone()));
            let description_value = form.value("description", stored(|a| a.description.clone()));
            let actors_value = form.value("lead_actors", stored(|a| a.lead_actors.clone()));
            let current_id = stored(|a| a.id.to_string());
            let editing_one = current.is_some();
            let published =
                form.checked("published", current.as_ref().is_some_and(|a| a.published));
            let items = list
                .iter()
                .map(|a| {
                    let status = if a.published { tr.t("avenue-status-published") } else { tr.t("avenue-status-draft") };
                    view! {
                        <li class="card avenue">
                            <h3>{a.title.clone()}" "{demo_mark(tr, a)}</h3>
                            <p><strong>{status}</strong></p>
                            {(!a.lead_actors.is_empty()).then(|| view! { <p>{tr.t("avenue-lead-actors")}" : "{a.lead_actors.clone()}</p> })}
                            {avenue_actions(tr, &ctx, &p, &s, a)}
                        </li>
                    }
                })
                .collect_view();
            let themes = p
                .themes
                .iter()
                .map(|(tid, name)| {
                    let field = format!("theme_{tid}");
                    let on = current.as_ref().map_or(s.theme_ids.contains(tid), |a| a.theme_ids.contains(tid));
                    view! {
                        <div class="field checkbox">
                            <input type="checkbox" id=format!("f-{field}") name=field.clone() value="on" checked=form.checked(&field, on)/>
                            <label for=format!("f-{field}")>{name.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            let proposals = offered
                .iter()
                .map(|pr| {
                    let field = format!("proposal_{}", pr.id);
                    let on = current.as_ref().is_some_and(|a| a.proposals.iter().any(|x| x.id == pr.id));
                    view! {
                        <div class="field checkbox">
                            <input type="checkbox" id=format!("f-{field}") name=field.clone() value="on" checked=form.checked(&field, on)/>
                            <label for=format!("f-{field}")>{pr.content.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            let heading = match &current {
                Some(a) => tr.t_args("avenue-edit", &[("title", a.title.clone())]),
                None => tr.t("avenue-add"),
            };
            let title = tr.t_args("avenues-staff-page", &[("workshop", s.title.clone())]);
            let day = p
                .day(s.day_id)
                .map(|d| tr.date(*d.date))
                .unwrap_or_default();
            view! {
                <Page title=title.clone()>
                    {breadcrumb(tr, &p, Some(title.clone()))}
                    <h1>{title.clone()}</h1>
                    <p>{day}", "{super::hours(&s)}{(!s.room.is_empty()).then(|| format!(" · {}", s.room))}</p>
                    <p><a href=avenues::public_path(&p.event.slug)>{tr.t("avenues-public-link")}</a></p>
                    <h2>{tr.t("avenues-of-workshop")}</h2>
                    {if list.is_empty() {
                        view! { <p>{tr.t("avenues-none-yet")}</p> }.into_any()
                    } else {
                        view! { <ul class="cards">{items}</ul> }.into_any()
                    }}
                    <section aria-labelledby="avenue-form">
                        <h2 id="avenue-form">{heading}</h2>
                        {editing_one.then(|| view! { <p><a href=avenues::staff_path(p.event.id, s.id)>{tr.t("avenue-add-instead")}</a></p> })}
                        <form method="post" action=SaveAvenue::url() class="stack" novalidate>
                            <FormAlert message=form.message()/>
                            <input type="hidden" name="event_id" value=p.event.id/>
                            <input type="hidden" name="session_id" value=s.id/>
                            <input type="hidden" name="avenue_id" value=current_id/>
                            <Field name="title" label=tr.t("field-title") value=title_value
                                error=form.error("title") required=true maxlength=Some(MAX_TITLE_CHARS as u32)/>
                            <TextArea name="description" label=tr.t("field-description") value=description_value
                                error=form.error("description") hint=tr.t("avenue-description-hint") rows=5/>
                            <Field name="lead_actors" label=tr.t("avenue-lead-actors") value=actors_value
                                error=form.error("lead_actors") hint=tr.t("avenue-lead-actors-hint") maxlength=Some(MAX_ACTORS_CHARS as u32)/>
                            <fieldset>
                                <legend>{tr.t("avenue-themes")}</legend>
                                {themes}
                            </fieldset>
                            <fieldset>
                                <legend>{tr.t("avenue-proposals")}</legend>
                                <p class="hint">{tr.t("avenue-proposals-hint")}</p>
                                {if offered.is_empty() {
                                    view! { <p>{tr.t("avenue-no-proposals")}</p> }.into_any()
                                } else {
                                    view! { <div class="scroll-box" tabindex="0" role="group" aria-label=tr.t("avenue-proposals")>{proposals}</div> }.into_any()
                                }}
                            </fieldset>
                            <Checkbox name="published" label=tr.t("avenue-publish-now")
                                checked=published/>
                            <button type="submit" class="button">{tr.t("avenue-save")}</button>
                        </form>
                    </section>
                </Page>
            }
        },
    )
}
