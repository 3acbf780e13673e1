//! The family profile made at onboarding: who they are and the mother's consent.

use super::validation::{FieldError, optional_text, required_text};
use chrono::{Months, NaiveDate};
use serde::Deserialize;

/// Version of the consent text the mother agreed to; bump it when the text changes
/// (`consent-*` in `locales/*/app.ftl`).
///
/// - v3 named the puskesmas server: who reads names there, how long, how to erase.
/// - v4 also names what the baby ate and drank (the feeding recall), which goes to the
///   cadre and the server with the rest.
pub const CONSENT_TEXT_VERSION: &str = "health-data-v4";

/// The consent texts that name everything a family's records carry to the puskesmas
/// server: who reads names there, how long it keeps them, how to have them erased, and
/// every kind of record that goes. Nothing of a family travels to the server without
/// the mother's agreement to one of them (the app holds the family back, the server
/// refuses it). v3 is not among them: it did not name the feeding recall, so a family
/// that agreed only to v3 waits until the mother reads v4 (asked at the next start, or
/// by the cadre at her visit). Add each later text that still names all of it.
pub const SERVER_CONSENT_VERSIONS: [&str; 1] = ["health-data-v4"];

/// Whether a consent given to this text version lets the family's records go to the
/// puskesmas server.
pub fn consent_names_server(text_version: &str) -> bool {
    SERVER_CONSENT_VERSIONS.contains(&text_version)
}

/// The longest the server keeps a family after its last record arrived, as the consent
/// text promises ("paling lama satu tahun"); the server may be set to keep less.
pub const SERVER_RETENTION_DAYS_MAX: u32 = 365;

/// The oldest a baby may be at enrolment: the programme serves breastfeeding families.
const MAX_BABY_AGE_MONTHS: u32 = 24;
/// A family enrolled in pregnancy gives the expected date of birth: at most this far ahead
/// (a pregnancy lasts about nine months)…
const MAX_MONTHS_TO_BIRTH: u32 = 10;
/// …and at most this long past (a baby may come up to two weeks after the expected date;
/// the rest is room for recording the birth late).
const MAX_DAYS_PAST_EXPECTED: i64 = 30;
pub const NAME_MAX: usize = 60;
pub const POSYANDU_MAX: usize = 80;
pub const RW_RT_MAX_DIGITS: usize = 3;

/// What the onboarding form sends, as typed.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FamilyInput {
    pub father_name: String,
    pub mother_name: String,
    /// The birth date, or the expected date of birth while `pregnant`.
    pub baby_birth_date: String,
    /// Enrolled before the birth: the massage stays locked until the birth is recorded.
    #[serde(default)]
    pub pregnant: bool,
    pub posyandu: Option<String>,
    pub rw: Option<String>,
    pub rt: Option<String>,
    pub consent_given: bool,
    /// The mother's age in years, as typed (optional).
    #[serde(default)]
    pub mother_age: Option<String>,
    #[serde(default)]
    pub mother_education: Option<String>,
    #[serde(default)]
    pub parity: Option<String>,
}

/// The mother's schooling, as the programme's reports group it.
pub const EDUCATION_LEVELS: [&str; 4] = ["sd", "smp", "sma", "perguruan-tinggi"];
/// First birth, or not.
pub const PARITIES: [&str; 2] = ["primipara", "multipara"];
pub const MOTHER_AGE_RANGE: (u8, u8) = (12, 60);

/// Optional characteristics of the mother, for the reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Characteristics {
    pub mother_age: Option<u8>,
    pub mother_education: Option<String>,
    pub parity: Option<String>,
}

/// A family profile that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    pub father_name: String,
    pub mother_name: String,
    /// The birth date, or the expected date of birth while `pregnant`.
    pub baby_birth_date: NaiveDate,
    /// Enrolled before the birth and the birth not yet recorded. Oxytocin massage is for
    /// after the birth (it may bring on contractions), so it stays locked until then.
    pub pregnant: bool,
    pub posyandu: Option<String>,
    pub rw: Option<String>,
    pub rt: Option<String>,
    pub characteristics: Characteristics,
}

