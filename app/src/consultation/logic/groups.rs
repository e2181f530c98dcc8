//! Demographic groups: the optional age bracket and neighbourhood a
//! participant gives, along which results are also shown.

/// A demographic dimension of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Age,
    Neighbourhood,
}

impl Dimension {
    pub const ALL: [Dimension; 2] = [Dimension::Neighbourhood, Dimension::Age];

    pub fn slug(self) -> &'static str {
        match self {
            Dimension::Age => "age",
            Dimension::Neighbourhood => "neighbourhood",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.slug() == s)
    }
}

/// A participant's answers; empty strings are "not said".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Groups {
    pub age_bracket: String,
    pub neighbourhood: String,
}

impl Groups {
    /// The (dimension, group) pairs this participant counts in.
    pub fn memberships(&self) -> impl Iterator<Item = (Dimension, &str)> {
        [
            (Dimension::Age, self.age_bracket.as_str()),
            (Dimension::Neighbourhood, self.neighbourhood.as_str()),
        ]
        .into_iter()
        .filter(|(_, g)| !g.is_empty())
    }
}

/// Below this many members a group's results are not shown, so that nobody's
/// votes can be singled out.
pub const MIN_GROUP_SIZE: i64 = 5;
