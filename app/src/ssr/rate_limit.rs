//! Rate limits on what anonymous people can write (votes, proposals, reports,
//! registrations, questions, answers, upvotes, survey responses), on the
//! similar-ideas lookup and on failed logins, per participant and per
//! network address.
//!
//! Every instance behind a load balancer shares them: the counters live in
//! Redis when `REDIS_URL` is set, else in PostgreSQL when that is the store,
//! else (SQLite: one instance) in memory. Each is a GCRA bucket (`admit`):
//! `count` requests at once, then one more every `period / count`. A store
//! that fails is logged and the instance's memory answers meanwhile.

use super::db::{Db, Engine};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

/// `count` requests per `period`, all of them at once if need be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub count: u32,
    pub period: Duration,
}

impl Limit {
    pub const fn per_minute(count: u32) -> Limit {
        Limit {
            count,
            period: Duration::from_secs(60),
        }
    }

    fn period_ms(self) -> i64 {
        i64::try_from(self.period.as_millis()).unwrap_or(i64::MAX)
    }

    /// The time one request takes to be given back, in milliseconds.
    pub fn interval_ms(self) -> i64 {
        (self.period_ms() / i64::from(self.count.max(1))).max(1)
    }
}

/// GCRA: with `tat` the bucket's "theoretical arrival time" (unix ms, `None`
/// for a fresh key), the new one if one more request is admitted at `now`.
pub fn admit(tat: Option<i64>, now: i64, limit: Limit) -> Option<i64> {
    let next = tat.unwrap_or(now).max(now) + limit.interval_ms();
    (next - now <= limit.period_ms()).then_some(next)
}

/// Gives one admitted request back (a login that succeeded is not counted).
pub fn refund(tat: i64, limit: Limit) -> i64 {
    tat - limit.interval_ms()
}

/// Requests allowed per minute (login failures: per `login_window_secs`);
/// each also allows a burst of that many.
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
    pub reports_per_participant: u32,
    pub reports_per_address: u32,
    /// Pages of similar proposals looked up while someone writes one.
    pub lookups_per_address: u32,
    pub rendezvous_registrations_per_address: u32,
    pub questions_per_participant: u32,
    pub questions_per_address: u32,
    /// Live answers: a whole hall may share one wifi address.
    pub answers_per_participant: u32,
    pub answers_per_address: u32,
    pub upvotes_per_participant: u32,
    pub upvotes_per_address: u32,
    /// Open-link survey responses, counted when one is submitted.
    pub survey_responses_per_address: u32,
    /// Failed logins per account (e-mail) in `login_window_secs`: once
    /// spent, the account waits `login_window_secs / login_failures_per_account`.
    pub login_failures_per_account: u32,
    pub login_failures_per_address: u32,
    pub login_window_secs: u32,
}

impl Default for RateConfig {
    fn default() -> Self {
        RateConfig {
            votes_per_participant: 60,
            votes_per_address: 1200,
            proposals_per_participant: 3,
            proposals_per_address: 60,
            registrations_per_address: 20,
            reports_per_participant: 10,
            reports_per_address: 100,
            lookups_per_address: 60,
            rendezvous_registrations_per_address: 20,
            questions_per_participant: 3,
            questions_per_address: 120,
            answers_per_participant: 30,
            answers_per_address: 3000,
            upvotes_per_participant: 60,
            upvotes_per_address: 3000,
            survey_responses_per_address: 30,
            login_failures_per_account: 5,
            login_failures_per_address: 50,
            login_window_secs: 15 * 60,
        }
    }
}

/// What is being done, for the limiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Vote,
    Propose,
    RegisterForEvent,
    Report,
    LookUpSimilar,
    RegisterForRendezvous,
    Ask,
    Answer,
    Upvote,
    RespondToSurvey,
    LoginAccount,
    LoginAddress,
}

impl Action {
    /// Its name in the counters' keys.
    fn key(self) -> &'static str {
        match self {
            Action::Vote => "vote",
            Action::Propose => "propose",
            Action::RegisterForEvent => "event-registration",
            Action::Report => "report",
            Action::LookUpSimilar => "similar",
            Action::RegisterForRendezvous => "rendezvous-registration",
            Action::Ask => "ask",
            Action::Answer => "answer",
            Action::Upvote => "upvote",
            Action::RespondToSurvey => "survey-response",
            Action::LoginAccount => "login-account",
            Action::LoginAddress => "login-address",
        }
    }
}

