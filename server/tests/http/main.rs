//! The HTTP test suite in one binary: the real application on a random port,
//! spoken to like a browser, one module a component (see `common` for the harness).

mod common;

mod author_mail;
mod backup;
mod consultation;
mod consultation_more;
mod dashboard;
mod event;
mod event_more;
mod foundation;
mod ideas;
mod instances;
mod mail;
mod media;
mod moderation_more;
mod rendezvous;
mod schema_parity;
mod security_data;
mod security_edge;
mod security_faults;
mod security_limits;
mod security_staff;
mod shortest_path;
mod staff_authorization;
mod survey;
mod vote_island;
