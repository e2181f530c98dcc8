//! The one live hub: values pushed to browsers by server-sent events.
//!
//! A topic (`("figures", consultation id)`, `("rendezvous", meeting id)`,
//! `("pending", meeting id)`) has one reader task while someone watches it,
//! and every viewer shares what it read, already serialised: a thousand open
//! pages cost one query per read. The reader reads when the topic changes
//! (`nudge`), at most every `Pace::min_gap`, and every `Pace::poll` anyway as
//! a safety net.
//!
//! On PostgreSQL a nudge reaches every instance: it is sent with `pg_notify`
//! on `CHANNEL`, and each instance has one connection that `LISTEN`s to it
//! and wakes its own readers (`LiveHub::postgres`). On SQLite there is one
//! instance, and a nudge wakes its readers directly.

use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{watch, Notify};
use tokio_stream::wrappers::WatchStream;
use tokio_stream::StreamExt;

/// The PostgreSQL notification channel of the hub's nudges.
pub const CHANNEL: &str = "participe_live";

/// What is watched: a component's name for its stream, and the row it is about.
pub type Topic = (&'static str, i64);

/// How often a topic is read.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    /// The longest a change that nobody nudged waits to be read.
    pub poll: Duration,
    /// The shortest time between two reads, however many nudges arrive.
    pub min_gap: Duration,
}

struct Channel {
    sender: watch::Sender<Option<Arc<str>>>,
    wake: Arc<Notify>,
}

/// Every watched topic of this instance, shared by all requests.
#[derive(Default)]
pub struct LiveHub {
    channels: Arc<Mutex<HashMap<Topic, Channel>>>,
    /// On PostgreSQL: nudges are sent to every instance through it.
    relay: Option<sqlx::AnyPool>,
}

type Channels = Arc<Mutex<HashMap<Topic, Channel>>>;

impl LiveHub {
    /// The hub of one instance among several on the PostgreSQL database at
    /// `url`: starts the task that listens to the other instances' nudges.
    /// Needs a Tokio runtime.
    pub fn postgres(db: &super::Db, url: &str) -> LiveHub {
        let hub = LiveHub {
            channels: Default::default(),
            relay: Some(db.pool.clone()),
        };
        tokio::spawn(listen(url.to_owned(), Arc::downgrade(&hub.channels)));
        hub
    }

    /// Asks the readers of `topic`, on every instance, to read now. On
    /// PostgreSQL this instance's readers are woken by the notification too,
    /// like the others': woken twice, they would read twice.
    pub fn nudge(&self, topic: Topic) {
        let Some(pool) = &self.relay else {
            wake(&self.channels, topic.0, topic.1);
            return;
        };
        let (pool, channels) = (pool.clone(), Arc::clone(&self.channels));
        tokio::spawn(async move {
            let sent = sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(format!("{}:{}", topic.0, topic.1))
                .execute(&pool)
                .await;
            if let Err(e) = sent {
                tracing::warn!("live nudge {topic:?} not sent to the other instances: {e}");
                wake(&channels, topic.0, topic.1);
            }
        });
    }

    /// A receiver of `topic`'s value as JSON, `None` until first read. The
    /// first viewer starts the task that calls `read`; it stops once the
    /// last viewer is gone. A `None` from `read` (a failed read) keeps the
    /// last value.
    pub fn subscribe<F, Fut, V>(
        &self,
        topic: Topic,
        pace: Pace,
        read: F,
    ) -> watch::Receiver<Option<Arc<str>>>
    where
        F: Fn() -> Fut + Send + 'static,
        Fut: Future<Output = Option<V>> + Send,
        V: Serialize + PartialEq + Send + 'static,
    {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = channels.get(&topic) {
            return c.sender.subscribe();
        }
        let (sender, receiver) = watch::channel(None);
        let wake = Arc::new(Notify::new());
        channels.insert(
            topic,
            Channel {
                sender: sender.clone(),
                wake: Arc::clone(&wake),
            },
        );
        let channels = Arc::clone(&self.channels);
        tokio::spawn(async move {
            let mut last: Option<V> = None;
            loop {
                if let Some(value) = read().await {
                    if last.as_ref() != Some(&value) {
                        match serde_json::to_string(&value) {
                            Ok(json) => {
                                sender.send_replace(Some(Arc::from(json)));
                                last = Some(value);
                            }
                            Err(e) => tracing::warn!("live {topic:?}: {e}"),
                        }
                    }
                }
                tokio::time::sleep(pace.min_gap).await;
                tokio::select! {
                    _ = wake.notified() => {}
                    _ = tokio::time::sleep(pace.poll.saturating_sub(pace.min_gap)) => {}
                }
                // Checked under the lock, so a new viewer either finds this
                // channel alive or starts a fresh one.
                let mut channels = channels.lock().unwrap_or_else(|e| e.into_inner());
                if sender.receiver_count() == 0 {
                    channels.remove(&topic);
                    break;
                }
            }
        });
        receiver
    }

    /// How many topics are being watched (for tests and metrics).
    pub fn watched(&self) -> usize {
        self.channels
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }
}

/// Wakes this instance's reader of the topic named `name` about `id`.
fn wake(channels: &Channels, name: &str, id: i64) {
    let channels = channels.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = channels
        .iter()
        .find_map(|((n, i), c)| (*n == name && *i == id).then_some(c))
    {
        c.wake.notify_one();
    }
}

