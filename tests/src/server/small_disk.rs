//! A database disk that can fill up: a small tmpfs under a test cluster, and filling
//! and freeing it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;

/// A tmpfs of a few megabytes mounted as a cluster's data folder: a database disk that
/// can fill up. Unmounted when dropped, also when the test fails.
pub(super) struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    pub(super) fn mount(path: &Path, megabytes: u32) -> Result<Self> {
        std::fs::create_dir(path)?;
        let id_of = |flag: &str| -> Result<String> {
            let out = Command::new("id").args([flag, "postgres"]).output()?;
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
        };
        let options = format!(
            "size={megabytes}m,mode=0700,uid={},gid={}",
            id_of("-u")?,
            id_of("-g")?
        );
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &options, "ayah-asi-test-disk"])
            .arg(path)
            .status()?;
        if !mounted.success() {
            return Err(format!("mounting a tmpfs at {} failed", path.display()).into());
        }
        Ok(Self {
            path: path.to_owned(),
        })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

impl super::PuskesmasServer {
    /// The file that fills the small disk (see [`PuskesmasServer::start_on_small_disk`]).
    fn ballast(&self) -> PathBuf {
        self.dir.path().join("data").join("ballast")
    }

    /// Fills the cluster's disk to the last byte; how many bytes that took.
    pub fn fill_disk(&self) -> Result<u64> {
        use std::io::Write;
        if self.disk.is_none() {
            return Err("the cluster is not on a small disk".into());
        }
        let mut file = std::fs::File::create(self.ballast())?;
        let mut written = 0;
        for size in [1 << 20, 1 << 12, 1] {
            let chunk = vec![0u8; size];
            while file.write_all(&chunk).is_ok() {
                written += size as u64;
            }
        }
        Ok(written)
    }

    /// Gives the disk its room back.
    pub fn free_disk(&self) -> Result<()> {
        Ok(std::fs::remove_file(self.ballast())?)
    }
}
