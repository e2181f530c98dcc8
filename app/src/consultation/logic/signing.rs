//! Signatures of served proposals. Each proposal shown to a participant
//! carries a signature of (consultation, proposal, participant, context); a
//! vote counts only in the tally its valid signature names, so a group that
//! shares a direct link cannot push its proposal up.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::votes::Tally;

type HmacSha256 = Hmac<Sha256>;

/// Where a proposal was shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServedIn {
    /// In a voting sequence chosen by the platform.
    Sequence,
    /// On the proposal's own page, reached from within the site.
    ProposalPage,
    /// On the proposal's page reached from a shared link.
    SharedLink,
}

impl ServedIn {
    pub fn as_str(self) -> &'static str {
        match self {
            ServedIn::Sequence => "sequence",
            ServedIn::ProposalPage => "proposal",
            ServedIn::SharedLink => "link",
        }
    }

    pub fn parse(s: &str) -> Option<ServedIn> {
        [
            ServedIn::Sequence,
            ServedIn::ProposalPage,
            ServedIn::SharedLink,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }

    /// The tally a vote with a valid signature from here goes to.
    pub fn tally(self) -> Tally {
        match self {
            ServedIn::Sequence => Tally::Sequence,
            ServedIn::ProposalPage => Tally::Trusted,
            ServedIn::SharedLink => Tally::Untrusted,
        }
    }
}

fn message(consultation: i64, proposal: i64, participant: i64, served_in: ServedIn) -> String {
    format!(
        "v1|{consultation}|{proposal}|{participant}|{}",
        served_in.as_str()
    )
}

pub fn sign(
    secret: &[u8],
    consultation: i64,
    proposal: i64,
    participant: i64,
    served_in: ServedIn,
) -> String {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any size");
    mac.update(message(consultation, proposal, participant, served_in).as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// Checks a signature in constant time.
pub fn verify(
    secret: &[u8],
    signature: &str,
    consultation: i64,
    proposal: i64,
    participant: i64,
    served_in: ServedIn,
) -> bool {
    let Ok(bytes) = URL_SAFE_NO_PAD.decode(signature.trim()) else {
        return false;
    };
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any size");
    mac.update(message(consultation, proposal, participant, served_in).as_bytes());
    mac.verify_slice(&bytes).is_ok()
}

/// How long a link from one of the site's pages to a proposal, and the vote
/// form of the page it opens, say "reached from within the site". Long enough
/// to read a list and vote; short enough that a link copied from the address
/// bar and shared soon counts nowhere.
pub const SITE_LINK_SECONDS: i64 = 30 * 60;

fn site_link_mac(secret: &[u8], proposal: i64, expires: i64) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any size");
    mac.update(format!("site-link|v1|{proposal}|{expires}").as_bytes());
    mac
}

/// The token a site page adds to its link to a proposal (`?from=…`): the
/// expiry and an HMAC-SHA256 of (proposal, expiry), `<expires>.<mac>`.
pub fn site_link_token(secret: &[u8], proposal: i64, now: i64) -> String {
    let expires = now + SITE_LINK_SECONDS;
    let mac = site_link_mac(secret, proposal, expires)
        .finalize()
        .into_bytes();
    format!("{expires}.{}", URL_SAFE_NO_PAD.encode(mac))
}

/// Whether `token` was made by this site for this proposal and is still
/// fresh (checked in constant time). A token claiming an expiry further away
/// than a fresh one would have is forged, whatever its MAC.
pub fn site_link_fresh(secret: &[u8], token: &str, proposal: i64, now: i64) -> bool {
    let Some((expires, mac)) = token.trim().split_once('.') else {
        return false;
    };
    let (Ok(expires), Ok(mac)) = (expires.parse::<i64>(), URL_SAFE_NO_PAD.decode(mac)) else {
        return false;
    };
    if expires < now || expires > now + SITE_LINK_SECONDS {
        return false;
    }
    site_link_mac(secret, proposal, expires)
        .verify_slice(&mac)
        .is_ok()
}

/// Where a proposal page was reached from: within the site when its `from`
/// token is fresh, else from a shared link.
pub fn served_from(secret: &[u8], from: &str, proposal: i64, now: i64) -> ServedIn {
    if site_link_fresh(secret, from, proposal, now) {
        ServedIn::ProposalPage
    } else {
        ServedIn::SharedLink
    }
}

/// The tally of a vote from a card, whose form carries its signature and,
/// on a proposal page, the page's own site-link token (`from`): a vote from a
/// proposal page counts as trusted only while that token is fresh, so a page
/// opened from a shared link, or kept open for hours, counts nowhere.
pub struct CardProof<'a> {
    pub signature: &'a str,
    pub claimed: &'a str,
    pub from: &'a str,
}

pub fn tally_of_card(
    keys: (&[u8], &[u8]),
    proof: &CardProof<'_>,
    ids: (i64, i64, i64),
    now: i64,
) -> Tally {
    let (signing, site) = keys;
    let (consultation, proposal, participant) = ids;
    match tally_for(
        signing,
        proof.signature,
        consultation,
        proposal,
        participant,
        proof.claimed,
    ) {
        Tally::Trusted if !site_link_fresh(site, proof.from, proposal, now) => Tally::Untrusted,
        tally => tally,
    }
}

