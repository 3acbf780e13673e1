//! Feeds arbitrary bytes to the bundle parser and validator, two ways: as a whole file
//! (the header, size and hash checks), and as a body given a correct header and hash
//! (so the record checks are reached, which random bytes never pass a SHA-256 to).
//! Whatever parses must write back and parse again to the same records.
#![no_main]

use ayah_asi_fuzz::domain::bundle::{self, Header, Line};
use chrono::{DateTime, FixedOffset};
use libfuzzer_sys::fuzz_target;

fn now() -> DateTime<FixedOffset> {
    // After the seeds were written, so their records are not "in the future".
    DateTime::parse_from_rfc3339("2030-01-01T09:00:00+07:00").unwrap_or_default()
}

fn header() -> Header {
    Header {
        format: String::new(),
        format_version: 0,
        app_version: "fuzz".into(),
        device_id: "0193a1b2-0000-7000-8000-0000000000aa".into(),
        family_ids: Vec::new(),
        created_at: "2026-11-22T09:00:00.000+07:00".into(),
        since: None,
        counts: Default::default(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    }
}

/// A file with a valid header around `body`: counts taken from the lines that parse.
fn wrap(body: &[u8]) -> Vec<u8> {
    let mut header = header();
    let mut counts = std::collections::BTreeMap::new();
    for line in body.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        if let Ok(parsed) = serde_json::from_slice::<Line>(line) {
            let key = if parsed.deleted.is_some() {
                "deleted".to_owned()
            } else {
                parsed.table
            };
            *counts.entry(key).or_insert(0) += 1;
        }
    }
    header.format = bundle::FORMAT.into();
    header.format_version = bundle::FORMAT_VERSION;
    header.counts = counts;
    header.body_sha256 = bundle::sha256_hex(body);
    let mut file = serde_json::to_vec(&header).unwrap_or_default();
    file.push(b'\n');
    file.extend_from_slice(body);
    file
}

fuzz_target!(|data: &[u8]| {
    let _ = bundle::parse(data, now());
    if let Ok(parsed) = bundle::parse(&wrap(data), now()) {
        // Round trip: what was accepted writes back to a bundle that parses the same.
        let lines: Vec<Line> = parsed
            .records
            .iter()
            .map(|r| Line {
                table: r.table.name.into(),
                id: r.id.clone(),
                body: Some(r.body.clone()),
                history: r.history.iter().map(|(b, _)| b.clone()).collect(),
                deleted: None,
            })
            .chain(parsed.tombstones.iter().map(|t| Line {
                table: t.table.name.into(),
                id: t.id.clone(),
                body: None,
                history: Vec::new(),
                deleted: Some(t.deleted.clone()),
            }))
            .collect();
        let again = bundle::parse(&bundle::write(header(), &lines), now())
            .expect("an accepted bundle must parse again after writing");
        let hashes =
            |b: &bundle::Bundle| b.records.iter().map(|r| r.hash.clone()).collect::<Vec<_>>();
        assert_eq!(hashes(&parsed), hashes(&again));
        assert_eq!(parsed.tombstones.len(), again.tombstones.len());
    }
});
