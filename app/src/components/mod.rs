//! Server-rendered building blocks shared by the pages.

pub mod fields;
pub mod layout;
pub mod loading;
pub mod media;
pub mod status;
pub mod vote_card;
pub mod vote_step;

pub use fields::{Checkbox, DateRangeFields, Field, FormAlert, TextArea};
pub use layout::Page;
pub use loading::{load_page, ErrorView};
pub use media::{FileField, ResponsiveImage};
pub use status::StatusBadge;
