//! Bad calls to learning and cadre mode: the knowledge test, the daftar tilik and
//! visits, reports, transfers, the data and the PIN.

use serde_json::{Value, json};

use super::*;
use crate::app_calls::mutations;

/// The knowledge test, the checklist and visits.
pub fn learning_and_visit_calls(family: &str) -> Vec<(&'static str, Value)> {
    let mut calls: Vec<(&'static str, Value)> = Vec::new();
    {
        let mut add = |command: &'static str, args: Vec<Value>| {
            calls.extend(args.into_iter().map(|a| (command, a)))
        };
        let answers: Vec<Value> = (1..=10)
            .map(|n| json!({"statementId": format!("s{n}"), "answer": true}))
            .collect();
        add(
            "submit_quiz",
            mutations(
                &json!({"answers": answers}),
                &["answers"],
                &[
                    json!([]),
                    json!([{"statementId": "s99", "answer": true}]),
                    json!("all true"),
                    json!([{"statementId": "s1", "answer": "ya"}]),
                ],
            ),
        );
        let mut twice = answers.clone();
        twice[9] = json!({"statementId": "s1", "answer": false});
        add("submit_quiz", vec![json!({"answers": twice})]);

        let rows: Vec<Value> = CHECKLIST_ROWS
            .iter()
            .map(|r| json!({"rowId": r, "score": 2, "note": null}))
            .collect();
        let mut bad_rows: Vec<Value> = Vec::new();
        for (i, value) in [json!(3), json!(-1), json!("2"), Value::Null]
            .into_iter()
            .enumerate()
        {
            let mut changed = rows.clone();
            changed[i]["score"] = value;
            bad_rows.push(json!(changed));
        }
        let mut unknown_row = rows.clone();
        unknown_row[0]["rowId"] = json!("juggling");
        bad_rows.extend([
            json!(unknown_row),
            json!(rows[..8].to_vec()),
            json!([]),
            json!("rows"),
        ]);
        add(
            "get_checklist",
            vec![
                json!({"familyId": UNKNOWN_ID}),
                json!({"familyId": 5}),
                json!({}),
            ],
        );
        add(
            "preview_score",
            bad_rows.iter().map(|r| json!({"rows": r})).collect(),
        );
        let visit = json!({"input": {"familyId": family, "rows": rows, "coachingNotes": null, "motivation": "cooperative", "milkStatus": null, "observed": "father"}});
        add(
            "save_visit",
            bad_rows
                .iter()
                .map(|r| {
                    let mut v = visit.clone();
                    v["input"]["rows"] = r.clone();
                    v
                })
                .collect(),
        );
        add(
            "save_visit",
            mutations(
                &visit,
                &["input", "motivation"],
                &[json!("angry"), json!(""), json!(1)],
            ),
        );
        add(
            "save_visit",
            mutations(
                &visit,
                &["input", "observed"],
                &[json!("neighbour"), json!(3)],
            ),
        );
        add(
            "save_visit",
            mutations(
                &visit,
                &["input", "milkStatus"],
                &[json!("banjir"), json!(2)],
            ),
        );
        add(
            "save_visit",
            mutations(
                &visit,
                &["input", "coachingNotes"],
                &[json!("c".repeat(1001)), json!("bel\u{0007}")],
            ),
        );
        add(
            "save_visit",
            mutations(
                &visit,
                &["input", "familyId"],
                &[json!(UNKNOWN_ID), json!("x")],
            ),
        );
        add(
            "amend_visit",
            vec![
                json!({"originalId": UNKNOWN_ID, "reason": "salah ketik", "input": visit["input"]}),
                json!({"originalId": UNKNOWN_ID, "reason": "", "input": visit["input"]}),
                json!({"originalId": 5, "reason": "x", "input": visit["input"]}),
            ],
        );
        add(
            "family_review",
            vec![
                json!({"familyId": UNKNOWN_ID}),
                json!({"familyId": 5}),
                json!({}),
            ],
        );
        add(
            "list_families",
            vec![json!({"query": 5}), json!({"query": ["a"]})],
        );
        let yesterday = ayah_asi_e2e::days_ago(1).to_string();
        let training = json!({"familyId": family, "input": {"trainedOn": yesterday, "trainer": "midwife", "trainerName": null}});
        add(
            "record_training",
            mutations(
                &training,
                &["input", "trainedOn"],
                &[json!("2026-02-30"), json!("kemarin"), json!(5)],
            ),
        );
        add(
            "record_training",
            mutations(&training, &["input", "trainer"], &[json!("neighbour")]),
        );
        add(
            "record_training",
            mutations(&training, &["familyId"], &[json!(UNKNOWN_ID)]),
        );
        add(
            "submit_cadre_quiz",
            vec![json!({"answers": []}), json!({"answers": "all"})],
        );
    }
    calls
}

