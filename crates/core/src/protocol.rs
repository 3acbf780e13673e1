//! The oxytocin massage protocol as versioned data (docs/design.md, the protocol). The texts of
//! every item live in `locales/` under `protocol-<id>` (and `-detail` where shown).

use serde::Serialize;

/// Stored with every session and checklist score; bump it when steps change.
pub const PROTOCOL_VERSION: &str = "pijat-oksitosin-v3";

/// Where on the mother's back a step happens (ids of zones in `assets/back.svg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// The bony bump at the base of the neck (7th cervical vertebra).
    C7,
    /// Both sides of the spine from C7 down to the 5th-6th ribs (bra-strap level).
    Paraspinal,
    /// The whole back (cleaning, drying).
    WholeBack,
}

/// One item of the protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub id: &'static str,
    pub region: Option<Region>,
    /// Whether the step is one of the timed passes.
    pub timed: bool,
}

const fn step(id: &'static str, region: Option<Region>, timed: bool) -> Step {
    Step { id, region, timed }
}

/// Checked off before the first pass. The cup catches the milk that drips during and
/// after the massage, so that it is given to the baby (`pijat-oksitosin-v3`).
pub const PREPARATION: [Step; 7] = [
    step("wash-hands", None, false),
    step("quiet-room", None, false),
    step("towel", None, false),
    step("oil", None, false),
    step("warm-water", None, false),
    step("cup", None, false),
    step("position", None, false),
];

/// Any "yes" stops the session: the mother should see her midwife first. Texts:
/// `safety-<id>`. Ordinary backache after birth is no reason to stop (easing it is one
/// of the massage's aims); only severe, swollen or unusual pain is. A new pregnancy
/// (`pijat-oksitosin-v3`) stops it for the same reason the massage waits for the birth:
/// the oxytocin it releases can make the womb contract. Each has a short finding for the
/// stop screen and the cadre's list: `safety-<id>-finding`.
pub const SAFETY_QUESTIONS: [&str; 9] = [
    "back-wound",
    "spine-injury",
    "severe-pain",
    "heavy-bleeding",
    "fever",
    "faint-dizzy",
    "headache-swelling",
    "other-danger-signs",
    "pregnant-again",
];

/// Danger signs after birth (Kemenkes RI, Buku KIA; WHO postnatal care): a "yes" to any
/// of these means "take her to the midwife or puskesmas now", not "tell the midwife about
/// it". `other-danger-signs` asks the rest of the referral box's signs (breathlessness or
/// chest pain, severe lower belly pain, foul lochia, a swollen calf, an infected wound).
pub const URGENT_SAFETY_QUESTIONS: [&str; 5] = [
    "heavy-bleeding",
    "fever",
    "faint-dizzy",
    "headache-swelling",
    "other-danger-signs",
];

/// Questions of `pijat-oksitosin-v1`, still named in sessions saved under it.
pub const SAFETY_QUESTIONS_V1: [&str; 4] = [
    "back-wound",
    "spine-injury",
    "fever-bleeding-dizzy",
    "pain-now",
];

/// Whether a "yes" to this question is a danger sign that cannot wait.
pub fn is_urgent(question: &str) -> bool {
    URGENT_SAFETY_QUESTIONS.contains(&question) || question == "fever-bleeding-dizzy"
}

/// The findings a safety stop recorded (`safety_flags`: question ids joined by commas),
/// in the order the questions are asked; an id no version knows is left out.
pub fn safety_findings(flags: &str) -> Vec<&'static str> {
    let given: Vec<&str> = flags.split(',').map(str::trim).collect();
    let mut findings: Vec<&'static str> = Vec::new();
    for question in SAFETY_QUESTIONS.iter().chain(&SAFETY_QUESTIONS_V1) {
        if given.contains(question) && !findings.contains(question) {
            findings.push(question);
        }
    }
    findings
}

/// The massage itself: the first two are shown during the first countdown, the last
/// is what every timed pass repeats.
pub const MASSAGE: [Step; 3] = [
    step("oil-palms", None, false),
    step("find-c7", Some(Region::C7), false),
    step("thumbs-down-spine", Some(Region::Paraspinal), true),
];

/// After the last pass.
pub const CLOSING: [Step; 2] = [
    step("clean-back", Some(Region::WholeBack), false),
    step("offer-breast", None, false),
];

/// How often a day the massage is planned.
pub const SESSIONS_PER_DAY: u32 = 2;

/// How long each pass lasts and how many there are; the cadre or midwife may change
/// both per family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MassagePlan {
    pub pass_seconds: u32,
    pub passes: u32,
}

impl MassagePlan {
    pub const PASS_SECONDS_RANGE: (u32, u32) = (60, 300);
    pub const PASSES_RANGE: (u32, u32) = (1, 5);

