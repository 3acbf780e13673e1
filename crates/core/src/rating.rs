//! The mother's own rating of a session, and her milk production status.

use serde::{Deserialize, Serialize};

use super::validation::{FieldError, optional_text};

const NOTE_MAX: usize = 500;

/// Who gave an answer: part of every rating and status record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Author {
    Mother,
    Father,
    Cadre,
}

impl Author {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Mother => "mother",
            Self::Father => "father",
            Self::Cadre => "cadre",
        }
    }

    pub const ALL: [Self; 3] = [Self::Mother, Self::Father, Self::Cadre];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// Whether milk came out after the massage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum MilkFlow {
    /// tidak keluar
    None,
    /// menetes
    Drips,
    /// memancar
    Sprays,
}

impl MilkFlow {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Drips => "drips",
            Self::Sprays => "sprays",
        }
    }

    pub const ALL: [Self; 3] = [Self::None, Self::Drips, Self::Sprays];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

/// What the mother's screen sends. `None` everywhere with `skipped` means she chose
/// not to answer; that stays visibly missing.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RatingInput {
    pub skipped: bool,
    pub comfort: Option<i64>,
    pub pain_before: Option<i64>,
    pub pain_after: Option<i64>,
    pub milk_flow: Option<String>,
    pub note: Option<String>,
}

/// A rating that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    pub skipped: bool,
    pub comfort: Option<u8>,
    pub pain_before: Option<u8>,
    pub pain_after: Option<u8>,
    pub milk_flow: Option<MilkFlow>,
    pub note: Option<String>,
}

impl Rating {
    /// A skipped rating: nothing answered.
    pub fn skipped() -> Self {
        Self {
            skipped: true,
            comfort: None,
            pain_before: None,
            pain_after: None,
            milk_flow: None,
            note: None,
        }
    }
}

impl RatingInput {
    pub fn validate(&self) -> Result<Rating, Vec<FieldError>> {
        if self.skipped {
            return Ok(Rating::skipped());
        }
        let mut errors = Vec::new();
        let comfort = match self.comfort {
            None => {
                errors.push(FieldError::new("comfort", "error-comfort-required"));
                None
            }
            Some(value) => in_range("comfort", value, 1, 5, &mut errors),
        };
        let pain_before = self
            .pain_before
            .and_then(|v| in_range("painBefore", v, 0, 10, &mut errors));
        let pain_after = self
            .pain_after
            .and_then(|v| in_range("painAfter", v, 0, 10, &mut errors));
        let milk_flow = match self.milk_flow.as_deref().map(MilkFlow::parse) {
            Some(Some(flow)) => Some(flow),
            Some(None) => {
                errors.push(FieldError::new("milkFlow", "error-choice-unknown"));
                None
            }
            None => {
                errors.push(FieldError::new("milkFlow", "error-milk-flow-required"));
                None
            }
        };
        let note = optional_text("note", self.note.as_deref(), NOTE_MAX, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Rating {
            skipped: false,
            comfort,
            pain_before,
            pain_after,
            milk_flow,
            note,
        })
    }
}

fn in_range(
    field: &'static str,
    value: i64,
    min: i64,
    max: i64,
    errors: &mut Vec<FieldError>,
) -> Option<u8> {
    if (min..=max).contains(&value) {
        u8::try_from(value).ok()
    } else {
        errors.push(
            FieldError::new(field, "error-out-of-range")
                .with_arg("min", min)
                .with_arg("max", max),
        );
        None
    }
}

/// Milk production as the programme measures it before and after (seed 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum MilkStatus {
    Lancar,
    TidakLancar,
    TidakAda,
}

impl MilkStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Lancar => "lancar",
            Self::TidakLancar => "tidak-lancar",
            Self::TidakAda => "tidak-ada",
        }
    }

    pub const ALL: [Self; 3] = [Self::Lancar, Self::TidakLancar, Self::TidakAda];

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// The indicators that support a milk production status, as the mother is asked them.
/// Intake shows in stools, wet nappies and weight (WHO); "sleeps 2-3 hours after a feed"
/// was retired in bundle format 5 (a long sleeper may be underfed or jaundiced).
pub const MILK_INDICATORS: [&str; 7] = [
    "breasts-full-then-soft",
    "milk-drips",
    "feeds-8-12",
    "satisfied-wakes",
    "yellow-stools-3",
    "wet-nappies-6",
    "weight-gain",
];

