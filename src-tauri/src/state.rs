//! What the running app shares between commands: the store, the localizer and the
//! guided session runner, and whether cadre mode is open.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::db::Db;
use crate::error::AppError;
use crate::guide::Guide;
use crate::i18n::Localizer;
use crate::pending_import::PendingImport;
use crate::speech::Speaker;
use crate::storage::{StorageError, Store};

/// Managed by Tauri.
pub struct AppState {
    pub db: Db,
    pub i18n: Arc<Localizer>,
    pub guide: Arc<Guide>,
    pub cadre: CadreLock,
    /// The bundle file last previewed: the only one an import may apply.
    pub pending_import: Arc<PendingImport>,
    /// Where the database and its backups live.
    pub data_dir: PathBuf,
    /// Held while a sync with the server runs: syncs never overlap.
    pub sync_lock: Arc<tokio::sync::Mutex<()>>,
}

impl AppState {
    /// The app starts even when the database cannot be opened: the UI then explains
    /// what is wrong and offers a way out, instead of the window never appearing.
    pub fn new(
        store: Result<Store, StorageError>,
        i18n: Arc<Localizer>,
        speaker: Arc<Speaker>,
        data_dir: PathBuf,
    ) -> Self {
        let db = Db::closed();
        db.set(store, &data_dir);
        Self {
            db,
            i18n,
            guide: Arc::new(Guide::new(speaker)),
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
