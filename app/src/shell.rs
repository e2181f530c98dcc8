//! The HTML document and the routes. Every route renders asynchronously, so a
//! page's status code and redirects are known before the first byte is sent.

use crate::pages::{
    account, admin, consultation as c, event, home, not_found, process, rendezvous as rdv, survey,
};
use crate::ssr::context::current_lang;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// Whether the page at `path` holds an island. Only those pages load the
/// WASM, so that every other page costs a phone just its HTML and CSS.
fn has_islands(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(
        parts.as_slice(),
        ["login"]
            | ["consultations", _]
            | ["consultations", _, "results" | "vote" | "poster" | "flyer"]
            | ["rendezvous", _]
            | ["rendezvous", _, "console" | "projector"]
            | ["events", _, "check-in"]
            | ["admin", "events", _, "badges"]
    )
}

fn page_has_islands() -> bool {
    use_context::<http::request::Parts>().is_some_and(|p| has_islands(p.uri.path()))
}

#[cfg(test)]
mod tests {
    use super::has_islands;

    #[test]
    fn only_pages_with_islands_load_the_wasm() {
        for path in [
            "/login",
            "/consultations/mulhouse-solidaire",
            "/consultations/mulhouse-solidaire/results",
            "/consultations/mulhouse-solidaire/vote",
            "/consultations/mulhouse-solidaire/poster",
            "/consultations/mulhouse-solidaire/flyer",
            "/rendezvous/rendez-vous-citoyen",
            "/rendezvous/rendez-vous-citoyen/console",
            "/rendezvous/rendez-vous-citoyen/projector",
            "/events/colloque/check-in",
            "/admin/events/colloque/badges",
        ] {
            assert!(has_islands(path), "{path}");
        }
        for path in [
            "/",
            "/processes/x",
            "/consultations/x/proposals/12",
            "/consultations/x/propose",
            "/v/1",
            "/admin",
            "/moderation",
            "/rendezvous/x/register",
            "/rendezvous/x/registration/abc",
            "/admin/components/4/rendezvous",
            "/events/colloque",
            "/events/colloque/action-avenues",
            "/admin/events/colloque/attendees",
        ] {
            assert!(!has_islands(path), "{path}");
        }
    }
}

