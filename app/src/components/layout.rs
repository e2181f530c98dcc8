//! The frame of every page: skip link, header with navigation and language
//! switch, the one-time notice, main content and footer.

use crate::lang::Lang;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// The current path with `?lang=xx`, so switching keeps the reader in place.
fn switch_href(lang: Lang) -> String {
    let path = use_context::<http::request::Parts>()
        .map(|p| p.uri.path().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    format!("{path}?lang={}", lang.code())
}

#[component]
pub fn Page(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let tr = Tr::current();
    let ctx = Ctx::get().ok();
    let viewer = ctx.as_ref().and_then(|c| c.viewer().cloned());
    let notice = ctx.as_ref().and_then(|c| c.info.flash.notice.clone());
    let current = tr.lang();
    let langs = Lang::ALL
        .into_iter()
        .map(|lang| {
            let here = (lang == current).then_some("true");
            view! {
                <li>
                    <a href=switch_href(lang) hreflang=lang.code() lang=lang.code() aria-current=here>
                        {lang.endonym()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let account = match viewer {
        Some(user) => view! {
            <li><a href="/admin">{tr.t("nav-admin")}</a></li>
            <li><a href="/account">{user.display_name}</a></li>
            <li>
                <form method="post" action=crate::account::api::Logout::url() class="inline-form">
                    <button type="submit" class="link-button">{tr.t("nav-logout")}</button>
                </form>
            </li>
        }
        .into_any(),
        None => view! { <li><a href="/login">{tr.t("nav-login")}</a></li> }.into_any(),
    };
    view! {
        <Title text=format!("{title} · Participe")/>
        <a class="skip-link" href="#main">{tr.t("skip-to-content")}</a>
        <header class="site-header">
            <a class="brand" href="/">"Participe"</a>
            <nav aria-label=tr.t("nav-main") class="main-nav">
                <ul>
                    <li><a href="/">{tr.t("nav-home")}</a></li>
                    {account}
                </ul>
            </nav>
            <nav aria-label=tr.t("nav-language") class="lang-switch">
                <ul>{langs}</ul>
            </nav>
        </header>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{tr.t("footer-about")}</p>
        </footer>
    }
}
