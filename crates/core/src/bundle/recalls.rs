//! What the baby had yesterday, checked against its birth wherever a bundle arrives (the
//! app's import, the server's push), with the rule the app's own command applies
//! (`feeding::check_answer`): nothing before the birth or from six months on, nothing
//! still to come, something chosen, the first day of anything but breast milk between
//! the birth and the answer. The birth is the family record's, which a single record's
//! checks cannot see: the store checks after it has written the bundle (in the same
//! transaction, so a refusal keeps nothing), with the births it then keeps. A birth only
//! a bundle says, in a version the store does not keep, never counts.

use std::collections::{BTreeSet, HashMap};

use chrono::{Months, NaiveDate};
use serde_json::Value;

use super::Bundle;
use crate::feeding::{self, FoodItem, RecallError};

/// The table checked here.
const TABLE: &str = "feeding_recall";

/// Every day a family's baby was born on, as the versions of its record a store keeps
/// say (a version of while the baby was expected says none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Births(HashMap<String, BTreeSet<NaiveDate>>);

impl Births {
    /// Notes one kept version of `family`'s record: its birth date (the expected one
    /// while `pregnant`).
    pub fn note(&mut self, family: &str, birth_date: Option<&str>, pregnant: bool) {
        let days = self.0.entry(family.to_owned()).or_default();
        if let Some(day) = birth_date.and_then(|d| d.parse().ok())
            && !pregnant
        {
            days.insert(day);
        }
    }
}

/// A recall the bundle carries that no known birth of its family allows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("feeding_recall {id}: {error}")]
pub struct RecallRefused {
    pub id: String,
    pub error: RecallError,
}

/// The families whose recalls the bundle carries: the store looks up their births.
pub fn families_with_recalls(bundle: &Bundle) -> Vec<String> {
    let mut families: Vec<String> = bundle
        .records
        .iter()
        .filter(|r| r.table.name == TABLE)
        .filter_map(|r| r.body.get("family_id")?.as_str().map(str::to_owned))
        .collect();
    families.sort();
    families.dedup();
    families
}

/// Checks every recall of `bundle` against its family's `births`. A birth date may be
/// corrected after a recall was made, so a recall right under any kept version is
/// taken. Only a birth in the seven months before the day recalled can allow it: some
/// 215 days to try at most, however many versions are kept. A family with no kept
/// record is left alone (the plan refused its missing parent). `today` is the store's;
/// a phone's clock may run a day ahead of it, as for every time a bundle carries
/// (another time zone of the country, a clock set a little wrong).
pub fn check_recalls(
    bundle: &Bundle,
    births: &Births,
    today: NaiveDate,
) -> Result<(), RecallRefused> {
    let latest = today + chrono::Duration::days(1);
    for record in bundle.records.iter().filter(|r| r.table.name == TABLE) {
        let refused = |error| RecallRefused {
            id: record.id.clone(),
            error,
        };
        let Some(days) = record
            .body
            .get("family_id")
            .and_then(Value::as_str)
            .and_then(|family| births.0.get(family))
        else {
            continue;
        };
        let answer = Answer::of(&record.body).ok_or_else(|| refused(RecallError::Empty))?;
        let check = |birth: Option<NaiveDate>| {
            feeding::check_answer(
                birth,
                answer.recalled_on,
                latest,
                &answer.items,
                answer.first_other_on,
            )
        };
        let earliest = answer
            .recalled_on
            .checked_sub_months(Months::new(7))
            .unwrap_or(NaiveDate::MIN);
        if days
            .range(earliest..=answer.recalled_on)
            .any(|birth| check(Some(*birth)).is_ok())
        {
            continue;
        }
        // Refused: the reason as the latest birth kept gives it (none: still expected).
        let reason = check(days.last().copied())
            .err()
            .unwrap_or(RecallError::BeforeBirth);
        return Err(refused(reason));
    }
    Ok(())
}

/// A recall's answer, read from its (already checked) body.
struct Answer {
    recalled_on: NaiveDate,
    items: Vec<FoodItem>,
    first_other_on: Option<NaiveDate>,
}

impl Answer {
    fn of(body: &super::Body) -> Option<Self> {
        let date = |name: &str| body.get(name)?.as_str()?.parse::<NaiveDate>().ok();
        let items = body.get("items")?.as_str()?;
        Some(Self {
            recalled_on: date("recalled_on")?,
            items: items
                .split(',')
                .filter(|w| !w.is_empty())
                .filter_map(FoodItem::parse)
                .collect(),
            first_other_on: date("first_other_on"),
        })
    }
}

#[cfg(test)]
#[path = "recalls_tests.rs"]
mod tests;
