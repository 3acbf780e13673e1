//! Every wait a connection can make the server hold has an end, and one address cannot
//! take every connection, sent as an attacker would send them (raw TCP); behind a
//! trusted reverse proxy, limits follow the client the proxy names and `/metrics` stays
//! closed to the proxy's visitors.

#[allow(dead_code)] // each test file uses its own part of the shared helpers
mod support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use ayah_asi_core::sync::wire;
use ayah_asi_server::http::Settings;
use reqwest::StatusCode;
use support::Server;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn address(server: &Server) -> SocketAddr {
    server.base.trim_start_matches("http://").parse().unwrap()
}

/// Reads until the server closes the connection (or `within` passes): what it sent.
async fn until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut answer = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut answer)).await;
    read.ok()
        .map(|_| String::from_utf8_lossy(&answer).into_owned())
}

/// Holds `n` connections open, then shows that one more is closed unanswered.
async fn one_too_many(server: &Server, n: usize) -> Vec<TcpStream> {
    let mut held = Vec::new();
    for _ in 0..n {
        held.push(TcpStream::connect(address(server)).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut surplus = TcpStream::connect(address(server)).await.unwrap();
    let _ = surplus
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await;
    let answer = until_closed(&mut surplus, Duration::from_secs(3)).await;
    assert_eq!(answer.as_deref(), Some(""), "closed without an answer");
    held
}

async fn health(server: &Server) -> StatusCode {
    reqwest::Client::new()
        .get(format!("{}/healthz", server.base))
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .map_or(StatusCode::REQUEST_TIMEOUT, |r| r.status())
}

#[tokio::test]
async fn headers_that_never_finish_and_idle_connections_are_closed() {
    let server = Server::start_with(Settings {
        header_read: Duration::from_secs(1),
        ..Settings::default()
    })
    .await;
    // Half a request line and some headers, then nothing (slowloris), many at once.
    let mut slow = Vec::new();
    for _ in 0..20 {
        let mut stream = TcpStream::connect(address(&server)).await.unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Wait: ")
            .await
            .unwrap();
        slow.push(stream);
    }
    // A connection opened and never used.
    let mut idle = TcpStream::connect(address(&server)).await.unwrap();
    assert_eq!(health(&server).await, StatusCode::OK, "others are answered");
    let started = Instant::now();
    for stream in slow.iter_mut().chain([&mut idle]) {
        let answer = until_closed(stream, Duration::from_secs(5)).await;
        let answer = answer.expect("closed by the server within its header time");
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
            "{answer}"
        );
    }
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn one_address_holds_only_its_share_of_connections() {
    let server = Server::start_with(Settings {
        connections_per_address: 3,
        ..Settings::default()
    })
    .await;
    // The fourth is closed at once, unanswered.
    let mut held = one_too_many(&server, 3).await;
    // One closes: the address may connect again.
    held.pop();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut again = TcpStream::connect(address(&server)).await.unwrap();
    again
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = until_closed(&mut again, Duration::from_secs(3)).await;
    assert!(answer.unwrap_or_default().starts_with("HTTP/1.1 200"));
}

/// A pairing attempt that comes through the proxy for `client`: its status.
async fn pair_through_proxy(server: &Server, client: Option<&str>) -> StatusCode {
    let mut request = reqwest::Client::new()
        .post(format!("{}{}", server.base, wire::PAIR_PATH))
        .json(&serde_json::json!({ "code": "ABCDEFGHJK", "appVersion": "0.1.0" }));
    if let Some(client) = client {
        request = request.header("x-forwarded-for", format!("10.9.9.9, {client}"));
    }
    request.send().await.unwrap().status()
}

#[tokio::test]
async fn behind_a_trusted_proxy_limits_follow_the_client_and_metrics_stay_closed() {
    let server = Server::start_with(Settings {
        pairing_per_minute: 2,
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..Settings::default()
    })
    .await;
    // Two phones behind the proxy: one guessing codes is limited, the other is not.
    for _ in 0..2 {
        assert_ne!(
            pair_through_proxy(&server, Some("36.80.1.2")).await,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
    assert_eq!(
        pair_through_proxy(&server, Some("36.80.1.2")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_ne!(
        pair_through_proxy(&server, Some("114.4.5.6")).await,
        StatusCode::TOO_MANY_REQUESTS,
        "another phone behind the same proxy still pairs"
    );
    // The client named itself on the left: only the proxy's own entry counts.
    assert_eq!(
        pair_through_proxy(&server, Some("36.80.1.2")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // `/metrics` through the proxy: not this machine, whatever the address.
    let metrics = |forwarded: Option<&'static str>| {
        let base = server.base.clone();
        async move {
            let mut request = reqwest::Client::new().get(format!("{base}/metrics"));
            if let Some(forwarded) = forwarded {
                request = request.header("x-forwarded-for", forwarded);
            }
            request.send().await.unwrap().status()
        }
    };
    assert_eq!(metrics(Some("203.0.113.7")).await, StatusCode::NOT_FOUND);
    assert_eq!(metrics(Some("127.0.0.1")).await, StatusCode::NOT_FOUND);
    assert_eq!(metrics(None).await, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn metrics_with_a_token_answer_only_the_token() {
    let token = "a-long-scraper-token-0123456789";
    let server = Server::start_with(Settings {
        metrics_token: Some(token.to_owned()),
        ..Settings::default()
    })
    .await;
    let ask = |bearer: Option<&'static str>| {
        let base = server.base.clone();
        async move {
            let mut request = reqwest::Client::new().get(format!("{base}/metrics"));
            if let Some(bearer) = bearer {
                request = request.bearer_auth(bearer);
            }
            request.send().await.unwrap().status()
        }
    };
    assert_eq!(ask(Some(token)).await, StatusCode::OK);
    assert_eq!(ask(None).await, StatusCode::NOT_FOUND, "even from here");
    assert_eq!(
        ask(Some("a-long-scraper-token-012345678X")).await,
        StatusCode::NOT_FOUND
    );
}

/// Cadre Rina, her phone paired: her id and its token.
async fn a_cadres_phone(server: &Server) -> (i64, String) {
    let rina = support::cadre(server, "Melati", "Bu Rina").await;
    (rina, support::paired(server, rina, None).await)
}

async fn push_encoded(server: &Server, token: &str, encoding: &str, body: Vec<u8>) -> StatusCode {
    reqwest::Client::new()
        .post(format!("{}{}", server.base, wire::PUSH_PATH))
        .bearer_auth(token)
        .header("content-type", wire::BUNDLE_TYPE)
        .header("content-encoding", encoding)
        .header(wire::PUSH_ID_HEADER, ayah_asi_core::sample::new_id())
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_gzipped_push_is_read_a_bomb_is_not_and_a_pull_comes_gzipped_when_asked() {
    let server = Server::start().await;
    let (cadre, token) = a_cadres_phone(&server).await;
    // The server says it reads gzip, on its health answer and on every push's.
    let health = reqwest::get(format!("{}{}", server.base, wire::HEALTH_PATH))
        .await
        .unwrap();
    assert_eq!(health.headers()["accept-encoding"], wire::GZIP);
    let mut budi = ayah_asi_core::sample::FamilyRecords::enrolled("Budi", "Siti", 20);
    for day in 1..20 {
        budi.session(day, None);
    }
    let plain = budi.bundle();
    let before = server.dump().await;
    // A bomb: a few kilobytes that unpack past the bundle limit. Refused, nothing kept.
    let mut bomb_body = plain.clone();
    bomb_body.resize(ayah_asi_core::bundle::MAX_BUNDLE_BYTES as usize + 1, b' ');
    let bomb = wire::gzip(&bomb_body);
    assert!(bomb.len() < 100 * 1024, "{}", bomb.len());
    assert_eq!(
        push_encoded(&server, &token, "gzip", bomb).await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_eq!(
        push_encoded(&server, &token, "gzip", b"not gzip".to_vec()).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        push_encoded(&server, &token, "br", plain.clone()).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    assert_eq!(server.dump().await, before, "nothing written");
    // The real thing, gzipped: applied as the plain push would be.
    let packed = wire::gzip(&plain);
    assert!(
        packed.len() * 4 < plain.len(),
        "{} of {}",
        packed.len(),
        plain.len()
    );
    assert_eq!(
        push_encoded(&server, &token, "gzip", packed).await,
        StatusCode::OK
    );
    let sessions: i64 = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT count(*) FROM record WHERE table_name = 'massage_session'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(sessions, 19);
    // A pull, gzipped when asked for, is the same bundle as plain.
    let another = support::paired(&server, cadre, None).await;
    let pulled = |gzip: bool| {
        let (base, token) = (server.base.clone(), another.clone());
        async move {
            let client = reqwest::Client::builder().no_gzip().build().unwrap();
            let mut request = client
                .get(format!("{base}{}?cursor=0", wire::PULL_PATH))
                .bearer_auth(token);
            if gzip {
                request = request.header("accept-encoding", "br, gzip;q=0.8");
            }
            let answer = request.send().await.unwrap();
            let coding = answer
                .headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap().to_owned());
            (coding, answer.bytes().await.unwrap().to_vec())
        }
    };
    let (plain_coding, plain_pull) = pulled(false).await;
    let (gzip_coding, gzip_pull) = pulled(true).await;
    assert_eq!((plain_coding, gzip_coding.as_deref()), (None, Some("gzip")));
    let unpacked = wire::gunzip(&gzip_pull, usize::MAX).unwrap();
    let records = |bytes: &[u8]| -> Vec<String> {
        String::from_utf8_lossy(bytes)
            .lines()
            .skip(1)
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(records(&unpacked), records(&plain_pull));
    assert!(gzip_pull.len() * 4 < plain_pull.len());
}

#[tokio::test]
async fn one_phone_has_its_share_of_pushes_under_way_and_of_a_day() {
    let server = Server::start_with(Settings {
        pushes_per_device: 1,
        push_kib_per_day: 48,
        ..Settings::default()
    })
    .await;
    let (cadre, token) = a_cadres_phone(&server).await;
    let other = support::paired(&server, cadre, None).await;
    // A push that stalls after its headers holds this phone's one place.
    let mut stalled = TcpStream::connect(address(&server)).await.unwrap();
    stalled
        .write_all(
            format!(
                "POST {} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\
                 Content-Type: {}\r\n{}: {}\r\nContent-Length: 5000\r\n\r\n{{",
                wire::PUSH_PATH,
                wire::BUNDLE_TYPE,
                wire::PUSH_ID_HEADER,
                ayah_asi_core::sample::new_id()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let bundle = |n: i64| {
        let mut family = ayah_asi_core::sample::FamilyRecords::enrolled("Budi", "Siti", 30);
        for day in 0..n {
            family.session(day, None);
        }
        family.bundle()
    };
    let second = support::push(&server, &token, &ayah_asi_core::sample::new_id(), bundle(1)).await;
    assert_eq!(second.status(), StatusCode::SERVICE_UNAVAILABLE);
    let other_phone =
        support::push(&server, &other, &ayah_asi_core::sample::new_id(), bundle(1)).await;
    assert_eq!(
        other_phone.status(),
        StatusCode::OK,
        "another phone is not held up"
    );
    drop(stalled);
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The day's share: about 48 KB. A push of 30 KB goes, a second does not.
    let big = bundle(60);
    assert!((25_000..45_000).contains(&big.len()), "{}", big.len());
    let first = support::push(
        &server,
        &token,
        &ayah_asi_core::sample::new_id(),
        big.clone(),
    )
    .await;
    assert_eq!(first.status(), StatusCode::OK);
    let over = support::push(
        &server,
        &token,
        &ayah_asi_core::sample::new_id(),
        bundle(61),
    )
    .await;
    assert_eq!(over.status(), StatusCode::TOO_MANY_REQUESTS);
    let refusal: serde_json::Value = over.json().await.unwrap();
    assert_eq!(refusal["code"], "error-server-over-quota");
}

#[tokio::test]
async fn half_a_form_a_surplus_connection_a_chunked_push_and_guessed_tokens_are_ended() {
    let server = Server::start_with(Settings {
        request_time: Duration::from_secs(1),
        max_connections: 6,
        connections_per_address: 100,
        ..Settings::default()
    })
    .await;
    let (_, token) = a_cadres_phone(&server).await;
    // Half a pairing request's body, then nothing: ended with 408 after its time.
    let mut half = TcpStream::connect(address(&server)).await.unwrap();
    half.write_all(
        format!(
            "POST {} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{{",
            wire::PAIR_PATH
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    let answer = until_closed(&mut half, Duration::from_secs(5))
        .await
        .unwrap_or_default();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    // The server's own limit: six connections in all, the seventh closed unanswered.
    let held = one_too_many(&server, 6).await;
    drop(held);
    tokio::time::sleep(Duration::from_millis(300)).await;
    // A push that does not say its length: 411, nothing reserved on a guess.
    let chunked = reqwest::Client::new()
        .post(format!("{}{}", server.base, wire::PUSH_PATH))
        .bearer_auth(&token)
        .header("content-type", wire::BUNDLE_TYPE)
        .header(wire::PUSH_ID_HEADER, ayah_asi_core::sample::new_id())
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter([
            Ok::<_, std::io::Error>(b"{}".to_vec()),
        ])))
        .send()
        .await
        .unwrap();
    assert_eq!(chunked.status(), StatusCode::LENGTH_REQUIRED);
    // Guessing tokens: once past 30 unknown ones in a minute the address waits, before
    // any lookup, whatever token it sends next.
    let pull_with = |bearer: String| {
        let base = server.base.clone();
        async move {
            reqwest::Client::new()
                .get(format!("{base}{}?cursor=0", wire::PULL_PATH))
                .bearer_auth(bearer)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    for n in 0..=30 {
        assert_eq!(
            pull_with(format!("guess-{n}")).await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        pull_with("guess-32".into()).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(pull_with(token).await, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn metrics_are_closed_to_a_proxy_nobody_named_and_family_codes_have_a_day() {
    let server = Server::start().await;
    // nginx on this machine, not named in AYAH_ASI_TRUSTED_PROXY: every visitor looks
    // local, but the header gives the proxy away.
    for header in ["x-forwarded-for", "forwarded", "x-real-ip"] {
        let status = reqwest::Client::new()
            .get(format!("{}/metrics", server.base))
            .header(header, "203.0.113.7")
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, StatusCode::NOT_FOUND, "{header}");
    }
    let (_, token) = a_cadres_phone(&server).await;
    let budi = ayah_asi_core::sample::FamilyRecords::enrolled("Budi", "Siti", 20);
    let pushed = support::push(
        &server,
        &token,
        &ayah_asi_core::sample::new_id(),
        budi.bundle(),
    )
    .await;
    assert_eq!(pushed.status(), StatusCode::OK);
    let ask = || {
        reqwest::Client::new()
            .post(format!("{}{}", server.base, wire::FAMILY_CODE_PATH))
            .bearer_auth(&token)
            .json(&serde_json::json!({ "familyId": budi.family }))
            .send()
    };
    for _ in 0..200 {
        assert_eq!(ask().await.unwrap().status(), StatusCode::OK);
    }
    assert_eq!(ask().await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn health_asks_the_database_at_most_once_a_second_whoever_asks() {
    let server = Server::start_private().await;
    assert_eq!(health(&server).await, StatusCode::OK);
    // The database goes away: for the rest of the second the answer stands (a flood of
    // /healthz costs the database one query a second), then it says so.
    server.cluster().kill();
    for _ in 0..10 {
        assert_eq!(health(&server).await, StatusCode::OK);
    }
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(health(&server).await, StatusCode::SERVICE_UNAVAILABLE);
}
