//! The bundle file a preview showed, kept on this side so that an import applies
//! exactly those bytes (the UI names only their hash, never a path), and the one way
//! a bundle file is read: never more than a bundle may hold.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::domain::bundle::{self, BundleError};
use crate::error::AppError;

/// A file's bytes, refused before reading when it is over the bundle size limit.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, AppError> {
    let file = std::fs::File::open(path).map_err(|e| AppError::FileRead(e.to_string()))?;
    let size = file
        .metadata()
        .map_err(|e| AppError::FileRead(e.to_string()))?
        .len();
    if size > bundle::MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge { bytes: size }.into());
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(bundle::MAX_BUNDLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| AppError::FileRead(e.to_string()))?;
    Ok(bytes)
}

/// The file a preview showed, kept on this side so the import applies exactly those
/// bytes: the UI names only their hash, never a path.
#[derive(Default)]
pub struct PendingImport(std::sync::Mutex<Option<Previewed>>);

struct Previewed {
    path: PathBuf,
    bytes: Vec<u8>,
    sha256: String,
}

impl PendingImport {
    fn guard(&self) -> std::sync::MutexGuard<'_, Option<Previewed>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn keep(&self, path: PathBuf, bytes: Vec<u8>, sha256: String) {
        *self.guard() = Some(Previewed {
            path,
            bytes,
            sha256,
        });
    }

    /// The previewed bytes if `sha256` names them and the file still holds them.
    pub fn take(&self, sha256: &str) -> Result<Vec<u8>, AppError> {
        let previewed = self.guard().take().ok_or(AppError::BundleChanged)?;
        let on_disk = read_limited(&previewed.path).map(|b| bundle::sha256_hex(&b));
        if previewed.sha256 != sha256 || on_disk.ok().as_deref() != Some(sha256) {
            return Err(AppError::BundleChanged);
        }
        Ok(previewed.bytes)
    }
}
