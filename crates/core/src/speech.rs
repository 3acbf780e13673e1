//! What the guided massage says aloud, and when. The father's hands are oily and on
//! the mother's back: each moment he should not have to look at the screen for is
//! spoken. The words live in `locales/` (`speak-*`), written to be heard: whole words,
//! ordinals spelled out, no digits, symbols or abbreviations.

use fluent_bundle::FluentArgs;

use crate::i18n::Localizer;
use crate::protocol::StopReason;
use crate::session::EventKind;

/// One thing to say: a message of `locales/` and how it joins what is being said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The Fluent message id.
    pub id: &'static str,
    /// The pass it is about (1-based), if any.
    pub pass: Option<u32>,
    /// How many passes the session has.
    pub passes: u32,
    /// Whether it cuts off whatever is still being said (a pause or a stop must be
    /// heard at once; a step waits for the one before to finish).
    pub interrupt: bool,
}

impl Line {
    fn new(id: &'static str, pass: Option<u32>, passes: u32, interrupt: bool) -> Self {
        Self {
            id,
            pass,
            passes,
            interrupt,
        }
    }

    /// The words of this line in `language`.
    pub fn text(&self, localizer: &Localizer, language: &str) -> String {
        let mut args = FluentArgs::new();
        args.set("passes", self.passes);
        if let Some(pass) = self.pass {
            args.set("pass", pass);
        }
        localizer.text(language, self.id, Some(&args))
    }
}

/// What to say when `event` happens in a session of `passes` passes; `None` for the
/// moments the next line already covers (a pass's end is followed at once by the
/// next countdown or the closing).
pub fn line_for(event: EventKind, passes: u32) -> Option<Line> {
    let line = match event {
        EventKind::CountdownStarted { pass: 1 } => {
            Line::new("speak-first-countdown", Some(1), passes, false)
        }
        EventKind::CountdownStarted { pass } => {
            Line::new("speak-countdown", Some(pass), passes, false)
        }
        EventKind::PassStarted { pass } => Line::new("speak-pass", Some(pass), passes, false),
        EventKind::PassHalfway { pass } => Line::new("speak-halfway", Some(pass), passes, false),
        EventKind::Paused => Line::new("speak-paused", None, passes, true),
        EventKind::Resumed => Line::new("speak-resumed", None, passes, true),
        EventKind::ClosingStarted => Line::new("speak-closing", None, passes, false),
        EventKind::Stopped {
            reason: StopReason::Pain,
        } => Line::new("speak-stopped-pain", None, passes, true),
        EventKind::Stopped { .. } => Line::new("speak-stopped", None, passes, true),
        EventKind::Started | EventKind::PassEnded { .. } | EventKind::Finished => return None,
    };
    Some(line)
}

/// Every message a session can say, for the locale tests.
pub const MESSAGES: [&str; 9] = [
    "speak-first-countdown",
    "speak-countdown",
    "speak-pass",
    "speak-halfway",
    "speak-paused",
    "speak-resumed",
    "speak-closing",
    "speak-stopped-pain",
    "speak-stopped",
];

#[cfg(test)]
#[path = "speech_tests.rs"]
mod tests;
