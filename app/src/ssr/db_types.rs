//! Column types shared by both engines, for typed rows.
//!
//! Rows derive `FromRow` and name these with `#[sqlx(try_from = "…")]`: a
//! calendar date is ISO text, a yes/no an integer, an enum its text (see
//! `crate::text_enum!`). A value that does not fit is a decode error, so no
//! code after the store ever sees an unparsed date or an unknown status.

use chrono::NaiveDate;
use std::ops::Deref;

/// A calendar date stored as ISO text (`2021-11-18`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DbDate(pub NaiveDate);

impl TryFrom<String> for DbDate {
    type Error = chrono::ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map(DbDate)
    }
}

impl Deref for DbDate {
    type Target = NaiveDate;
    fn deref(&self) -> &NaiveDate {
        &self.0
    }
}

impl From<DbDate> for NaiveDate {
    fn from(d: DbDate) -> NaiveDate {
        d.0
    }
}

/// The text a date is stored as.
pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A yes/no stored as an integer (SQLite has no boolean; both engines share the schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flag(pub bool);

impl From<i64> for Flag {
    fn from(v: i64) -> Flag {
        Flag(v != 0)
    }
}

impl From<Flag> for bool {
    fn from(f: Flag) -> bool {
        f.0
    }
}

impl Deref for Flag {
    type Target = bool;
    fn deref(&self) -> &bool {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_flags_read_back() {
        let d = DbDate::try_from("2021-11-18".to_owned()).unwrap();
        assert_eq!(date_text(*d), "2021-11-18");
        assert!(DbDate::try_from("18/11/2021".to_owned()).is_err());
        assert!(*Flag::from(1));
        assert!(!*Flag::from(0));
    }
}
