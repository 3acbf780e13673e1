//! What the running app shares between commands: the store, the localizer and the
//! guided session runner, and whether cadre mode is open.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::error::AppError;
use crate::guide::Guide;
use crate::i18n::Localizer;
use crate::storage::{Problem, StorageError, Store};

/// Managed by Tauri.
pub struct AppState {
    pub db: Db,
    pub i18n: Localizer,
    pub guide: Arc<Guide>,
    pub cadre: CadreLock,
    /// The bundle file last previewed: the only one an import may apply.
    pub pending_import: Arc<crate::commands::transfer::PendingImport>,
    /// Where the database and its backups live.
    pub data_dir: PathBuf,
    /// Held while a sync with the server runs: syncs never overlap.
    pub sync_lock: Arc<tokio::sync::Mutex<()>>,
}

/// Why the database could not be opened, as the UI shows it.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct StorageProblem {
    pub problem: Problem,
    pub detail: String,
    pub data_dir: String,
}

impl AppState {
    /// The app starts even when the database cannot be opened: the UI then explains
    /// what is wrong and offers a way out, instead of the window never appearing.
    pub fn new(store: Result<Store, StorageError>, i18n: Localizer, data_dir: PathBuf) -> Self {
        let db = Db(Arc::new(Mutex::new(Slot::Closed(None))));
        db.set(store, &data_dir);
        Self {
            db,
            i18n,
            guide: Arc::new(Guide::default()),
            cadre: CadreLock::new(crate::domain::pin::IDLE_LOCK_SECONDS),
            pending_import: Arc::default(),
            data_dir,
            sync_lock: Arc::default(),
        }
    }

    /// Runs `work` with the store, off the UI thread (see [`Db::run`]).
    pub async fn with_store<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, AppError> + Send + 'static,
    {
        self.db.run(work).await
    }
}

/// The one database connection, or why there is none.
pub enum Slot {
    Open(Box<Store>),
    Closed(Option<StorageProblem>),
}

/// A shareable handle to the one database connection.
#[derive(Clone)]
pub struct Db(Arc<Mutex<Slot>>);

impl Db {
    /// A handle to an opened store.
    pub fn open(store: Store) -> Self {
        Self(Arc::new(Mutex::new(Slot::Open(Box::new(store)))))
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Puts an opened store (or the reason it failed) in place.
    pub fn set(&self, store: Result<Store, StorageError>, data_dir: &std::path::Path) {
        *self.guard() = match store {
            Ok(store) => Slot::Open(Box::new(store)),
            Err(error) => Slot::Closed(Some(StorageProblem {
                problem: error.problem(),
                detail: error.to_string(),
                data_dir: data_dir.display().to_string(),
            })),
        };
    }

    /// Why the database is not open, if it is not.
    pub fn problem(&self) -> Option<StorageProblem> {
        match &*self.guard() {
            Slot::Open(_) => None,
            Slot::Closed(problem) => problem.clone(),
        }
    }

    /// Runs `work` with the connection closed (to replace the file), then reopens.
    pub async fn reopen_after<F>(&self, data_dir: PathBuf, work: F) -> Result<(), AppError>
    where
        F: FnOnce() -> Result<(), AppError> + Send + 'static,
    {
        let slot = Arc::clone(&self.0);
        let db = self.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            // Dropping the store closes the connection (and checkpoints the WAL).
            *guard = Slot::Closed(None);
            let outcome = work();
            drop(guard);
            db.set(Store::open_in(&data_dir), &data_dir);
            outcome
        })
        .await
        .map_err(|error| AppError::Task(error.to_string()))?
    }

    /// Runs `work` on the blocking pool, never on the UI thread: SQLite with
    /// `synchronous=FULL` waits for the disk on every commit.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, AppError> + Send + 'static,
    {
        let store = Arc::clone(&self.0);
        tauri::async_runtime::spawn_blocking(move || {
            // A panic while holding the lock cannot leave SQLite half-written (the
            // transaction rolls back), so a poisoned lock is safe to take over.
            let mut guard = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            match &mut *guard {
                Slot::Open(store) => work(store),
                Slot::Closed(_) => Err(AppError::StorageUnavailable),
            }
        })
        .await
        .map_err(|error| AppError::Task(error.to_string()))?
    }
}

/// Whether cadre mode is open: unlocked by the PIN, and locked again after a while
/// without any cadre command (the UI's idle timer says so sooner, on the screen).
pub struct CadreLock {
    last_activity: Mutex<Option<std::time::Instant>>,
    idle: std::time::Duration,
}

impl CadreLock {
    fn new(default_idle_seconds: u64) -> Self {
        Self {
            last_activity: Mutex::new(None),
            idle: std::time::Duration::from_secs(idle_seconds(default_idle_seconds)),
        }
    }

    pub fn idle_seconds(&self) -> u64 {
        self.idle.as_secs()
    }

    pub fn unlock(&self) {
        *self.lock_guard() = Some(std::time::Instant::now());
    }

    pub fn lock(&self) {
        *self.lock_guard() = None;
    }

    pub fn is_open(&self) -> bool {
        self.lock_guard().is_some_and(|at| at.elapsed() < self.idle)
    }

    /// Checks cadre mode is open and counts this as activity.
    pub fn touch(&self) -> Result<(), AppError> {
        let mut last = self.lock_guard();
        match *last {
            Some(at) if at.elapsed() < self.idle => {
                *last = Some(std::time::Instant::now());
                Ok(())
            }
            _ => {
                *last = None;
                Err(AppError::CadreLocked)
            }
        }
    }

    fn lock_guard(&self) -> std::sync::MutexGuard<'_, Option<std::time::Instant>> {
        self.last_activity
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Debug builds let tests shorten the idle lock (`AYAH_ASI_IDLE_LOCK_SECONDS`); a release
/// build always uses the product's five minutes.
fn idle_seconds(default: u64) -> u64 {
    if !cfg!(debug_assertions) {
        return default;
    }
    std::env::var("AYAH_ASI_IDLE_LOCK_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|s| *s > 0)
        .unwrap_or(default)
}
