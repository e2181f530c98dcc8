//! The client's network address, worked out once per request from the TCP
//! peer and, behind trusted proxies, the forwarding headers
//! (`super::forwarded`). Rate limits (`Ctx::address`) and the caps on live
//! streams key on it, so each resident behind a proxy has their own bucket.

use super::forwarded::{chain, client_address, TrustedProxies};
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The client's address, in the request's extensions once resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

fn header_values<'a>(req: &'a Request, name: &str) -> Vec<&'a str> {
    req.headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect()
}

/// Middleware: resolves [`ClientAddress`] when the server knows the TCP peer.
pub async fn resolve(
    State(trusted): State<Arc<TrustedProxies>>,
    mut req: Request,
    next: Next,
) -> Response {
    if let Some(ConnectInfo(peer)) = req.extensions().get::<ConnectInfo<SocketAddr>>().copied() {
        let address = if trusted.contains(peer.ip()) {
            let hops = chain(
                &header_values(&req, "x-forwarded-for"),
                &header_values(&req, "forwarded"),
            );
            client_address(peer.ip(), &hops, &trusted)
        } else {
            peer.ip().to_canonical()
        };
        req.extensions_mut().insert(ClientAddress(address));
    }
    next.run(req).await
}
