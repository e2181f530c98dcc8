//! Seats and waiting lists. A workshop's seats are held by confirmed places
//! and by offers still running; people waiting are served in the order they
//! asked (their place id). Nothing here ever gives more seats than exist.

/// Where a person stands in a workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceStatus {
    Confirmed,
    /// A seat freed up and is held for this person until the offer expires.
    Offered,
    Waiting,
    /// The offer ran out before the person confirmed it.
    Expired,
}

crate::text_enum!(PlaceStatus {
    Confirmed = "confirmed",
    Offered = "offered",
    Waiting = "waiting",
    Expired = "expired",
});

/// One row of a workshop's places, as the store read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceRow {
    /// Also the order of the waiting list: lower ids asked first.
    pub id: i64,
    pub status: PlaceStatus,
    /// Unix seconds; set for offers only.
    pub offer_expires_at: Option<i64>,
}

impl PlaceRow {
    fn offer_running(&self, now: i64) -> bool {
        self.status == PlaceStatus::Offered && self.offer_expires_at.is_some_and(|t| t > now)
    }

    fn holds_seat(&self, now: i64) -> bool {
        self.status == PlaceStatus::Confirmed || self.offer_running(now)
    }
}

/// Seats held now: confirmed places and offers that have not run out.
pub fn held(rows: &[PlaceRow], now: i64) -> u32 {
    rows.iter().filter(|r| r.holds_seat(now)).count() as u32
}

/// What to change so a workshop's places are right at `now`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settlement {
    /// Offers that ran out: they become `Expired`.
    pub expire: Vec<i64>,
    /// Waiting places offered a seat, first in line first; each expires at `offer_expires_at`.
    pub offer: Vec<i64>,
    pub offer_expires_at: i64,
}

impl Settlement {
    pub fn is_empty(&self) -> bool {
        self.expire.is_empty() && self.offer.is_empty()
    }
}

/// Expires offers that ran out, then offers every free seat to the first
/// people waiting. Run after a seat is freed, by the periodic sweep, and
/// before placing anyone, so a stale offer never blocks a seat for long.
pub fn settle(seats: u32, rows: &[PlaceRow], now: i64, offer_hours: u32) -> Settlement {
    let expire: Vec<i64> = rows
        .iter()
        .filter(|r| r.status == PlaceStatus::Offered && !r.offer_running(now))
        .map(|r| r.id)
        .collect();
    let free = seats.saturating_sub(held(rows, now)) as usize;
    let mut waiting: Vec<i64> = rows
        .iter()
        .filter(|r| r.status == PlaceStatus::Waiting)
        .map(|r| r.id)
        .collect();
    waiting.sort_unstable();
    waiting.truncate(free);
    Settlement {
        expire,
        offer: waiting,
        offer_expires_at: now + i64::from(offer_hours) * 3600,
    }
}

/// Where a new request for a workshop goes, once the workshop is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Confirmed,
    Waiting,
}

/// A newcomer gets a seat only if one is free and nobody is already waiting
/// for it (after `settle`, free seats and a waiting list never coexist).
pub fn place(seats: u32, rows: &[PlaceRow], now: i64) -> Placement {
    let someone_waiting = rows.iter().any(|r| r.status == PlaceStatus::Waiting);
    if held(rows, now) < seats && !someone_waiting {
        Placement::Confirmed
    } else {
        Placement::Waiting
    }
}

/// A person's position on the waiting list (1 = next to be offered a seat).
pub fn waiting_position(rows: &[PlaceRow], id: i64) -> Option<usize> {
    let mut waiting: Vec<i64> = rows
        .iter()
        .filter(|r| r.status == PlaceStatus::Waiting)
        .map(|r| r.id)
        .collect();
    waiting.sort_unstable();
    waiting.iter().position(|w| *w == id).map(|p| p + 1)
}

