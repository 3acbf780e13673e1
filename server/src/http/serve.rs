//! Serving over HTTPS, with a graceful end.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;

/// Serves `app` over HTTPS on `listener` with the PEM certificate and key, until `stop`
/// resolves; then requests in flight get up to 30 s to finish.
pub async fn serve_tls(
    listener: std::net::TcpListener,
    app: Router,
    cert: &std::path::Path,
    key: &std::path::Path,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // One process-wide choice of cryptography (ring); a second install is harmless.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let config = axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key).await?;
    let handle = axum_server::Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        stop.await;
        stopper.graceful_shutdown(Some(Duration::from_secs(30)));
    });
    listener.set_nonblocking(true)?;
    axum_server::from_tcp_rustls(listener, config)?
        .handle(handle)
        .serve(app.into_make_service_with_connect_info::<SocketAddr>())
        .await
}
