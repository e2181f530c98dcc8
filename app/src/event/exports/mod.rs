//! What the event gives out beside its pages: attendee lists as CSV and
//! Excel files for staff, and each registrant's ticket (QR code, calendar).

pub mod attendees;
pub mod downloads;
pub mod tickets;

pub use attendees::{attendees_csv, attendees_xlsx};
pub use downloads::{calendar_ics, ticket_png};
