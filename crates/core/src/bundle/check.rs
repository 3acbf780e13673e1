//! Reading a bundle: the header, the size and hash checks, and every record checked
//! against the schema and the rules the app's own commands apply.

use std::collections::HashSet;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use serde_json::Value;

use super::*;
use crate::family::FamilyInput;

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
    if header.posko.as_ref().is_some_and(|p| !p.is_valid()) {
        return Err(invalid(1, "header", "posko", "breaks the posko rules"));
    }
    let mut cadres = std::collections::HashSet::new();
    let once = header
        .counselling
        .iter()
        .all(|c| cadres.insert(&c.cadre_id));
    if !once || header.counselling.iter().any(|c| !c.is_valid()) {
        return Err(invalid(
            1,
            "header",
            "counselling",
            "breaks the test's rules",
        ));
    }
    Ok(header)
}

/// The most earlier versions one record may carry: a family edited twice a week for a
/// year has a hundred; more is a file made to fill a store (and every pull of it).
pub const MAX_HISTORY: usize = 200;

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
    if history.len() > MAX_HISTORY {
        return Err(invalid(
            line,
            spec.name,
            "history",
            "holds too many versions",
        ));
    }
    let body = without_null_later_columns(spec, body);
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
        let old = without_null_later_columns(spec, old);
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

/// Leaves out columns added after format 2 while they are null, so a record reads and
/// hashes the same whether it came from an older file, an older kept version, or this
/// app's database (which leaves them out the same way: `without_null_later_columns`).
pub fn without_null_later_columns(spec: &TableSpec, mut body: Body) -> Body {
    for column in spec.columns.iter().filter(|c| c.added_later) {
        if body.get(column.name).is_some_and(Value::is_null) {
            body.remove(column.name);
        }
    }
    body
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
            None if column.added_later => {}
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
        "feeding_recall" => check_feeding_recall(line, body),
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
    if !crate::record::is_storable_time(time) {
        return Err(invalid(line, table, name, "is outside the times kept"));
    }
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

/// The same rules as registering a family, applied on the day it was registered, or on the
/// day it was last edited (a birth recorded after an enrolment in pregnancy).
fn check_family(line: usize, body: &Body) -> Result<(), BundleError> {
    let day_of = |name: &'static str| {
        text_of(body, name)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.date_naive())
            .ok_or_else(|| invalid(line, "family", name, "is not a time"))
    };
    let (created, updated) = (day_of("created_at")?, day_of("updated_at")?);
    let own = |name: &str| text_of(body, name).map(str::to_owned);
    let input = FamilyInput {
        father_name: own("father_name").unwrap_or_default(),
        mother_name: own("mother_name").unwrap_or_default(),
        baby_birth_date: own("baby_birth_date").unwrap_or_default(),
        pregnant: int_of(body, "pregnant") == Some(1),
        posyandu: own("posyandu"),
        rw: own("rw"),
        rt: own("rt"),
        consent_given: true,
        mother_age: int_of(body, "mother_age").map(|a| a.to_string()),
        mother_education: own("mother_education"),
        parity: own("parity"),
    };
    let family = input
        .validate(created)
        .or_else(|_| input.validate(updated))
        .map_err(|errors| {
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

/// Something was chosen, and a first day of anything but breast milk only beside "yes".
/// (Against the baby's birth: `recalls`, which sees the family record.)
fn check_feeding_recall(line: usize, body: &Body) -> Result<(), BundleError> {
    if text_of(body, "items").is_none_or(str::is_empty) {
        return Err(invalid(line, "feeding_recall", "items", "is empty"));
    }
    let first = body.get("first_other_on").is_some_and(|v| !v.is_null());
    if first && text_of(body, "ever_other") != Some("yes") {
        return Err(invalid(
            line,
            "feeding_recall",
            "first_other_on",
            "does not match the answer",
        ));
    }
    Ok(())
}
