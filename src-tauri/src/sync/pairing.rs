//! The pairing with a server: its address and this device's token, in a file of the
//! data folder. Never in the database: so never in a backup, an export or a bundle.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::SyncError;
use crate::domain::sync::ServerAddress;

pub const PAIRING_FILE: &str = "server-pairing.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pairing {
    pub address: ServerAddress,
    pub token: String,
    /// A family's phone: the one family it syncs. `None` on a cadre's phone.
    pub family_id: Option<String>,
    pub paired_at: String,
}

fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(PAIRING_FILE)
}

/// The pairing, if this device is paired. A file that cannot be read as one counts as
/// an error (not as "unpaired"): the user should hear that something is wrong.
pub fn read(data_dir: &Path) -> Result<Option<Pairing>, SyncError> {
    let text = match std::fs::read_to_string(path(data_dir)) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(SyncError::PairingFile(error.to_string())),
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| SyncError::PairingFile(e.to_string()))
}

/// Writes the pairing next to its final name and renames, readable by this user only.
pub fn write(data_dir: &Path, pairing: &Pairing) -> Result<(), SyncError> {
    let failed = |e: std::io::Error| SyncError::PairingFile(e.to_string());
    let text =
        serde_json::to_vec_pretty(pairing).map_err(|e| SyncError::PairingFile(e.to_string()))?;
    std::fs::create_dir_all(data_dir).map_err(failed)?;
    let partial = data_dir.join(format!("{PAIRING_FILE}.partial"));
    write_private(&partial, &text).map_err(failed)?;
    std::fs::rename(&partial, path(data_dir)).map_err(failed)
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

/// Forgets the pairing (the server still knows the device until it is revoked there).
pub fn remove(data_dir: &Path) -> Result<(), SyncError> {
    match std::fs::remove_file(path(data_dir)) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(SyncError::PairingFile(error.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pairing_survives_a_restart_and_only_its_user_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).unwrap(), None);
        let pairing = Pairing {
            address: ServerAddress::parse("https://sync.puskesmas.id").unwrap(),
            token: "ab".repeat(32),
            family_id: None,
            paired_at: "2026-12-02T10:00:00+07:00".into(),
        };
        write(dir.path(), &pairing).unwrap();
        assert_eq!(read(dir.path()).unwrap(), Some(pairing));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(PAIRING_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "no one else reads the token");
        }
        remove(dir.path()).unwrap();
        assert_eq!(read(dir.path()).unwrap(), None);
    }

    #[test]
    fn a_damaged_file_is_an_error_not_unpaired() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(PAIRING_FILE), "{").unwrap();
        assert!(matches!(read(dir.path()), Err(SyncError::PairingFile(_))));
        // A plain-HTTP address to another machine is refused even when read back.
        std::fs::write(
            dir.path().join(PAIRING_FILE),
            r#"{"address":"http://10.0.0.2","token":"x","familyId":null,"pairedAt":"x"}"#,
        )
        .unwrap();
        assert!(matches!(read(dir.path()), Err(SyncError::PairingFile(_))));
    }
}
