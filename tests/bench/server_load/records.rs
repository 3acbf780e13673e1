//! The records the load sends: the fuzz corpus's whole-file seed, its ids moved into
//! each cadre's families and days.

use std::collections::BTreeMap;

use ayah_asi_core::bundle::{self, Header, Line};
use serde_json::Value;

const SEED: &str = include_str!("../../../fuzz/corpus/bundle/seed-whole-file");
/// Families per cadre.
pub const FAMILIES: usize = 30;

/// A deterministic id for `original` within `scope` (a cadre, a family, a day), shaped
/// as the app makes them (UUID v7: milliseconds first), made on `day`: a day's records
/// sort after the day before, as a phone's do.
fn id_for(original: &str, scope: &[usize], day: usize) -> String {
    // FNV-1a over the scope and the original id: stable across runs, no collisions
    // at these counts.
    let mut hash: u128 = 0x6c62272e07bb014262b821756295c58d;
    for byte in scope
        .iter()
        .flat_map(|n| n.to_le_bytes())
        .chain(original.bytes())
    {
        hash ^= u128::from(byte);
        hash = hash.wrapping_mul(0x0000000001000000000000000000013B);
    }
    // 2026-12-01 00:00 UTC, then a time within the day from the hash.
    const FIRST_DAY_MS: u64 = 1_796_083_200_000;
    const DAY_MS: u64 = 86_400_000;
    let millis = FIRST_DAY_MS + day as u64 * DAY_MS + (hash >> 64) as u64 % DAY_MS;
    let hex = format!("{millis:012x}{:020x}", hash & ((1 << 80) - 1));
    format!(
        "{}-{}-7{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// The seed's lines, tombstones left out.
pub fn seed_lines() -> Vec<Line> {
    SEED.lines()
        .skip(1)
        .filter_map(|l| serde_json::from_str::<Line>(l).ok())
        .filter(|l| l.deleted.is_none())
        .collect()
}

/// A copy of `line` with its ids moved into cadre `c`'s family `f` on day `d`.
fn moved(line: &Line, c: usize, f: usize, d: usize) -> Line {
    let map = |key: &str, value: &str| -> String {
        let is_family = key == "family_id" || (key == "id" && line.table == "family");
        let is_cadre =
            key == "cadre_id" || key == "device_id" || (key == "id" && line.table == "cadre");
        if is_family {
            id_for(value, &[c, f], 0)
        } else if is_cadre {
            id_for(value, &[c], 0)
        } else {
            id_for(value, &[c, f, d], d)
        }
    };
    let uuid_like = |v: &str| v.len() == 36 && v.chars().filter(|ch| *ch == '-').count() == 4;
    let mut body = line.body.clone().unwrap_or_default();
    for (key, value) in body.iter_mut() {
        if let Value::String(text) = value
            && uuid_like(text)
        {
            *text = map(key, text);
        }
    }
    Line {
        table: line.table.clone(),
        id: map("id", &line.id),
        body: Some(body),
        history: Vec::new(),
        deleted: None,
    }
}

fn bundle_of(c: usize, lines: Vec<Line>) -> Vec<u8> {
    let mut families: Vec<String> = lines
        .iter()
        .filter(|l| l.table == "family")
        .map(|l| l.id.clone())
        .collect();
    for line in &lines {
        if let Some(Value::String(f)) = line.body.as_ref().and_then(|b| b.get("family_id"))
            && !families.contains(f)
        {
            families.push(f.clone());
        }
    }
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: "bench".into(),
        device_id: id_for("device", &[c], 0),
        family_ids: families,
        created_at: ayah_asi_core::record::format_time(chrono::Local::now().fixed_offset()),
        since: None,
        counts: BTreeMap::new(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    };
    bundle::write(header, &lines)
}

/// Cadre `c`'s 30 families with everything the seed holds for one.
pub fn enrolment(c: usize, seed: &[Line]) -> Vec<u8> {
    enrolment_of(c, FAMILIES, seed)
}

/// Cadre `c`'s first `families` families with everything the seed holds for one.
pub fn enrolment_of(c: usize, families: usize, seed: &[Line]) -> Vec<u8> {
    let lines = (0..families)
        .flat_map(|f| seed.iter().map(move |l| moved(l, c, f, 0)))
        .fold(Vec::<Line>::new(), |mut all, l| {
            // The cadre comes once.
            if l.table != "cadre" || !all.iter().any(|a| a.id == l.id) {
                all.push(l);
            }
            all
        });
    bundle_of(c, lines)
}

/// Cadre `c`'s day `d`: two sessions and their ratings per family, two visits.
pub fn day(c: usize, d: usize, seed: &[Line]) -> Vec<u8> {
    let mut lines = Vec::new();
    for f in 0..FAMILIES {
        for line in seed
            .iter()
            .filter(|l| l.table == "massage_session" || l.table == "session_rating")
        {
            lines.push(moved(line, c, f, d));
        }
    }
    if let Some(cadre) = seed.iter().find(|l| l.table == "cadre") {
        lines.insert(0, moved(cadre, c, 0, d));
    }
    for f in 0..2 {
        for line in seed
            .iter()
            .filter(|l| l.table == "home_visit" || l.table == "visit_score")
        {
            lines.push(moved(line, c, f, d));
        }
    }
    bundle_of(c, lines)
}
