//! Every command called straight through the IPC layer with bad input — missing
//! fields, wrong types, out-of-range numbers, huge strings, control characters,
//! impossible dates, unknown ids, unknown choices — is refused, and the database is
//! unchanged afterwards. Then text with `<script>` and `<img onerror>` saved through
//! the normal screens shows as plain text everywhere, and no script runs.

use ayah_asi_e2e::flows::{
    CHECKLIST_ROWS, finish_one_pass_session, onboard, set_cadre_pin, set_plan,
};
use ayah_asi_e2e::{App, Driver, Result, invoke, open_database};
use serde_json::{Value, json};

const FAST: (&str, &str) = ("AYAH_ASI_TIME_SCALE", "30");
const UNKNOWN_ID: &str = "0193a1b2-0000-7000-8000-00000000dead";

/// Every row of every table, to prove nothing changed.
fn dump(driver: &Driver) -> Result<Vec<String>> {
    let conn = open_database(&driver.database())?;
    let mut tables =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
    let names: Vec<String> = tables
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut rows = Vec::new();
    for name in names {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{name}\""))?;
        let width = stmt.column_count();
        let mut query = stmt.query([])?;
        while let Some(row) = query.next()? {
            let cells: Vec<String> = (0..width)
                .map(|i| format!("{:?}", row.get_ref(i)))
                .collect();
            rows.push(format!("{name}: {}", cells.join(" | ")));
        }
    }
    rows.sort();
    Ok(rows)
}

/// Values no text field accepts.
fn bad_texts() -> Vec<Value> {
    vec![
        Value::Null,
        json!(42),
        json!(["a"]),
        json!("x".repeat(100_000)),
        json!("nama\u{0000}nol"),
        json!("baris\u{0007}bel"),
    ]
}

/// Fields that may be left out (they default to "not given").
const OPTIONAL: [&str; 11] = [
    "note",
    "coachingNotes",
    "milkStatus",
    "posyandu",
    "rw",
    "rt",
    "motherAge",
    "motherEducation",
    "parity",
    "painBefore",
    "painAfter",
];

/// `base` with `field` set to each value in turn, and once without the field when the
/// field is required.
fn mutations(base: &Value, path: &[&str], values: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    if !path.last().is_some_and(|f| OPTIONAL.contains(f)) {
        let mut missing = base.clone();
        remove_at(&mut missing, path);
        out.push(missing);
    }
    for value in values {
        let mut changed = base.clone();
        set_at(&mut changed, path, value.clone());
        out.push(changed);
    }
    out
}

fn set_at(target: &mut Value, path: &[&str], value: Value) {
    match path {
        [last] => target[*last] = value,
        [first, rest @ ..] => set_at(&mut target[*first], rest, value),
        [] => {}
    }
}

fn remove_at(target: &mut Value, path: &[&str]) {
    match path {
        [last] => {
            if let Some(map) = target.as_object_mut() {
                map.remove(*last);
            }
        }
        [first, rest @ ..] => remove_at(&mut target[*first], rest),
        [] => {}
    }
}

fn family_input() -> Value {
    json!({
        "fatherName": "Andi", "motherName": "Rina", "babyBirthDate": chrono::Local::now().date_naive().to_string(),
        "posyandu": "Melati", "rw": "11", "rt": "2", "motherAge": "25", "motherEducation": "sma",
        "parity": "primipara", "consentGiven": true
    })
}