/// Every indicator a stored record may name: the current ones and those retired, which
/// older records keep (and files still carry).
pub const KNOWN_MILK_INDICATORS: [&str; 8] = [
    "breasts-full-then-soft",
    "milk-drips",
    "feeds-8-12",
    "satisfied-wakes",
    "yellow-stools-3",
    "wet-nappies-6",
    "weight-gain",
    "sleeps-2-3-hours",
];

/// How often the status is asked again after enrolment.
pub const MILK_STATUS_EVERY_DAYS: i64 = 7;

/// What the status screen sends.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MilkStatusInput {
    pub status: Option<String>,
    pub indicators: Vec<String>,
}

impl MilkStatusInput {
    /// The status and the indicators that hold (each known, none twice).
    pub fn validate(&self) -> Result<(MilkStatus, Vec<&'static str>), Vec<FieldError>> {
        let mut errors = Vec::new();
        let status = match self.status.as_deref() {
            None => {
                errors.push(FieldError::new("status", "error-milk-status-required"));
                None
            }
            Some(text) => MilkStatus::parse(text).or_else(|| {
                errors.push(FieldError::new("status", "error-choice-unknown"));
                None
            }),
        };
        let mut indicators = Vec::new();
        for given in &self.indicators {
            match MILK_INDICATORS.iter().find(|known| *known == given) {
                Some(known) if !indicators.contains(known) => indicators.push(*known),
                Some(_) => {}
                None => errors.push(FieldError::new("indicators", "error-choice-unknown")),
            }
        }
        match status {
            Some(status) if errors.is_empty() => Ok((status, indicators)),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes<T: std::fmt::Debug>(
        result: Result<T, Vec<FieldError>>,
    ) -> Vec<(&'static str, &'static str)> {
        result
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    fn full() -> RatingInput {
        RatingInput {
            skipped: false,
            comfort: Some(5),
            pain_before: Some(4),
            pain_after: Some(1),
            milk_flow: Some("drips".into()),
            note: Some("  hangat  ".into()),
        }
    }

    #[test]
    fn a_full_rating_is_kept_as_given() {
        let rating = full().validate().unwrap();
        assert_eq!(rating.comfort, Some(5));
        assert_eq!(rating.milk_flow, Some(MilkFlow::Drips));
        assert_eq!(rating.note.as_deref(), Some("hangat"));
    }

    #[test]
    fn values_out_of_range_are_refused() {
        for (input, field) in [
            (
                RatingInput {
                    comfort: Some(0),
                    ..full()
                },
                "comfort",
            ),
            (
                RatingInput {
                    comfort: Some(6),
                    ..full()
                },
                "comfort",
            ),
            (
                RatingInput {
                    pain_before: Some(11),
                    ..full()
                },
                "painBefore",
            ),
            (
                RatingInput {
                    pain_after: Some(-1),
                    ..full()
                },
                "painAfter",
            ),
        ] {
            assert_eq!(codes(input.validate()), [(field, "error-out-of-range")]);
        }
        let unknown_flow = RatingInput {
            milk_flow: Some("lots".into()),
            ..full()
        };
        assert_eq!(
            codes(unknown_flow.validate()),
            [("milkFlow", "error-choice-unknown")]
        );
    }

    #[test]
    fn comfort_and_milk_flow_are_needed_unless_she_skips() {
        let empty = RatingInput::default();
        assert_eq!(
            codes(empty.validate()),
            [
                ("comfort", "error-comfort-required"),
                ("milkFlow", "error-milk-flow-required")
            ]
        );
        // A skip invents nothing, whatever else was sent.
        let skipped = RatingInput {
            skipped: true,
            ..full()
        };
        assert_eq!(skipped.validate().unwrap(), Rating::skipped());
    }

    #[test]
    fn milk_status_needs_a_known_status_and_known_indicators() {
        let input = MilkStatusInput {
            status: Some("tidak-lancar".into()),
            indicators: vec![
                "milk-drips".into(),
                "milk-drips".into(),
                "feeds-8-12".into(),
            ],
        };
        assert_eq!(
            input.validate().unwrap(),
            (MilkStatus::TidakLancar, vec!["milk-drips", "feeds-8-12"])
        );
        let bad = MilkStatusInput {
            status: Some("deras".into()),
            indicators: vec!["x".into()],
        };
        assert_eq!(
            codes(bad.validate()),
            [
                ("status", "error-choice-unknown"),
                ("indicators", "error-choice-unknown")
            ]
        );
        assert_eq!(
            codes(MilkStatusInput::default().validate()),
            [("status", "error-milk-status-required")]
        );
    }
}
