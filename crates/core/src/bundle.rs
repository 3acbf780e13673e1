//! Bundle files: how records travel between a family's device and a cadre's, offline,
//! through whatever carries files (a chat app, a cable). The format is specified in
//! `docs/bundle-format.md`; this module writes it, parses it, and checks every record
//! against [`TABLES`], the schema the importer enforces. No SQL here: storage reads and
//! writes the rows, this module only knows their shape.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::family::FamilyInput;

/// The `format` every bundle header names.
pub const FORMAT: &str = "ayah-asi-bundle";
/// The newest format this app reads and the one it writes. Version 2 may carry the
/// daftar tilik's `not-on-spine` row and the second protocol's safety questions, which
/// a version-1 reader would refuse as unknown: it now says "update the app" instead.
pub const FORMAT_VERSION: u32 = 2;
/// Larger files are refused before they are read.
pub const MAX_BUNDLE_BYTES: u64 = 20 * 1024 * 1024;
/// The file name extension bundles are saved with.
pub const EXTENSION: &str = "ayahasi";

/// A record's columns by name, as JSON. A `BTreeMap` so its serialization (sorted keys,
/// no spaces) is canonical: the same record always hashes the same.
pub type Body = BTreeMap<String, Value>;

/// What a column may hold.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A UUID (record ids, device ids).
    Id,
    /// RFC 3339 with an offset, not in the future.
    Time,
    /// `YYYY-MM-DD`.
    Date,
    /// Text of 1..=max characters.
    Text { max: usize },
    /// An integer in a range.
    Int { min: i64, max: i64 },
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// Comma-separated words from this list (may be empty).
    Words(&'static [&'static str]),
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
}

const fn req(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: false,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: true,
    }
}

/// One kind of record that travels.
#[derive(Debug)]
pub struct TableSpec {
    pub name: &'static str,
    pub columns: &'static [Column],
    /// Edited in place: carries `row_version` and its earlier versions travel along.
    pub editable: bool,
    /// Columns that identify the same fact across devices besides the id.
    pub natural_key: &'static [&'static str],
    /// Columns naming a parent record that must exist (table, column).
    pub parents: &'static [(&'static str, &'static str)],
}

impl TableSpec {
    pub fn column_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.columns.iter().map(|c| c.name)
    }
}

const ID: Column = req("id", Kind::Id);
const DEVICE: Column = req("device_id", Kind::Id);
const CREATED: Column = req("created_at", Kind::Time);
const UPDATED: Column = req("updated_at", Kind::Time);
const ROW_VERSION: Column = req(
    "row_version",
    Kind::Int {
        min: 1,
        max: 1_000_000,
    },
);
const FAMILY: Column = req("family_id", Kind::Id);
const MILK_STATUSES: &[&str] = &["lancar", "tidak-lancar", "tidak-ada"];
const SESSION_STATUSES_DONE: &[&str] = &["finished", "stopped", "not-started"];
const STOP_REASONS: &[&str] = &[
    "no-consent",
    "safety",
    "mother-asked",
    "pain",
    "interrupted",
    "other",
];
const BOOL: Kind = Kind::Int { min: 0, max: 1 };

