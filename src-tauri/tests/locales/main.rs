//! The locale files are complete: both languages define the same ids, every id the UI
//! or the Rust side refers to exists, and Indonesian uses only the `other` plural.

mod texts;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use ayah_asi_lib::domain::sync::SyncFailure;
use ayah_asi_lib::i18n::{LANGUAGES, sources};
use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement, VariantKey};
use fluent_syntax::parser::parse;

fn ids_of(language: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (file, source) in sources(language).unwrap() {
        let resource = parse(source).unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                ids.insert(message.id.name.to_owned());
                for attribute in message.attributes {
                    ids.insert(format!("{}.{}", message.id.name, attribute.id.name));
                }
            }
        }
    }
    ids
}

#[test]
fn both_languages_define_the_same_ids() {
    let indonesian = ids_of("id");
    let english = ids_of("en");
    let only_id: Vec<_> = indonesian.difference(&english).collect();
    let only_en: Vec<_> = english.difference(&indonesian).collect();
    assert!(
        only_id.is_empty() && only_en.is_empty(),
        "only in id: {only_id:?}; only in en: {only_en:?}"
    );
}

#[test]
fn every_referenced_id_is_defined() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut referenced = BTreeSet::new();
    for file in files_under(&root.join("ui/src"), "ts") {
        referenced.extend(ui_references(&fs::read_to_string(&file).unwrap()));
    }
    let rust_files = files_under(&root.join("src-tauri/src"), "rs")
        .into_iter()
        .chain(files_under(&root.join("crates/core/src"), "rs"));
    for file in rust_files {
        let source = fs::read_to_string(&file).unwrap();
        // Unit tests may name ids that do not exist on purpose.
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        referenced.extend(rust_references(code));
    }
    assert!(
        referenced.len() > 20,
        "the scan found too little: {referenced:?}"
    );
    for language in LANGUAGES {
        let defined = ids_of(language);
        let missing: Vec<_> = referenced.difference(&defined).collect();
        assert!(
            missing.is_empty(),
            "{language} lacks ids used in code: {missing:?}"
        );
    }
}

#[test]
fn indonesian_uses_only_the_other_plural_category() {
    const CATEGORIES: [&str; 5] = ["zero", "one", "two", "few", "many"];
    for (file, source) in sources("id").unwrap() {
        let resource = parse(source).unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut keys = Vec::new();
                if let Some(value) = &message.value {
                    variant_keys(value, &mut keys);
                }
                for attribute in &message.attributes {
                    variant_keys(&attribute.value, &mut keys);
                }
                let bad: Vec<_> = keys
                    .iter()
                    .filter(|k| CATEGORIES.contains(&k.as_str()))
                    .collect();
                assert!(bad.is_empty(), "{file}: {} uses {bad:?}", message.id.name);
            }
        }
    }
}

fn variant_keys(pattern: &Pattern<&str>, keys: &mut Vec<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable {
            expression: Expression::Select { variants, .. },
        } = element
        {
            for variant in variants {
                if let VariantKey::Identifier { name } = variant.key {
                    keys.push(name.to_owned());
                }
                variant_keys(&variant.value, keys);
            }
        }
    }
}

/// Ids the UI passes to `t(...)`, `translate(lang, ...)`, `label: ...`, and error codes.
/// A template such as `language-name-${language}` is expanded for each language.
fn ui_references(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (marker, skip_first_arg) in [("t(", false), ("translate(", true), ("label: ", false)] {
        for (at, _) in source.match_indices(marker) {
            let before = source[..at].chars().next_back();
            if marker == "t(" && before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
            {
                continue;
            }
            let mut rest = &source[at + marker.len()..];
            if skip_first_arg {
                match rest.find(", ") {
                    Some(comma) => rest = &rest[comma + 2..],
                    None => continue,
                }
            }
            ids.extend(literal_ids(rest));
        }
    }
    ids.extend(error_literals(source, '\''));
    ids
}

/// Ids the Rust side sends: error codes and `text(language, "...")` calls.
fn rust_references(source: &str) -> Vec<String> {
    let mut ids = error_literals(source, '"');
    for (at, _) in source.match_indices("text(") {
        let rest = &source[at + 5..];
        if let Some(comma) = rest.find(", ") {
            ids.extend(literal_ids(&rest[comma + 2..]));
        }
    }
    ids
}

/// The id(s) a string literal at the start of `text` names, if it starts with one.
fn literal_ids(text: &str) -> Vec<String> {
    let Some(quote) = text
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))
    else {
        return Vec::new();
    };
    let Some(end) = text[1..].find(quote) else {
        return Vec::new();
    };
    let literal = &text[1..1 + end];
    if !is_id_like(&literal.replace("${language}", "x")) {
        return Vec::new();
    }
    if literal.contains("${language}") {
        LANGUAGES
            .iter()
            .map(|l| literal.replace("${language}", l))
            .collect()
    } else {
        vec![literal.to_owned()]
    }
}

