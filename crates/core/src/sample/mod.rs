//! Sample records, as a cadre's phone would send them, for tests and benchmarks (the
//! `sample` feature): [`FamilyRecords`] builds one family's story with times relative
//! to now; [`family_year`] writes a family's year of the programme the way the app's
//! report benchmark seeds it (two sessions a day, half of them rated, milk at enrolment
//! and later, a pre- and post-test, a visit a month), with ids that are the same at
//! every run.

mod year;

pub use year::{family_year, id, line};

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::bundle::{self, Body, Header, Line};
use crate::checklist;

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

pub fn body(value: Value) -> Body {
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
        // The mother agreed to the text that names the server, the day she enrolled.
        records.add(
            "consent",
            &new_id(),
            json!({
                "kind": "health-data", "text_version": crate::family::CONSENT_TEXT_VERSION,
                "given_at": at, "created_at": at, "updated_at": at,
            }),
        );
        records
    }

    /// The cadre's name record, once, beside her first visit (as the app sends it: a
    /// cadre's name travels only with a visit that names her).
    fn add_cadre_once(&mut self, at: &str) {
        let cadre = self.cadre_record.clone();
        if !self
            .lines
            .iter()
            .any(|l| l.table == "cadre" && l.id == cadre)
        {
            self.add(
                "cadre",
                &cadre,
                json!({ "name": "Bu Rina", "created_at": at, "updated_at": at }),
            );
        }
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
        let status = if stop.is_some() {
            "stopped"
        } else {
            "finished"
        };
        self.session_record(days, status, stop, None)
    }

    /// A session the safety check stopped before it started, `days` ago, for `flags`
    /// (the questions answered "yes", joined by commas).
    pub fn safety_stop(&mut self, days: i64, flags: &str) -> String {
        self.session_record(days, "not-started", Some("safety"), Some(flags))
    }

    fn session_record(
        &mut self,
        days: i64,
        status: &str,
        stop: Option<&str>,
        flags: Option<&str>,
    ) -> String {
        let (id, at) = (new_id(), time_ago(days));
        self.add(
            "massage_session",
            &id,
            json!({
                "protocol_version": "pijat-oksitosin-v1", "pass_seconds": 120, "passes": 3,
                "status": status, "stop_reason": stop, "safety_flags": flags,
                "started_at": at, "ended_at": at, "last_active_ms": 0, "given_by": "father",
                "created_at": at, "updated_at": at,
            }),
        );
        id
    }

    /// The mother's rating of a session.
    pub fn rating(&mut self, session: &str, days: i64, comfort: u8, pain: (u8, u8)) {
        self.rating_version(session, 1, days, comfort, pain);
    }

    /// Version `version` of the mother's rating of a session (she changed her answer).
    pub fn rating_version(
        &mut self,
        session: &str,
        version: u32,
        days: i64,
        comfort: u8,
        pain: (u8, u8),
    ) {
        let at = time_ago(days);
        self.add(
            "session_rating",
            &new_id(),
            json!({
                "session_id": session, "version": version, "answered_by": "mother", "skipped": 0,
                "comfort": comfort, "pain_before": pain.0, "pain_after": pain.1,
                "milk_flow": "drips", "note": null, "created_at": at, "updated_at": at,
            }),
        );
    }

    /// The mother's milk status `days` ago; its id.
    pub fn milk(&mut self, days: i64, status: &str) -> String {
        let (id, at) = (new_id(), time_ago(days));
        self.add(
            "milk_status",
            &id,
            json!({
                "recorded_on": day_ago(days), "status": status, "indicators": "",
                "recorded_by": "mother", "kind": "follow-up", "created_at": at, "updated_at": at,
            }),
        );
        id
    }

    /// A visit `days` ago scoring every daftar tilik row 2 but those in `low`.
    pub fn visit(&mut self, days: i64, low: &[(&str, u8)]) -> String {
        let id = new_id();
        self.visit_version(&id, &id, 1, days, low);
        id
    }

    /// An amended version (`version`, a new record) of the visit `original` made `days`
    /// ago, now scoring every row 2 but those in `low`.
    pub fn amend_visit(&mut self, original: &str, version: u32, days: i64, low: &[(&str, u8)]) {
        self.visit_version(&new_id(), original, version, days, low);
    }

    fn visit_version(
        &mut self,
        id: &str,
        original: &str,
        version: u32,
        days: i64,
        low: &[(&str, u8)],
    ) {
        let at = time_ago(days);
        let scores: Vec<(&str, u8)> = checklist::ROWS
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
            .any(|(r, s)| *s == 0 && checklist::is_critical(r));
        let amend_reason = (version > 1).then_some("Salah isi");
        self.add_cadre_once(&at);
        self.add(
            "home_visit",
            id,
            json!({
                "original_id": original, "version": version, "amend_reason": amend_reason,
                "cadre_id": self.cadre_record, "visited_on": day_ago(days),
                "checklist_version": checklist::CHECKLIST_VERSION,
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
    }

    /// Forgets the lines so far (they were sent): the next bundle carries only what
    /// comes after.
    pub fn sent(&mut self) {
        self.lines.clear();
    }

    /// A deletion of the record `table`/`id`, filed under `family` (its own family,
    /// or, as an attacker would send it, another).
    pub fn delete(&mut self, table: &str, id: &str, family: &str) {
        self.lines.push(Line {
            table: table.to_owned(),
            id: id.to_owned(),
            body: None,
            history: Vec::new(),
            deleted: Some(bundle::Deleted {
                at: time_ago(0),
                device_id: self.device.clone(),
                family_id: Some(family.to_owned()),
            }),
        });
    }

    /// A record of `table` with these fields as given (its id, device and, where the
    /// table has one, this family's id are filled in), for tests that send odd records.
    pub fn record(&mut self, table: &str, id: &str, fields: Value) {
        self.add(table, id, fields);
    }

    /// The bundle of everything so far.
    pub fn bundle(&self) -> Vec<u8> {
        self.bundle_naming(std::slice::from_ref(&self.family))
    }

    /// The bundle of everything so far, its header naming `families`.
    pub fn bundle_naming(&self, families: &[String]) -> Vec<u8> {
        bundle_of(&self.device, families, &self.lines)
    }
}

/// A bundle of `lines` from `device`, made now, its header naming `families`.
pub fn bundle_of(device: &str, families: &[String], lines: &[Line]) -> Vec<u8> {
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: "test".into(),
        device_id: device.to_owned(),
        family_ids: families.to_vec(),
        created_at: time_ago(0),
        since: None,
        counts: Default::default(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    };
    bundle::write(header, lines)
}

#[cfg(test)]
mod tests {
    use super::year::line;
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_sample_year_passes_the_importers_checks() {
        let start = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap_or_default();
        let cadre = line(
            "cadre",
            id(9, 0, 0),
            &id(10, 0, 0),
            "2025-12-01T08:00:00.000+07:00",
            json!({ "name": "Rina" }),
        );
        let mut lines = vec![cadre];
        lines.extend(family_year(0, &id(9, 0, 0), &id(10, 0, 0), start, 365));
        let sessions = lines
            .iter()
            .filter(|l| l.table == "massage_session")
            .count();
        assert_eq!(sessions, 730);
        let header = Header {
            format: String::new(),
            format_version: 0,
            app_version: "test".into(),
            device_id: id(10, 0, 0),
            family_ids: vec![id(1, 0, 0)],
            created_at: "2026-12-01T08:00:00.000+07:00".into(),
            since: None,
            counts: Default::default(),
            body_sha256: String::new(),
            posko: None,
            counselling: Vec::new(),
        };
        let bytes = bundle::write(header, &lines);
        let now =
            chrono::DateTime::parse_from_rfc3339("2026-12-02T08:00:00+07:00").unwrap_or_default();
        let parsed = bundle::parse(&bytes, now).map_err(|e| e.to_string());
        assert_eq!(parsed.map(|b| b.records.len()), Ok(lines.len()));
    }

    #[test]
    fn a_built_family_passes_the_importers_checks() {
        let mut family = FamilyRecords::enrolled("Budi", "Siti", 20);
        let session = family.session(1, Some("pain"));
        family.rating(&session, 1, 2, (3, 6));
        family.milk(3, "tidak-ada");
        family.visit(5, &[("not-on-spine", 0)]);
        let parsed = bundle::parse(&family.bundle(), Utc::now().fixed_offset());
        assert!(parsed.is_ok(), "{parsed:?}");
    }
}
