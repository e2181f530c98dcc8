//! Every staff server function refuses anonymous users and the wrong roles.
//! The list of staff functions comes from the server's own registry, so a new
//! one that is missing from the table below makes this test fail.

use crate::common::{spawn_app, Engine, ADMIN, EVENT_STAFF, MEDIATOR, MODERATOR};
use app::model::Role;

/// The role each staff function needs (`None`: any staff member).
fn required_role(path: &str) -> Option<Option<Role>> {
    match path {
        "/api/staff/password" => Some(None),
        "/api/staff/moderation/decide" => Some(Some(Role::Moderator)),
        "/api/staff/events/check-in"
        | "/api/staff/events/avenues/save"
        | "/api/staff/events/avenues/act" => Some(Some(Role::EventStaff)),
        // The Rendez-vous citoyen's console: event staff and moderators (see `hosts`).
        "/api/staff/rendezvous/questions/save"
        | "/api/staff/rendezvous/questions/state"
        | "/api/staff/rendezvous/audience/moderate" => Some(Some(Role::EventStaff)),
        "/api/staff/accounts/create"
        | "/api/staff/accounts/state"
        | "/api/staff/accounts/role"
        | "/api/staff/accounts/reset"
        | "/api/staff/events/save"
        | "/api/staff/events/days/save"
        | "/api/staff/events/sessions/save"
        | "/api/staff/events/speakers/save"
        | "/api/staff/events/questions/save"
        | "/api/staff/events/items/delete"
        | "/api/staff/processes/save"
        | "/api/staff/processes/archive"
        | "/api/staff/processes/delete"
        | "/api/staff/phases/save"
        | "/api/staff/phases/delete"
        | "/api/staff/phases/move"
        | "/api/staff/themes/save"
        | "/api/staff/themes/move"
        | "/api/staff/themes/delete"
        | "/api/staff/consultations/save"
        | "/api/staff/consultations/publish-results"
        | "/api/staff/surveys/save"
        | "/api/staff/surveys/sections/add"
        | "/api/staff/surveys/questions/save"
        | "/api/staff/surveys/questions/change"
        | "/api/staff/surveys/publish"
        | "/api/staff/surveys/invitations/send"
        | "/api/staff/surveys/invitations/remind"
        | "/api/staff/rendezvous/save" => Some(Some(Role::Admin)),
        _ => None,
    }
}

/// Functions open to several roles besides admins.
fn also_allowed(path: &str, role: Role) -> bool {
    path.starts_with("/api/staff/rendezvous/")
        && path != "/api/staff/rendezvous/save"
        && role == Role::Moderator
}

/// A form that would succeed for the right role, so only the role refuses it.
fn form_for(path: &str) -> Vec<(&'static str, &'static str)> {
    match path {
        "/api/staff/processes/save" => vec![
            ("title", "Nouvelle démarche"),
            ("slug", "nouvelle-demarche-test"),
            ("start_date", "2030-01-01"),
            ("end_date", "2030-02-01"),
        ],
        "/api/staff/phases/save" => vec![
            ("process_id", "1"),
            ("title", "Nouvelle étape"),
            ("start_date", "2030-01-01"),
            ("end_date", "2030-02-01"),
        ],
        "/api/staff/processes/archive" => vec![("process_id", "1"), ("archived", "1")],
        // The wrong title: even the admin's call deletes nothing.
        "/api/staff/processes/delete" => vec![("process_id", "1"), ("confirm_title", "x")],
        "/api/staff/phases/delete" | "/api/staff/phases/move" => {
            vec![("phase_id", "2"), ("direction", "up")]
        }
        "/api/staff/consultations/save" => vec![
            ("component_id", "1"),
            ("slug", "consultation-test"),
            ("question", "Que faire ?"),
            ("proposal_prefix", "Il faut"),
            ("lang", "fr"),
            ("opens_on", "2030-01-01"),
            ("closes_on", "2030-02-01"),
            ("sequence_size", "12"),
            ("new_share_pct", "30"),
            ("new_threshold", "10"),
            ("controversy_share_pct", "10"),
            ("trusted_weight_pct", "50"),
        ],
        "/api/staff/events/check-in" => vec![
            ("event", app::demo::event::SLUG),
            ("day_id", "1"),
            ("code", "ZZZZ-ZZZZ"),
        ],
        // The demo's symposium is the first event, on the second component.
        "/api/staff/events/save" => vec![
            ("component_id", "2"),
            ("title", "Colloque"),
            ("slug", app::demo::event::SLUG),
            ("seats", "300"),
            ("offer_hours", "48"),
            ("registration_open", "on"),
        ],
        "/api/staff/events/days/save" => {
            vec![("event_id", "1"), ("day", "2030-01-01"), ("seats", "10")]
        }
        "/api/staff/events/sessions/save" => vec![
            ("event_id", "1"),
            ("day_id", "1"),
            ("kind", "plenary"),
            ("title", "Séance ajoutée"),
            ("starts_at", "18:00"),
            ("ends_at", "19:00"),
        ],
        // A workshop that does not exist: the role check comes first, then "not found".
        "/api/staff/events/avenues/save" | "/api/staff/events/avenues/act" => vec![
            ("event_id", "1"),
            ("session_id", "999999"),
            ("avenue_id", "1"),
            ("title", "Piste"),
            ("action", "publish"),
        ],
        "/api/staff/events/speakers/save" => vec![("event_id", "1"), ("name", "Nouvelle personne")],
        "/api/staff/events/questions/save" => {
            vec![
                ("event_id", "1"),
                ("kind", "text"),
                ("label", "Une question ?"),
            ]
        }
        "/api/staff/events/items/delete" => {
            vec![
                ("event_id", "1"),
                ("kind", "speaker"),
                ("id", "1"),
                ("confirm", "on"),
            ]
        }
        // A meeting that does not exist: the role check comes first, then "not found".
        p if p.starts_with("/api/staff/rendezvous/") => vec![
            ("rendezvous", "no-such-meeting"),
            ("component_id", "999999"),
            ("question_id", "1"),
            ("action", "open"),
            ("status", "approved"),
        ],
        // A component that does not exist: the role check comes first, then "not found".
        p if p.starts_with("/api/staff/surveys/") => vec![
            ("component_id", "999999"),
            ("slug", "questionnaire-test"),
            ("title", "Questionnaire"),
            ("access", "open"),
            ("opens_on", "2030-01-01"),
            ("closes_on", "2030-02-01"),
            ("question_id", "1"),
            ("action", "up"),
            ("recipients", "anne@example.org"),
        ],
        // An account that does not exist: the role check comes first, then "not found".
        "/api/staff/accounts/state" | "/api/staff/accounts/role" | "/api/staff/accounts/reset" => {
            vec![
                ("account_id", "999999"),
                ("action", "disable"),
                ("role", "moderator"),
            ]
        }
        "/api/staff/accounts/create" => vec![
            ("email", "new.person@mulhouse.fr"),
            ("display_name", "New person"),
            ("role", "moderator"),
            ("password", "a long enough password"),
        ],
        _ => vec![
            ("current_password", "wrong password"),
            ("new_password", "another long password"),
            ("confirm_password", "another long password"),
        ],
    }
}