/// The stylesheet's address, with the content hash cargo-leptos puts in its
/// name (read once from the `hash.txt` beside the server binary).
fn css_href(options: &LeptosOptions) -> String {
    static NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let name = NAME.get_or_init(|| {
        let hash = options
            .hash_files
            .then(|| {
                let exe = std::env::current_exe().ok()?;
                let hashes =
                    std::fs::read_to_string(exe.parent()?.join(options.hash_file.as_ref())).ok()?;
                hashes
                    .lines()
                    .find_map(|l| l.trim().strip_prefix("css:").map(|h| h.trim().to_owned()))
            })
            .flatten();
        match hash {
            Some(h) => format!("{}.{h}.css", options.output_name),
            None => format!("{}.css", options.output_name),
        }
    });
    format!("/{}/{name}", options.site_pkg_dir)
}

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = current_lang();
    let islands = page_has_islands()
        .then(|| view! { <HydrationScripts options=options.clone() islands=true/> });
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="stylesheet" href=css_href(&options)/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                {islands}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let a = SsrMode::Async;
    view! {
        <Router>
            <Routes fallback=not_found::NotFoundPage>
                <Route path=path!("") view=home::HomePage ssr=a.clone()/>
                <Route path=path!("/processes/:slug") view=process::ProcessPage ssr=a.clone()/>
                <Route path=path!("/processes/:slug/phases/:phase_id") view=process::phase::PhasePage ssr=a.clone()/>
                <Route path=path!("/consultations/:slug") view=c::home::ConsultationPage ssr=a.clone()/>
                <Route path=path!("/consultations/:slug/propose") view=c::propose::ProposePage ssr=a.clone()/>
                <Route path=path!("/consultations/:slug/vote") view=c::vote::VotePage ssr=a.clone()/>
                <Route path=path!("/consultations/:slug/results") view=c::results::ResultsPage ssr=a.clone()/>
                <Route path=path!("/consultations/:slug/ideas") view=c::ideas::IdeasPage ssr=a.clone()/>
                <Route path=path!("/consultations/:slug/proposals/:id") view=c::proposal::ProposalPage ssr=a.clone()/>
                <Route path=path!("/consultations/:slug/poster") view=c::poster::PosterPage ssr=a.clone()/>
                <Route path=path!("/consultations/:slug/flyer") view=c::poster::FlyerPage ssr=a.clone()/>
                <Route path=path!("/v/:code") view=c::poster::ShortLinkPage ssr=a.clone()/>
                <Route path=path!("/surveys/:slug") view=survey::answer::SurveyPage ssr=a.clone()/>
                <Route path=path!("/surveys/:slug/i/:token") view=survey::answer::InvitationPage ssr=a.clone()/>
                <Route path=path!("/surveys/:slug/thanks") view=survey::answer::ThanksPage ssr=a.clone()/>
                <Route path=path!("/unsubscribe/:token") view=crate::pages::author_news::UnsubscribePage ssr=a.clone()/>
                <Route path=path!("/surveys/:slug/results") view=survey::results::SurveyResultsPage ssr=a.clone()/>
                <Route path=path!("/events/:slug") view=event::programme::ProgrammePage ssr=a.clone()/>
                <Route path=path!("/events/:slug/sessions/:id") view=event::session::SessionPage ssr=a.clone()/>
                <Route path=path!("/events/:slug/speakers/:id") view=event::speaker::SpeakerPage ssr=a.clone()/>
                <Route path=path!("/events/:slug/register") view=event::register::RegisterPage ssr=a.clone()/>
                <Route
                    path=path!("/events/:slug/registration/:token")
                    view=event::registration::RegistrationPage
                    ssr=a.clone()
                />
                <Route path=path!("/events/:slug/check-in") view=event::checkin::CheckInPage ssr=a.clone()/>
                <Route path=path!("/events/:slug/arrivals") view=event::checkin::ArrivalsPage ssr=a.clone()/>
                <Route path=path!("/events/:slug/attendees") view=event::attendees::AttendeesPage ssr=a.clone()/>
                <Route path=path!("/rendezvous/:slug") view=rdv::live::LivePage ssr=a.clone()/>
                <Route path=path!("/rendezvous/:slug/register") view=rdv::register::RegisterPage ssr=a.clone()/>
                <Route
                    path=path!("/rendezvous/:slug/registration/:token")
                    view=rdv::register::RegistrationPage
                    ssr=a.clone()
                />
                <Route path=path!("/rendezvous/:slug/console") view=rdv::console::ConsolePage ssr=a.clone()/>
                <Route path=path!("/rendezvous/:slug/projector") view=rdv::projector::ProjectorPage ssr=a.clone()/>
                <Route
                    path=path!("/admin/components/:component_id/rendezvous")
                    view=rdv::settings::SettingsPage
                    ssr=a.clone()
                />
                <Route path=path!("/events/:slug/action-avenues") view=event::avenues::ActionAvenuesPage ssr=a.clone()/>
                <Route path=path!("/admin/events/:slug/badges") view=event::badges::BadgesPage ssr=a.clone()/>
                <Route
                    path=path!("/admin/events/:event_id/sessions/:id/avenues")
                    view=event::avenues::AvenuesStaffPage
                    ssr=a.clone()
                />
                <Route path=path!("/moderation-charter") view=c::charter::CharterPage ssr=a.clone()/>
                <Route path=path!("/moderation") view=c::moderation::ModerationPage ssr=a.clone()/>
                <Route path=path!("/moderation/proposals/:id") view=c::moderation::ModerateProposalPage ssr=a.clone()/>
                <Route path=path!("/moderation/log") view=c::moderation_log::ModerationLogPage ssr=a.clone()/>
                <Route path=path!("/login") view=account::login::LoginPage ssr=a.clone()/>
                <Route path=path!("/account") view=account::AccountPage ssr=a.clone()/>
                <Route path=path!("/admin") view=admin::DashboardPage ssr=a.clone()/>
                <Route path=path!("/admin/staff") view=account::staff::StaffPage ssr=a.clone()/>
                <Route path=path!("/admin/staff/:id") view=account::staff::StaffAccountPage ssr=a.clone()/>
                <Route path=path!("/password/forgot") view=account::password_reset::ForgotPage ssr=a.clone()/>
                <Route path=path!("/password/reset/:token") view=account::password_reset::ResetPage ssr=a.clone()/>
                <Route
                    path=path!("/admin/consultations/:component_id")
                    view=c::settings::ConsultationEditPage
                    ssr=a.clone()
                />
                <Route path=path!("/admin/mail") view=admin::mail::MailPage ssr=a.clone()/>
                <Route path=path!("/admin/mail/:id") view=admin::mail::MailDetailPage ssr=a.clone()/>
                <Route path=path!("/admin/surveys/:component_id") view=survey::builder::SurveyEditPage ssr=a.clone()/>
                <Route
                    path=path!("/admin/surveys/:component_id/questions/:question_id")
                    view=survey::builder::QuestionEditPage
                    ssr=a.clone()
                />
                <Route
                    path=path!("/admin/surveys/:component_id/preview")
                    view=survey::builder::SurveyPreviewPage
                    ssr=a.clone()
                />
                <Route path=path!("/admin/processes/:id") view=process::edit::ProcessEditPage ssr=a.clone()/>
                <Route path=path!("/admin/processes/:id/delete") view=process::lifecycle::ProcessDeletePage ssr=a.clone()/>
                <Route
                    path=path!("/admin/components/:component_id/event")
                    view=event::setup::EventAdminPage
                    ssr=a.clone()
                />
                <Route
                    path=path!("/admin/events/:event_id/sessions/:id")
                    view=event::setup::SessionEditPage
                    ssr=a.clone()
                />
                <Route
                    path=path!("/admin/events/:event_id/speakers/:id")
                    view=event::setup::SpeakerEditPage
                    ssr=a.clone()
                />
                <Route
                    path=path!("/admin/events/:event_id/questions/:id")
                    view=event::setup::QuestionEditPage
                    ssr=a.clone()
                />
                <Route
                    path=path!("/admin/processes/:id/phases/:phase_id")
                    view=process::phase_edit::PhaseEditPage
                    ssr=a.clone()
                />
                <Route path=path!("/admin/processes/:id/themes") view=process::themes::ThemesListPage ssr=a.clone()/>
                <Route path=path!("/admin/processes/:id/themes/:theme_id") view=process::themes::ThemeEditPage ssr=a.clone()/>
                <Route
                    path=path!("/admin/consultations/:component_id/dashboard")
                    view=c::dashboard::DashboardPage
                    ssr=a.clone()
                />
                <Route
                    path=path!("/admin/processes/:id/phases/:phase_id/delete")
                    view=process::phase_edit::PhaseDeletePage
                    ssr=a
                />
            </Routes>
        </Router>
    }
}
