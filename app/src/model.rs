//! Types shared by the server and the browser.

use serde::{Deserialize, Serialize};

/// What a staff account may do. Admins may do everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Moderator,
    Mediator,
    EventStaff,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::Moderator,
        Role::Mediator,
        Role::EventStaff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Moderator => "moderator",
            Role::Mediator => "mediator",
            Role::EventStaff => "event_staff",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this role may act where `required` is needed.
    pub fn allows(self, required: Role) -> bool {
        self == Role::Admin || self == required
    }
}

/// Where a phase stands today, derived from its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhaseStatus {
    Upcoming,
    Open,
    Closed,
}

impl PhaseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PhaseStatus::Upcoming => "upcoming",
            PhaseStatus::Open => "open",
            PhaseStatus::Closed => "closed",
        }
    }
}

/// The kinds of component a phase can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ComponentKind {
    Consultation,
    Event,
    Survey,
    Evaluation,
}

impl ComponentKind {
    pub const ALL: [ComponentKind; 4] = [
        ComponentKind::Consultation,
        ComponentKind::Event,
        ComponentKind::Survey,
        ComponentKind::Evaluation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ComponentKind::Consultation => "consultation",
            ComponentKind::Event => "event",
            ComponentKind::Survey => "survey",
            ComponentKind::Evaluation => "evaluation",
        }
    }

    pub fn parse(s: &str) -> Option<ComponentKind> {
        ComponentKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A signed-in staff member, as pages and server functions see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_admin_allows_all() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert!(Role::Admin.allows(role));
        }
        assert!(!Role::Moderator.allows(Role::Admin));
        assert!(!Role::Mediator.allows(Role::Moderator));
        assert!(Role::EventStaff.allows(Role::EventStaff));
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn component_kinds_round_trip() {
        for kind in ComponentKind::ALL {
            assert_eq!(ComponentKind::parse(kind.as_str()), Some(kind));
        }
    }
}
