//! Vote scoring for proposals, in the style of Make.org.
//!
//! From the effective (blended) counts of [`super::votes`] we derive smoothed
//! shares, confidence intervals, composite scores (top, controversy, ...) and
//! Beta posteriors used for Thompson sampling in [`super::sequence`]. The vote
//! types are re-exported here so callers can use `scoring::VoteKey` etc.

use std::ops::{Add, Sub};

use rand::Rng;
use rand_distr::{Beta, Distribution};

pub use super::votes::{
    allowed_for, validate_qualifications, EffectiveCounts, Qualification, QualificationError,
    Tally, VoteCounts, VoteKey, VoteTally, DEFAULT_TRUSTED_WEIGHT,
};
use Qualification as Q;

/// Pseudo-count added to a vote key so that unvoted proposals are not scored 0.
pub const VOTE_SMOOTHING: f64 = 0.33;
/// Pseudo-count for qualifications: much smaller because qualifications are
/// optional and rare, a 0.33 prior would dominate them (Make.org uses 0.01 too).
pub const QUALIFICATION_SMOOTHING: f64 = 0.01;
/// Upper bound of a smoothed share.
pub const MAX_SHARE: f64 = 1.0;
/// z-value of a two-sided 95% normal confidence interval.
pub const CONFIDENCE_Z: f64 = 1.96;
/// Pseudo-count added to the number of votes in the margin denominator, so
/// the margin stays finite (and maximal) when nobody has voted yet.
pub const MARGIN_EXTRA_VOTES: f64 = 1.0;
/// Uniform Beta(1, 1) prior: alpha = successes + 1, beta = failures + 1.
pub const BETA_PRIOR: f64 = 1.0;

/// Smoothed share `min((count + smoothing) / (1 + n), 1)`.
pub fn smoothed_share(count: f64, total: f64, smoothing: f64) -> f64 {
    ((count + smoothing) / (1.0 + total)).min(MAX_SHARE)
}

/// Half-width of the 95% interval: `1.96 * sqrt(p(1-p) / (n+1))`.
///
/// This is the normal (Wald) approximation evaluated on the *smoothed*
/// share, with one extra pseudo-vote in the denominator like Agresti-Coull:
/// it is simple, never zero-width for 0/n or n/n (thanks to the smoothing)
/// and stays finite without any vote.
pub fn margin(share: f64, total: f64) -> f64 {
    let p = share.clamp(0.0, 1.0);
    CONFIDENCE_Z * (p * (1.0 - p) / (total.max(0.0) + MARGIN_EXTRA_VOTES)).sqrt()
}

/// A score with the half-width of its 95% confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Point estimate.
    pub value: f64,
    /// Half-width of the confidence interval.
    pub margin: f64,
}

impl Score {
    /// Smoothed share of `count` among `total` votes, with its margin.
    pub fn share(count: f64, total: f64, smoothing: f64) -> Self {
        let value = smoothed_share(count, total, smoothing);
        Self {
            value,
            margin: margin(value, total),
        }
    }

    /// Lower bound of the interval (not clamped: composites can be negative).
    pub fn lower(self) -> f64 {
        self.value - self.margin
    }

    /// Upper bound of the interval.
    pub fn upper(self) -> f64 {
        self.value + self.margin
    }
}

/// Operations needed by the composite formulas, shared by point scores and
/// Thompson samples so both always follow exactly the same formula.
trait Composable: Copy + Add<Output = Self> + Sub<Output = Self> {
    fn lesser(self, other: Self) -> Self;
    fn complement(self) -> Self;
}

impl Composable for f64 {
    fn lesser(self, other: Self) -> Self {
        self.min(other)
    }
    fn complement(self) -> Self {
        1.0 - self
    }
}

// Margins of independent terms add in quadrature (variance of a sum).
impl Add for Score {
    type Output = Score;
    fn add(self, other: Score) -> Score {
        Score {
            value: self.value + other.value,
            margin: self.margin.hypot(other.margin),
        }
    }
}

impl Sub for Score {
    type Output = Score;
    fn sub(self, other: Score) -> Score {
        Score {
            value: self.value - other.value,
            margin: self.margin.hypot(other.margin),
        }
    }
}

impl Composable for Score {
    // The minimum keeps the widest margin: we do not know which term wins.
    fn lesser(self, other: Self) -> Self {
        Score {
            value: self.value.min(other.value),
            margin: self.margin.max(other.margin),
        }
    }
    fn complement(self) -> Self {
        Score {
            value: 1.0 - self.value,
            margin: self.margin,
        }
    }
}