impl Family {
    /// The baby's age in days, `None` before the birth.
    pub fn baby_age_days(&self, today: NaiveDate) -> Option<i64> {
        (!self.pregnant).then(|| baby_age_days(self.baby_birth_date, today))
    }

    /// Still recorded as pregnant after the expected date: the home asks the family to
    /// have the mother checked by the midwife within a day or two (and to record the birth
    /// if the baby came).
    pub fn past_due(&self, today: NaiveDate) -> bool {
        self.pregnant && (today - self.baby_birth_date).num_days() >= PAST_DUE_DAYS
    }

    /// The first day of the massage plan for a family enrolled on `enrolled`: that day,
    /// or the birth when it came later (enrolled in pregnancy). `None` before the birth:
    /// nothing is planned, so nothing is missed or behind.
    pub fn plan_start(&self, enrolled: NaiveDate) -> Option<NaiveDate> {
        plan_start(self.pregnant, self.baby_birth_date, enrolled)
    }
}

/// Days after the expected date of birth from which [`Family::past_due`] holds: the day
/// after it (at 41 weeks induction is often already due, so a week was too late).
pub const PAST_DUE_DAYS: i64 = 1;

/// The rule of [`Family::plan_start`], for callers that hold a family's facts but not a
/// `Family` (the server reads them from records).
pub fn plan_start(
    pregnant: bool,
    baby_birth_date: NaiveDate,
    enrolled: NaiveDate,
) -> Option<NaiveDate> {
    (!pregnant).then(|| enrolled.max(baby_birth_date))
}

impl FamilyInput {
    /// Checks every field against the rules, reporting all broken rules at once.
    pub fn validate(&self, today: NaiveDate) -> Result<Family, Vec<FieldError>> {
        let mut errors = Vec::new();
        let father_name = required_text("fatherName", &self.father_name, NAME_MAX, &mut errors);
        let mother_name = required_text("motherName", &self.mother_name, NAME_MAX, &mut errors);
        let baby_birth_date = if self.pregnant {
            expected_date(&self.baby_birth_date, today, &mut errors)
        } else {
            birth_date(&self.baby_birth_date, today, &mut errors)
        };
        let posyandu = optional_text(
            "posyandu",
            self.posyandu.as_deref(),
            POSYANDU_MAX,
            &mut errors,
        );
        let rw = neighbourhood_number("rw", self.rw.as_deref(), &mut errors);
        let rt = neighbourhood_number("rt", self.rt.as_deref(), &mut errors);
        let characteristics = self.characteristics(&mut errors);
        if !self.consent_given {
            errors.push(FieldError::new("consent", "error-consent-required"));
        }
        match baby_birth_date {
            Some(baby_birth_date) if errors.is_empty() => Ok(Family {
                father_name,
                mother_name,
                baby_birth_date,
                pregnant: self.pregnant,
                posyandu,
                rw,
                rt,
                characteristics,
            }),
            _ => Err(errors),
        }
    }
}

impl FamilyInput {
    fn characteristics(&self, errors: &mut Vec<FieldError>) -> Characteristics {
        let blank = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let mother_age = blank(&self.mother_age).and_then(|age| {
            let (min, max) = MOTHER_AGE_RANGE;
            match age.parse::<u8>() {
                Ok(years) if (min..=max).contains(&years) => Some(years),
                _ => {
                    errors.push(
                        FieldError::new("motherAge", "error-out-of-range")
                            .with_arg("min", min)
                            .with_arg("max", max),
                    );
                    None
                }
            }
        });
        let choice = |field: &'static str,
                      value: Option<String>,
                      allowed: &[&str],
                      errors: &mut Vec<FieldError>| {
            value.filter(|v| {
                let known = allowed.contains(&v.as_str());
                if !known {
                    errors.push(FieldError::new(field, "error-choice-unknown"));
                }
                known
            })
        };
        Characteristics {
            mother_age,
            mother_education: choice(
                "motherEducation",
                blank(&self.mother_education),
                &EDUCATION_LEVELS,
                errors,
            ),
            parity: choice("parity", blank(&self.parity), &PARITIES, errors),
        }
    }
}

