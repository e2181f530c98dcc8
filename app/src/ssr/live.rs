//! Live values pushed to browsers by server-sent events. One poller per key
//! reads the database while someone watches, and every viewer of that key
//! shares its result: a thousand open pages cost one query per period, and
//! several server instances stay correct because each reads the shared store.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

pub struct LiveHub<K, V> {
    channels: Arc<Mutex<HashMap<K, watch::Sender<Option<V>>>>>,
}

impl<K, V> Default for LiveHub<K, V> {
    fn default() -> Self {
        LiveHub {
            channels: Arc::default(),
        }
    }
}

impl<K, V> LiveHub<K, V>
where
    K: Eq + Hash + Clone + Send + 'static,
    V: PartialEq + Clone + Send + Sync + 'static,
{
    /// A receiver of `key`'s value, `None` until first read. The first
    /// subscriber starts a task that calls `read` every `period` and stops
    /// once the last receiver is gone.
    pub fn subscribe<F, Fut>(&self, key: K, period: Duration, read: F) -> watch::Receiver<Option<V>>
    where
        F: Fn() -> Fut + Send + 'static,
        Fut: Future<Output = Option<V>> + Send,
    {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = channels.get(&key) {
            return sender.subscribe();
        }
        let (sender, receiver) = watch::channel(None);
        channels.insert(key.clone(), sender.clone());
        let channels = Arc::clone(&self.channels);
        tokio::spawn(async move {
            loop {
                if let Some(value) = read().await {
                    sender.send_if_modified(|current| {
                        let changed = current.as_ref() != Some(&value);
                        if changed {
                            *current = Some(value);
                        }
                        changed
                    });
                }
                tokio::time::sleep(period).await;
                // Checked under the lock, so a new subscriber either finds this
                // channel alive or starts a fresh one.
                let mut channels = channels.lock().unwrap_or_else(|e| e.into_inner());
                if sender.receiver_count() == 0 {
                    channels.remove(&key);
                    break;
                }
            }
        });
        receiver
    }

    /// How many keys are being watched (for tests and metrics).
    pub fn watched(&self) -> usize {
        self.channels
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test]
    async fn viewers_share_one_poller_which_stops_when_they_leave() {
        let hub: LiveHub<&str, u32> = LiveHub::default();
        let reads = Arc::new(AtomicU32::new(0));
        let read = {
            let reads = Arc::clone(&reads);
            move || {
                let reads = Arc::clone(&reads);
                async move { Some(reads.fetch_add(1, Ordering::SeqCst) / 3) }
            }
        };
        let mut a = hub.subscribe("k", Duration::from_millis(10), read.clone());
        let b = hub.subscribe("k", Duration::from_millis(10), read);
        a.changed().await.expect("first value");
        assert_eq!(*a.borrow(), Some(0));
        a.changed().await.expect("a change");
        assert_eq!(*a.borrow_and_update(), Some(1));
        assert_eq!(*b.borrow(), Some(1), "both viewers see the same value");
        assert_eq!(hub.watched(), 1);
        drop((a, b));
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(hub.watched(), 0, "the poller stopped");
        let before = reads.load(Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(
            reads.load(Ordering::SeqCst),
            before,
            "nothing reads any more"
        );
    }
}
