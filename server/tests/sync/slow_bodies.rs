//! Uploads that stall or arrive beyond the memory for pushes.

use super::*;

/// The seed with every id changed: another family's records, none shared.
fn another_seed() -> Vec<u8> {
    let text = String::from_utf8_lossy(SEED).replace("01a2370b-", "01a2370c-");
    let (head, body) = text.split_once('\n').unwrap_or_default();
    let mut header: Value = serde_json::from_str(head).unwrap();
    header["body_sha256"] = json!(bundle::sha256_hex(body.as_bytes()));
    format!("{header}\n{body}").into_bytes()
}

/// Sends a push whose body stops halfway until `rest` is sent; returns the connection
/// and the body's second half.
async fn half_sent_push(
    server: &Server,
    token: &str,
    bytes: &[u8],
) -> (tokio::net::TcpStream, Vec<u8>) {
    use tokio::io::AsyncWriteExt;
    let address = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /api/v1/push HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/x-ayahasi\r\nX-Ayah-Asi-Push-Id: {}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        ayah_asi_core::record::new_id(),
        bytes.len()
    );
    let (first, rest) = bytes.split_at(bytes.len() / 2);
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(first).await.unwrap();
    (stream, rest.to_vec())
}

/// Reads a raw HTTP answer's status line, or an empty string if the server closed first.
async fn status_line(stream: &mut tokio::net::TcpStream) -> String {
    use tokio::io::AsyncReadExt;
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer).await;
    answer.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_stalled_upload_holds_no_turn_and_is_ended_with_nothing_written() {
    let server = Server::start_with(ayah_asi_server::http::Settings {
        push_writers: 1,
        body_idle: std::time::Duration::from_secs(1),
        body_grace: std::time::Duration::from_secs(2),
        body_min_bytes_per_second: 2048,
        ..Default::default()
    })
    .await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let sari = cadre(&server, "Mawar", "Bu Sari").await;
    let (rina_tablet, rina_phone, sari_tablet) = (
        paired(&server, rina, None).await,
        paired(&server, rina, None).await,
        paired(&server, sari, None).await,
    );
    // Two phones on a stalled line: headers and half a body, then nothing. Before, the
    // first held the only writer's turn and every other push waited for ever.
    let (mut first, _) = half_sent_push(&server, &rina_tablet, SEED).await;
    let (mut second, _) = half_sent_push(&server, &rina_phone, SEED).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let started = std::time::Instant::now();
    let answer = push(
        &server,
        &sari_tablet,
        &ayah_asi_core::record::new_id(),
        another_seed(),
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "a normal push does not wait for stalled ones"
    );
    let (pulled, _) = pull(&server, &sari_tablet, 0).await;
    assert!(pulled.records.is_empty());
    // A trickle is no upload either: a byte now and then, never a pause long enough to
    // end it, but far below the slowest line.
    let (mut trickle, rest) = half_sent_push(&server, &sari_tablet, &another_seed()).await;
    let trickling = tokio::spawn(async move {
        use tokio::io::AsyncWriteExt;
        for byte in rest.iter().take(60) {
            if trickle.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        }
        status_line(&mut trickle).await
    });
    // The stalled ones are ended: 408, and nothing of them was written.
    for stream in [&mut first, &mut second] {
        let status = tokio::time::timeout(std::time::Duration::from_secs(10), status_line(stream))
            .await
            .expect("a stalled push is ended");
        assert!(status.starts_with("HTTP/1.1 408"), "{status}");
    }
    let trickled = tokio::time::timeout(std::time::Duration::from_secs(15), trickling)
        .await
        .expect("a trickle is ended")
        .unwrap();
    assert!(trickled.starts_with("HTTP/1.1 408"), "{trickled}");
    let families: i64 = server
        .pool
        .get()
        .await
        .unwrap()
        .query_one(
            "SELECT count(*) FROM record WHERE table_name = 'family'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(families, 1, "only the push that arrived");
}

#[tokio::test]
async fn bodies_beyond_the_memory_for_arriving_pushes_are_told_to_come_back() {
    use tokio::io::AsyncWriteExt;
    // Room for one seed's body at a time.
    let room = SEED.len().div_ceil(1024) * 1024;
    let server = Server::start_with(ayah_asi_server::http::Settings {
        push_bytes_in_flight: room,
        ..Default::default()
    })
    .await;
    let rina = cadre(&server, "Melati", "Bu Rina").await;
    let sari = cadre(&server, "Mawar", "Bu Sari").await;
    let (rina_tablet, sari_tablet) = (
        paired(&server, rina, None).await,
        paired(&server, sari, None).await,
    );
    let (mut slow, rest) = half_sent_push(&server, &rina_tablet, SEED).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let id = ayah_asi_core::record::new_id();
    let busy = push(&server, &sari_tablet, &id, another_seed()).await;
    assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
    let answer: Value = busy.json().await.unwrap();
    assert_eq!(answer["code"], "error-server-busy");
    slow.write_all(&rest).await.unwrap();
    assert!(status_line(&mut slow).await.starts_with("HTTP/1.1 200"));
    // The same push, sent again once there is room, is taken.
    assert_eq!(
        push(&server, &sari_tablet, &id, another_seed())
            .await
            .status(),
        StatusCode::OK
    );
}
