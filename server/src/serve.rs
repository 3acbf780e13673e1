//! Serving, over HTTP or HTTPS, with a limit on every wait a connection can make the
//! server hold: a client's request headers must arrive within `header_read` (an idle
//! kept-alive connection is closed after as long), a TLS handshake within
//! [`TLS_HANDSHAKE`], one address (an IPv6 /64) holds at most `connections_per_address`
//! connections at once (a trusted proxy is not counted: it limits its own clients), and
//! the server at most `max_connections`. A request's handling (its body read with it)
//! ends after `request_time` on every route but the push, whose body has its own
//! deadline and rate (`api::read_body`).

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tower::{Service, ServiceExt};

use crate::http::{self, AppState, under_way::UnderWay};

/// How long a TLS handshake may take.
pub const TLS_HANDSHAKE: Duration = Duration::from_secs(10);
/// How long requests in flight get to finish once the server is told to stop.
pub const STOP_GRACE: Duration = Duration::from_secs(30);

/// The certificate (chain) and key, read from PEM files, ready to accept connections.
pub fn tls_acceptor(cert: &Path, key: &Path) -> std::io::Result<tokio_rustls::TlsAcceptor> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let invalid = |e: rustls::pki_types::pem::Error| std::io::Error::other(e.to_string());
    let chain = CertificateDer::pem_file_iter(cert)
        .map_err(invalid)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(invalid)?;
    let key = PrivateKeyDer::from_pem_file(key).map_err(invalid)?;
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| std::io::Error::other(e.to_string()))?
    .with_no_client_auth()
    .with_single_cert(chain, key)
    .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

/// The key all connections are counted under, beside each address's own.
const ALL: IpAddr = IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED);

/// Serves the router over `state` on `listener` (HTTPS when `tls` is given) until `stop` resolves; then
/// no new connection is taken and requests in flight get [`STOP_GRACE`] to finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    tls: Option<tokio_rustls::TlsAcceptor>,
    stop: impl std::future::Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let settings = state.settings.clone();
    let app = crate::router::router(state.clone());
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(settings.header_read)
        .max_buf_size(64 * 1024);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let forgetting = tokio::spawn(forget_every_minute(state.clone()));
    let connections = UnderWay::<IpAddr>::default();
    let mut make_service = app.into_make_service_with_connect_info::<SocketAddr>();
    tokio::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, say: wait a moment rather than spin.
                    tracing::warn!(%error, "accepting a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let Some(in_all) = connections.start_one(ALL, settings.max_connections) else {
            tracing::warn!("at the server's connection limit: a connection closed");
            continue;
        };
        let address = peer.ip().to_canonical();
        let counted = if settings.trusted_proxies.contains(&address) {
            None
        } else {
            match connections.start_one(http::limit_key(address), settings.connections_per_address)
            {
                Some(counted) => Some(counted),
                None => {
                    tracing::warn!(%address, "too many connections from one address");
                    continue;
                }
            }
        };
        let counted = (in_all, counted);
        let Ok(router) = make_service.call(peer).await;
        let service = hyper::service::service_fn(move |request: Request<Incoming>| {
            router.clone().oneshot(request)
        });
        let _ = stream.set_nodelay(true);
        match &tls {
            None => {
                let connection = http.serve_connection(TokioIo::new(stream), service);
                let watched = graceful.watch(connection);
                tokio::spawn(async move {
                    let _counted = counted;
                    let _ = watched.await;
                });
            }
            Some(acceptor) => {
                let (acceptor, http) = (acceptor.clone(), http.clone());
                let watcher = graceful.watcher();
                tokio::spawn(async move {
                    let _counted = counted;
                    let stream =
                        match tokio::time::timeout(TLS_HANDSHAKE, acceptor.accept(stream)).await {
                            Ok(Ok(stream)) => stream,
                            _ => return,
                        };
                    let connection = http.serve_connection(TokioIo::new(stream), service);
                    let _ = watcher.watch(connection).await;
                });
            }
        }
    }
    drop(listener);
    forgetting.abort();
    if tokio::time::timeout(STOP_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still in flight after the stop grace: ended");
    }
    Ok(())
}

/// The rate limiters forget quiet addresses and devices every minute.
async fn forget_every_minute(state: AppState) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        state.forget_quiet();
    }
}