/// Composite scores, generic over point scores and posterior samples.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Composites<T> {
    top: T,
    controversy: T,
    rejection: T,
    realistic: T,
    engagement: T,
}

/// Composite formulas; `k` gives a key's value, `q` a qualification's.
fn composites<T: Composable>(
    k: impl Fn(VoteKey) -> T,
    q: impl Fn(Qualification) -> T,
) -> Composites<T> {
    let (agree, disagree, neutral) = (k(VoteKey::Agree), k(VoteKey::Disagree), k(VoteKey::Neutral));
    let platitude = q(Q::PlatitudeAgree) + q(Q::PlatitudeDisagree);
    Composites {
        top: agree + q(Q::LikeIt) + q(Q::Doable) - q(Q::NoWay) - q(Q::Impossible) - platitude,
        controversy: agree.lesser(disagree) + q(Q::LikeIt).lesser(q(Q::NoWay)),
        rejection: disagree + q(Q::NoWay) + q(Q::Impossible)
            - q(Q::LikeIt)
            - q(Q::Doable)
            - platitude,
        realistic: q(Q::Doable) - q(Q::Impossible),
        engagement: neutral.complement(),
    }
}

/// All scores of a proposal, computed from its effective counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Effective number of votes `n`.
    pub total_votes: f64,
    /// Smoothed agree share.
    pub agree: Score,
    /// Smoothed disagree share.
    pub disagree: Score,
    /// Smoothed neutral share.
    pub neutral: Score,
    /// agree + like_it + doable − no_way − impossible − platitude.
    pub top: Score,
    /// min(agree, disagree) + min(like_it, no_way).
    pub controversy: Score,
    /// disagree + no_way + impossible − like_it − doable − platitude.
    pub rejection: Score,
    /// doable − impossible.
    pub realistic: Score,
    /// 1 − neutral.
    pub engagement: Score,
    qualifications: [Score; 9],
}

impl Scores {
    /// Computes every score from effective counts.
    pub fn compute(counts: &EffectiveCounts) -> Self {
        let n = counts.total();
        let key = |k: VoteKey| Score::share(counts.votes(k), n, VOTE_SMOOTHING);
        let qualifications = Qualification::ALL
            .map(|q| Score::share(counts.qualification(q), n, QUALIFICATION_SMOOTHING));
        let c = composites(key, |q: Qualification| qualifications[q.index()]);
        Self {
            total_votes: n,
            agree: key(VoteKey::Agree),
            disagree: key(VoteKey::Disagree),
            neutral: key(VoteKey::Neutral),
            top: c.top,
            controversy: c.controversy,
            rejection: c.rejection,
            realistic: c.realistic,
            engagement: c.engagement,
            qualifications,
        }
    }

    /// Score of one vote key.
    pub fn key(&self, key: VoteKey) -> Score {
        match key {
            VoteKey::Agree => self.agree,
            VoteKey::Disagree => self.disagree,
            VoteKey::Neutral => self.neutral,
        }
    }

    /// Score of one qualification (share of all votes carrying it).
    pub fn qualification(&self, q: Qualification) -> Score {
        self.qualifications[q.index()]
    }
}

/// Beta distribution parameters of a share: `alpha = count + 1`, `beta = n − count + 1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BetaPosterior {
    /// Successes + 1.
    pub alpha: f64,
    /// Failures + 1.
    pub beta: f64,
}

// Posteriors are built here, beside the Beta law, so that `votes` (the
// counts) depends on nothing of the scoring.
impl EffectiveCounts {
    /// Beta posterior of the share of `key` votes.
    pub fn posterior(&self, key: VoteKey) -> BetaPosterior {
        BetaPosterior::new(self.votes(key), self.total())
    }

    /// Beta posterior of the share of votes carrying `q`.
    pub fn qualification_posterior(&self, q: Qualification) -> BetaPosterior {
        BetaPosterior::new(self.qualification(q), self.total())
    }
}

impl BetaPosterior {
    /// Posterior after `count` successes among `total` trials (uniform prior).
    pub fn new(count: f64, total: f64) -> Self {
        // Clamp so inconsistent data (count > total, NaN) still yields a valid Beta.
        let count = if count.is_finite() {
            count.max(0.0)
        } else {
            0.0
        };
        let failures = if total.is_finite() {
            (total - count).max(0.0)
        } else {
            0.0
        };
        Self {
            alpha: count + BETA_PRIOR,
            beta: failures + BETA_PRIOR,
        }
    }

