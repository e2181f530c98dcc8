//! Rate limits on votes and proposals, per participant and per network
//! address, and on event registrations per address (governor's keyed GCRA
//! limiters). They live in each server's
//! memory: behind a load balancer each instance applies them to what it sees.

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;

/// Requests allowed per minute; each also allows a burst of that many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateConfig {
    pub votes_per_participant: u32,
    /// Generous: a mediator's tablet or a school network puts many people behind one address.
    pub votes_per_address: u32,
    pub proposals_per_participant: u32,
    pub proposals_per_address: u32,
    /// Event registrations: a mediator registering a group from one tablet
    /// stays well under it; a script filling the seats does not.
    pub registrations_per_address: u32,
}

impl Default for RateConfig {
    fn default() -> Self {
        RateConfig {
            votes_per_participant: 60,
            votes_per_address: 1200,
            proposals_per_participant: 3,
            proposals_per_address: 60,
            registrations_per_address: 20,
        }
    }
}

pub struct RateLimits {
    votes_by_participant: DefaultKeyedRateLimiter<i64>,
    votes_by_address: DefaultKeyedRateLimiter<IpAddr>,
    proposals_by_participant: DefaultKeyedRateLimiter<i64>,
    proposals_by_address: DefaultKeyedRateLimiter<IpAddr>,
    registrations_by_address: DefaultKeyedRateLimiter<IpAddr>,
}

fn per_minute<K: std::hash::Hash + Eq + Clone>(n: u32) -> DefaultKeyedRateLimiter<K> {
    RateLimiter::keyed(Quota::per_minute(
        NonZeroU32::new(n.max(1)).expect("at least one"),
    ))
}

/// What is being done, for the limiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Vote,
    Propose,
}

impl RateLimits {
    pub fn new(config: RateConfig) -> RateLimits {
        RateLimits {
            votes_by_participant: per_minute(config.votes_per_participant),
            votes_by_address: per_minute(config.votes_per_address),
            proposals_by_participant: per_minute(config.proposals_per_participant),
            proposals_by_address: per_minute(config.proposals_per_address),
            registrations_by_address: per_minute(config.registrations_per_address),
        }
    }

    /// Whether one more event registration from `address` is allowed now (an
    /// unknown address is not limited: registrations have no participant key).
    pub fn allow_registration(&self, address: Option<IpAddr>) -> bool {
        address.is_none_or(|ip| self.registrations_by_address.check_key(&ip).is_ok())
    }

    /// Whether one more `action` is allowed now; an unknown address is only
    /// limited per participant.
    pub fn allow(&self, action: Action, participant: i64, address: Option<IpAddr>) -> bool {
        let (by_participant, by_address) = match action {
            Action::Vote => (&self.votes_by_participant, &self.votes_by_address),
            Action::Propose => (&self.proposals_by_participant, &self.proposals_by_address),
        };
        let address_ok = address.is_none_or(|ip| by_address.check_key(&ip).is_ok());
        address_ok && by_participant.check_key(&participant).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_apply_per_participant_and_per_address() {
        let limits = RateLimits::new(RateConfig {
            votes_per_participant: 3,
            votes_per_address: 5,
            proposals_per_participant: 1,
            proposals_per_address: 10,
            registrations_per_address: 2,
        });
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        assert!((0..3).all(|_| limits.allow(Action::Vote, 1, Some(ip))));
        assert!(
            !limits.allow(Action::Vote, 1, Some(ip)),
            "the participant's burst is spent"
        );
        assert!(
            limits.allow(Action::Vote, 2, Some(ip)),
            "another participant on the same address"
        );
        assert!(
            !limits.allow(Action::Vote, 3, Some(ip)),
            "the address's burst is spent"
        );
        assert!(
            limits.allow(Action::Vote, 3, None),
            "unknown address: per participant only"
        );
        assert!(limits.allow(Action::Propose, 1, Some(ip)));
        assert!(!limits.allow(Action::Propose, 1, Some(ip)));
        assert!(limits.allow_registration(Some(ip)) && limits.allow_registration(Some(ip)));
        assert!(
            !limits.allow_registration(Some(ip)),
            "the address's burst is spent"
        );
        assert!(limits.allow_registration(Some("192.0.2.8".parse().unwrap())));
        assert!(limits.allow_registration(None));
    }
}
