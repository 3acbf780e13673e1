//! The one database connection the app shares, run off the UI thread, or why there is
//! none (the UI then explains what is wrong).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::error::AppError;
use crate::storage::{Problem, StorageError, Store};

/// Why the database could not be opened, as the UI shows it.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct StorageProblem {
    pub problem: Problem,
    pub detail: String,
    pub data_dir: String,
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
    /// A handle to no store yet.
    pub fn closed() -> Self {
        Self(Arc::new(Mutex::new(Slot::Closed(None))))
    }

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
