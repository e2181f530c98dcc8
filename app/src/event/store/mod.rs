//! The event component's SQL, one file per aggregate: events, the programme
//! (days, sessions, speakers, questions), registrations, seats and waiting
//! lists, check-in, and action avenues. Rows are typed; no rules live here.

pub mod avenues;
pub mod checkin;
pub mod events;
pub mod programme;
pub mod registrations;
pub mod seats;

pub use events::{event_by_component, event_by_id, event_by_slug, list_events, Event};
pub use programme::{Day, Programme, Question, Session, Speaker};

/// A transaction on either engine.
pub type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

/// Rows keyed by their owner's id, gathered per owner in the order read.
pub(crate) fn grouped<V>(
    pairs: impl IntoIterator<Item = (i64, V)>,
) -> std::collections::HashMap<i64, Vec<V>> {
    let mut map: std::collections::HashMap<i64, Vec<V>> = std::collections::HashMap::new();
    for (key, value) in pairs {
        map.entry(key).or_default().push(value);
    }
    map
}