/// Every table that travels, parents before children (the order records are applied).
pub const TABLES: &[TableSpec] = &[
    TableSpec {
        name: "family",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            ROW_VERSION,
            req("father_name", Kind::Text { max: 60 }),
            req("mother_name", Kind::Text { max: 60 }),
            req("baby_birth_date", Kind::Date),
            opt("posyandu", Kind::Text { max: 80 }),
            opt("rw", Kind::Text { max: 3 }),
            opt("rt", Kind::Text { max: 3 }),
            opt("mother_age", Kind::Int { min: 12, max: 60 }),
            opt(
                "mother_education",
                Kind::OneOf(&super::family::EDUCATION_LEVELS),
            ),
            opt("parity", Kind::OneOf(&super::family::PARITIES)),
        ],
        editable: true,
        natural_key: &[],
        parents: &[],
    },
    TableSpec {
        name: "cadre",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            req("name", Kind::Text { max: 60 }),
        ],
        editable: false,
        natural_key: &[],
        parents: &[],
    },
    TableSpec {
        name: "consent",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("kind", Kind::OneOf(&["health-data"])),
            req("text_version", Kind::Text { max: 40 }),
            req("given_at", Kind::Time),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
    },
    TableSpec {
        name: "massage_plan",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            ROW_VERSION,
            FAMILY,
            req("pass_seconds", Kind::Int { min: 60, max: 300 }),
            req("passes", Kind::Int { min: 1, max: 5 }),
        ],
        editable: true,
        natural_key: &["family_id"],
        parents: &[("family", "family_id")],
    },
    TableSpec {
        name: "massage_session",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("protocol_version", Kind::Text { max: 40 }),
            req("pass_seconds", Kind::Int { min: 60, max: 300 }),
            req("passes", Kind::Int { min: 1, max: 5 }),
            req("status", Kind::OneOf(SESSION_STATUSES_DONE)),
            opt("stop_reason", Kind::OneOf(STOP_REASONS)),
            opt("safety_flags", Kind::Text { max: 400 }),
            opt("started_at", Kind::Time),
            opt("ended_at", Kind::Time),
            req(
                "last_active_ms",
                Kind::Int {
                    min: 0,
                    max: 86_400_000,
                },
            ),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
    },
    TableSpec {
        name: "session_rating",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            req("session_id", Kind::Id),
            FAMILY,
            req("version", Kind::Int { min: 1, max: 1000 }),
            req("answered_by", Kind::OneOf(&["mother", "father", "cadre"])),
            req("skipped", BOOL),
            opt("comfort", Kind::Int { min: 1, max: 5 }),
            opt("pain_before", Kind::Int { min: 0, max: 10 }),
            opt("pain_after", Kind::Int { min: 0, max: 10 }),
            opt("milk_flow", Kind::OneOf(&["none", "drips", "sprays"])),
            opt("note", Kind::Text { max: 500 }),
        ],
        editable: false,
        natural_key: &["session_id", "version"],
        parents: &[("massage_session", "session_id"), ("family", "family_id")],
    },
    TableSpec {
        name: "milk_status",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("recorded_on", Kind::Date),
            req("status", Kind::OneOf(MILK_STATUSES)),
            req("indicators", Kind::Words(&super::rating::MILK_INDICATORS)),
            req("recorded_by", Kind::OneOf(&["mother", "cadre"])),
            req("kind", Kind::OneOf(&["enrolment", "follow-up"])),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
    },
    TableSpec {
        name: "home_visit",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            req("original_id", Kind::Id),
            req("version", Kind::Int { min: 1, max: 1000 }),
            opt("amend_reason", Kind::Text { max: 300 }),
            FAMILY,
            req("cadre_id", Kind::Id),
            req("visited_on", Kind::Date),
            req("checklist_version", Kind::Text { max: 40 }),
            req("total", Kind::Int { min: 0, max: 1000 }),
            req("maximum", Kind::Int { min: 1, max: 1000 }),
            req("percent", Kind::Int { min: 0, max: 100 }),
            req("band", Kind::OneOf(&["baik", "cukup", "kurang"])),
            req("competent", BOOL),
            opt("coaching_notes", Kind::Text { max: 1000 }),
            req(
                "motivation",
                Kind::OneOf(&["cooperative", "hesitant", "refuses"]),
            ),
            opt("milk_status", Kind::OneOf(MILK_STATUSES)),
        ],
        editable: false,
        natural_key: &["original_id", "version"],
        parents: &[("family", "family_id"), ("cadre", "cadre_id")],
    },
    TableSpec {
        name: "visit_score",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            req("visit_id", Kind::Id),
            req("row_id", Kind::OneOf(&super::checklist::ROWS)),
            req("score", Kind::Int { min: 0, max: 2 }),
            opt("note", Kind::Text { max: 300 }),
        ],
        editable: false,
        natural_key: &["visit_id", "row_id"],
        parents: &[("home_visit", "visit_id")],
    },
    TableSpec {
        name: "lesson_read",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("lesson_id", Kind::Text { max: 60 }),
        ],
        editable: false,
        natural_key: &["family_id", "lesson_id"],
        parents: &[("family", "family_id")],
    },
    TableSpec {
        name: "quiz_attempt",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("quiz_version", Kind::Text { max: 40 }),
            req("kind", Kind::OneOf(&["pre", "post"])),
            req("correct", Kind::Int { min: 0, max: 10 }),
            req("score", Kind::Int { min: 0, max: 100 }),
            req("answers", Kind::Text { max: 400 }),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
    },
];

/// The spec of a table that travels.
pub fn table(name: &str) -> Option<&'static TableSpec> {
    TABLES.iter().find(|t| t.name == name)
}

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

