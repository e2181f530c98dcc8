//! The check-in decision at the door, for one ticket and one day.

/// What the staff member is told about a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckIn {
    /// Welcome: the arrival is recorded now.
    Admitted,
    /// The ticket was already used for this day, at this time (unix seconds).
    AlreadyUsed(i64),
    Cancelled,
    /// Registered, but not for this day.
    NotThisDay,
    Unknown,
}

impl CheckIn {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckIn::Admitted => "admitted",
            CheckIn::AlreadyUsed(_) => "already-used",
            CheckIn::Cancelled => "cancelled",
            CheckIn::NotThisDay => "not-this-day",
            CheckIn::Unknown => "unknown",
        }
    }

    pub fn admitted(self) -> bool {
        self == CheckIn::Admitted
    }
}

/// What the store found for a code: the registration's state and, when the
/// person registered for the day, when they were checked in on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketState {
    pub cancelled: bool,
    /// `None`: not registered for the day; `Some(None)`: registered, not yet in.
    pub day: Option<Option<i64>>,
}

/// A cancelled ticket is refused before anything else, then another day's
/// ticket, then a second use of the same ticket.
pub fn check_in(ticket: Option<TicketState>) -> CheckIn {
    match ticket {
        None => CheckIn::Unknown,
        Some(t) if t.cancelled => CheckIn::Cancelled,
        Some(TicketState { day: None, .. }) => CheckIn::NotThisDay,
        Some(TicketState {
            day: Some(Some(at)),
            ..
        }) => CheckIn::AlreadyUsed(at),
        Some(TicketState {
            day: Some(None), ..
        }) => CheckIn::Admitted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(cancelled: bool, day: Option<Option<i64>>) -> Option<TicketState> {
        Some(TicketState { cancelled, day })
    }

    #[test]
    fn a_valid_ticket_is_admitted_once() {
        assert_eq!(check_in(t(false, Some(None))), CheckIn::Admitted);
        assert_eq!(check_in(t(false, Some(Some(42)))), CheckIn::AlreadyUsed(42));
    }

    #[test]
    fn refusals_are_clear_and_ordered() {
        assert_eq!(check_in(None), CheckIn::Unknown);
        assert_eq!(check_in(t(true, Some(None))), CheckIn::Cancelled);
        assert_eq!(check_in(t(true, Some(Some(1)))), CheckIn::Cancelled);
        assert_eq!(check_in(t(false, None)), CheckIn::NotThisDay);
        assert!(!CheckIn::Cancelled.admitted());
        assert_eq!(CheckIn::AlreadyUsed(1).as_str(), "already-used");
    }
}