    /// Posterior mean `alpha / (alpha + beta)`.
    pub fn mean(&self) -> f64 {
        self.alpha / (self.alpha + self.beta)
    }

    /// Draws one value from the posterior (falls back to the mean if invalid).
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match Beta::new(self.alpha, self.beta) {
            Ok(beta) => beta.sample(rng),
            Err(_) => self.mean(),
        }
    }
}

/// One Thompson draw of the composite scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampledScores {
    /// Sampled top score.
    pub top: f64,
    /// Sampled controversy score.
    pub controversy: f64,
}

/// Samples every share from its Beta posterior and combines them like [`Scores`].
pub fn sample_scores<R: Rng + ?Sized>(counts: &EffectiveCounts, rng: &mut R) -> SampledScores {
    // Draw in a fixed order so results only depend on the rng state.
    let keys = VoteKey::ALL.map(|k| counts.posterior(k).sample(rng));
    let quals = Qualification::ALL.map(|q| counts.qualification_posterior(q).sample(rng));
    let c = composites(
        |k: VoteKey| keys[k.index()],
        |q: Qualification| quals[q.index()],
    );
    SampledScores {
        top: c.top,
        controversy: c.controversy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    const EPS: f64 = 1e-9;
    #[test]
    fn smoothed_share_and_margin() {
        assert!((smoothed_share(0.0, 0.0, VOTE_SMOOTHING) - 0.33).abs() < EPS);
        assert!((smoothed_share(9.0, 9.0, VOTE_SMOOTHING) - 0.933).abs() < EPS);
        assert_eq!(smoothed_share(5.0, 0.0, VOTE_SMOOTHING), MAX_SHARE);
        let expected = 1.96 * (0.5f64 * 0.5 / 100.0).sqrt();
        assert!((margin(0.5, 99.0) - expected).abs() < EPS);
        // More votes, narrower interval.
        assert!(margin(0.5, 1000.0) < margin(0.5, 10.0));
    }

    #[test]
    fn composite_scores_follow_documented_formulas() {
        let counts = VoteTally {
            sequence: VoteCounts::from_votes(60, 30, 10)
                .with_qualification(Q::LikeIt, 20)
                .with_qualification(Q::Doable, 10)
                .with_qualification(Q::NoWay, 5),
            trusted: VoteCounts::default(),
        }
        .effective(DEFAULT_TRUSTED_WEIGHT);
        let s = Scores::compute(&counts);
        let sh = |c: f64, sm: f64| (c + sm) / 101.0;
        let (a, d, n) = (sh(60.0, 0.33), sh(30.0, 0.33), sh(10.0, 0.33));
        let (like, doable, no_way, zero) =
            (sh(20.0, 0.01), sh(10.0, 0.01), sh(5.0, 0.01), sh(0.0, 0.01));
        assert!((s.top.value - (a + like + doable - no_way - zero - 2.0 * zero)).abs() < EPS);
        assert!((s.controversy.value - (d + no_way)).abs() < EPS);
        assert!((s.rejection.value - (d + no_way + zero - like - doable - 2.0 * zero)).abs() < EPS);
        assert!((s.realistic.value - (doable - zero)).abs() < EPS);
        assert!((s.engagement.value - (1.0 - n)).abs() < EPS);
        assert!(s.top.lower() < s.top.value && s.top.margin > s.agree.margin);
        assert_eq!(s.key(VoteKey::Agree), s.agree);
        assert!((s.qualification(Q::LikeIt).value - like).abs() < EPS);
    }

    #[test]
    fn beta_posterior_parameters_and_sampling() {
        let eff = VoteTally {
            sequence: VoteCounts::from_votes(8, 2, 0),
            trusted: VoteCounts::default(),
        }
        .effective(DEFAULT_TRUSTED_WEIGHT);
        let p = eff.posterior(VoteKey::Agree);
        assert_eq!((p.alpha, p.beta), (9.0, 3.0));
        assert_eq!(
            BetaPosterior::new(5.0, 3.0).beta,
            1.0,
            "inconsistent counts are clamped"
        );
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mean = (0..2000).map(|_| p.sample(&mut rng)).sum::<f64>() / 2000.0;
        assert!((mean - 0.75).abs() < 0.02, "sample mean {mean}");
        let s = sample_scores(&eff, &mut ChaCha8Rng::seed_from_u64(1));
        assert_eq!(s, sample_scores(&eff, &mut ChaCha8Rng::seed_from_u64(1)));
    }
}