/// Reads and checks a whole bundle. `now` bounds record times (nothing from the future).
pub fn parse(bytes: &[u8], now: DateTime<FixedOffset>) -> Result<Bundle, BundleError> {
    if bytes.len() as u64 > MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    parse_any_size(bytes, now)
}

/// [`parse`] without the file size limit: only for benchmarks that measure bundles
/// larger than a user may import. The app always calls [`parse`].
pub fn parse_any_size(bytes: &[u8], now: DateTime<FixedOffset>) -> Result<Bundle, BundleError> {
    let header_end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(BundleError::NotABundle)?;
    let header = read_header(&bytes[..header_end])?;
    let body = &bytes[header_end + 1..];
    if sha256_hex(body) != header.body_sha256 {
        return Err(BundleError::Damaged);
    }
    let text = std::str::from_utf8(body).map_err(|_| BundleError::Damaged)?;
    let mut bundle = Bundle {
        header,
        records: Vec::new(),
        tombstones: Vec::new(),
        file_sha256: sha256_hex(bytes),
    };
    let mut seen = HashSet::new();
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for (index, raw) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
        let number = index + 2; // the header is line 1
        let line: Line = serde_json::from_str(raw)
            .map_err(|_| invalid(number, "?", "line", "is not a record"))?;
        let spec = table(&line.table)
            .ok_or_else(|| invalid(number, &line.table, "table", "is unknown"))?;
        check_id(number, spec.name, "id", &line.id)?;
        if !seen.insert((spec.name, line.id.clone())) {
            return Err(invalid(number, spec.name, "id", "appears twice"));
        }
        match (line.body, line.deleted) {
            (Some(body), None) => {
                let record = check_record(number, spec, &line.id, body, line.history, now)?;
                *counts.entry(spec.name.to_owned()).or_insert(0) += 1;
                bundle.records.push(record);
            }
            (None, Some(deleted)) if line.history.is_empty() => {
                check_time(number, spec.name, "at", &deleted.at, now)?;
                check_id(number, spec.name, "device_id", &deleted.device_id)?;
                if let Some(family) = &deleted.family_id {
                    check_id(number, spec.name, "family_id", family)?;
                }
                *counts.entry("deleted".to_owned()).or_insert(0) += 1;
                bundle.tombstones.push(Tombstone {
                    table: spec,
                    id: line.id,
                    deleted,
                });
            }
            _ => {
                return Err(invalid(
                    number,
                    spec.name,
                    "body",
                    "is missing or mixed with a deletion",
                ));
            }
        }
    }
    if counts != bundle.header.counts {
        return Err(BundleError::Damaged);
    }
    Ok(bundle)
}

