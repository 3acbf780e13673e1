//! A slow, unreliable line between the app and the server, as a 2G posyandu has: every
//! byte passes at most `bytes_per_second` each way, and a connection is cut once it has
//! carried `cut_after` bytes towards the server (mid-request, as a dropped signal does).
//! Stops (and cuts whatever is open) when dropped.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::Result;

pub struct Throttle {
    port: u16,
    stop: Arc<AtomicBool>,
    cuts: Arc<AtomicU64>,
}

struct Line {
    target: u16,
    bytes_per_second: u64,
    cut_after: u64,
    stop: Arc<AtomicBool>,
    cuts: Arc<AtomicU64>,
}

impl Throttle {
    pub fn start(target: u16, bytes_per_second: u64, cut_after: u64) -> Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let stop = Arc::new(AtomicBool::new(false));
        let cuts = Arc::new(AtomicU64::new(0));
        let line = Arc::new(Line {
            target,
            bytes_per_second,
            cut_after,
            stop: Arc::clone(&stop),
            cuts: Arc::clone(&cuts),
        });
        thread::spawn(move || {
            while !line.stop.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((client, _)) => {
                        let line = Arc::clone(&line);
                        thread::spawn(move || {
                            let _ = relay(client, &line);
                        });
                    }
                    Err(_) => thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        Ok(Self { port, stop, cuts })
    }

    pub fn address(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Connections cut so far.
    pub fn cuts(&self) -> u64 {
        self.cuts.load(Ordering::Relaxed)
    }
}

impl Drop for Throttle {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn relay(client: TcpStream, line: &Arc<Line>) -> std::io::Result<()> {
    client.set_nonblocking(false)?;
    let server = TcpStream::connect(("127.0.0.1", line.target))?;
    let (client_in, server_out) = (client.try_clone()?, server.try_clone()?);
    let upstream = {
        let line = Arc::clone(line);
        thread::spawn(move || pass(client_in, server_out, &line, true))
    };
    pass(server, client, line, false);
    let _ = upstream.join();
    Ok(())
}

/// Copies `from` to `to` at the line's rate; towards the server, cuts both ends once
/// `cut_after` bytes went through.
fn pass(mut from: TcpStream, mut to: TcpStream, line: &Line, towards_server: bool) {
    let _ = from.set_read_timeout(Some(Duration::from_millis(200)));
    let (mut moved, mut buffer) = (0u64, [0u8; 256]);
    // When the line is free again: never ahead of its rate, and no burst after a pause.
    let mut free_at = Instant::now();
    while !line.stop.load(Ordering::Relaxed) {
        let n = match from.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                continue;
            }
            Err(_) => break,
        };
        let mut n = n;
        if towards_server && moved + n as u64 >= line.cut_after {
            // The signal drops mid-request: what got through is all the server sees.
            n = usize::try_from(line.cut_after.saturating_sub(moved)).unwrap_or(0);
            let _ = to.write_all(&buffer[..n]);
            line.cuts.fetch_add(1, Ordering::Relaxed);
            break;
        }
        free_at = free_at.max(Instant::now())
            + Duration::from_secs_f64(n as f64 / line.bytes_per_second as f64);
        if let Some(wait) = free_at.checked_duration_since(Instant::now()) {
            thread::sleep(wait);
        }
        if to.write_all(&buffer[..n]).is_err() {
            break;
        }
        moved += n as u64;
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}