/// The date as typed, or an error on the birth date field.
fn parse_date(value: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        errors.push(FieldError::new("babyBirthDate", "error-field-required"));
        return None;
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
    if date.is_none() {
        errors.push(FieldError::new("babyBirthDate", "error-date-invalid"));
    }
    date
}

/// The expected date of birth: not more than ten months ahead, not long past.
fn expected_date(value: &str, today: NaiveDate, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let date = parse_date(value, errors)?;
    let latest = today
        .checked_add_months(Months::new(MAX_MONTHS_TO_BIRTH))
        .unwrap_or(today);
    if date > latest {
        errors.push(
            FieldError::new("babyBirthDate", "error-expected-date-too-far")
                .with_arg("months", MAX_MONTHS_TO_BIRTH),
        );
        None
    } else if (today - date).num_days() > MAX_DAYS_PAST_EXPECTED {
        errors.push(FieldError::new("babyBirthDate", "error-expected-date-past"));
        None
    } else {
        Some(date)
    }
}

fn birth_date(value: &str, today: NaiveDate, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let date = parse_date(value, errors)?;
    let earliest = today
        .checked_sub_months(Months::new(MAX_BABY_AGE_MONTHS))
        .unwrap_or(today);
    if date > today {
        errors.push(FieldError::new("babyBirthDate", "error-birth-date-future"));
        None
    } else if date < earliest {
        errors.push(
            FieldError::new("babyBirthDate", "error-birth-date-too-old")
                .with_arg("years", MAX_BABY_AGE_MONTHS / 12),
        );
        None
    } else {
        Some(date)
    }
}

/// RW and RT are small neighbourhood numbers, e.g. "011" or "5".
fn neighbourhood_number(
    field: &'static str,
    value: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    let is_number = value.len() <= RW_RT_MAX_DIGITS && value.chars().all(|c| c.is_ascii_digit());
    if !is_number {
        errors.push(FieldError::new(field, "error-rw-rt-number").with_arg("max", RW_RT_MAX_DIGITS));
    }
    Some(value.to_owned())
}

