//! What the baby had yesterday, checked against its birth wherever a bundle arrives (the
//! app's import, the server's push), with the rule the app's own command applies
//! (`feeding::check_answer`): nothing before the birth or from six months on, nothing
//! still to come, something chosen, the first day of anything but breast milk between
//! the birth and the answer. The birth is the family record's, which a single record's
//! checks cannot see, so the store hands over what it keeps of it.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::Value;

use super::{Body, Bundle};
use crate::feeding::{self, FoodItem, RecallError};

/// The table checked here.
const TABLE: &str = "feeding_recall";

/// One version of a family's birth: the date (the expected one while `pregnant`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Born {
    pub birth: NaiveDate,
    pub pregnant: bool,
}

impl Born {
    /// The birth a family record's body says, if it holds a date.
    pub fn of(body: &Body) -> Option<Self> {
        let birth = body.get("baby_birth_date")?.as_str()?.parse().ok()?;
        let pregnant = body.get("pregnant").and_then(Value::as_i64) == Some(1);
        Some(Self { birth, pregnant })
    }

    /// The date of a baby born (`None` while still expected).
    fn born_on(self) -> Option<NaiveDate> {
        (!self.pregnant).then_some(self.birth)
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

/// Every birth the bundle's family records say, each version they carry.
fn births_in(bundle: &Bundle) -> HashMap<&str, Vec<Born>> {
    let mut births: HashMap<&str, Vec<Born>> = HashMap::new();
    for record in bundle.records.iter().filter(|r| r.table.name == "family") {
        let versions = std::iter::once(&record.body).chain(record.history.iter().map(|(b, _)| b));
        births
            .entry(record.id.as_str())
            .or_default()
            .extend(versions.filter_map(Born::of));
    }
    births
}

/// Checks every recall of `bundle` against its family's births: those the bundle carries
/// and those `stored` (every version the store keeps, by family). A birth date may be
/// corrected after a recall was made, so a recall right under any known version is
/// taken. A family known nowhere is left to the plan, which refuses its missing parent.
/// `today` is the store's; a phone's clock may run a day ahead of it, as for every time
/// a bundle carries (another time zone of the country, a clock set a little wrong).
pub fn check_recalls(
    bundle: &Bundle,
    stored: &HashMap<String, Vec<Born>>,
    today: NaiveDate,
) -> Result<(), RecallRefused> {
    let carried = births_in(bundle);
    let latest = today + chrono::Duration::days(1);
    for record in bundle.records.iter().filter(|r| r.table.name == TABLE) {
        let refused = |error| RecallRefused {
            id: record.id.clone(),
            error,
        };
        let Some(family) = record.body.get("family_id").and_then(Value::as_str) else {
            continue;
        };
        let births: Vec<Born> = carried
            .get(family)
            .into_iter()
            .chain(stored.get(family))
            .flatten()
            .copied()
            .collect();
        if births.is_empty() {
            continue;
        }
        let answer = Answer::of(&record.body).ok_or_else(|| refused(RecallError::Empty))?;
        let mut outcome = Ok(());
        for born in births {
            outcome = feeding::check_answer(
                born.born_on(),
                answer.recalled_on,
                latest,
                &answer.items,
                answer.first_other_on,
            );
            if outcome.is_ok() {
                break;
            }
        }
        outcome.map_err(refused)?;
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
    fn of(body: &Body) -> Option<Self> {
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
