//! A TCP proxy between the app and the server that breaks one request on purpose: it
//! passes bytes both ways until the armed request comes, then does what the fault says
//! with the server's answer. Everything else passes untouched.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;

use crate::Result;

/// What happens to the answer of the armed request.
pub enum Fault {
    /// The server answers, and is then killed before the answer reaches the app (the
    /// push was applied; the app never hears so). `restart` runs right after the kill.
    KillServerAfterAnswer {
        kill: Box<dyn Fn() + Send + Sync>,
        restart: Box<dyn Fn() + Send + Sync>,
    },
    /// The answer is held back until the test says so (the app waits mid-request).
    HoldAnswer,
}

pub struct Proxy {
    port: u16,
    armed: Arc<AtomicBool>,
    /// Fires once when the armed request's answer has been caught.
    caught: Mutex<mpsc::Receiver<()>>,
    release: Arc<AtomicBool>,
}

struct Shared {
    target: u16,
    trigger: &'static [u8],
    fault: Fault,
    armed: Arc<AtomicBool>,
    release: Arc<AtomicBool>,
    caught: mpsc::Sender<()>,
}

impl Proxy {
    /// Listens on a free port, forwarding to `target`. Once armed, the first request
    /// whose bytes contain `trigger` (e.g. `b"POST /api/v1/push"`) meets `fault`.
    pub fn start(target: u16, trigger: &'static [u8], fault: Fault) -> Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let armed = Arc::new(AtomicBool::new(false));
        let release = Arc::new(AtomicBool::new(false));
        let (caught_tx, caught_rx) = mpsc::channel();
        let shared = Arc::new(Shared {
            target,
            trigger,
            fault,
            armed: Arc::clone(&armed),
            release: Arc::clone(&release),
            caught: caught_tx,
        });
        thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let shared = Arc::clone(&shared);
                thread::spawn(move || {
                    let _ = relay(client, &shared);
                });
            }
        });
        Ok(Self {
            port,
            armed,
            caught: Mutex::new(caught_rx),
            release,
        })
    }

    pub fn address(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Waits (off the async runtime) until the armed request's answer was caught.
    pub async fn caught(&self, within: std::time::Duration) -> Result<()> {
        let started = std::time::Instant::now();
        loop {
            let got = self
                .caught
                .lock()
                .map_err(|_| "proxy lock")?
                .try_recv()
                .is_ok();
            if got {
                return Ok(());
            }
            if started.elapsed() > within {
                return Err("the armed request never came".into());
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// The next request that matches meets the fault.
    pub fn arm(&self) {
        self.release.store(false, Ordering::SeqCst);
        self.armed.store(true, Ordering::SeqCst);
    }

    /// Lets held answers through (and the proxy passes everything from now on).
    pub fn release(&self) {
        self.armed.store(false, Ordering::SeqCst);
        self.release.store(true, Ordering::SeqCst);
    }
}

fn relay(client: TcpStream, shared: &Arc<Shared>) -> std::io::Result<()> {
    let server = TcpStream::connect(("127.0.0.1", shared.target))?;
    let faulty = Arc::new(AtomicBool::new(false));
    let (mut from_client, mut to_server) = (client.try_clone()?, server.try_clone()?);
    let upstream = {
        let shared = Arc::clone(shared);
        let faulty = Arc::clone(&faulty);
        thread::spawn(move || {
            let mut buffer = [0u8; 64 * 1024];
            while let Ok(n) = from_client.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                let chunk = &buffer[..n];
                if chunk
                    .windows(shared.trigger.len())
                    .any(|w| w == shared.trigger)
                    && shared.armed.swap(false, Ordering::SeqCst)
                {
                    faulty.store(true, Ordering::SeqCst);
                }
                if to_server.write_all(chunk).is_err() {
                    break;
                }
            }
            let _ = to_server.shutdown(Shutdown::Write);
        })
    };
    let (mut from_server, mut to_client) = (server, client);
    let mut buffer = [0u8; 64 * 1024];
    loop {
        let n = from_server.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        if faulty.load(Ordering::SeqCst) {
            match &shared.fault {
                Fault::KillServerAfterAnswer { kill, restart } => {
                    kill();
                    let _ = to_client.shutdown(Shutdown::Both);
                    let _ = shared.caught.send(());
                    restart();
                    break;
                }
                Fault::HoldAnswer => {
                    let _ = shared.caught.send(());
                    while !shared.release.load(Ordering::SeqCst) {
                        thread::sleep(std::time::Duration::from_millis(50));
                    }
                    faulty.store(false, Ordering::SeqCst);
                }
            }
        }
        if to_client.write_all(&buffer[..n]).is_err() {
            break;
        }
    }
    let _ = to_client.shutdown(Shutdown::Both);
    let _ = upstream.join();
    Ok(())
}