/// The baby's age in whole days on `today` (0 on the day of birth).
pub fn baby_age_days(birth: NaiveDate, today: NaiveDate) -> i64 {
    (today - birth).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_current_consent_text_names_all_that_goes_to_the_server() {
        assert!(consent_names_server(CONSENT_TEXT_VERSION));
        // v3 named the server but not the feeding recall, which now travels too.
        let older = ["health-data-v1", "health-data-v2", "health-data-v3", ""];
        for older in older.into_iter().chain(["health-data-v4 "]) {
            assert!(!consent_names_server(older), "{older}");
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn valid_input() -> FamilyInput {
        FamilyInput {
            father_name: "  Budi Santoso ".into(),
            mother_name: "Siti Aminah".into(),
            baby_birth_date: "2026-11-01".into(),
            pregnant: false,
            posyandu: Some("Melati".into()),
            rw: Some("011".into()),
            rt: Some(" ".into()),
            consent_given: true,
            mother_age: Some("27".into()),
            mother_education: Some("sma".into()),
            parity: None,
        }
    }

    #[test]
    fn characteristics_are_optional_but_checked_when_given() {
        let family = valid_input().validate(today()).unwrap();
        assert_eq!(family.characteristics.mother_age, Some(27));
        assert_eq!(
            family.characteristics.mother_education.as_deref(),
            Some("sma")
        );
        assert_eq!(family.characteristics.parity, None);
        let bad = FamilyInput {
            mother_age: Some("9".into()),
            mother_education: Some("phd".into()),
            parity: Some("third".into()),
            ..valid_input()
        };
        assert_eq!(
            codes(bad.validate(today())),
            [
                ("motherAge", "error-out-of-range"),
                ("motherEducation", "error-choice-unknown"),
                ("parity", "error-choice-unknown")
            ]
        );
    }

    fn codes(result: Result<Family, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        result
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_valid_family_is_trimmed_and_blank_optionals_are_none() {
        let family = valid_input().validate(today()).unwrap();
        assert_eq!(family.father_name, "Budi Santoso");
        assert_eq!(family.rw.as_deref(), Some("011"));
        assert_eq!(family.rt, None);
        assert_eq!(baby_age_days(family.baby_birth_date, today()), 21);
    }

    #[test]
    fn birth_date_rules() {
        let at = |date: &str| FamilyInput {
            baby_birth_date: date.into(),
            ..valid_input()
        };
        assert!(at("2026-11-22").validate(today()).is_ok(), "born today");
        assert!(
            at("2024-11-22").validate(today()).is_ok(),
            "exactly two years"
        );
        assert_eq!(
            codes(at("2026-11-23").validate(today())),
            [("babyBirthDate", "error-birth-date-future")]
        );
        assert_eq!(
            codes(at("2024-11-21").validate(today())),
            [("babyBirthDate", "error-birth-date-too-old")]
        );
        assert_eq!(
            codes(at("2026-02-30").validate(today())),
            [("babyBirthDate", "error-date-invalid")]
        );
        assert_eq!(
            codes(at("").validate(today())),
            [("babyBirthDate", "error-field-required")]
        );
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let input = FamilyInput {
            father_name: " ".into(),
            mother_name: "x".repeat(61),
            baby_birth_date: "2030-01-01".into(),
            posyandu: None,
            rw: Some("1a".into()),
            rt: Some("1234".into()),
            consent_given: false,
            ..FamilyInput::default()
        };
        assert_eq!(
            codes(input.validate(today())),
            [
                ("fatherName", "error-field-required"),
                ("motherName", "error-text-too-long"),
                ("babyBirthDate", "error-birth-date-future"),
                ("rw", "error-rw-rt-number"),
                ("rt", "error-rw-rt-number"),
                ("consent", "error-consent-required"),
            ]
        );
    }

    #[test]
    fn control_characters_are_refused() {
        let input = FamilyInput {
            father_name: "Bu\u{0}di".into(),
            ..valid_input()
        };
        assert_eq!(
            codes(input.validate(today())),
            [("fatherName", "error-text-control-chars")]
        );
    }

    #[test]
    fn a_pregnant_family_gives_the_expected_date_and_has_no_baby_age_yet() {
        let expecting = |date: &str| FamilyInput {
            baby_birth_date: date.into(),
            pregnant: true,
            ..valid_input()
        };
        // today() is 2026-11-22: in two months is fine, and so is a few days overdue.
        let family = expecting("2027-01-20").validate(today()).unwrap();
        assert!(family.pregnant);
        assert_eq!(family.baby_age_days(today()), None);
        let enrolled = today();
        assert_eq!(
            family.plan_start(enrolled),
            None,
            "no plan before the birth"
        );
        assert!(expecting("2026-11-10").validate(today()).is_ok());
        assert_eq!(
            codes(expecting("2027-10-01").validate(today())),
            [("babyBirthDate", "error-expected-date-too-far")]
        );
        assert_eq!(
            codes(expecting("2026-10-01").validate(today())),
            [("babyBirthDate", "error-expected-date-past")]
        );
        // Once born, the same date rules as at any enrolment.
        let born = FamilyInput {
            pregnant: false,
            ..expecting("2026-11-20")
        };
        let born = born.validate(today()).unwrap();
        assert_eq!(born.baby_age_days(today()), Some(2));
        // Enrolled in pregnancy weeks ago, born two days ago: the plan starts at the birth.
        let weeks_ago = today() - chrono::Duration::days(40);
        assert_eq!(
            born.plan_start(weeks_ago),
            Some(today() - chrono::Duration::days(2))
        );
        // Enrolled after the birth (the usual way): the plan starts at enrolment.
        assert_eq!(born.plan_start(today()), Some(today()));
        assert_eq!(
            codes(expecting("").validate(today())),
            [("babyBirthDate", "error-field-required")]
        );
    }

    #[test]
    fn a_pregnancy_past_its_expected_date_is_past_due() {
        let expected = today();
        let family = FamilyInput {
            baby_birth_date: "2026-11-22".into(),
            pregnant: true,
            ..valid_input()
        }
        .validate(today())
        .unwrap();
        assert!(!family.past_due(expected));
        assert!(family.past_due(expected + chrono::Days::new(1)));
        let born = Family {
            pregnant: false,
            ..family
        };
        assert!(!born.past_due(expected + chrono::Days::new(30)));
    }
}
