//! What the running app shares between commands: the store, the localizer and the
//! guided session runner.

use std::sync::{Arc, Mutex};

use crate::error::AppError;
use crate::guide::Guide;
use crate::i18n::Localizer;
use crate::storage::Store;

/// Managed by Tauri.
pub struct AppState {
    pub db: Db,
    pub i18n: Localizer,
    pub guide: Arc<Guide>,
}

impl AppState {
    pub fn new(store: Store, i18n: Localizer) -> Self {
        Self {
            db: Db(Arc::new(Mutex::new(store))),
            i18n,
            guide: Arc::new(Guide::default()),
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

/// A shareable handle to the one database connection.
#[derive(Clone)]
pub struct Db(Arc<Mutex<Store>>);

impl Db {
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
            work(&mut guard)
        })
        .await
        .map_err(|error| AppError::Task(error.to_string()))?
    }
}
