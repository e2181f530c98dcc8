//! Participatory processes: a process has ordered phases, each with dates and
//! the components it holds (consultation, event, survey, evaluation).

pub mod api;
pub mod forms;

#[cfg(feature = "ssr")]
pub mod logic;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod stylesheet;
#[cfg(feature = "ssr")]
pub mod uploads;
#[cfg(feature = "ssr")]
pub mod visibility;
