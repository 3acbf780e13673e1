//! Bundle files: how records travel between a family's device and a cadre's, offline,
//! through whatever carries files (a chat app, a cable). The format is specified in
//! `docs/bundle-format.md`; this module writes it, parses it, and checks every record
//! against [`TABLES`], the schema the importer enforces. No SQL here: storage reads and
//! writes the rows, this module only knows their shape.

mod check;
mod merge;
pub mod owner;
pub mod plan;
pub mod recalls;
mod schema;

pub use check::{check_body, parse, parse_any_size, without_null_later_columns};
pub use merge::{Decision, Local, decide};
pub use schema::*;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The `format` every bundle header names.
pub const FORMAT: &str = "ayah-asi-bundle";
/// The newest format this app reads and the one it writes. Version 2 may carry the
/// daftar tilik's `not-on-spine` row and the second protocol's safety questions, which
/// a version-1 reader would refuse as unknown: it now says "update the app" instead.
/// Version 3 adds a family's `pregnant`; version 4 who gave a session (`given_by`) and
/// whom a visit observed (`observed`); version 5 the daftar tilik's third version (rows
/// `consent-safety` and `offer-breast`) and the milk indicators of stools and weight;
/// version 6 what the baby had yesterday (`feeding_recall`).
pub const FORMAT_VERSION: u32 = 6;
/// Larger files are refused before they are read.
pub const MAX_BUNDLE_BYTES: u64 = 20 * 1024 * 1024;
/// The file name extension bundles are saved with.
pub const EXTENSION: &str = "ayahasi";

/// A record's columns by name, as JSON. A `BTreeMap` so its serialization (sorted keys,
/// no spaces) is canonical: the same record always hashes the same.
pub type Body = BTreeMap<String, Value>;

/// The first line of a bundle file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    /// The device that wrote the bundle.
    pub device_id: String,
    /// The families whose records it holds.
    pub family_ids: Vec<String>,
    pub created_at: String,
    /// Records changed before this time were left out (`null`: everything).
    pub since: Option<String>,
    /// Record lines per table, and `deleted` for tombstones.
    pub counts: BTreeMap<String, u64>,
    /// SHA-256 of everything after the header line, lowercase hex.
    pub body_sha256: String,
    /// Format 4: the sending cadre's posko Ayah ASI, when she has set one. It is hers,
    /// not a family's record, so it rides here; a newer one replaces an older one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posko: Option<crate::posko::PoskoNotice>,
    /// In pushes from a cadre's phone to the server only: each cadre on the phone who
    /// took her own knowledge test, with her scores (the dashboard counts counselled
    /// cadres). Optional and unknown to older readers, so the format stays 4.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counselling: Vec<crate::learning::CadreCounselling>,
}

/// A record was deleted on the device that wrote the bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deleted {
    pub at: String,
    pub device_id: String,
    pub family_id: Option<String>,
}

/// One line of the body: a record (its current body and, for editable tables, the
/// versions it replaced) or a tombstone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub table: String,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Body>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Body>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<Deleted>,
}

/// A parsed, checked record with its hashes worked out.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub table: &'static TableSpec,
    pub id: String,
    pub body: Body,
    pub hash: String,
    pub row_version: i64,
    pub history: Vec<(Body, String)>,
}

/// A parsed, checked tombstone.
#[derive(Debug, Clone)]
pub struct Tombstone {
    pub table: &'static TableSpec,
    pub id: String,
    pub deleted: Deleted,
}

/// A bundle that passed every check.
#[derive(Debug, Clone)]
pub struct Bundle {
    pub header: Header,
    pub records: Vec<Incoming>,
    pub tombstones: Vec<Tombstone>,
    /// SHA-256 of the whole file, to tell the same bundle seen twice.
    pub file_sha256: String,
}

/// Why a bundle was refused. Nothing is applied from a refused bundle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("not a bundle file")]
    NotABundle,
    #[error("the file is {bytes} bytes, over the limit")]
    TooLarge { bytes: u64 },
    #[error("bundle format {version} is newer than this app reads")]
    NewerFormat { version: u32 },
    #[error("the bundle is damaged or was changed (hash or counts do not match)")]
    Damaged,
    #[error("record on line {line} ({table}): {field} {problem}")]
    InvalidRecord {
        line: usize,
        table: String,
        field: String,
        problem: &'static str,
    },
}

fn invalid(line: usize, table: &str, field: &str, problem: &'static str) -> BundleError {
    BundleError::InvalidRecord {
        line,
        table: table.to_owned(),
        field: field.to_owned(),
        problem,
    }
}

/// The canonical text of a body: keys sorted, no spaces.
pub fn canonical(body: &Body) -> String {
    // Serializing a map of JSON values cannot fail.
    serde_json::to_string(body).unwrap_or_default()
}

/// SHA-256 as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hash that identifies one version of a record.
pub fn body_hash(body: &Body) -> String {
    sha256_hex(canonical(body).as_bytes())
}

/// Writes a bundle: the header line (with counts and the body's hash filled in), then
/// one JSON line per record.
pub fn write(mut header: Header, lines: &[Line]) -> Vec<u8> {
    let mut body = Vec::new();
    let mut counts = BTreeMap::new();
    for line in lines {
        let key = if line.deleted.is_some() {
            "deleted".to_owned()
        } else {
            line.table.clone()
        };
        *counts.entry(key).or_insert(0) += 1;
        body.extend_from_slice(serde_json::to_string(line).unwrap_or_default().as_bytes());
        body.push(b'\n');
    }
    header.format = FORMAT.to_owned();
    header.format_version = FORMAT_VERSION;
    header.counts = counts;
    header.body_sha256 = sha256_hex(&body);
    let mut file = serde_json::to_vec(&header).unwrap_or_default();
    file.push(b'\n');
    file.extend_from_slice(&body);
    file
}

#[cfg(test)]
mod tests;