/// The tally a vote goes to: the context its signature proves, else untrusted.
pub fn tally_for(
    secret: &[u8],
    signature: &str,
    consultation: i64,
    proposal: i64,
    participant: i64,
    claimed: &str,
) -> Tally {
    match ServedIn::parse(claimed) {
        Some(ctx) if verify(secret, signature, consultation, proposal, participant, ctx) => {
            ctx.tally()
        }
        _ => Tally::Untrusted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"test key";

    #[test]
    fn a_signature_proves_its_context_only() {
        let sig = sign(KEY, 1, 42, 7, ServedIn::Sequence);
        assert_eq!(tally_for(KEY, &sig, 1, 42, 7, "sequence"), Tally::Sequence);
        // Claiming another context, proposal or participant with it proves nothing.
        assert_eq!(tally_for(KEY, &sig, 1, 42, 7, "proposal"), Tally::Untrusted);
        assert_eq!(tally_for(KEY, &sig, 1, 43, 7, "sequence"), Tally::Untrusted);
        assert_eq!(tally_for(KEY, &sig, 1, 42, 8, "sequence"), Tally::Untrusted);
        assert_eq!(
            tally_for(b"other key", &sig, 1, 42, 7, "sequence"),
            Tally::Untrusted
        );
        let page = sign(KEY, 1, 42, 7, ServedIn::ProposalPage);
        assert_eq!(tally_for(KEY, &page, 1, 42, 7, "proposal"), Tally::Trusted);
        let link = sign(KEY, 1, 42, 7, ServedIn::SharedLink);
        assert_eq!(tally_for(KEY, &link, 1, 42, 7, "link"), Tally::Untrusted);
    }

    #[test]
    fn a_site_link_is_trusted_while_fresh_and_for_its_proposal_only() {
        let now = 1_000_000;
        let token = site_link_token(KEY, 42, now);
        assert!(site_link_fresh(KEY, &token, 42, now));
        assert!(site_link_fresh(KEY, &token, 42, now + SITE_LINK_SECONDS));
        assert!(!site_link_fresh(
            KEY,
            &token,
            42,
            now + SITE_LINK_SECONDS + 1
        ));
        assert!(!site_link_fresh(KEY, &token, 43, now));
        assert!(!site_link_fresh(b"other key", &token, 42, now));
        assert_eq!(served_from(KEY, &token, 42, now), ServedIn::ProposalPage);
        assert_eq!(served_from(KEY, "", 42, now), ServedIn::SharedLink);
        // Moving the expiry (later, or far away) breaks the MAC or the bound.
        let (_, mac) = token.split_once('.').unwrap();
        let later = format!("{}.{mac}", now + SITE_LINK_SECONDS + 60);
        assert!(!site_link_fresh(KEY, &later, 42, now));
        let far = site_link_token(KEY, 42, now + 10 * SITE_LINK_SECONDS);
        assert!(!site_link_fresh(KEY, &far, 42, now));
        for junk in ["", ".", "abc.def", "123", "123.!!!"] {
            assert!(!site_link_fresh(KEY, junk, 42, now), "{junk}");
        }
    }

    #[test]
    fn a_proposal_page_vote_needs_its_fresh_site_link() {
        let now = 1_000_000;
        let keys: (&[u8], &[u8]) = (KEY, b"site");
        let page = sign(KEY, 1, 42, 7, ServedIn::ProposalPage);
        let from = site_link_token(b"site", 42, now);
        let tally = |signature: &str, claimed: &str, from: &str, at: i64| {
            let proof = CardProof {
                signature,
                claimed,
                from,
            };
            tally_of_card(keys, &proof, (1, 42, 7), at)
        };
        assert_eq!(tally(&page, "proposal", &from, now), Tally::Trusted);
        assert_eq!(tally(&page, "proposal", "", now), Tally::Untrusted);
        let later = now + SITE_LINK_SECONDS + 1;
        assert_eq!(tally(&page, "proposal", &from, later), Tally::Untrusted);
        // A sequence vote needs no site link.
        let seq = sign(KEY, 1, 42, 7, ServedIn::Sequence);
        assert_eq!(tally(&seq, "sequence", "", now), Tally::Sequence);
    }

    #[test]
    fn forged_or_missing_signatures_are_untrusted() {
        assert_eq!(tally_for(KEY, "", 1, 42, 7, "sequence"), Tally::Untrusted);
        assert_eq!(
            tally_for(KEY, "not base64 !", 1, 42, 7, "sequence"),
            Tally::Untrusted
        );
        assert_eq!(
            tally_for(
                KEY,
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                1,
                42,
                7,
                "sequence"
            ),
            Tally::Untrusted
        );
        assert_eq!(
            tally_for(
                KEY,
                &sign(KEY, 1, 42, 7, ServedIn::Sequence),
                1,
                42,
                7,
                "bogus"
            ),
            Tally::Untrusted
        );
    }
}