impl RateConfig {
    /// The limits of `action`: per participant (or account), per address.
    pub fn limits(&self, action: Action) -> (Option<Limit>, Option<Limit>) {
        let m = |n| Some(Limit::per_minute(n));
        let login = |n| {
            Some(Limit {
                count: n,
                period: Duration::from_secs(u64::from(self.login_window_secs)),
            })
        };
        match action {
            Action::Vote => (m(self.votes_per_participant), m(self.votes_per_address)),
            Action::Propose => (
                m(self.proposals_per_participant),
                m(self.proposals_per_address),
            ),
            Action::RegisterForEvent => (None, m(self.registrations_per_address)),
            Action::Report => (m(self.reports_per_participant), m(self.reports_per_address)),
            Action::LookUpSimilar => (None, m(self.lookups_per_address)),
            Action::RegisterForRendezvous => (None, m(self.rendezvous_registrations_per_address)),
            Action::Ask => (
                m(self.questions_per_participant),
                m(self.questions_per_address),
            ),
            Action::Answer => (m(self.answers_per_participant), m(self.answers_per_address)),
            Action::Upvote => (m(self.upvotes_per_participant), m(self.upvotes_per_address)),
            Action::RespondToSurvey => (None, m(self.survey_responses_per_address)),
            Action::LoginAccount => (login(self.login_failures_per_account), None),
            Action::LoginAddress => (None, login(self.login_failures_per_address)),
        }
    }
}

/// Where the buckets are kept.
enum Store {
    Memory,
    Postgres(Db),
    Redis {
        client: redis::Client,
        connection: tokio::sync::OnceCell<redis::aio::ConnectionManager>,
    },
}

pub struct RateLimits {
    pub config: RateConfig,
    store: Store,
    /// Prefix of every key (tests give each instance group its own).
    prefix: String,
    /// The buckets when the store is memory, or while the shared store fails.
    memory: Mutex<HashMap<String, i64>>,
}

/// Memory holds at most this many buckets before spent ones are dropped.
const MEMORY_PRUNE_AT: usize = 100_000;

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// GCRA in one PostgreSQL statement; the database's clock is every instance's.
const PG_ADMIT: &str = "INSERT INTO rate_limits AS r (key, tat) \
     SELECT $1, CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT) + $2 \
     ON CONFLICT (key) DO UPDATE SET tat = GREATEST(r.tat + $2, excluded.tat) \
     WHERE GREATEST(r.tat + $2, excluded.tat) - excluded.tat <= $3 - $2 \
     RETURNING tat";

/// GCRA in one Redis script, on Redis's clock.
const REDIS_ADMIT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local nxt = tat + interval
if nxt - now > period then return 0 end
redis.call('SET', KEYS[1], nxt, 'PX', nxt - now)
return 1
";

const REDIS_REFUND: &str = r"
local v = redis.call('GET', KEYS[1])
if v then redis.call('SET', KEYS[1], tonumber(v) - tonumber(ARGV[1]), 'KEEPTTL') end
return 1
";

impl RateLimits {
    /// Counters in this instance's memory (one instance, or tests).
    pub fn in_memory(config: RateConfig) -> RateLimits {
        RateLimits::with(config, Store::Memory, String::new())
    }

    /// The shared store for `db`: Redis when `redis_url` is given, else
    /// PostgreSQL when that is the store, else memory.
    pub fn shared(
        config: RateConfig,
        db: &Db,
        redis_url: Option<&str>,
        prefix: &str,
    ) -> Result<RateLimits, String> {
        let store = match (redis_url, db.engine) {
            (Some(url), _) => Store::Redis {
                client: redis::Client::open(url).map_err(|e| format!("REDIS_URL: {e}"))?,
                connection: tokio::sync::OnceCell::new(),
            },
            (None, Engine::Postgres) => Store::Postgres(db.clone()),
            (None, Engine::Sqlite) => Store::Memory,
        };
        Ok(RateLimits::with(config, store, prefix.to_owned()))
    }

    fn with(config: RateConfig, store: Store, prefix: String) -> RateLimits {
        RateLimits {
            config,
            store,
            prefix,
            memory: Mutex::new(HashMap::new()),
        }
    }

