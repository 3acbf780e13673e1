//! What the baby was fed, and exclusive breastfeeding counted the way a puskesmas reports
//! it (sources in `docs/feeding-indicators.md`):
//! - **Previous day** (WHO and UNICEF 2021, indicator 2, "EBF"): infants 0–5 completed
//!   months fed only breast milk during the previous day; medicines, vitamins, minerals
//!   and oral rehydration salts allowed. Counted from each baby's latest recall.
//! - **Since birth** (PP 33/2012, now PP 28/2024; Kemenkes' "lulus ASI eksklusif"): only
//!   breast milk from birth for six months. Counted for babies reaching six months.
//! - **An alert**: anything but breast milk (and medicines) recorded before six months,
//!   or honey before twelve months (botulism), so the cadre visits.

mod indicators;

pub use indicators::*;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// What a baby may have had yesterday, as the recall asks it (with pictures).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "kebab-case")]
pub enum FoodItem {
    BreastMilk,
    Water,
    Formula,
    /// Cow's, goat's or any other milk that is not breast milk or formula.
    OtherMilk,
    /// Tea, juice or sweet water.
    SweetDrink,
    /// Porridge, banana or any other food.
    Food,
    Honey,
    /// Medicines, vitamins, minerals, oral rehydration salts: allowed.
    Medicine,
}

impl FoodItem {
    /// In the order the recall shows them: breast milk first, then what breaks it.
    pub const ALL: [FoodItem; 8] = [
        Self::BreastMilk,
        Self::Water,
        Self::Formula,
        Self::OtherMilk,
        Self::SweetDrink,
        Self::Food,
        Self::Honey,
        Self::Medicine,
    ];

    /// The words records and files use, in the order of [`FoodItem::ALL`].
    pub const IDS: [&'static str; 8] = [
        "breast-milk",
        "water",
        "formula",
        "other-milk",
        "sweet-drink",
        "food",
        "honey",
        "medicine",
    ];

    pub fn as_str(self) -> &'static str {
        Self::IDS[Self::ALL.iter().position(|i| *i == self).unwrap_or(0)]
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == text)
    }

    /// Whether having it means the baby was not exclusively breastfed.
    pub fn breaks_exclusivity(self) -> bool {
        !matches!(self, Self::BreastMilk | Self::Medicine)
    }
}

/// Who answered a recall.
pub const RECORDERS: [&str; 2] = ["mother", "cadre"];

/// Six completed months: the end of exclusive breastfeeding.
pub const EXCLUSIVE_MONTHS: u32 = 6;
/// Honey is never given before twelve months.
pub const HONEY_MONTHS: u32 = 12;

/// Completed months of age on `on` for a baby born on `birth` (`None` before the birth).
pub fn age_in_months(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let months = (on.year() - birth.year()) * 12 + on.month() as i32
        - birth.month() as i32
        - i32::from(on.day() < birth.day());
    u32::try_from(months).ok()
}

/// What the baby had on the day before `recalled_on`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recall {
    pub recalled_on: NaiveDate,
    pub items: Vec<FoodItem>,
}

impl Recall {
    /// Only breast milk (and perhaps medicines) yesterday.
    pub fn exclusive(&self) -> bool {
        self.items.contains(&FoodItem::BreastMilk)
            && !self.items.iter().any(|i| i.breaks_exclusivity())
    }
}

/// Why a recall is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RecallError {
    #[error("the day recalled is before the birth")]
    BeforeBirth,
    #[error("the baby is six months or older: the recall is for babies under six months")]
    SixMonthsOrOlder,
    #[error("a recall cannot be made for a day still to come")]
    Future,
    #[error("nothing was chosen")]
    Empty,
    /// The first day of anything but breast milk is before the birth or after the answer.
    #[error("the first day of anything but breast milk is out of range")]
    FirstOtherOutOfRange,
}

impl RecallError {
    /// The message id the user sees.
    pub fn code(self) -> &'static str {
        match self {
            Self::BeforeBirth => "error-recall-before-birth",
            Self::SixMonthsOrOlder => "error-recall-six-months",
            Self::Future => "error-recall-future",
            Self::Empty => "error-recall-empty",
            Self::FirstOtherOutOfRange => "error-first-other-out-of-range",
        }
    }
}

/// Checks a recall made on `recalled_on` (about the day before) for a baby born on
/// `birth`, today being `today`.
pub fn check_recall(
    birth: NaiveDate,
    recalled_on: NaiveDate,
    today: NaiveDate,
    items: &[FoodItem],
) -> Result<(), RecallError> {
    if recalled_on > today {
        return Err(RecallError::Future);
    }
    if recalled_on
        .pred_opt()
        .is_none_or(|yesterday| yesterday < birth)
    {
        return Err(RecallError::BeforeBirth);
    }
    if age_in_months(birth, recalled_on).is_none_or(|m| m >= EXCLUSIVE_MONTHS) {
        return Err(RecallError::SixMonthsOrOlder);
    }
    if items.is_empty() {
        return Err(RecallError::Empty);
    }
    Ok(())
}