/// The bad calls: (command, arguments).
fn bad_calls(family: &str, session: &str) -> Vec<(&'static str, Value)> {
    let mut calls: Vec<(&'static str, Value)> = Vec::new();
    let mut add = |command: &'static str, args: Vec<Value>| {
        calls.extend(args.into_iter().map(|a| (command, a)))
    };

    let mut languages = bad_texts();
    languages.extend([
        json!("fr"),
        json!(""),
        json!("ID"),
        json!("<script>alert(1)</script>"),
    ]);
    add(
        "set_language",
        mutations(&json!({"language": "id"}), &["language"], &languages),
    );

    let family_base = json!({ "input": family_input() });
    let field_cases: Vec<(&str, Vec<Value>)> = vec![
        (
            "fatherName",
            [
                bad_texts(),
                vec![json!(""), json!("   "), json!("x".repeat(61))],
            ]
            .concat(),
        ),
        (
            "motherName",
            [bad_texts(), vec![json!(""), json!("y".repeat(61))]].concat(),
        ),
        (
            "babyBirthDate",
            vec![
                json!("2026-02-30"),
                json!("kemarin"),
                json!("2999-01-01"),
                json!("2000-01-01"),
                json!(20260101),
                Value::Null,
                json!(""),
            ],
        ),
        (
            "posyandu",
            vec![json!("p".repeat(81)), json!(7), json!("pos\u{0000}")],
        ),
        (
            "rw",
            vec![json!("abc"), json!("1234"), json!(-1), json!("1 1")],
        ),
        ("rt", vec![json!("x"), json!("9999")]),
        (
            "motherAge",
            vec![json!("5"), json!("200"), json!("dua puluh"), json!(-3)],
        ),
        ("motherEducation", vec![json!("phd"), json!(3)]),
        ("parity", vec![json!("lots"), json!(true)]),
        (
            "consentGiven",
            vec![json!(false), json!("yes"), Value::Null],
        ),
    ];
    for (field, values) in &field_cases {
        add(
            "register_family_as_cadre",
            mutations(&family_base, &["input", field], values),
        );
    }
    for (field, values) in &field_cases {
        // This device's own family is registered already: bad details are refused
        // by their checks before that.
        add(
            "register_family",
            mutations(&family_base, &["input", field], values),
        );
    }
    for (field, values) in field_cases.iter().filter(|(f, _)| *f != "consentGiven") {
        add(
            "check_family",
            mutations(&family_base, &["input", field], values),
        );
        add(
            "update_family",
            mutations(
                &json!({"familyId": family, "input": family_input()}),
                &["input", field],
                values,
            ),
        );
    }
    add(
        "update_family",
        vec![
            json!({"familyId": UNKNOWN_ID, "input": family_input()}),
            json!({"familyId": 5, "input": family_input()}),
        ],
    );

    let plan = json!({"passSeconds": 150, "passes": 3});
    add(
        "set_massage_plan",
        mutations(
            &plan,
            &["passSeconds"],
            &[
                json!(59),
                json!(301),
                json!(0),
                json!(-60),
                json!("150"),
                json!(1e12),
                Value::Null,
            ],
        ),
    );
    add(
        "set_massage_plan",
        mutations(
            &plan,
            &["passes"],
            &[json!(0), json!(6), json!(-1), json!("3"), json!(2.5)],
        ),
    );

    add(
        "begin_session",
        mutations(
            &json!({"consentGiven": true}),
            &["consentGiven"],
            &[json!("yes"), json!(1), Value::Null],
        ),
    );
    add(
        "check_safety",
        mutations(
            &json!({"sessionId": UNKNOWN_ID, "answeredYes": []}),
            &["answeredYes"],
            &[json!("none"), json!([1])],
        ),
    );
    add(
        "check_safety",
        vec![json!({"sessionId": UNKNOWN_ID, "answeredYes": []})],
    );
    add(
        "stop_session",
        vec![json!({"reason": "bored"}), json!({"reason": 5}), json!({})],
    );
    add(
        "abandon_unfinished_session",
        vec![json!({"sessionId": UNKNOWN_ID}), json!({})],
    );

    let rating = json!({"sessionId": session, "author": "mother", "input": {"skipped": false, "comfort": 4, "painBefore": null, "painAfter": null, "milkFlow": "drips", "note": null}});
    add(
        "rate_session",
        mutations(
            &rating,
            &["input", "comfort"],
            &[json!(0), json!(6), json!("4"), json!(4.5), Value::Null],
        ),
    );
    add(
        "rate_session",
        mutations(
            &rating,
            &["input", "milkFlow"],
            &[json!("flood"), json!(1), Value::Null, json!("")],
        ),
    );
    add(
        "rate_session",
        mutations(
            &rating,
            &["input", "painBefore"],
            &[json!(11), json!(-1), json!("3")],
        ),
    );
    add(
        "rate_session",
        mutations(&rating, &["input", "painAfter"], &[json!(99), json!(-5)]),
    );
    add(
        "rate_session",
        mutations(
            &rating,
            &["input", "note"],
            &[json!("n".repeat(501)), json!("ctrl\u{0001}"), json!(5)],
        ),
    );
    add(
        "rate_session",
        mutations(&rating, &["author"], &[json!("dog"), json!(""), json!(1)]),
    );
    add(
        "rate_session",
        mutations(
            &rating,
            &["sessionId"],
            &[json!(UNKNOWN_ID), json!("not-an-id"), json!(7)],
        ),
    );
    add("correct_rating", vec![rating.clone()]);

    let milk =
        json!({"author": "mother", "input": {"status": "lancar", "indicators": ["milk-drips"]}});
    add(
        "record_milk_status",
        mutations(
            &milk,
            &["input", "status"],
            &[json!("banjir"), json!(""), json!(3), Value::Null],
        ),
    );
    add(
        "record_milk_status",
        mutations(
            &milk,
            &["input", "indicators"],
            &[json!(["unknown"]), json!("milk-drips"), json!([3])],
        ),
    );
    add(
        "record_milk_status",
        mutations(&milk, &["author"], &[json!("father-in-law"), json!(null)]),
    );

    let reminders = json!({"enabled": true, "morning": "07:00", "evening": "19:00"});
    add(
        "set_reminders",
        mutations(
            &reminders,
            &["morning"],
            &[
                json!("25:00"),
                json!("7am"),
                json!("07:60"),
                json!(""),
                json!(700),
            ],
        ),
    );
    add(
        "set_reminders",
        mutations(&reminders, &["evening"], &[json!("99:99"), json!("19.00")]),
    );
    add(
        "set_reminders",
        mutations(&reminders, &["enabled"], &[json!("yes"), json!(1)]),
    );

    add(
        "mark_lesson_read",
        mutations(
            &json!({"lessonId": "oxytocin-massage"}),
            &["lessonId"],
            &[
                json!("nope"),
                json!(""),
                json!(5),
                json!("l".repeat(100_000)),
            ],
        ),
    );
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
    let visit = json!({"input": {"familyId": family, "rows": rows, "coachingNotes": null, "motivation": "cooperative", "milkStatus": null}});
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

    let report = json!({"months": 6, "posyandu": null, "rw": null});
    add(
        "posyandu_report",
        mutations(
            &report,
            &["months"],
            &[json!(0), json!(25), json!(-1), json!("6"), json!(1.5)],
        ),
    );
    add(
        "export_report",
        mutations(
            &json!({"months": 6, "posyandu": null, "rw": null, "format": "csv"}),
            &["format"],
            &[json!("pdf"), json!(""), json!(1)],
        ),
    );

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
            json!({"familyId": UNKNOWN_ID, "all": false, "sinceLast": false}),
            json!({"familyId": null, "all": false, "sinceLast": "no"}),
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
            json!({"familyId": null, "format": "pdf"}),
            json!({"familyId": UNKNOWN_ID, "format": "json"}),
            json!({"familyId": null, "format": 1}),
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
    // A channel id the page never made: the command still checks its own arguments.
    let channel = json!("__CHANNEL__:987654");
    let prepared = json!([
        "wash-hands",
        "quiet-room",
        "towel",
        "oil",
        "warm-water",
        "position"
    ]);
    add(
        "start_session",
        vec![
            json!({"sessionId": UNKNOWN_ID, "prepared": prepared, "onUpdate": channel}),
            json!({"sessionId": session, "prepared": prepared, "onUpdate": channel}),
            json!({"sessionId": UNKNOWN_ID, "prepared": ["oil"], "onUpdate": channel}),
            json!({"sessionId": UNKNOWN_ID, "prepared": ["juggling"], "onUpdate": channel}),
            json!({"sessionId": UNKNOWN_ID, "prepared": "all", "onUpdate": channel}),
            json!({"sessionId": UNKNOWN_ID, "prepared": prepared}),
        ],
    );
    add(
        "resume_unfinished_session",
        vec![
            json!({"sessionId": UNKNOWN_ID, "onUpdate": channel}),
            json!({"sessionId": session, "onUpdate": channel}),
            json!({"sessionId": 5, "onUpdate": channel}),
        ],
    );
    calls
}

