//! The symposium's rules as pure functions: seats and waiting lists, ticket
//! codes and private links, the registration form parsed into a domain type,
//! and the check-in decision. No I/O here; the store feeds them what it read
//! inside its transaction and applies what they decide.

pub mod capacity;
pub mod checkin;
pub mod programme;
pub mod registration;
pub mod ticket;

pub use capacity::{place, settle, PlaceRow, PlaceStatus, Placement, Settlement};
pub use checkin::{check_in, CheckIn};
pub use registration::{
    EventShape, NewRegistration, Profile, QuestionKind, QuestionShape, WorkshopShape,
};