    /// A plan within the allowed ranges (1-5 minutes, 1-5 passes), or `None`.
    pub fn new(pass_seconds: u32, passes: u32) -> Option<Self> {
        let (min_s, max_s) = Self::PASS_SECONDS_RANGE;
        let (min_p, max_p) = Self::PASSES_RANGE;
        ((min_s..=max_s).contains(&pass_seconds) && (min_p..=max_p).contains(&passes)).then_some(
            Self {
                pass_seconds,
                passes,
            },
        )
    }

    pub fn pass_ms(&self) -> u64 {
        u64::from(self.pass_seconds) * 1000
    }
}

impl Default for MassagePlan {
    /// 3 passes of 2.5 minutes.
    fn default() -> Self {
        Self {
            pass_seconds: 150,
            passes: 3,
        }
    }
}

/// Why a session ended before it was finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum StopReason {
    /// The mother did not agree today.
    NoConsent,
    /// A safety question was answered "yes".
    Safety,
    MotherAsked,
    Pain,
    /// Stopped by something outside (a call, the baby, the app being killed).
    Interrupted,
    Other,
}

impl StopReason {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::NoConsent => "no-consent",
            Self::Safety => "safety",
            Self::MotherAsked => "mother-asked",
            Self::Pain => "pain",
            Self::Interrupted => "interrupted",
            Self::Other => "other",
        }
    }

    /// In the order the stop dialog offers them: pain first.
    pub const ALL: [Self; 6] = [
        Self::NoConsent,
        Self::Safety,
        Self::Pain,
        Self::MotherAsked,
        Self::Interrupted,
        Self::Other,
    ];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Reasons the father may pick when he stops a running session.
    pub fn user_choosable(&self) -> bool {
        matches!(
            self,
            Self::MotherAsked | Self::Pain | Self::Interrupted | Self::Other
        )
    }
}

/// Who gave a session. Seed 002: the mother "bisa dibantu pijat oleh ayah atau nenek";
/// the father is the programme's first choice, and the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Giver {
    #[default]
    Father,
    Grandmother,
    /// Another family member (an aunt, an older child, ...).
    OtherFamily,
}

impl Giver {
    pub const ALL: [Giver; 3] = [Self::Father, Self::Grandmother, Self::OtherFamily];
    /// The words stored and sent in bundles.
    pub const IDS: [&'static str; 3] = ["father", "grandmother", "other-family"];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Father => Self::IDS[0],
            Self::Grandmother => Self::IDS[1],
            Self::OtherFamily => Self::IDS[2],
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.as_str() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_ranges() {
        assert_eq!(MassagePlan::default(), MassagePlan::new(150, 3).unwrap());
        assert!(MassagePlan::new(60, 1).is_some() && MassagePlan::new(300, 5).is_some());
        assert!(MassagePlan::new(59, 3).is_none() && MassagePlan::new(301, 3).is_none());
        assert!(MassagePlan::new(150, 0).is_none() && MassagePlan::new(150, 6).is_none());
    }

    #[test]
    fn stop_reasons_round_trip() {
        for text in [
            "no-consent",
            "safety",
            "mother-asked",
            "pain",
            "interrupted",
            "other",
        ] {
            assert_eq!(StopReason::parse(text).unwrap().as_str(), text);
        }
        assert!(StopReason::parse("bored").is_none());
        for giver in Giver::ALL {
            assert_eq!(Giver::parse(giver.as_str()), Some(giver));
        }
        assert_eq!(Giver::parse("neighbour"), None);
        assert_eq!(Giver::default(), Giver::Father);
        assert!(!StopReason::Safety.user_choosable());
    }

    #[test]
    fn danger_signs_are_urgent_and_ordinary_findings_are_not() {
        for urgent in [
            "heavy-bleeding",
            "fever",
            "faint-dizzy",
            "headache-swelling",
            "other-danger-signs",
        ] {
            assert!(is_urgent(urgent), "{urgent}");
            assert!(SAFETY_QUESTIONS.contains(&urgent));
        }
        for calm in [
            "back-wound",
            "spine-injury",
            "severe-pain",
            "pregnant-again",
        ] {
            assert!(!is_urgent(calm), "{calm}");
        }
        assert_eq!(
            safety_findings("fever,back-wound,juggling,fever-bleeding-dizzy"),
            ["back-wound", "fever", "fever-bleeding-dizzy"]
        );
        assert!(safety_findings("").is_empty());
        // The old lumped question named bleeding and dizziness: read it the safer way.
        assert!(is_urgent("fever-bleeding-dizzy"));
        assert!(
            !SAFETY_QUESTIONS.contains(&"pain-now"),
            "ordinary backache no longer blocks the massage"
        );
    }
}