/// Reports, bundles, backups, a family's data and the PIN.
pub fn report_transfer_data_calls() -> Vec<(&'static str, Value)> {
    let mut calls: Vec<(&'static str, Value)> = Vec::new();
    {
        let mut add = |command: &'static str, args: Vec<Value>| {
            calls.extend(args.into_iter().map(|a| (command, a)))
        };
        let report = json!({"months": 6, "posyandu": null, "rw": null});
        add(
            "posyandu_report",
            mutations(
                &report,
                &["months"],
                &[json!(0), json!(25), json!(-1), json!("6"), json!(1.5)],
            ),
        );
        let export =
            json!({"months": 6, "posyandu": null, "rw": null, "format": "csv", "delivery": "save"});
        let mut exports = mutations(&export, &["format"], &[json!("pdf"), json!(""), json!(1)]);
        // A computer has no share sheet: "share" is refused there, as is any other word.
        exports.extend(mutations(
            &export,
            &["delivery"],
            &[json!("share"), json!("fax")],
        ));
        add("export_report", exports);

        add(
            "transfer_overview",
            vec![
                json!({"familyId": UNKNOWN_ID, "all": false}),
                json!({"familyId": 5, "all": false}),
                json!({"all": "yes"}),
            ],
        );
        add(
            "export_bundle",
            vec![
                json!({"familyId": UNKNOWN_ID, "all": false, "sinceLast": false, "delivery": "save"}),
                json!({"familyId": null, "all": false, "sinceLast": "no", "delivery": "save"}),
                json!({"familyId": null, "all": false, "sinceLast": false, "delivery": "fax"}),
                json!({"familyId": null, "all": true, "sinceLast": false, "delivery": "share"}),
            ],
        );
        add(
            "apply_import",
            vec![
                // Nothing previewed: no hash, and certainly no path, opens a file.
                json!({"fileSha256": "0"}),
                json!({"path": "/etc/passwd", "fileSha256": "0"}),
                json!({"fileSha256": 5}),
                json!({}),
            ],
        );
        add(
            "resolve_conflict",
            vec![
                json!({"conflictId": UNKNOWN_ID, "takeIncoming": true}),
                json!({"conflictId": UNKNOWN_ID, "takeIncoming": "yes"}),
            ],
        );
        // Refused here, before anything is sent: no server is ever asked.
        add(
            "pair_server",
            vec![
                json!({"address": "", "code": "ABCDEFGH"}),
                json!({"address": "http://10.0.0.1:8080", "code": "ABCDEFGH"}),
                json!({"address": "ftp://puskesmas.id", "code": "ABCDEFGH"}),
                json!({"address": "https://puskesmas.id", "code": "O0O0-I1I1"}),
                json!({"address": "https://puskesmas.id", "code": "A".repeat(100)}),
                json!({"address": "https://puskesmas.id\u{0}/x", "code": "ABC"}),
                json!({"address": 5, "code": "ABCDEFGH"}),
                json!({}),
            ],
        );
        add(
            "make_family_server_code",
            vec![json!({"familyId": UNKNOWN_ID}), json!({"familyId": 5})],
        );
        add("sync_now", vec![json!({})]);
        add(
            "restore_backup",
            vec![
                json!({"file": "../ayah-asi.sqlite3"}),
                json!({"file": "ayah-asi-nope.sqlite3"}),
                json!({"file": "/etc/passwd"}),
                json!({}),
            ],
        );
        add(
            "export_my_data",
            vec![
                json!({"familyId": null, "format": "pdf", "delivery": "save"}),
                json!({"familyId": UNKNOWN_ID, "format": "json", "delivery": "save"}),
                json!({"familyId": null, "format": 1, "delivery": "save"}),
                json!({"familyId": null, "format": "json", "delivery": "share"}),
            ],
        );
        add(
            "delete_my_data",
            vec![json!({"familyId": UNKNOWN_ID}), json!({"familyId": 5})],
        );
        add(
            "setup_cadre",
            vec![
                json!({"name": "", "pin": "123", "pinRepeat": "123"}),
                json!({"name": "Ani", "pin": "abcdef", "pinRepeat": "abcdef"}),
                json!({"name": 5}),
            ],
        );
        // Not PINs: refused before they count as wrong attempts (which would change the
        // database, and this test proves nothing changes).
        add(
            "unlock_cadre",
            vec![
                json!({"pin": ""}),
                json!({"pin": "12345"}),
                json!({"pin": "1234567"}),
                json!({"pin": "12a456"}),
                json!({"pin": "1".repeat(100_000)}),
                json!({"pin": 135790}),
                json!({}),
            ],
        );
    }
    calls
}
