//! A family's year of the programme, the way the app's report benchmark seeds it, with
//! ids that are the same at every run.

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

use super::body;
use crate::bundle::Line;
use crate::checklist;

/// A deterministic UUID-shaped id: `kind` of record, `a` (a family), `b` (its n-th).
pub fn id(kind: u32, a: usize, b: u64) -> String {
    format!(
        "{kind:08x}-{:04x}-7{:03x}-8000-{:012x}",
        (a >> 16) & 0xffff,
        a & 0xfff,
        (b << 20) | (a as u64 & 0xfffff)
    )
}

/// One line of a record, its body filled with the common fields.
pub fn line(table: &str, id: String, device: &str, at: &str, fields: Value) -> Line {
    let mut fields = fields;
    fields["id"] = json!(id);
    fields["device_id"] = json!(device);
    fields["created_at"] = json!(at);
    fields["updated_at"] = json!(at);
    Line {
        table: table.to_owned(),
        id,
        body: Some(body(fields)),
        history: Vec::new(),
        deleted: None,
    }
}

/// Family `f`'s records from `start` for `days` days, her cadre's record being
/// `cadre_record`. Now and then a session stops for pain (one in 300), a family's milk
/// is "tidak ada" at the end (one in 50), a last visit finds pressure on the spine (one
/// in 100), so the dashboard has alerts to find.
pub fn family_year(
    f: usize,
    cadre_record: &str,
    device: &str,
    start: NaiveDate,
    days: u64,
) -> Vec<Line> {
    let family = id(1, f, 0);
    let stamp = |day: NaiveDate, hour: u32| format!("{day}T{hour:02}:00:00.000+07:00");
    let for_family = |mut fields: Value| {
        fields["family_id"] = json!(family);
        fields
    };
    let mut lines = vec![line(
        "family",
        family.clone(),
        device,
        &stamp(start, 8),
        json!({
            "father_name": format!("Ayah {f}"), "mother_name": format!("Ibu {f}"),
            "baby_birth_date": start.to_string(), "posyandu": null, "rw": format!("{}", 1 + f % 12),
            "rt": null, "mother_age": 20 + (f % 20), "mother_education": "sma",
            "parity": "primipara", "row_version": 1,
        }),
    )];
    // The mother agreed, the day she enrolled, to the text that names the server.
    lines.push(line(
        "consent",
        id(10, f, 0),
        device,
        &stamp(start, 8),
        for_family(json!({
            "kind": "health-data", "text_version": crate::family::CONSENT_TEXT_VERSION,
            "given_at": stamp(start, 8),
        })),
    ));
    for d in 0..days {
        let day = start + Days::new(d);
        for (slot, hour) in [(0u64, 7), (1, 19)] {
            let n = d * 2 + slot;
            let at = stamp(day, hour);
            let pain = n % 300 == 299;
            lines.push(line(
                "massage_session",
                id(2, f, n),
                device,
                &at,
                for_family(json!({
                    "protocol_version": "pijat-oksitosin-v1", "pass_seconds": 150, "passes": 3,
                    "status": if pain { "stopped" } else { "finished" },
                    "stop_reason": if pain { json!("pain") } else { Value::Null },
                    "safety_flags": null, "started_at": at, "ended_at": at,
                    "last_active_ms": 465_000, "given_by": "father",
                })),
            ));
            if n.is_multiple_of(2) {
                lines.push(line(
                    "session_rating",
                    id(3, f, n),
                    device,
                    &at,
                    for_family(json!({
                        "session_id": id(2, f, n), "version": 1, "answered_by": "mother",
                        "skipped": 0, "comfort": 1 + n % 5, "pain_before": null,
                        "pain_after": null, "milk_flow": "drips", "note": null,
                    })),
                ));
            }
        }
    }
    let last = start + Days::new(days.saturating_sub(1));
    let later = if f.is_multiple_of(50) {
        "tidak-ada"
    } else {
        "lancar"
    };
    for (k, (on, status, kind)) in [
        (start, "tidak-lancar", "enrolment"),
        (last, later, "follow-up"),
    ]
    .into_iter()
    .enumerate()
    {
        lines.push(line(
            "milk_status",
            id(4, f, k as u64),
            device,
            &stamp(on, 9),
            for_family(json!({
                "recorded_on": on.to_string(), "status": status, "indicators": "",
                "recorded_by": "cadre", "kind": kind,
            })),
        ));
    }
    for (k, (kind, score)) in [("pre", 50), ("post", 90)].into_iter().enumerate() {
        lines.push(line(
            "quiz_attempt",
            id(5, f, k as u64),
            device,
            &stamp(start, 10 + k as u32),
            for_family(json!({
                "quiz_version": "uji-pengetahuan-v1", "kind": kind, "correct": score / 10,
                "score": score, "answers": "b,b,b,b,b,s,s,s,s,s",
            })),
        ));
    }
    let visits = days / 30;
    for month in 0..visits {
        let visit = id(6, f, month);
        let on = start + Days::new(month * 30 + 15);
        let spine = f.is_multiple_of(100) && month + 1 == visits;
        lines.push(line(
            "home_visit",
            visit.clone(),
            device,
            &stamp(on, 10),
            for_family(json!({
                "original_id": visit, "version": 1, "amend_reason": null,
                "cadre_id": cadre_record, "visited_on": on.to_string(),
                "checklist_version": checklist::CHECKLIST_VERSION, "total": 16, "maximum": 20,
                "percent": 80, "band": "baik", "competent": i32::from(!spine),
                "coaching_notes": null, "motivation": "cooperative", "milk_status": null,
                "observed": "father",
            })),
        ));
        for (r, row) in checklist::ROWS.iter().enumerate() {
            let score = if spine && checklist::is_critical(row) {
                0
            } else if r < 4 {
                1
            } else {
                2
            };
            lines.push(line(
                "visit_score",
                id(7, f, month * 16 + r as u64),
                device,
                &stamp(on, 10),
                json!({ "visit_id": visit, "row_id": row, "score": score, "note": null }),
            ));
        }
    }
    if f.is_multiple_of(2) {
        lines.push(line(
            "hands_on_training",
            id(8, f, 0),
            device,
            &stamp(start + Days::new(3), 11),
            for_family(json!({ "trained_on": (start + Days::new(3)).to_string(), "trainer": "midwife", "trainer_name": null })),
        ));
    }
    lines
}
