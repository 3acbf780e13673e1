//! Bundles as a cadre's phone would push them, with times relative to now: a family,
//! its sessions and ratings, milk statuses, visits with their daftar tilik scores.

use ayah_asi_core::bundle::{self, Body, Header, Line};
use chrono::{Duration, Utc};
use serde_json::{Value, json};

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// RFC 3339 `days` ago (minus a minute, so "today" is never in the future).
pub fn time_ago(days: i64) -> String {
    (Utc::now() - Duration::days(days) - Duration::minutes(1))
        .fixed_offset()
        .to_rfc3339()
}

pub fn day_ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).date_naive().to_string()
}

fn body(value: Value) -> Body {
    serde_json::from_value(value).unwrap_or_default()
}

/// One family and what happened to it, as lines of one cadre's bundle.
pub struct FamilyRecords {
    pub family: String,
    pub device: String,
    pub cadre_record: String,
    lines: Vec<Line>,
}

impl FamilyRecords {
    /// A family enrolled `days` ago (the baby born that day), with the cadre's record.
    pub fn enrolled(father: &str, mother: &str, days: i64) -> Self {
        let (family, device, cadre_record) = (new_id(), new_id(), new_id());
        let at = time_ago(days);
        let mut records = Self {
            family: family.clone(),
            device: device.clone(),
            cadre_record: cadre_record.clone(),
            lines: Vec::new(),
        };
        records.add(
            "family",
            &family,
            json!({
                "father_name": father, "mother_name": mother, "baby_birth_date": day_ago(days),
                "posyandu": null, "rw": "3", "rt": null, "mother_age": 27,
                "mother_education": null, "parity": null, "row_version": 1,
                "created_at": at, "updated_at": at,
            }),
        );
        records.add(
            "cadre",
            &cadre_record,
            json!({ "name": "Bu Rina", "created_at": at, "updated_at": at }),
        );
        records
    }

    fn add(&mut self, table: &str, id: &str, fields: Value) {
        let mut fields = fields;
        fields["id"] = json!(id);
        fields["device_id"] = json!(self.device);
        if table != "family" && table != "cadre" && table != "visit_score" {
            fields["family_id"] = json!(self.family);
        }
        self.lines.push(Line {
            table: table.to_owned(),
            id: id.to_owned(),
            body: Some(body(fields)),
            history: Vec::new(),
            deleted: None,
        });
    }

    /// A session `days` ago; `stop`: stopped for that reason, else finished.
    pub fn session(&mut self, days: i64, stop: Option<&str>) -> String {
        let (id, at) = (new_id(), time_ago(days));
        let status = if stop.is_some() {
            "stopped"
        } else {
            "finished"
        };
        self.add(
            "massage_session",
            &id,
            json!({
                "protocol_version": "pijat-oksitosin-v1", "pass_seconds": 120, "passes": 3,
                "status": status, "stop_reason": stop, "safety_flags": null,
                "started_at": at, "ended_at": at, "last_active_ms": 0, "given_by": "father",
                "created_at": at, "updated_at": at,
            }),
        );
        id
    }

    /// The mother's rating of a session.
    pub fn rating(&mut self, session: &str, days: i64, comfort: u8, pain: (u8, u8)) {
        let at = time_ago(days);
        self.add(
            "session_rating",
            &new_id(),
            json!({
                "session_id": session, "version": 1, "answered_by": "mother", "skipped": 0,
                "comfort": comfort, "pain_before": pain.0, "pain_after": pain.1,
                "milk_flow": "drips", "note": null, "created_at": at, "updated_at": at,
            }),
        );
    }

    pub fn milk(&mut self, days: i64, status: &str) {
        let at = time_ago(days);
        self.add(
            "milk_status",
            &new_id(),
            json!({
                "recorded_on": day_ago(days), "status": status, "indicators": "",
                "recorded_by": "mother", "kind": "follow-up", "created_at": at, "updated_at": at,
            }),
        );
    }

    /// A visit `days` ago scoring every daftar tilik row 2 but those in `low`.
    pub fn visit(&mut self, days: i64, low: &[(&str, u8)]) -> String {
        let (id, at) = (new_id(), time_ago(days));
        let scores: Vec<(&str, u8)> = ayah_asi_core::checklist::ROWS
            .iter()
            .map(|row| {
                let score = low.iter().find(|(r, _)| r == row).map_or(2, |(_, s)| *s);
                (*row, score)
            })
            .collect();
        let total: u32 = scores.iter().map(|(_, s)| u32::from(*s)).sum();
        let maximum = 2 * scores.len() as u32;
        let percent = total * 100 / maximum;
        let critical = low
            .iter()
            .any(|(r, s)| *s == 0 && ayah_asi_core::checklist::is_critical(r));
        self.add(
            "home_visit",
            &id,
            json!({
                "original_id": id, "version": 1, "amend_reason": null,
                "cadre_id": self.cadre_record, "visited_on": day_ago(days),
                "checklist_version": ayah_asi_core::checklist::CHECKLIST_VERSION,
                "total": total, "maximum": maximum, "percent": percent,
                "band": if percent >= 76 { "baik" } else if percent >= 56 { "cukup" } else { "kurang" },
                "competent": i32::from(percent >= 80 && !critical),
                "coaching_notes": "Ibu jari jangan di tulang belakang", "motivation": "cooperative",
                "milk_status": null, "observed": "father", "created_at": at, "updated_at": at,
            }),
        );
        for (row, score) in scores {
            self.add(
                "visit_score",
                &new_id(),
                json!({ "visit_id": id, "row_id": row, "score": score, "note": null,
                        "created_at": at, "updated_at": at }),
            );
        }
        id
    }

    /// The bundle of everything so far.
    pub fn bundle(&self) -> Vec<u8> {
        let header = Header {
            format: String::new(),
            format_version: 0,
            app_version: "test".into(),
            device_id: self.device.clone(),
            family_ids: vec![self.family.clone()],
            created_at: time_ago(0),
            since: None,
            counts: Default::default(),
            body_sha256: String::new(),
            posko: None,
        };
        bundle::write(header, &self.lines)
    }
}