    /// Where the counters are: "redis", "postgres" or "memory".
    pub fn backend(&self) -> &'static str {
        match self.store {
            Store::Memory => "memory",
            Store::Postgres(_) => "postgres",
            Store::Redis { .. } => "redis",
        }
    }

    /// Whether one more `action` is allowed now, counting it for the
    /// participant (or account `who`) and the address; an unknown one is not limited.
    pub async fn allow(&self, action: Action, who: Option<&str>, address: Option<IpAddr>) -> bool {
        let (by_who, by_address) = self.config.limits(action);
        if let (Some(limit), Some(ip)) = (by_address, address) {
            if !self.hit(&self.key(action, &ip.to_string()), limit).await {
                return false;
            }
        }
        if let (Some(limit), Some(who)) = (by_who, who) {
            if !self.hit(&self.key(action, who), limit).await {
                return false;
            }
        }
        true
    }

    /// Gives back one `action` counted by `allow` for `who` and `address`.
    pub async fn give_back(&self, action: Action, who: Option<&str>, address: Option<IpAddr>) {
        let (by_who, by_address) = self.config.limits(action);
        if let (Some(limit), Some(ip)) = (by_address, address) {
            self.refund(&self.key(action, &ip.to_string()), limit).await;
        }
        if let (Some(limit), Some(who)) = (by_who, who) {
            self.refund(&self.key(action, who), limit).await;
        }
    }

    fn key(&self, action: Action, who: &str) -> String {
        format!("{}{}:{who}", self.prefix, action.key())
    }

    /// Counts one request on `key`; false when its bucket is spent.
    pub async fn hit(&self, key: &str, limit: Limit) -> bool {
        let shared = match &self.store {
            Store::Memory => None,
            Store::Postgres(db) => Some(
                sqlx::query_scalar::<_, i64>(PG_ADMIT)
                    .bind(key)
                    .bind(limit.interval_ms())
                    .bind(limit.period_ms())
                    .fetch_optional(&db.pool)
                    .await
                    .map(|tat| tat.is_some())
                    .map_err(|e| e.to_string()),
            ),
            Store::Redis { .. } => Some(
                self.redis_script(REDIS_ADMIT, key, limit)
                    .await
                    .map(|admitted| admitted == 1),
            ),
        };
        match shared {
            Some(Ok(admitted)) => admitted,
            Some(Err(e)) => {
                tracing::warn!(
                    "rate limit store ({}): {e}; counting in memory",
                    self.backend()
                );
                self.hit_memory(key, limit)
            }
            None => self.hit_memory(key, limit),
        }
    }

    /// Gives back one request counted on `key`.
    pub async fn refund(&self, key: &str, limit: Limit) {
        let shared = match &self.store {
            Store::Memory => None,
            Store::Postgres(db) => Some(
                sqlx::query("UPDATE rate_limits SET tat = tat - $2 WHERE key = $1")
                    .bind(key)
                    .bind(limit.interval_ms())
                    .execute(&db.pool)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
            ),
            Store::Redis { .. } => Some(
                self.redis_script(REDIS_REFUND, key, limit)
                    .await
                    .map(|_| ()),
            ),
        };
        if !matches!(shared, Some(Ok(()))) {
            let mut memory = self.memory.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(tat) = memory.get_mut(key) {
                *tat = refund(*tat, limit);
            }
        }
    }

    fn hit_memory(&self, key: &str, limit: Limit) -> bool {
        let now = now_ms();
        let mut memory = self.memory.lock().unwrap_or_else(|e| e.into_inner());
        if memory.len() >= MEMORY_PRUNE_AT {
            memory.retain(|_, tat| *tat > now);
        }
        match admit(memory.get(key).copied(), now, limit) {
            Some(tat) => {
                memory.insert(key.to_owned(), tat);
                true
            }
            None => false,
        }
    }

    async fn redis_script(&self, script: &str, key: &str, limit: Limit) -> Result<i64, String> {
        let Store::Redis { client, connection } = &self.store else {
            return Err("not redis".into());
        };
        let mut connection = connection
            .get_or_try_init(|| client.get_connection_manager())
            .await
            .map_err(|e| e.to_string())?
            .clone();
        redis::Script::new(script)
            .key(key)
            .arg(limit.interval_ms())
            .arg(limit.period_ms())
            .invoke_async(&mut connection)
            .await
            .map_err(|e| e.to_string())
    }
}