fn read_header(bytes: &[u8]) -> Result<Header, BundleError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|_| BundleError::NotABundle)?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BundleError::NotABundle);
    }
    let version = value
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or(BundleError::NotABundle)?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(BundleError::NewerFormat {
            version: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    let header: Header = serde_json::from_value(value).map_err(|_| BundleError::NotABundle)?;
    let hex = |s: &str| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let ids_ok = uuid::Uuid::parse_str(&header.device_id).is_ok()
        && header
            .family_ids
            .iter()
            .all(|id| uuid::Uuid::parse_str(id).is_ok());
    if !hex(&header.body_sha256) || !ids_ok {
        return Err(BundleError::NotABundle);
    }
    Ok(header)
}

fn check_record(
    line: usize,
    spec: &'static TableSpec,
    id: &str,
    body: Body,
    history: Vec<Body>,
    now: DateTime<FixedOffset>,
) -> Result<Incoming, BundleError> {
    if !spec.editable && !history.is_empty() {
        return Err(invalid(
            line,
            spec.name,
            "history",
            "is not kept for this record",
        ));
    }
    check_body(line, spec, &body, now)?;
    if body.get("id").and_then(Value::as_str) != Some(id) {
        return Err(invalid(
            line,
            spec.name,
            "id",
            "differs from the record's id",
        ));
    }
    let mut versions = Vec::with_capacity(history.len());
    for old in history {
        check_body(line, spec, &old, now)?;
        if old.get("id").and_then(Value::as_str) != Some(id) {
            return Err(invalid(line, spec.name, "history", "holds another record"));
        }
        let hash = body_hash(&old);
        versions.push((old, hash));
    }
    let row_version = body.get("row_version").and_then(Value::as_i64).unwrap_or(1);
    Ok(Incoming {
        table: spec,
        id: id.to_owned(),
        hash: body_hash(&body),
        body,
        row_version,
        history: versions,
    })
}

/// Checks every column of one record against its table's spec, then the rules the
/// app's own commands apply to that kind of record.
pub fn check_body(
    line: usize,
    spec: &TableSpec,
    body: &Body,
    now: DateTime<FixedOffset>,
) -> Result<(), BundleError> {
    if let Some(unknown) = body
        .keys()
        .find(|k| !spec.column_names().any(|c| c == k.as_str()))
    {
        return Err(invalid(line, spec.name, unknown, "is not a known field"));
    }
    for column in spec.columns {
        match body.get(column.name) {
            None => return Err(invalid(line, spec.name, column.name, "is missing")),
            Some(Value::Null) if column.nullable => {}
            Some(Value::Null) => return Err(invalid(line, spec.name, column.name, "is empty")),
            Some(value) => check_value(line, spec.name, column, value, now)?,
        }
    }
    match spec.name {
        "family" => check_family(line, body),
        "massage_session" => check_session(line, body),
        "session_rating" => check_rating(line, body),
        "quiz_attempt" => check_quiz(line, body),
        "home_visit" => check_visit(line, body),
        _ => Ok(()),
    }
}

fn check_value(
    line: usize,
    table: &str,
    column: &Column,
    value: &Value,
    now: DateTime<FixedOffset>,
) -> Result<(), BundleError> {
    let name = column.name;
    let text = || {
        value
            .as_str()
            .ok_or_else(|| invalid(line, table, name, "is not text"))
    };
    match column.kind {
        Kind::Id => check_id(line, table, name, text()?),
        Kind::Time => check_time(line, table, name, text()?, now),
        Kind::Date => NaiveDate::parse_from_str(text()?, "%Y-%m-%d")
            .map(|_| ())
            .map_err(|_| invalid(line, table, name, "is not a date")),
        Kind::Text { max } => {
            let text = text()?;
            let length = text.chars().count();
            if length == 0 || length > max {
                Err(invalid(line, table, name, "has a wrong length"))
            } else if text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
            {
                Err(invalid(line, table, name, "holds control characters"))
            } else {
                Ok(())
            }
        }
        Kind::Int { min, max } => match value.as_i64() {
            Some(n) if (min..=max).contains(&n) => Ok(()),
            Some(_) => Err(invalid(line, table, name, "is out of range")),
            None => Err(invalid(line, table, name, "is not a whole number")),
        },
        Kind::OneOf(allowed) => {
            if allowed.contains(&text()?) {
                Ok(())
            } else {
                Err(invalid(line, table, name, "is not an allowed value"))
            }
        }
        Kind::Words(allowed) => {
            let text = text()?;
            if text.is_empty() || text.split(',').all(|w| allowed.contains(&w)) {
                Ok(())
            } else {
                Err(invalid(line, table, name, "is not an allowed value"))
            }
        }
    }
}

fn check_id(line: usize, table: &str, name: &str, text: &str) -> Result<(), BundleError> {
    match uuid::Uuid::parse_str(text) {
        Ok(id) if text.len() == 36 && id.hyphenated().to_string() == text => Ok(()),
        _ => Err(invalid(line, table, name, "is not an id")),
    }
}

/// Times must carry their offset and must not be in the future (a day of slack for a
/// wrongly set clock).
fn check_time(
    line: usize,
    table: &str,
    name: &str,
    text: &str,
    now: DateTime<FixedOffset>,
) -> Result<(), BundleError> {
    let time = DateTime::parse_from_rfc3339(text)
        .map_err(|_| invalid(line, table, name, "is not a time"))?;
    if time > now + Duration::days(1) {
        return Err(invalid(line, table, name, "is in the future"));
    }
    Ok(())
}

fn text_of<'a>(body: &'a Body, name: &str) -> Option<&'a str> {
    body.get(name).and_then(Value::as_str)
}

fn int_of(body: &Body, name: &str) -> Option<i64> {
    body.get(name).and_then(Value::as_i64)
}