/// Wakes every reader: nudges may have been missed while not listening.
fn wake_all(channels: &Channels) {
    let channels = channels.lock().unwrap_or_else(|e| e.into_inner());
    for c in channels.values() {
        c.wake.notify_one();
    }
}

/// A nudge's payload, `name:id`.
fn parse_payload(payload: &str) -> Option<(&str, i64)> {
    let (name, id) = payload.rsplit_once(':')?;
    Some((name, id.parse().ok()?))
}

/// This instance's one listening connection: wakes the readers named by the
/// other instances' nudges, and reconnects after a loss (every reader then
/// reads again, since nudges sent meanwhile are lost). Ends with the hub.
async fn listen(url: String, channels: std::sync::Weak<Mutex<HashMap<Topic, Channel>>>) {
    use sqlx::postgres::PgListener;
    loop {
        match PgListener::connect(&url).await {
            Ok(mut listener) => match listener.listen(CHANNEL).await {
                Ok(()) => 'session: loop {
                    let Some(hub) = channels.upgrade() else {
                        return;
                    };
                    wake_all(&hub);
                    drop(hub);
                    // `try_recv` answers None when the connection was lost;
                    // the next call reconnects and listens again.
                    loop {
                        match listener.try_recv().await {
                            Ok(Some(note)) => {
                                let Some(hub) = channels.upgrade() else {
                                    return;
                                };
                                if let Some((name, id)) = parse_payload(note.payload()) {
                                    wake(&hub, name, id);
                                }
                            }
                            Ok(None) => {
                                tracing::warn!("live: the listening connection was lost");
                                continue 'session;
                            }
                            Err(e) => {
                                tracing::warn!("live: listening failed: {e}");
                                break 'session;
                            }
                        }
                    }
                },
                Err(e) => tracing::warn!("live: cannot listen to {CHANNEL}: {e}"),
            },
            Err(e) => tracing::warn!("live: cannot connect the listener: {e}"),
        }
        if channels.strong_count() == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// Nudges the reader of `topic` from within a server function.
pub fn nudge_current(topic: Topic) {
    if let Some(hub) = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<Arc<LiveHub>>().cloned())
    {
        hub.nudge(topic);
    }
}

/// The event stream of one watched topic: an `event` named event per new value.
pub fn stream(receiver: watch::Receiver<Option<Arc<str>>>, event: &'static str) -> Response {
    let events = WatchStream::new(receiver).filter_map(move |json: Option<Arc<str>>| {
        Some(Ok::<Event, std::convert::Infallible>(
            Event::default().event(event).data(&*json?),
        ))
    });
    sse_response(Sse::new(events).keep_alive(KeepAlive::default()))
}

/// An event-stream response that proxies pass on at once.
pub fn sse_response(sse: impl IntoResponse) -> Response {
    let mut res = sse.into_response();
    // Proxies such as nginx would otherwise hold events back.
    res.headers_mut().insert(
        "x-accel-buffering",
        axum::http::HeaderValue::from_static("no"),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    const FAST: Pace = Pace {
        poll: Duration::from_millis(10),
        min_gap: Duration::from_millis(1),
    };

    #[tokio::test]
    async fn viewers_share_one_reader_which_stops_when_they_leave() {
        let hub = LiveHub::default();
        let reads = Arc::new(AtomicU32::new(0));
        let read = {
            let reads = Arc::clone(&reads);
            move || {
                let reads = Arc::clone(&reads);
                async move { Some(reads.fetch_add(1, Ordering::SeqCst) / 3) }
            }
        };
        let mut a = hub.subscribe(("k", 1), FAST, read.clone());
        let b = hub.subscribe(("k", 1), FAST, read);
        a.changed().await.expect("first value");
        assert_eq!(a.borrow().as_deref(), Some("0"));
        a.changed().await.expect("a change");
        assert_eq!(a.borrow_and_update().as_deref(), Some("1"));
        assert_eq!(
            b.borrow().as_deref(),
            Some("1"),
            "both viewers see the same value"
        );
        assert_eq!(hub.watched(), 1);
        drop((a, b));
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(hub.watched(), 0, "the reader stopped");
        let before = reads.load(Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(
            reads.load(Ordering::SeqCst),
            before,
            "nothing reads any more"
        );
    }

    #[test]
    fn a_payload_names_a_topic() {
        assert_eq!(parse_payload("figures:12"), Some(("figures", 12)));
        assert_eq!(parse_payload("rendezvous:-1"), Some(("rendezvous", -1)));
        assert_eq!(parse_payload("figures"), None);
        assert_eq!(parse_payload("figures:x"), None);
    }

    #[tokio::test]
    async fn a_nudge_reads_before_the_poll_period() {
        let hub = LiveHub::default();
        let reads = Arc::new(AtomicU32::new(0));
        let read = {
            let reads = Arc::clone(&reads);
            move || {
                let reads = Arc::clone(&reads);
                async move { Some(reads.fetch_add(1, Ordering::SeqCst)) }
            }
        };
        let slow = Pace {
            poll: Duration::from_secs(60),
            min_gap: Duration::from_millis(1),
        };
        let mut a = hub.subscribe(("k", 2), slow, read);
        a.changed().await.expect("first value");
        tokio::time::sleep(Duration::from_millis(20)).await;
        hub.nudge(("k", 2));
        tokio::time::timeout(Duration::from_secs(5), a.changed())
            .await
            .expect("read on the nudge, long before a minute")
            .expect("a value");
        assert_eq!(a.borrow().as_deref(), Some("1"));
    }
}
