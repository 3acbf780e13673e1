//! What the running app shares between commands: the store and the localizer.

use std::sync::{Arc, Mutex};

use crate::error::AppError;
use crate::i18n::Localizer;
use crate::storage::Store;

/// Managed by Tauri; every command reaches the database through [`AppState::with_store`].
pub struct AppState {
    store: Arc<Mutex<Store>>,
    pub i18n: Localizer,
}

impl AppState {
    pub fn new(store: Store, i18n: Localizer) -> Self {
        Self {
            store: Arc::new(Mutex::new(store)),
            i18n,
        }
    }

    /// Runs `work` on the blocking pool, never on the UI thread: SQLite with
    /// `synchronous=FULL` waits for the disk on every commit.
    pub async fn with_store<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, AppError> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
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
