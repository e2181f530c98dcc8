//! Types shared by the server and the browser.

use serde::{Deserialize, Serialize};

/// The value a stored text did not name (an enum column holding something unknown).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown stored value {0:?}")]
pub struct UnknownValue(pub String);

/// An enum stored as text: `as_str`, `parse`, `ALL`, and `TryFrom<String>` so
/// that typed rows can read it with `#[sqlx(try_from = "String")]`.
#[macro_export]
macro_rules! text_enum {
    ($ty:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text),+
                }
            }

            pub fn parse(s: &str) -> Option<$ty> {
                match s {
                    $($text => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $crate::model::UnknownValue;
            fn try_from(s: String) -> Result<$ty, Self::Error> {
                $ty::parse(&s).ok_or($crate::model::UnknownValue(s))
            }
        }
    };
}

/// What a staff account may do. Admins may do everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Moderator,
    Mediator,
    EventStaff,
}

text_enum!(Role {
    Admin = "admin",
    Moderator = "moderator",
    Mediator = "mediator",
    EventStaff = "event_staff",
});

impl Role {
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

text_enum!(PhaseStatus {
    Upcoming = "upcoming",
    Open = "open",
    Closed = "closed",
});

/// The kinds of component a phase can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ComponentKind {
    Consultation,
    Event,
    Survey,
    /// The Rendez-vous citoyen.
    Rendezvous,
}

text_enum!(ComponentKind {
    Consultation = "consultation",
    Event = "event",
    Survey = "survey",
    // Stored as "evaluation": the SQLite CHECK on components.kind cannot change without a table rebuild.
    Rendezvous = "evaluation",
});

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
        for &role in Role::ALL {
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
        for &kind in ComponentKind::ALL {
            assert_eq!(ComponentKind::parse(kind.as_str()), Some(kind));
        }
    }
}
