//! Questions from the audience: what may be asked, and how moderators decide.

/// Why an audience question is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudienceError {
    TooShort,
    TooLong,
    /// A control character (see `crate::text`).
    Control,
}

pub const AUDIENCE_MIN: usize = 5;
pub const AUDIENCE_MAX: usize = 400;

pub fn parse_audience_question(text: &str) -> Result<String, AudienceError> {
    let text = crate::text::clean(text).map_err(|_| AudienceError::Control)?;
    let text = text.trim();
    let n = text.chars().count();
    if n < AUDIENCE_MIN {
        Err(AudienceError::TooShort)
    } else if n > AUDIENCE_MAX {
        Err(AudienceError::TooLong)
    } else {
        Ok(text.to_owned())
    }
}

/// A moderator's decision on an audience question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudienceStatus {
    Pending,
    Approved,
    Answered,
    Rejected,
}

crate::text_enum!(AudienceStatus {
    Pending = "pending",
    Approved = "approved",
    Answered = "answered",
    Rejected = "rejected",
});

impl AudienceStatus {
    /// Whether a moderator may move a question from `self` to `to`: pending
    /// ones are approved or rejected, approved ones answered (or rejected),
    /// and a mistake can be undone by approving again.
    pub fn may_become(self, to: AudienceStatus) -> bool {
        use AudienceStatus::*;
        matches!(
            (self, to),
            (Pending, Approved)
                | (Pending, Rejected)
                | (Approved, Answered)
                | (Approved, Rejected)
                | (Answered, Approved)
                | (Rejected, Approved)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audience_questions_are_checked() {
        assert_eq!(
            parse_audience_question(" ok "),
            Err(AudienceError::TooShort)
        );
        assert_eq!(
            parse_audience_question("  Et les transports ?  "),
            Ok("Et les transports ?".into())
        );
        use AudienceStatus::*;
        assert!(Pending.may_become(Approved));
        assert!(Approved.may_become(Answered));
        assert!(!Pending.may_become(Answered));
        assert!(!Rejected.may_become(Answered));
    }
}
