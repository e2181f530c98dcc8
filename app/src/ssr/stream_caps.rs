//! Caps on live event streams (server-sent events): each open stream holds a
//! connection for as long as the page is open, so one address may hold only
//! so many (a room of residents on the venue's Wi-Fi shares one address: the
//! default is generous), and the instance only so many in all. A refused
//! stream gets 429 (this address) or 503 (the instance), translated; the
//! pages keep working without live updates.

use super::client_address::ClientAddress;
use super::refusal::refuse;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use tokio_stream::StreamExt;

/// How many streams may be open at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamLimits {
    pub per_address: u32,
    pub total: u32,
}

impl Default for StreamLimits {
    fn default() -> Self {
        StreamLimits {
            per_address: 200,
            total: 5000,
        }
    }
}

/// Why a stream was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    TooManyFromAddress,
    TooManyInAll,
}

#[derive(Default)]
struct Open {
    total: u32,
    by_address: HashMap<Option<IpAddr>, u32>,
}

/// The streams open on this instance.
pub struct StreamCaps {
    limits: StreamLimits,
    open: Arc<Mutex<Open>>,
}

/// One open stream; it is counted until dropped.
pub struct StreamPermit {
    address: Option<IpAddr>,
    open: Arc<Mutex<Open>>,
}

impl StreamCaps {
    pub fn new(limits: StreamLimits) -> StreamCaps {
        StreamCaps {
            limits,
            open: Arc::default(),
        }
    }

    /// Counts one more stream from `address`, if the caps allow it. A client
    /// whose address is unknown counts under one shared key.
    pub fn open(&self, address: Option<IpAddr>) -> Result<StreamPermit, Refused> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if open.total >= self.limits.total {
            return Err(Refused::TooManyInAll);
        }
        let mine = open.by_address.entry(address).or_default();
        if *mine >= self.limits.per_address {
            return Err(Refused::TooManyFromAddress);
        }
        *mine += 1;
        open.total += 1;
        Ok(StreamPermit {
            address,
            open: Arc::clone(&self.open),
        })
    }

    /// How many streams are open (in all, from `address`).
    pub fn count(&self, address: Option<IpAddr>) -> (u32, u32) {
        let open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        (
            open.total,
            open.by_address.get(&address).copied().unwrap_or(0),
        )
    }
}

impl Drop for StreamPermit {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        open.total = open.total.saturating_sub(1);
        if let Some(n) = open.by_address.get_mut(&self.address) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.by_address.remove(&self.address);
            }
        }
    }
}

/// Middleware for the stream routes: a permit per stream, held by the
/// response body, so it is given back when the connection ends.
pub async fn cap(State(caps): State<Arc<StreamCaps>>, req: Request, next: Next) -> Response {
    let address = req.extensions().get::<ClientAddress>().map(|a| a.0);
    let permit = match caps.open(address) {
        Ok(permit) => permit,
        Err(why) => {
            let (status, key) = match why {
                Refused::TooManyFromAddress => {
                    (StatusCode::TOO_MANY_REQUESTS, "error-too-many-streams")
                }
                Refused::TooManyInAll => (StatusCode::SERVICE_UNAVAILABLE, "error-streams-full"),
            };
            let mut res = refuse(req.headers(), req.uri(), status, key);
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
            return res;
        }
    };
    let res = next.run(req).await;
    if !res.status().is_success() {
        return res;
    }
    let (parts, body) = res.into_parts();
    let held = body.into_data_stream().map(move |chunk| {
        let _held = &permit;
        chunk
    });
    Response::from_parts(parts, Body::from_stream(held))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_capped_per_address_and_in_all_and_given_back() {
        let caps = StreamCaps::new(StreamLimits {
            per_address: 2,
            total: 3,
        });
        let a: Option<IpAddr> = Some("192.0.2.1".parse().unwrap());
        let b: Option<IpAddr> = Some("192.0.2.2".parse().unwrap());
        let a1 = caps.open(a).unwrap();
        let _a2 = caps.open(a).unwrap();
        assert_eq!(caps.open(a).err(), Some(Refused::TooManyFromAddress));
        let _b1 = caps.open(b).unwrap();
        assert_eq!(caps.open(b).err(), Some(Refused::TooManyInAll));
        assert_eq!(caps.count(a), (3, 2));
        drop(a1);
        assert_eq!(caps.count(a), (2, 1));
        let _a3 = caps.open(a).expect("a closed stream frees its place");
        assert_eq!(caps.open(None).err(), Some(Refused::TooManyInAll));
    }
}