/// The same rules as registering a family, applied on the day it was registered.
fn check_family(line: usize, body: &Body) -> Result<(), BundleError> {
    let created = text_of(body, "created_at")
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.date_naive())
        .ok_or_else(|| invalid(line, "family", "created_at", "is not a time"))?;
    let own = |name: &str| text_of(body, name).map(str::to_owned);
    let input = FamilyInput {
        father_name: own("father_name").unwrap_or_default(),
        mother_name: own("mother_name").unwrap_or_default(),
        baby_birth_date: own("baby_birth_date").unwrap_or_default(),
        posyandu: own("posyandu"),
        rw: own("rw"),
        rt: own("rt"),
        consent_given: true,
        mother_age: int_of(body, "mother_age").map(|a| a.to_string()),
        mother_education: own("mother_education"),
        parity: own("parity"),
    };
    let family = input.validate(created).map_err(|errors| {
        invalid(
            line,
            "family",
            errors.first().map_or("family", |e| e.field),
            "breaks the family rules",
        )
    })?;
    // Stored values are already trimmed; anything else did not come from this app.
    if family.father_name != input.father_name || family.mother_name != input.mother_name {
        return Err(invalid(line, "family", "father_name", "is not trimmed"));
    }
    Ok(())
}

fn check_session(line: usize, body: &Body) -> Result<(), BundleError> {
    let status = text_of(body, "status");
    let stopped = matches!(status, Some("stopped" | "not-started"));
    if stopped != body.get("stop_reason").is_some_and(|v| !v.is_null()) {
        return Err(invalid(
            line,
            "massage_session",
            "stop_reason",
            "does not match the status",
        ));
    }
    Ok(())
}

fn check_rating(line: usize, body: &Body) -> Result<(), BundleError> {
    let present = |name: &str| body.get(name).is_some_and(|v| !v.is_null());
    let answered = present("comfort") && present("milk_flow");
    let anything = ["comfort", "milk_flow", "pain_before", "pain_after", "note"]
        .iter()
        .any(|n| present(n));
    let ok = match int_of(body, "skipped") {
        Some(1) => !anything,
        _ => answered,
    };
    if ok {
        Ok(())
    } else {
        Err(invalid(
            line,
            "session_rating",
            "skipped",
            "does not match the answers",
        ))
    }
}

fn check_quiz(line: usize, body: &Body) -> Result<(), BundleError> {
    if int_of(body, "score") != int_of(body, "correct").map(|c| c * 10) {
        return Err(invalid(
            line,
            "quiz_attempt",
            "score",
            "does not match the answers",
        ));
    }
    Ok(())
}

fn check_visit(line: usize, body: &Body) -> Result<(), BundleError> {
    let (total, maximum) = (int_of(body, "total"), int_of(body, "maximum"));
    if total > maximum {
        return Err(invalid(line, "home_visit", "total", "is over the maximum"));
    }
    let first = int_of(body, "version") == Some(1);
    if first != body.get("amend_reason").is_none_or(Value::is_null) {
        return Err(invalid(
            line,
            "home_visit",
            "amend_reason",
            "does not match the version",
        ));
    }
    Ok(())
}

/// What is known locally about the record an incoming one corresponds to.
#[derive(Debug, Clone)]
pub struct Local {
    pub id: String,
    pub hash: String,
    pub row_version: i64,
    /// Hashes of the versions this device's copy replaced.
    pub history: HashSet<String>,
}

/// What importing one record does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// Not here yet: added.
    New,
    /// Already here, the same.
    Known,
    /// Here in an older version that the incoming one was edited from: replaced, the
    /// old version kept in history.
    Updated,
    /// Here in a newer version made from the incoming one: kept.
    Older,
    /// Changed on both devices: the incoming version is kept aside for the cadre.
    Conflict,
    /// Deleted on this device: not brought back.
    Deleted,
    /// Its parent record was not applied (a conflict or a deletion): left for later.
    Held,
}

/// Decides what to do with one incoming record, given what this device holds.
/// `seen_conflict`: this exact version was already set aside (or resolved) before.
pub fn decide(
    incoming: &Incoming,
    local: Option<&Local>,
    tombstoned: bool,
    seen_conflict: bool,
) -> Decision {
    if tombstoned {
        return Decision::Deleted;
    }
    let Some(local) = local else {
        return Decision::New;
    };
    if local.hash == incoming.hash || seen_conflict {
        return Decision::Known;
    }
    if incoming.table.editable && local.id == incoming.id {
        if incoming.history.iter().any(|(_, hash)| *hash == local.hash) {
            return Decision::Updated;
        }
        if local.history.contains(&incoming.hash) {
            return Decision::Older;
        }
    }
    // Reading a lesson on two devices is the same fact, whatever the record ids.
    if incoming.table.name == "lesson_read" {
        return Decision::Known;
    }
    Decision::Conflict
}

#[cfg(test)]
#[path = "bundle_tests.rs"]
mod tests;
