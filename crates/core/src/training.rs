//! Trained in the programme's sense (seed 004): a father's hands-on training is given by
//! a midwife or a certified massage therapist, and the cadre records it. It is a fact of
//! its own, not the knowledge post-test.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::protocol::Giver;
use super::validation::{FieldError, optional_text};

/// Who trained the father's hands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Trainer {
    Midwife,
    /// A massage therapist with a training certificate (seed 004).
    Therapist,
}

impl Trainer {
    pub const IDS: [&'static str; 2] = ["midwife", "therapist"];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Midwife => Self::IDS[0],
            Self::Therapist => Self::IDS[1],
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Midwife, Self::Therapist]
            .into_iter()
            .find(|t| t.as_str() == text)
    }
}

/// How far back a training may be recorded: a pregnancy class a year before, at most.
pub const MAX_YEARS_BACK: i32 = 2;

/// A training as the cadre enters it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingInput {
    /// `YYYY-MM-DD`.
    pub trained_on: String,
    pub trainer: String,
    pub trainer_name: Option<String>,
    /// Who was trained (seed 002: whoever gives the massage may learn it, the father or
    /// the grandmother); the father when not given.
    #[serde(default)]
    pub trainee: Option<String>,
}

/// A training that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Training {
    pub trained_on: NaiveDate,
    pub trainer: Trainer,
    pub trainer_name: Option<String>,
    /// Who was trained; trainings recorded before it was asked were the father's.
    pub trainee: Giver,
}

impl TrainingInput {
    /// A real date, not after `today` nor more than two years before it; a known trainer.
    pub fn validate(&self, today: NaiveDate) -> Result<Training, Vec<FieldError>> {
        let mut errors = Vec::new();
        let trained_on = match NaiveDate::parse_from_str(&self.trained_on, "%Y-%m-%d") {
            Ok(date) if date > today => {
                errors.push(FieldError::new("trainedOn", "error-date-future"));
                None
            }
            Ok(date) if date < years_before(today, MAX_YEARS_BACK) => {
                errors.push(
                    FieldError::new("trainedOn", "error-date-too-old")
                        .with_arg("years", MAX_YEARS_BACK),
                );
                None
            }
            Ok(date) => Some(date),
            Err(_) => {
                errors.push(FieldError::new("trainedOn", "error-date-invalid"));
                None
            }
        };
        let trainer = Trainer::parse(&self.trainer);
        if trainer.is_none() {
            errors.push(FieldError::new("trainer", "error-choice-unknown"));
        }
        let trainer_name =
            optional_text("trainerName", self.trainer_name.as_deref(), 80, &mut errors);
        let trainee = match self.trainee.as_deref() {
            None => Some(Giver::Father),
            Some(text) => Giver::parse(text),
        };
        if trainee.is_none() {
            errors.push(FieldError::new("trainee", "error-choice-unknown"));
        }
        match (trained_on, trainer, trainee) {
            (Some(trained_on), Some(trainer), Some(trainee)) if errors.is_empty() => Ok(Training {
                trained_on,
                trainer,
                trainer_name,
                trainee,
            }),
            _ => Err(errors),
        }
    }
}

fn years_before(day: NaiveDate, years: i32) -> NaiveDate {
    day.checked_sub_months(chrono::Months::new(12 * years.unsigned_abs()))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(on: &str, trainer: &str, name: Option<&str>) -> TrainingInput {
        TrainingInput {
            trained_on: on.into(),
            trainer: trainer.into(),
            trainer_name: name.map(Into::into),
            trainee: None,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    fn codes(result: Result<Training, Vec<FieldError>>) -> Vec<&'static str> {
        result.unwrap_err().iter().map(|e| e.code).collect()
    }

    #[test]
    fn a_training_by_the_midwife_or_a_therapist_is_kept_with_its_day() {
        let kept = input("2026-11-30", "midwife", Some("  Bidan Sari ")).validate(today());
        assert_eq!(
            kept.unwrap(),
            Training {
                trained_on: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                trainer: Trainer::Midwife,
                trainer_name: Some("Bidan Sari".into()),
                trainee: Giver::Father,
            }
        );
        let grandmother = TrainingInput {
            trainee: Some("grandmother".into()),
            ..input("2026-11-30", "midwife", None)
        };
        assert_eq!(
            grandmother.validate(today()).unwrap().trainee,
            Giver::Grandmother
        );
        let neighbour = TrainingInput {
            trainee: Some("neighbour".into()),
            ..input("2026-11-30", "midwife", None)
        };
        assert_eq!(codes(neighbour.validate(today())), ["error-choice-unknown"]);
        let today_by_therapist = input("2026-12-02", "therapist", None).validate(today());
        assert_eq!(today_by_therapist.unwrap().trainer, Trainer::Therapist);
    }

    #[test]
    fn a_future_old_or_unreadable_day_and_an_unknown_trainer_are_refused() {
        assert_eq!(
            codes(input("2026-12-03", "midwife", None).validate(today())),
            ["error-date-future"]
        );
        assert_eq!(
            codes(input("2024-12-01", "midwife", None).validate(today())),
            ["error-date-too-old"]
        );
        assert!(
            input("2024-12-02", "midwife", None)
                .validate(today())
                .is_ok()
        );
        assert_eq!(
            codes(input("2026-02-30", "midwife", None).validate(today())),
            ["error-date-invalid"]
        );
        assert_eq!(
            codes(input("2026-11-30", "neighbour", None).validate(today())),
            ["error-choice-unknown"]
        );
        let long = "x".repeat(81);
        assert_eq!(
            codes(input("2026-11-30", "midwife", Some(&long)).validate(today())),
            ["error-text-too-long"]
        );
    }
}