/// Whether an event or a day with `seats` has room for one more when `taken` are taken.
pub fn has_room(seats: u32, taken: u32) -> bool {
    taken < seats
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_650_000_000;
    const HOUR: i64 = 3600;

    fn row(id: i64, status: PlaceStatus) -> PlaceRow {
        PlaceRow {
            id,
            status,
            offer_expires_at: None,
        }
    }

    fn offer(id: i64, expires_at: i64) -> PlaceRow {
        PlaceRow {
            id,
            status: PlaceStatus::Offered,
            offer_expires_at: Some(expires_at),
        }
    }

    use PlaceStatus::{Confirmed, Expired, Waiting};

    #[test]
    fn seats_go_to_the_first_until_full_then_to_the_waiting_list() {
        let mut rows = Vec::new();
        let mut outcomes = Vec::new();
        for id in 1..=5 {
            let p = place(3, &rows, NOW);
            outcomes.push(p);
            let status = if p == Placement::Confirmed {
                Confirmed
            } else {
                Waiting
            };
            rows.push(row(id, status));
        }
        assert_eq!(
            outcomes,
            [
                Placement::Confirmed,
                Placement::Confirmed,
                Placement::Confirmed,
                Placement::Waiting,
                Placement::Waiting
            ]
        );
        assert_eq!(held(&rows, NOW), 3);
        assert_eq!(waiting_position(&rows, 4), Some(1));
        assert_eq!(waiting_position(&rows, 5), Some(2));
        assert_eq!(waiting_position(&rows, 1), None);
    }

    #[test]
    fn a_workshop_with_no_seats_only_has_a_waiting_list() {
        assert_eq!(place(0, &[], NOW), Placement::Waiting);
        assert_eq!(
            settle(0, &[row(1, Waiting)], NOW, 48).offer,
            Vec::<i64>::new()
        );
    }

    #[test]
    fn a_freed_seat_is_offered_to_the_first_in_line_only() {
        // Three seats, one freed (two confirmed left), three people waiting.
        let rows = [
            row(1, Confirmed),
            row(2, Confirmed),
            row(7, Waiting),
            row(5, Waiting),
            row(9, Waiting),
        ];
        let s = settle(3, &rows, NOW, 48);
        assert_eq!(s.offer, vec![5], "lowest id asked first");
        assert_eq!(s.offer_expires_at, NOW + 48 * HOUR);
        assert!(s.expire.is_empty());
    }

    #[test]
    fn a_running_offer_holds_its_seat() {
        let rows = [row(1, Confirmed), offer(2, NOW + HOUR), row(3, Waiting)];
        assert!(settle(2, &rows, NOW, 48).is_empty());
        assert_eq!(place(2, &rows, NOW), Placement::Waiting);
        assert_eq!(held(&rows, NOW), 2);
    }

    #[test]
    fn an_expired_offer_passes_the_seat_to_the_next_one() {
        let rows = [
            row(1, Confirmed),
            offer(2, NOW - 1),
            row(3, Waiting),
            row(4, Waiting),
        ];
        let s = settle(2, &rows, NOW, 24);
        assert_eq!(s.expire, vec![2]);
        assert_eq!(s.offer, vec![3]);
        assert_eq!(s.offer_expires_at, NOW + 24 * HOUR);
        // The deadline itself is already too late.
        let at_deadline = [offer(2, NOW)];
        assert_eq!(settle(1, &at_deadline, NOW, 24).expire, vec![2]);
    }

    #[test]
    fn expired_rows_neither_hold_seats_nor_wait() {
        let rows = [row(1, Expired), row(2, Expired)];
        assert_eq!(held(&rows, NOW), 0);
        assert_eq!(place(1, &rows, NOW), Placement::Confirmed);
        assert!(settle(1, &rows, NOW, 48).is_empty());
    }

    #[test]
    fn several_freed_seats_make_several_offers_in_order() {
        let rows = [row(10, Waiting), row(11, Waiting), row(12, Waiting)];
        assert_eq!(settle(2, &rows, NOW, 48).offer, vec![10, 11]);
    }

    #[test]
    fn fewer_seats_than_holders_offers_nothing_and_removes_nobody() {
        // An admin lowered the seats below what is already confirmed.
        let rows = [row(1, Confirmed), row(2, Confirmed), row(3, Waiting)];
        let s = settle(1, &rows, NOW, 48);
        assert!(s.is_empty());
        assert_eq!(place(1, &rows, NOW), Placement::Waiting);
    }

    #[test]
    fn after_settling_free_seats_and_a_waiting_list_never_coexist() {
        // Exhaustive over small workshops: apply the settlement, then check.
        for seats in 0..4u32 {
            for mask in 0..(4u32.pow(5)) {
                let mut rows: Vec<PlaceRow> = (0..5)
                    .map(|i| {
                        let id = i as i64 + 1;
                        match (mask / 4u32.pow(i)) % 4 {
                            0 => row(id, Confirmed),
                            1 => offer(id, NOW + HOUR),
                            2 => offer(id, NOW - HOUR),
                            _ => row(id, Waiting),
                        }
                    })
                    .collect();
                let before_confirmed = rows.iter().filter(|r| r.status == Confirmed).count();
                let before_holding = held(&rows, NOW);
                let s = settle(seats, &rows, NOW, 48);
                for r in rows.iter_mut() {
                    if s.expire.contains(&r.id) {
                        r.status = Expired;
                        r.offer_expires_at = None;
                    }
                    if s.offer.contains(&r.id) {
                        *r = offer(r.id, s.offer_expires_at);
                    }
                }
                let holding = held(&rows, NOW);
                let waiting = rows.iter().any(|r| r.status == Waiting);
                assert!(
                    !(holding < seats && waiting),
                    "seats {seats} mask {mask}: {rows:?}"
                );
                // Settling never confirms nor removes anyone by itself.
                assert_eq!(
                    rows.iter().filter(|r| r.status == Confirmed).count(),
                    before_confirmed
                );
                // Offers only fill free seats: never more holders than seats,
                // unless there already were (seats lowered by an admin).
                assert!(
                    holding <= seats.max(before_holding),
                    "seats {seats} mask {mask}"
                );
            }
        }
    }

    #[test]
    fn events_and_days_have_room_until_taken_reaches_seats() {
        assert!(has_room(224, 223));
        assert!(!has_room(224, 224));
        assert!(!has_room(0, 0));
    }

    #[test]
    fn statuses_round_trip() {
        for s in [Confirmed, PlaceStatus::Offered, Waiting, Expired] {
            assert_eq!(PlaceStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(PlaceStatus::parse("cancelled"), None);
    }
}
