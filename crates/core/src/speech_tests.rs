use super::*;
use crate::i18n::{LANGUAGES, Localizer};
use crate::protocol::MassagePlan;

fn every_event(passes: u32) -> Vec<EventKind> {
    let mut events = vec![EventKind::Started];
    for pass in 1..=passes {
        events.extend([
            EventKind::CountdownStarted { pass },
            EventKind::PassStarted { pass },
            EventKind::PassHalfway { pass },
            EventKind::PassEnded { pass },
        ]);
    }
    events.extend([
        EventKind::Paused,
        EventKind::Resumed,
        EventKind::ClosingStarted,
        EventKind::Finished,
        EventKind::Stopped {
            reason: StopReason::Pain,
        },
        EventKind::Stopped {
            reason: StopReason::MotherAsked,
        },
    ]);
    events
}

#[test]
fn every_spoken_line_is_whole_words_in_both_languages() {
    let localizer = Localizer::load().unwrap();
    let (min, max) = MassagePlan::PASSES_RANGE;
    for passes in min..=max {
        for event in every_event(passes) {
            let Some(line) = line_for(event, passes) else {
                continue;
            };
            assert!(MESSAGES.contains(&line.id), "{} is not listed", line.id);
            for language in LANGUAGES {
                let text = line.text(&localizer, language);
                assert_ne!(text, line.id, "{language} has no {}", line.id);
                // Heard, not read: no digits, dashes, brackets or abbreviations' dots.
                // A hyphen only joins a doubled Indonesian word ("kecil-kecil").
                let odd: Vec<char> = text
                    .replace("kecil-kecil", "kecil kecil")
                    .chars()
                    .filter(|c| !(c.is_alphabetic() || " .,?'".contains(*c)))
                    .collect();
                assert!(
                    odd.is_empty(),
                    "{language} {:?}: {text:?} has {odd:?}",
                    line.id
                );
                assert!(!text.contains("  "), "{language}: {text:?}");
            }
        }
    }
}

#[test]
fn each_pass_is_said_with_its_number_in_words() {
    let localizer = Localizer::load().unwrap();
    let second = line_for(EventKind::PassStarted { pass: 2 }, 3).unwrap();
    let id = second.text(&localizer, "id");
    assert!(
        id.starts_with("Mulai pijatan kedua dari tiga. Tekan dengan gerakan memutar kecil"),
        "{id}"
    );
    assert!(id.ends_with("Ulangi dari leher."), "{id}");
    let en = second.text(&localizer, "en");
    assert!(
        en.starts_with("Start the second round of three. Press in small circles"),
        "{en}"
    );
    // Only the first pass asks about the pressure at once (halfway asks in every pass).
    let first = line_for(EventKind::PassStarted { pass: 1 }, 3).unwrap();
    let id = first.text(&localizer, "id");
    assert!(
        id.ends_with("Ulangi dari leher. Tanyakan kepada Ibu, apakah tekanannya pas."),
        "{id}"
    );
    let only = line_for(EventKind::PassStarted { pass: 1 }, 1).unwrap();
    assert!(
        only.text(&localizer, "id")
            .starts_with("Mulai pijat. Tekan")
    );
}

#[test]
fn a_pause_or_a_stop_cuts_off_what_is_being_said_and_steps_wait_their_turn() {
    for event in [
        EventKind::Paused,
        EventKind::Resumed,
        EventKind::Stopped {
            reason: StopReason::Pain,
        },
    ] {
        assert!(line_for(event, 3).unwrap().interrupt, "{event:?}");
    }
    for event in [
        EventKind::CountdownStarted { pass: 2 },
        EventKind::PassStarted { pass: 2 },
        EventKind::PassHalfway { pass: 2 },
        EventKind::ClosingStarted,
    ] {
        assert!(!line_for(event, 3).unwrap().interrupt, "{event:?}");
    }
}

#[test]
fn pain_is_told_what_to_do_and_the_quiet_moments_say_nothing() {
    let localizer = Localizer::load().unwrap();
    let pain = line_for(
        EventKind::Stopped {
            reason: StopReason::Pain,
        },
        3,
    )
    .unwrap();
    assert!(pain.text(&localizer, "id").contains("hubungi bidan"));
    for event in [
        EventKind::Started,
        EventKind::PassEnded { pass: 1 },
        EventKind::Finished,
    ] {
        assert_eq!(line_for(event, 3), None, "{event:?}");
    }
}