/// Deletes the PostgreSQL buckets that are spent (a periodic job).
pub async fn purge(db: &Db) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM rate_limits WHERE tat < $1")
        .bind(now_ms())
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_admits_its_burst_then_one_per_interval() {
        let limit = Limit {
            count: 5,
            period: Duration::from_secs(15 * 60),
        };
        assert_eq!(limit.interval_ms(), 180_000);
        let mut tat = None;
        for _ in 0..5 {
            tat = Some(admit(tat, 0, limit).expect("within the burst"));
        }
        assert_eq!(admit(tat, 0, limit), None, "the sixth at once is refused");
        assert_eq!(admit(tat, 179_999, limit), None, "still locked");
        assert!(admit(tat, 180_000, limit).is_some(), "one given back");
        assert!(admit(tat, 900_000, limit).is_some());
        let back = refund(tat.unwrap(), limit);
        assert!(admit(Some(back), 0, limit).is_some(), "a refund frees one");
    }

    #[test]
    fn an_old_bucket_starts_afresh() {
        let limit = Limit::per_minute(2);
        let tat = admit(None, 0, limit).and_then(|t| admit(Some(t), 0, limit));
        assert_eq!(admit(tat, 0, limit), None);
        let later = admit(tat, 3_600_000, limit).expect("an hour later");
        assert_eq!(later, 3_600_000 + 30_000, "as if it were new");
    }

    #[test]
    fn every_action_has_a_limit() {
        let config = RateConfig::default();
        for action in [
            Action::Vote,
            Action::Propose,
            Action::RegisterForEvent,
            Action::Report,
            Action::LookUpSimilar,
            Action::RegisterForRendezvous,
            Action::Ask,
            Action::Answer,
            Action::Upvote,
            Action::RespondToSurvey,
            Action::LoginAccount,
            Action::LoginAddress,
        ] {
            let (a, b) = config.limits(action);
            assert!(a.is_some() || b.is_some(), "{action:?}");
        }
    }

    #[tokio::test]
    async fn limits_apply_per_participant_and_per_address() {
        let limits = RateLimits::in_memory(RateConfig {
            votes_per_participant: 3,
            votes_per_address: 5,
            proposals_per_participant: 1,
            registrations_per_address: 2,
            ..RateConfig::default()
        });
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        for _ in 0..3 {
            assert!(limits.allow(Action::Vote, Some("1"), Some(ip)).await);
        }
        assert!(
            !limits.allow(Action::Vote, Some("1"), Some(ip)).await,
            "the participant's burst is spent"
        );
        assert!(
            limits.allow(Action::Vote, Some("2"), Some(ip)).await,
            "another participant on the same address"
        );
        assert!(
            !limits.allow(Action::Vote, Some("3"), Some(ip)).await,
            "the address's burst is spent"
        );
        assert!(
            limits.allow(Action::Vote, Some("3"), None).await,
            "unknown address: per participant only"
        );
        assert!(limits.allow(Action::Propose, Some("1"), Some(ip)).await);
        assert!(!limits.allow(Action::Propose, Some("1"), Some(ip)).await);
        let register = || limits.allow(Action::RegisterForEvent, None, Some(ip));
        assert!(register().await && register().await);
        assert!(!register().await, "the address's burst is spent");
        let other: IpAddr = "192.0.2.8".parse().unwrap();
        assert!(
            limits
                .allow(Action::RegisterForEvent, None, Some(other))
                .await
        );
        assert!(limits.allow(Action::RegisterForEvent, None, None).await);
    }

    #[tokio::test]
    async fn a_refund_gives_a_request_back() {
        let limits = RateLimits::in_memory(RateConfig {
            login_failures_per_account: 1,
            ..RateConfig::default()
        });
        let who = Some("a@example.org");
        assert!(limits.allow(Action::LoginAccount, who, None).await);
        limits.give_back(Action::LoginAccount, who, None).await;
        assert!(limits.allow(Action::LoginAccount, who, None).await);
        assert!(!limits.allow(Action::LoginAccount, who, None).await);
    }
}
