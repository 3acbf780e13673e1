//! What the texts say: no internal document named, the programme's knowledge said the
//! same way everywhere.

use super::*;

/// The plain text of every message and attribute, with its id, in `language`.
fn texts_of(language: &str) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for (file, source) in sources(language).unwrap() {
        let resource = parse(source).unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut text = String::new();
                if let Some(value) = &message.value {
                    collect_text(value, &mut text);
                }
                for attribute in &message.attributes {
                    collect_text(&attribute.value, &mut text);
                }
                texts.push((message.id.name.to_owned(), text));
            }
        }
    }
    texts
}

fn collect_text(pattern: &Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => {
                if let Expression::Select { variants, .. } = expression {
                    for variant in variants {
                        collect_text(&variant.value, out);
                    }
                }
            }
        }
    }
}

/// Nothing a person reads names the project's own documents or its source papers by
/// their internal labels: lessons cite real, checkable sources or none.
#[test]
fn no_user_visible_text_names_an_internal_document() {
    let internal = [
        "seed 0",
        "seeds/",
        "DESIGN.md",
        "DESIGN",
        "shared/",
        ".md",
        "README",
        "issue #",
        "TODO",
    ];
    for language in LANGUAGES {
        for (id, text) in texts_of(language) {
            for word in internal {
                assert!(
                    !text.contains(word),
                    "{language} {id} names {word:?}: {text}"
                );
            }
        }
    }
}

/// The knowledge of the programme, said the same way everywhere: feeding at least 8
/// times a day, milk by day 3, and no "Anda" in Indonesian (fathers are "Bapak").
#[test]
fn the_facts_read_the_same_everywhere() {
    for (id, text) in texts_of("id") {
        assert!(!text.contains("8–10 kali"), "id {id}: {text}");
        if text.contains("belum keluar") {
            assert!(
                text.contains("hari ke-3") && !text.contains("ke-4"),
                "id {id}: milk comes in by day 3: {text}"
            );
        }
        assert!(
            !text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "Anda"),
            "id {id} says Anda: {text}"
        );
        assert!(
            !text.to_lowercase().contains("putaran"),
            "id {id}: a pass is a pijatan, a circle is a gerakan memutar: {text}"
        );
    }
    for (id, text) in texts_of("en") {
        assert!(!text.contains("8-10 times"), "en {id}: {text}");
        if text.contains("no milk has come") || text.contains("No milk by") {
            assert!(
                text.contains("day 3") && !text.contains("day 4"),
                "en {id}: milk comes in by day 3: {text}"
            );
        }
    }
}

/// The sentences of a text (split at full stops, colons and semicolons), lower case.
fn sentences(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(['.', ';', ':'])
        .map(str::to_owned)
        .collect()
}

/// What a midwife struck out in the December 2026 content review, which must never come
/// back: honey with an exception, "24 hours" for any thawed milk, milk that "never goes
/// off", six months in any freezer, and a safety requirement with a half score.
#[test]
fn what_the_content_review_struck_out_never_comes_back() {
    for (language, honey, allowed, never, thawed, fridge, freezer, own_door, spoils) in [
        (
            "id",
            "madu",
            ["kecuali", "saran"],
            ["tidak boleh", "jangan"],
            ["cair"],
            "kulkas",
            ["freezer", "6 bulan"],
            "pintu sendiri",
            "tidak basi",
        ),
        (
            "en",
            "honey",
            ["unless", "advis"],
            ["never", "no "],
            ["thaw"],
            "fridge",
            ["freezer", "6 months"],
            "own door",
            "never goes off",
        ),
    ] {
        let mut honey_seen = false;
        for (id, text) in texts_of(language) {
            assert!(
                !text.to_lowercase().contains(spoils),
                "{language} {id}: {text}"
            );
            for sentence in sentences(&text) {
                if sentence.contains(honey) {
                    honey_seen = true;
                    assert!(
                        !allowed.iter().any(|w| sentence.contains(w)),
                        "{language} {id}: honey is never allowed for a baby: {text}"
                    );
                    assert!(
                        never.iter().any(|w| sentence.contains(w)),
                        "{language} {id}: honey is named only to forbid it: {text}"
                    );
                }
                let hours = if language == "id" {
                    "24 jam"
                } else {
                    "24 hours"
                };
                if sentence.contains(hours) && thawed.iter().any(|w| sentence.contains(w)) {
                    assert!(
                        sentence.contains(fridge),
                        "{language} {id}: 24 hours only for milk thawed in the fridge: {text}"
                    );
                }
                if freezer.iter().all(|w| sentence.contains(w)) {
                    assert!(
                        sentence.contains(own_door),
                        "{language} {id}: 6 months only in a freezer with its own door: {text}"
                    );
                }
            }
        }
        assert!(honey_seen, "{language}: the honey warning is still there");
    }
    // A safety requirement is pass or fail: no row of it offers a third score.
    use ayah_asi_lib::domain::checklist;
    for row in checklist::CRITICAL_ROWS {
        assert_eq!(
            checklist::allowed_scores(row),
            [checklist::FAIL, checklist::PASS]
        );
    }
}

/// The danger signs read the same on every screen that lists them: the baby's say "now",
/// the mother's carry what the safety check treats as urgent, and every screen about a
/// red breast or fever says to keep breastfeeding.
#[test]
fn the_danger_signs_are_the_same_everywhere() {
    let text = |language: &str, id: &str| {
        texts_of(language)
            .into_iter()
            .find(|(i, _)| i == id)
            .map(|(_, t)| t.to_lowercase())
            .unwrap_or_else(|| panic!("{language} lacks {id}"))
    };
    for id in ["referral-baby", "lesson-see-midwife-p3"] {
        assert!(
            text("id", id).contains("sekarang") || text("id", id).contains("segera"),
            "{id}"
        );
        assert!(
            text("en", id).contains("now") || text("en", id).contains("at once"),
            "{id}"
        );
        for sign in [
            "menyusu",
            "lemas",
            "kejang",
            "napas",
            "panas",
            "tali pusat",
            "kuning",
        ] {
            assert!(text("id", id).contains(sign), "id {id} lacks {sign}");
        }
    }
    for id in ["referral-mother", "lesson-oxytocin-massage-p3"] {
        for sign in [
            "demam",
            "perdarahan",
            "pingsan",
            "sakit kepala",
            "kabur",
            "kejang",
            "bengkak",
        ] {
            assert!(text("id", id).contains(sign), "id {id} lacks {sign}");
        }
        for sign in [
            "fever", "bleeding", "faint", "headache", "blurred", "fits", "swelling",
        ] {
            assert!(text("en", id).contains(sign), "en {id} lacks {sign}");
        }
    }
    for id in [
        "referral-breast",
        "lesson-see-midwife-p2",
        "stopped-pain-advice",
    ] {
        assert!(
            text("id", id).contains("sekarang"),
            "id {id}: fever means now"
        );
        assert!(text("en", id).contains("now"), "en {id}: fever means now");
    }
    for id in [
        "referral-breast",
        "lesson-see-midwife-p2",
        "lesson-latch-p3",
    ] {
        assert!(
            text("id", id).contains("tetap susui"),
            "id {id}: keep breastfeeding"
        );
        assert!(
            text("en", id).contains("keep breastfeeding"),
            "en {id}: keep breastfeeding"
        );
    }
}
