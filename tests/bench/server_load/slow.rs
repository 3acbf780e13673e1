//! Phones on a 2G line beside the burst: each sends a real push at a set rate (raw
//! TCP, so the rate is the line's and not a client library's), again and again under a
//! new id, until told to stop.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

use ayah_asi_core::sync::wire;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct SlowPhones {
    stop: Arc<AtomicBool>,
    answered: Arc<AtomicU32>,
    refused: Arc<AtomicU32>,
    tasks: tokio::task::JoinSet<()>,
}

/// What the slow phones got: pushes answered 200, and any other answer or a broken
/// connection.
pub struct Outcome {
    pub answered: u32,
    pub refused: u32,
}

impl SlowPhones {
    /// One phone per token, each sending its `bundles` entry at `bytes_per_second`.
    pub fn start(
        server: SocketAddr,
        phones: Vec<(String, Vec<u8>)>,
        bytes_per_second: usize,
    ) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let (answered, refused) = (Arc::new(AtomicU32::new(0)), Arc::new(AtomicU32::new(0)));
        let mut tasks = tokio::task::JoinSet::new();
        for (token, bundle) in phones {
            let (stop, answered, refused) = (
                Arc::clone(&stop),
                Arc::clone(&answered),
                Arc::clone(&refused),
            );
            tasks.spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    match slow_push(server, &token, &bundle, bytes_per_second, &stop).await {
                        Some(true) => {
                            answered.fetch_add(1, Ordering::Relaxed);
                        }
                        Some(false) => {
                            refused.fetch_add(1, Ordering::Relaxed);
                            // A phone whose push failed tries again a little later.
                            tokio::time::sleep(Duration::from_secs(1)).await;
                        }
                        None => {}
                    }
                }
            });
        }
        Self {
            stop,
            answered,
            refused,
            tasks,
        }
    }

    pub async fn stop(mut self) -> Outcome {
        self.stop.store(true, Ordering::Relaxed);
        while self.tasks.join_next().await.is_some() {}
        Outcome {
            answered: self.answered.load(Ordering::Relaxed),
            refused: self.refused.load(Ordering::Relaxed),
        }
    }
}

/// One push at the line's rate: answered 200 (`Some(true)`), otherwise (`Some(false)`),
/// or stopped before its end (`None`).
async fn slow_push(
    server: SocketAddr,
    token: &str,
    bundle: &[u8],
    bytes_per_second: usize,
    stop: &AtomicBool,
) -> Option<bool> {
    let Ok(mut stream) = TcpStream::connect(server).await else {
        return Some(false);
    };
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: {}\r\n{}: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        wire::PUSH_PATH,
        wire::BUNDLE_TYPE,
        wire::PUSH_ID_HEADER,
        ayah_asi_core::record::new_id(),
        bundle.len()
    );
    if stream.write_all(head.as_bytes()).await.is_err() {
        return Some(false);
    }
    // A quarter of a second's worth at a time.
    let piece = (bytes_per_second / 4).max(1);
    for chunk in bundle.chunks(piece) {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        if stream.write_all(chunk).await.is_err() {
            return Some(false);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(60), stream.read_to_end(&mut answer)).await;
    let ok = matches!(read, Ok(Ok(_))) && answer.starts_with(b"HTTP/1.1 200");
    if !ok && std::env::var_os("BENCH_DEBUG").is_some() {
        eprintln!("slow push: {}", String::from_utf8_lossy(&answer));
    }
    Some(ok)
}