/// Checks a whole answer as it is recorded, for a family whose baby was born on `birth`
/// (`None`: still expected): the recall, and the first day of anything but breast milk,
/// which lies between the birth and the day of the answer. The app's command and every
/// bundle (the app's import, the server's push: `bundle::recalls`) ask this.
pub fn check_answer(
    birth: Option<NaiveDate>,
    recalled_on: NaiveDate,
    today: NaiveDate,
    items: &[FoodItem],
    first_other_on: Option<NaiveDate>,
) -> Result<(), RecallError> {
    let birth = birth.ok_or(RecallError::BeforeBirth)?;
    check_recall(birth, recalled_on, today, items)?;
    if first_other_on.is_some_and(|first| first < birth || first > recalled_on) {
        return Err(RecallError::FirstOtherOutOfRange);
    }
    Ok(())
}

/// One baby's feeding record: the recalls, and the family's answer to "since birth, was
/// anything but breast milk ever given, and when first?".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feeding {
    pub birth: Option<NaiveDate>,
    pub recalls: Vec<Recall>,
    /// The first day anything but breast milk was given, as the family remembers it.
    pub first_other_on: Option<NaiveDate>,
    /// The days the family answered "since birth, only breast milk".
    pub never_other_on: Vec<NaiveDate>,
}

impl Feeding {
    /// Whether "since birth, anything but breast milk?" is to be asked on `today`: never
    /// answered yet, or the baby is in its sixth month (five completed) and the family
    /// has not answered since: only that answer counts toward six months.
    pub fn asks_since_birth(&self, today: NaiveDate) -> bool {
        let Some(birth) = self.birth else {
            return false;
        };
        if self.first_other_on.is_some() {
            return false; // something else was given: nothing more to learn
        }
        let fifth = |day: &NaiveDate| age_in_months(birth, *day) == Some(EXCLUSIVE_MONTHS - 1);
        if fifth(&today) {
            !self.never_other_on.iter().any(fifth)
        } else {
            self.never_other_on.is_empty()
        }
    }

    /// The first day anything but breast milk is known to have been given: the family's
    /// answer, or the day before the first recall that had it, whichever is earlier.
    pub fn first_other(&self) -> Option<NaiveDate> {
        let from_recalls = self
            .recalls
            .iter()
            .filter(|r| r.items.iter().any(|i| i.breaks_exclusivity()))
            .filter_map(|r| r.recalled_on.pred_opt())
            .min();
        [from_recalls, self.first_other_on]
            .into_iter()
            .flatten()
            .min()
    }

    /// The latest recall on or before `until`.
    pub fn latest_recall(&self, until: NaiveDate) -> Option<&Recall> {
        self.recalls
            .iter()
            .filter(|r| r.recalled_on <= until)
            .max_by_key(|r| r.recalled_on)
    }
}

/// The alert a feeding record raises: what was given, and on which day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedingAlert {
    pub item: FoodItem,
    pub given_on: NaiveDate,
}

/// What of `items` a baby `months` old must not have had: honey first (the danger),
/// then the rest in the recall's order.
pub fn not_for_age(items: &[FoodItem], months: u32) -> Vec<FoodItem> {
    let mut found: Vec<FoodItem> = FoodItem::ALL
        .into_iter()
        .filter(|i| items.contains(i))
        .filter(|i| {
            (*i == FoodItem::Honey && months < HONEY_MONTHS)
                || (i.breaks_exclusivity() && months < EXCLUSIVE_MONTHS)
        })
        .collect();
    found.sort_by_key(|i| *i != FoodItem::Honey);
    found
}

/// The newest recall that had something a baby of its age must not have: anything but
/// breast milk before six months, honey before twelve. `item` is honey when it was
/// among them.
pub fn alert(feeding: &Feeding) -> Option<FeedingAlert> {
    let birth = feeding.birth?;
    feeding
        .recalls
        .iter()
        .filter_map(|r| {
            let given_on = r.recalled_on.pred_opt()?;
            let months = age_in_months(birth, given_on)?;
            let item = *not_for_age(&r.items, months).first()?;
            Some(FeedingAlert { item, given_on })
        })
        .max_by_key(|a| a.given_on)
}

/// One stored answer, as both the app's and the server's tables hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecallRow {
    pub recalled_on: String,
    /// Comma-separated [`FoodItem::IDS`].
    pub items: String,
    /// `yes` or `no`: since birth, anything but breast milk.
    pub ever_other: Option<String>,
    pub first_other_on: Option<String>,
}

/// A baby's feeding record from its stored answers (`birth`: `None` before the birth).
/// A "yes" without a day counts from the day of that answer ("yes, I forget when").
pub fn from_rows(birth: Option<NaiveDate>, rows: &[RecallRow]) -> Feeding {
    let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    let mut feeding = Feeding {
        birth,
        ..Feeding::default()
    };
    for row in rows {
        let Some(recalled_on) = date(&row.recalled_on) else {
            continue;
        };
        feeding.recalls.push(Recall {
            recalled_on,
            items: row.items.split(',').filter_map(FoodItem::parse).collect(),
        });
        if row.ever_other.as_deref() == Some("no") {
            feeding.never_other_on.push(recalled_on);
        }
        if row.ever_other.as_deref() == Some("yes") {
            let first = row
                .first_other_on
                .as_deref()
                .and_then(date)
                .unwrap_or(recalled_on);
            feeding.first_other_on = Some(feeding.first_other_on.map_or(first, |f| f.min(first)));
        }
    }
    feeding
}

#[cfg(test)]
#[path = "feeding_tests.rs"]
mod tests;
