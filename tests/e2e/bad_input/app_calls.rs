//! Bad calls to the family's own commands: language, family details, the massage,
//! the mother's rating, milk status and reminders.

use serde_json::{Value, json};

use super::*;

/// Values no text field accepts.
pub fn bad_texts() -> Vec<Value> {
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
pub const OPTIONAL: [&str; 11] = [
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
pub fn mutations(base: &Value, path: &[&str], values: &[Value]) -> Vec<Value> {
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

pub fn set_at(target: &mut Value, path: &[&str], value: Value) {
    match path {
        [last] => target[*last] = value,
        [first, rest @ ..] => set_at(&mut target[*first], rest, value),
        [] => {}
    }
}

pub fn remove_at(target: &mut Value, path: &[&str]) {
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

pub fn family_input() -> Value {
    json!({
        "fatherName": "Andi", "motherName": "Rina", "babyBirthDate": chrono::Local::now().date_naive().to_string(),
        "posyandu": "Melati", "rw": "11", "rt": "2", "motherAge": "25", "motherEducation": "sma",
        "parity": "primipara", "consentGiven": true
    })
}

/// Setting the language, registering and correcting a family.
pub fn family_calls(family: &str) -> Vec<(&'static str, Value)> {
    let mut calls: Vec<(&'static str, Value)> = Vec::new();
    {
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
    }
    calls
}

/// The massage: its plan, consent, safety, stopping, starting and resuming.
pub fn session_calls() -> Vec<(&'static str, Value)> {
    let mut calls: Vec<(&'static str, Value)> = Vec::new();
    {
        let mut add = |command: &'static str, args: Vec<Value>| {
            calls.extend(args.into_iter().map(|a| (command, a)))
        };
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
    }
    calls
}

/// Starting and resuming the timed part.
pub fn session_start_calls(session: &str) -> Vec<(&'static str, Value)> {
    let mut calls: Vec<(&'static str, Value)> = Vec::new();
    {
        let mut add = |command: &'static str, args: Vec<Value>| {
            calls.extend(args.into_iter().map(|a| (command, a)))
        };
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
                json!({"sessionId": UNKNOWN_ID, "prepared": prepared, "givenBy": "father", "onUpdate": channel}),
                json!({"sessionId": session, "prepared": prepared, "givenBy": "father", "onUpdate": channel}),
                json!({"sessionId": UNKNOWN_ID, "prepared": ["oil"], "givenBy": "father", "onUpdate": channel}),
                json!({"sessionId": UNKNOWN_ID, "prepared": ["juggling"], "givenBy": "father", "onUpdate": channel}),
                json!({"sessionId": UNKNOWN_ID, "prepared": "all", "givenBy": "father", "onUpdate": channel}),
                json!({"sessionId": UNKNOWN_ID, "prepared": prepared, "givenBy": "father"}),
                json!({"sessionId": session, "prepared": prepared, "givenBy": "neighbour", "onUpdate": channel}),
                json!({"sessionId": session, "prepared": prepared, "givenBy": 3, "onUpdate": channel}),
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
    }
    calls
}

/// The mother's rating, milk status and reminders.
pub fn follow_up_calls(session: &str) -> Vec<(&'static str, Value)> {
    let mut calls: Vec<(&'static str, Value)> = Vec::new();
    {
        let mut add = |command: &'static str, args: Vec<Value>| {
            calls.extend(args.into_iter().map(|a| (command, a)))
        };
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

        let milk = json!({"author": "mother", "input": {"status": "lancar", "indicators": ["milk-drips"]}});
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
    }
    calls
}
