//! What the vote page shows, as data: built and translated on the server
//! (`consultation::sequence`), rendered to plain forms by
//! `components::vote_step`, for the page itself and for the vote island's
//! background posts, which get the next step's HTML. The last two types are
//! what the island itself uses in the browser.

use serde::{Deserialize, Serialize};

/// A value and its label (a vote key, an option of a select...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A link shown as a button.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub href: String,
    pub label: String,
}

/// A qualification checkbox once a vote is recorded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub slug: String,
    pub label: String,
    pub checked: bool,
}

/// The participant's current vote on a card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Voted {
    pub key: String,
    /// "Votre avis : D'accord."
    pub recorded: String,
    pub checks: Vec<Check>,
}

/// The card's fixed texts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardTexts {
    pub prompt: String,
    pub qualify: String,
    pub qualify_submit: String,
    pub change: String,
    pub withdraw: String,
}

/// One proposal to vote on, with what its forms post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardView {
    pub proposal_id: i64,
    pub content: String,
    pub served_in: String,
    pub signature: String,
    /// Where a plain form post comes back to.
    pub back: String,
    /// Made fresh for each card shown: a retried post of it counts once.
    pub idempotency_key: String,
    /// "4 / 12" in a sequence.
    pub progress: Option<String>,
    /// Agree, disagree, neutral.
    pub keys: Vec<Choice>,
    pub vote: Option<Voted>,
    pub texts: CardTexts,
}

/// The optional demographics card, once per sequence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DemographicsView {
    pub title: String,
    pub intro: String,
    pub age_label: String,
    pub ages: Vec<Choice>,
    pub neighbourhood_label: String,
    pub neighbourhoods: Vec<Choice>,
    /// "Je préfère ne pas répondre", the empty option of both selects.
    pub prefer_not: String,
    pub save: String,
    pub skip: String,
    /// What was chosen before a refusal, kept.
    pub age: String,
    pub neighbourhood: String,
    pub age_error: Option<String>,
    pub neighbourhood_error: Option<String>,
}

/// One step of a voting sequence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// The consultation is closed: a message and the results.
    Closed {
        message: String,
        results: Link,
    },
    /// Nothing left to vote on: an invitation to propose.
    Empty {
        message: String,
        propose: Link,
    },
    Demographics(DemographicsView),
    Card {
        card: CardView,
        /// The "next" button once voted ("Suivante", "Terminer").
        next: String,
        /// The link-like button that skips the card before voting.
        skip: String,
    },
    Done {
        title: String,
        summary: String,
        propose: Link,
        results: Link,
        restart: String,
    },
}

/// The vote page's content: a step, the sequence it belongs to, and a
/// refusal to show (a closed consultation, too many votes...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SequenceView {
    /// The consultation's slug, posted by every form.
    pub consultation: String,
    /// The sequence position the step was shown at, so that a retried
    /// "next" moves on once.
    pub position: usize,
    pub step: Step,
    pub alert: Option<String>,
}

/// Texts of the island's network status line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkTexts {
    pub sending: String,
    pub retrying: String,
    pub failed: String,
}

/// What the island sends: which of the page's forms, and its fields as the
/// browser would have posted them (the same names as the plain forms).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SequencePost {
    /// The consultation's slug.
    pub consultation: String,
    /// "vote", "sequence" or "demographics".
    pub form: String,
    pub fields: Vec<(String, String)>,
}
