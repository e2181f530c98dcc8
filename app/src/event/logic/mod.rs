//! The event's rules as pure functions: seats and waiting lists, ticket
//! codes and private links, the forms parsed into domain types, the check-in
//! decision, and action avenues grouped by theme. No I/O here, and nothing
//! of the folder but `forms`: the service feeds them what the store read
//! inside its transaction and applies what they decide.

pub mod avenues;
pub mod capacity;
pub mod checkin;
pub mod programme;
pub mod registration;
pub mod ticket;

pub use capacity::{place, settle, PlaceRow, PlaceStatus, Placement, Settlement};
pub use checkin::{check_in, CheckIn};
pub use registration::{
    EventShape, NewRegistration, Profile, QuestionKind, QuestionShape, RegistrationStatus,
    WorkshopShape,
};
