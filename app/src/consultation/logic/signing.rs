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
