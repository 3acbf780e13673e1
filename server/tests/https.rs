//! The server serves HTTPS itself when given a certificate and key: a client that trusts
//! the certificate gets answers; plain HTTP to the same port gets none.

#[allow(dead_code)] // each test file uses its own part of the shared helpers
mod support;

use std::sync::Arc;

use ayah_asi_server::{db, http};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn https_with_the_given_certificate_and_no_plain_http() {
    let cluster = support::Cluster::start();
    let pool = db::pool(&cluster.url(), 4).unwrap();
    db::migrate(&pool).await.unwrap();
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert, certified.cert.pem()).unwrap();
    std::fs::write(&key, certified.signing_key.serialize_pem()).unwrap();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let state = http::AppState::new(pool, http::Settings::default()).unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let tls = ayah_asi_server::serve::tls_acceptor(&cert, &key).unwrap();
    let server = tokio::spawn(async move {
        ayah_asi_server::serve::serve(listener, state, Some(tls), async {
            let _ = stopped.await;
        })
        .await
    });

    let mut roots = rustls::RootCertStore::empty();
    roots.add(certified.cert.der().clone()).unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let mut answer = String::new();
    for _ in 0..50 {
        // The server may need a moment to start listening for TLS.
        let Ok(tcp) = tokio::net::TcpStream::connect(address).await else {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            continue;
        };
        let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
        let mut tls = connector.connect(name, tcp).await.unwrap();
        tls.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        tls.read_to_string(&mut answer).await.ok();
        break;
    }
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("ok"), "{answer}");

    let mut plain = tokio::net::TcpStream::connect(address).await.unwrap();
    plain
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let mut reply = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        plain.read_to_end(&mut reply),
    )
    .await;
    assert!(
        !String::from_utf8_lossy(&reply).contains("200"),
        "plain HTTP answered"
    );

    let _ = stop.send(());
    let _ = server.await;
}
