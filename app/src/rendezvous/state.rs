//! What a live page shows, as the server sends it in each server-sent event:
//! the current question with its results and the approved audience questions.
//! Each event carries the whole state, so a page that reconnects (or missed
//! events) is right again with the next one.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LiveState {
    /// The open question, else the last one closed, else none.
    pub question: Option<LiveQuestion>,
    /// Approved and answered audience questions, most upvoted first.
    pub audience: Vec<AudienceItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveQuestion {
    pub id: i64,
    /// "rating", "single", "multiple" or "word".
    pub kind: String,
    pub prompt: String,
    pub options: Vec<String>,
    pub open: bool,
    /// People who answered, in all and by where they are.
    pub total: Split,
    /// One per option (rating, single, multiple), in their order.
    pub bars: Vec<Bar>,
    /// Short answers grouped, most frequent first (word questions).
    pub words: Vec<Word>,
    /// A rating's mean position from 1, in tenths (42 = 4.2), per mode.
    pub mean_tenths: Option<Split>,
}

/// A count in all, in the room and remote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    pub all: u32,
    pub room: u32,
    pub remote: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    pub count: Split,
    /// Share of the people who answered, rounded percent.
    pub percent: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    pub text: String,
    pub count: u32,
}

/// The host console's queue of audience questions waiting for moderation:
/// the list as the page was rendered, the staff-only stream that updates it
/// (`pending` events, each the whole list), and the texts of its forms.
/// Pending questions never go into `LiveState`, which everyone receives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PendingFeed {
    pub source: String,
    pub items: Vec<AudienceItem>,
    /// The heading with `{count}` where the number goes.
    pub title: String,
    pub none: String,
    pub approve: String,
    pub reject: String,
    pub room: String,
    pub remote: String,
    pub moderate_action: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AudienceItem {
    pub id: i64,
    pub body: String,
    pub upvotes: u32,
    pub answered: bool,
    /// "room" or "remote".
    pub mode: String,
}