fn staff_paths() -> Vec<&'static str> {
    let mut paths: Vec<&str> = server_fn::axum::server_fn_paths()
        .map(|(p, _)| p)
        .filter(|p| p.starts_with("/api/staff/"))
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

async fn every_staff_function_refuses_anonymous_and_wrong_roles(engine: Engine) {
    let paths = staff_paths();
    assert!(paths.len() >= 6, "staff functions found: {paths:?}");
    for path in &paths {
        assert!(
            required_role(path).is_some(),
            "{path} is missing from the role table of this test"
        );
    }
    let app = spawn_app(engine, true).await;
    let anonymous = app.api_client();
    let clients = [
        (ADMIN, Role::Admin, app.logged_in(ADMIN).await),
        (MODERATOR, Role::Moderator, app.logged_in(MODERATOR).await),
        (MEDIATOR, Role::Mediator, app.logged_in(MEDIATOR).await),
        (
            EVENT_STAFF,
            Role::EventStaff,
            app.logged_in(EVENT_STAFF).await,
        ),
    ];
    let processes_before = app::process::store::list_processes(&app.db, false)
        .await
        .unwrap()
        .len();
    let staff_before = app::account::store::list_staff(&app.db)
        .await
        .unwrap()
        .len();
    for path in &paths {
        let endpoint = path.trim_start_matches("/api/");
        let form = form_for(path);
        let (status, body) = app.post_api(&anonymous, endpoint, &form).await;
        assert_eq!(status, 401, "{engine:?} anonymous {path}: {body}");
        assert!(body.contains("NotSignedIn"), "{path}: {body}");
        let needed = required_role(path).unwrap();
        for (who, role, client) in &clients {
            let allowed =
                needed.is_none_or(|needed| role.allows(needed)) || also_allowed(path, *role);
            let (status, body) = app.post_api(client, endpoint, &form).await;
            if allowed {
                assert!(
                    status != 401 && status != 403,
                    "{engine:?} {who} {path} must pass the role check: {status} {body}"
                );
            } else {
                assert_eq!(status, 403, "{engine:?} {who} {path}: {body}");
                assert!(body.contains("Forbidden"), "{path}: {body}");
            }
        }
    }
    // Only the admin's calls changed anything: one process and one account more.
    let processes_after = app::process::store::list_processes(&app.db, false)
        .await
        .unwrap()
        .len();
    assert_eq!(processes_after, processes_before + 1, "{engine:?}");
    let staff_after = app::account::store::list_staff(&app.db)
        .await
        .unwrap()
        .len();
    assert_eq!(staff_after, staff_before + 1, "{engine:?}");
}

async fn staff_pages_need_the_right_role(engine: Engine) {
    let app = spawn_app(engine, true).await;
    let (status, body) = app
        .get_html(&app.api_client(), "/admin/processes/new")
        .await;
    assert_eq!(status, 401, "{engine:?}");
    assert!(
        body.contains("/login?next=/admin/processes/new"),
        "offers to log in: {body}"
    );
    let moderator = app.logged_in(MODERATOR).await;
    let (status, _) = app.get_html(&moderator, "/admin/processes/new").await;
    assert_eq!(status, 403, "{engine:?}");
    let (status, body) = app.get_html(&moderator, "/admin").await;
    assert_eq!(status, 200, "{engine:?}");
    assert!(body.contains("Modération"), "{body}");
    let admin = app.logged_in(ADMIN).await;
    let (status, body) = app.get_html(&admin, "/admin/staff").await;
    assert_eq!(status, 200);
    assert!(
        body.contains(MEDIATOR),
        "the staff list shows every account"
    );
}

crate::per_engine!(
    every_staff_function_refuses_anonymous_and_wrong_roles,
    staff_pages_need_the_right_role,
);