/// A refusal is coded when it is `{code: "error-…"}` (the app's own checks), or the IPC
/// layer's own argument check (a type or a missing field, refused before the command).
fn refusal_kind(error: &Value) -> Option<&'static str> {
    if error
        .get("code")
        .and_then(Value::as_str)
        .is_some_and(|c| c.starts_with("error-"))
    {
        return Some("app");
    }
    if error
        .as_str()
        .is_some_and(|s| s.starts_with("invalid args"))
    {
        return Some("ipc");
    }
    None
}

async fn family_id(app: &App) -> Result<String> {
    let state = invoke(app, "get_app_state", json!({}))
        .await?
        .map_err(|e| format!("{e}"))?;
    Ok(state["family"]["id"]
        .as_str()
        .ok_or("no family")?
        .to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn over_two_hundred_bad_inputs_are_refused_and_change_nothing() -> Result<()> {
    let driver = Driver::start_with_env(&[FAST])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 60, 1).await?;
    finish_one_pass_session(&app).await?;
    let family = family_id(&app).await?;
    let session: String = open_database(&driver.database())?.query_row(
        "SELECT id FROM massage_session",
        [],
        |r| r.get(0),
    )?;
    // Cadre mode open, so cadre commands reach their own checks.
    invoke(
        &app,
        "setup_cadre",
        json!({"name": "Bu Rina", "pin": "135790", "pinRepeat": "135790"}),
    )
    .await?
    .map_err(|e| format!("{e}"))?;
    invoke(&app, "unlock_cadre", json!({"pin": "135790"}))
        .await?
        .map_err(|e| format!("{e}"))?;

    let before = dump(&driver)?;
    let calls = bad_calls(&family, &session);
    let (mut by_app, mut by_ipc) = (0, 0);
    let mut accepted = Vec::new();
    for (command, args) in &calls {
        match invoke(&app, command, args.clone()).await? {
            Ok(value) => accepted.push(format!("{command} {args} -> {value}")),
            Err(error) => match refusal_kind(&error) {
                Some("app") => by_app += 1,
                Some(_) => by_ipc += 1,
                None => accepted.push(format!("{command}: uncoded refusal {error}")),
            },
        }
    }
    let shorten = |s: &String| s.chars().take(300).collect::<String>();
    assert!(
        accepted.is_empty(),
        "not refused with a code: {:#?}",
        accepted.iter().map(shorten).collect::<Vec<_>>()
    );
    assert!(calls.len() >= 200, "only {} bad inputs", calls.len());
    assert!(
        dump(&driver)? == before,
        "a refused call changed the database"
    );
    println!(
        "bad inputs: {} refused ({by_app} by the app's checks with a message id, {by_ipc} by the IPC layer's type check), database unchanged",
        calls.len()
    );
    // How many reached the app's own checks, counted when the table was last changed:
    // fewer means some command now refuses by accident of typing, not by its rules.
    assert_eq!(
        (calls.len(), by_app),
        (374, 214),
        "the table or what refuses it changed"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn html_in_saved_text_shows_as_text_and_never_runs() -> Result<()> {
    let driver = Driver::start_with_env(&[FAST])?;
    let app = driver.launch().await?;
    let father = r#"<img src=x onerror="window.__xss=1">"#;
    let mother = "<script>window.__xss=2</script>";
    app.click("#choose-language-id").await?;
    app.type_into("#field-fatherName", father).await?;
    app.type_into("#field-motherName", mother).await?;
    ayah_asi_e2e::flows::enter_birth_date(&app, ayah_asi_e2e::days_ago(10)).await?;
    app.type_into("#field-posyandu", "<b onmouseover=alert(1)>Melati</b>")
        .await?;
    app.click("#save-family").await?;
    ayah_asi_e2e::flows::mother_consents(&app).await?;
    app.wait_for("#start-massage").await?;
    let no_script_ran = "return window.__xss === undefined && document.querySelectorAll('#app img, #app script, #app b').length === 0;";
    let check = |screen: &'static str| {
        let app = &app;
        async move {
            let clean = app.client.execute(no_script_ran, vec![]).await?;
            if clean != json!(true) {
                return Err(format!("on {screen}: markup became elements or a script ran").into());
            }
            Result::Ok(())
        }
    };
    app.wait_for_text_containing("#greeting", father).await?;
    app.wait_for_text_containing("#family-names", mother)
        .await?;
    check("home").await?;

    set_plan(&app, 60, 1).await?;
    finish_one_pass_session(&app).await?;
    app.click("#handover-ready").await?;
    app.click("#comfort-4").await?;
    app.click("#milk-flow-drips").await?;
    app.type_into("#rating-note", "<svg onload=window.__xss=3>")
        .await?;
    app.click("#rating-save").await?;
    app.click("#back-home").await?;
    app.click("#open-history").await?;
    app.wait_for("#history-title").await?;
    check("history").await?;
    app.click("#back-home").await?;

    app.wait_for("#cadre-mode").await?;
    app.click("#cadre-mode").await?;
    set_cadre_pin(&app, "246801").await?;
    app.wait_for_text_containing("#families-list", father)
        .await?;
    check("families").await?;
    app.click("#families-list button[id^='review-']").await?;
    app.wait_for_text_containing("#review-title", mother)
        .await?;
    check("review").await?;
    app.screenshot("80-markup-as-text").await?;
    app.close().await
}
