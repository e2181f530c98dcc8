//! The background task that empties the outbox: it sends every due mail, then
//! sleeps until the next one is due, a request wakes it, or the server stops.

use super::outbox::{self, Claimed};
use super::retry::{AfterFailure, RetryPolicy};
use super::transport::MailTransport;
use crate::ssr::db::{now, Db};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};
use tokio::task::JoinHandle;

/// Wakes the worker of this server right after a mail is enqueued. Mail
/// enqueued by another instance is found by polling.
#[derive(Debug, Clone, Default)]
pub struct MailWaker(Arc<Notify>);

impl MailWaker {
    pub fn wake(&self) {
        // A stored permit: a wake-up while the worker is busy is not lost.
        self.0.notify_one();
    }
}

/// How the worker paces itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerSettings {
    pub retry: RetryPolicy,
    /// The longest sleep, so mail from other instances is not left waiting.
    pub poll_interval: Duration,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        WorkerSettings {
            retry: RetryPolicy::default(),
            poll_interval: Duration::from_secs(30),
        }
    }
}

/// The running worker; `stop` lets it finish the mail in hand.
pub struct MailWorker {
    waker: MailWaker,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl MailWorker {
    pub fn spawn(
        db: Db,
        transport: MailTransport,
        settings: WorkerSettings,
        waker: MailWaker,
    ) -> MailWorker {
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(run(db, transport, settings, waker.clone(), stopped));
        MailWorker { waker, stop, task }
    }

    pub fn waker(&self) -> MailWaker {
        self.waker.clone()
    }

    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(e) = self.task.await {
            tracing::error!("mail worker ended abnormally: {e}");
        }
    }
}

async fn run(
    db: Db,
    transport: MailTransport,
    settings: WorkerSettings,
    waker: MailWaker,
    mut stopped: watch::Receiver<bool>,
) {
    tracing::info!("mail worker started: {:?}", transport.delivery());
    loop {
        while !*stopped.borrow() {
            match deliver_one(&db, &transport, &settings.retry).await {
                Ok(true) => continue,
                Ok(false) => break,
                Err(e) => {
                    tracing::warn!("mail outbox unavailable: {e}");
                    break;
                }
            }
        }
        let wait = pause(&db, settings.poll_interval).await;
        tokio::select! {
            _ = waker.0.notified() => {}
            _ = tokio::time::sleep(wait) => {}
            _ = stopped.changed() => {}
        }
        if *stopped.borrow() {
            tracing::info!("mail worker stopped");
            return;
        }
    }
}

/// Until the next pending mail is due, between one second (the timestamps'
/// grain) and the poll interval.
async fn pause(db: &Db, poll_interval: Duration) -> Duration {
    let until_due = match outbox::next_due(db).await {
        Ok(Some(due)) => Duration::from_secs((due - now()).max(1) as u64),
        Ok(None) | Err(_) => poll_interval,
    };
    until_due.clamp(
        Duration::from_secs(1),
        poll_interval.max(Duration::from_secs(1)),
    )
}

/// Sends one due mail, if any; true when one was handled (sent or not).
async fn deliver_one(
    db: &Db,
    transport: &MailTransport,
    retry: &RetryPolicy,
) -> Result<bool, sqlx::Error> {
    let Some(claimed) = outbox::claim_next(db).await? else {
        return Ok(false);
    };
    let result = match &claimed.mail {
        Ok(mail) => transport.send(mail).await,
        Err(e) => Err(e.clone().into()),
    };
    match result {
        Ok(delivered_as) => {
            if !outbox::mark_sent(db, &claimed, &delivered_as).await? {
                tracing::warn!("mail {} was sent after its claim ran out", claimed.id);
            }
        }
        Err(e) => record_failure(db, &claimed, &e.message, e.permanent, retry).await?,
    }
    Ok(true)
}

async fn record_failure(
    db: &Db,
    claimed: &Claimed,
    error: &str,
    permanent: bool,
    retry: &RetryPolicy,
) -> Result<(), sqlx::Error> {
    match outbox::mark_failed_attempt(db, claimed, error, permanent, retry).await? {
        AfterFailure::RetryIn(wait) => tracing::warn!(
            "mail {} not sent (attempt {}), retry in {}s: {error}",
            claimed.id,
            claimed.attempt,
            wait.as_secs()
        ),
        AfterFailure::GiveUp => tracing::error!(
            "mail {} given up after {} attempts: {error}",
            claimed.id,
            claimed.attempt
        ),
    }
    Ok(())
}