fn error_literals(source: &str, quote: char) -> Vec<String> {
    let opener = format!("{quote}error-");
    source
        .match_indices(&opener)
        .filter_map(|(at, _)| {
            let rest = &source[at + 1..];
            let end = rest.find(quote)?;
            let literal = &rest[..end];
            is_id_like(literal).then(|| literal.to_owned())
        })
        .collect()
}

fn is_id_like(text: &str) -> bool {
    !text.is_empty()
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && text.contains('-')
}

fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path, extension));
        } else if path.extension().is_some_and(|e| e == extension)
            && !path.to_string_lossy().contains(".test.")
        {
            found.push(path);
        }
    }
    found
}

/// Ids built from data (protocol items, checklist rows, lessons, test statements) are not
/// literal in the code, so the scan above cannot see them: check them from the data.
#[test]
fn every_data_driven_text_exists_in_both_languages() {
    use ayah_asi_lib::domain::{checklist, learning, protocol, rating};
    let mut ids: Vec<String> = Vec::new();
    for step in protocol::PREPARATION
        .iter()
        .chain(&protocol::MASSAGE)
        .chain(&protocol::CLOSING)
    {
        ids.push(format!("protocol-{}", step.id));
    }
    // Sessions saved under the first protocol still name its questions.
    ids.extend(
        protocol::SAFETY_QUESTIONS
            .iter()
            .chain(&protocol::SAFETY_QUESTIONS_V1)
            .map(|q| format!("safety-{q}")),
    );
    ids.extend(checklist::ROWS.iter().map(|r| format!("checklist-{r}")));
    // A safety requirement's two answers, each in its own words.
    for row in checklist::CRITICAL_ROWS {
        ids.push(format!("checklist-{row}-pass"));
        ids.push(format!("checklist-{row}-fail"));
    }
    // What the stop screen, the cadre's list and the midwife's alerts call each "yes".
    ids.extend(
        protocol::SAFETY_QUESTIONS
            .iter()
            .chain(&protocol::SAFETY_QUESTIONS_V1)
            .map(|q| format!("safety-{q}-finding")),
    );
    ids.extend(
        checklist::ROWS
            .iter()
            .map(|r| checklist::report_label_id(r)),
    );
    ids.extend(
        rating::KNOWN_MILK_INDICATORS
            .iter()
            .map(|i| format!("milk-indicator-{i}")),
    );
    for lesson in learning::LESSONS {
        ids.push(format!("lesson-{}-title", lesson.id));
        ids.push(format!("lesson-{}-source", lesson.id));
        ids.extend((1..=lesson.paragraphs).map(|n| format!("lesson-{}-p{n}", lesson.id)));
    }
    ids.extend(
        learning::STATEMENTS
            .iter()
            .map(|s| format!("quiz-{}", s.id)),
    );
    ids.extend(
        ayah_asi_lib::domain::bundle::TABLES
            .iter()
            .map(|t| format!("transfer-table-{}", t.name)),
    );
    for giver in ayah_asi_lib::domain::protocol::Giver::IDS {
        ids.push(format!("giver-{giver}"));
        ids.push(format!("given-by-{giver}"));
    }
    for trainer in ayah_asi_lib::domain::training::Trainer::IDS {
        ids.push(format!("trainer-{trainer}"));
    }
    for problem in [
        "read-only",
        "disk-full",
        "damaged",
        "newer-version",
        "other",
    ] {
        ids.push(format!("problem-{problem}"));
    }
    for reason in [
        "daily",
        "before-migration",
        "before-restore",
        "manual",
        "after-deletion",
    ] {
        ids.push(format!("backup-reason-{reason}"));
    }
    for decision in [
        "new", "updated", "known", "older", "conflict", "deleted", "held",
    ] {
        ids.push(format!("transfer-decision-{decision}"));
    }
    // Every reason the server may give has its words.
    ids.extend(
        ayah_asi_lib::domain::sync::wire::RefusalCode::ALL
            .iter()
            .map(|code| code.message_id().to_owned()),
    );
    for failure in [
        SyncFailure::Unreachable,
        SyncFailure::Refused,
        SyncFailure::Rejected,
        SyncFailure::ServerError,
        SyncFailure::Local,
    ] {
        let kind = serde_json::to_value(failure).unwrap();
        ids.push(format!("server-failure-{}", kind.as_str().unwrap()));
    }
    for language in LANGUAGES {
        let defined = ids_of(language);
        let missing: Vec<_> = ids.iter().filter(|id| !defined.contains(*id)).collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
    }
}
