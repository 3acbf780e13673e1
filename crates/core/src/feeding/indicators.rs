//! Exclusive breastfeeding counted over a cohort: the previous-day figure by age month
//! and by calendar month, and "since birth" for babies reaching six months (the rules
//! one baby's answers follow are the parent module's).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{EXCLUSIVE_MONTHS, Feeding, age_in_months};

/// One age month's line of the previous-day table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AgeLine {
    /// Completed months: 0 to 5.
    pub months: u32,
    /// Babies of that age whose latest recall is in the period.
    pub babies: usize,
    /// Of them, fed only breast milk the day before.
    pub exclusive: usize,
}

/// The exclusive breastfeeding indicators of a cohort over a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Indicators {
    /// By age month 0-5 (the previous-day indicator).
    pub by_age: Vec<AgeLine>,
    /// Babies who reached six months in the period.
    pub reached_six_months: usize,
    /// Of them, only breast milk since birth, asked about at five months.
    pub exclusive_since_birth: usize,
    /// Of them, not asked about at five months: neither counted in nor out.
    pub not_known: usize,
}

impl Indicators {
    /// Babies 0-5 months, and of them fed only breast milk the day before.
    pub fn total(&self) -> AgeLine {
        self.by_age
            .iter()
            .fold(AgeLine::default(), |sum, line| AgeLine {
                months: 0,
                babies: sum.babies + line.babies,
                exclusive: sum.exclusive + line.exclusive,
            })
    }

    /// Adds the figures of another cohort (a baby belongs to one only): a puskesmas's
    /// are its posyandu's added, a district's its puskesmas's.
    pub fn add(&mut self, other: &Indicators) {
        for line in &other.by_age {
            match self.by_age.iter_mut().find(|l| l.months == line.months) {
                Some(mine) => {
                    mine.babies += line.babies;
                    mine.exclusive += line.exclusive;
                }
                None => self.by_age.push(*line),
            }
        }
        self.by_age.sort_by_key(|l| l.months);
        self.reached_six_months += other.reached_six_months;
        self.exclusive_since_birth += other.exclusive_since_birth;
        self.not_known += other.not_known;
    }
}

/// The previous-day figures of several cohorts in the same months, added month by month.
pub fn add_months(sum: &mut Vec<MonthRate>, other: &[MonthRate]) {
    for month in other {
        match sum.iter_mut().find(|m| m.first_day == month.first_day) {
            Some(mine) => {
                mine.babies += month.babies;
                mine.exclusive += month.exclusive;
            }
            None => sum.push(*month),
        }
    }
    sum.sort_by_key(|m| m.first_day);
}

/// How a baby reaching six months in the period counts for "since birth".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinceBirth {
    /// Only breast milk since birth, asked about at five months.
    Exclusive,
    /// Something else was given before six months.
    Other,
    /// Never asked at five months: counted neither in nor out.
    NotKnown,
}

/// What one baby adds to the indicators of a period: its latest recall in the period
/// (age in completed months, breast milk only), and how it counts if it reached six
/// months in the period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BabyFacts {
    pub latest: Option<(u32, bool)>,
    pub six_months: Option<SinceBirth>,
}

/// One baby's facts over the days `from` to `until` (both included).
pub fn baby_facts(baby: &Feeding, from: NaiveDate, until: NaiveDate) -> BabyFacts {
    let Some(birth) = baby.birth else {
        return BabyFacts::default();
    };
    let latest = baby
        .latest_recall(until)
        .filter(|r| r.recalled_on >= from)
        .and_then(|r| Some((age_in_months(birth, r.recalled_on)?, r.exclusive())))
        .filter(|(months, _)| *months < EXCLUSIVE_MONTHS);
    let six_months = birth
        .checked_add_months(chrono::Months::new(EXCLUSIVE_MONTHS))
        .filter(|day| (from..=until).contains(day))
        .map(|six_months| {
            // Weekly one-day answers do not make six months: only the family's "only
            // breast milk since birth", given in the sixth month, does.
            let asked_at_five = baby
                .never_other_on
                .iter()
                .any(|d| age_in_months(birth, *d) == Some(EXCLUSIVE_MONTHS - 1));
            match (
                baby.first_other().is_some_and(|d| d < six_months),
                asked_at_five,
            ) {
                (true, _) => SinceBirth::Other,
                (false, true) => SinceBirth::Exclusive,
                (false, false) => SinceBirth::NotKnown,
            }
        });
    BabyFacts { latest, six_months }
}

/// The indicators of babies with these facts.
pub fn indicators_of(facts: &[BabyFacts]) -> Indicators {
    let mut result = Indicators {
        by_age: (0..EXCLUSIVE_MONTHS)
            .map(|months| AgeLine {
                months,
                ..AgeLine::default()
            })
            .collect(),
        ..Indicators::default()
    };
    for baby in facts {
        if let Some((months, exclusive)) = baby.latest
            && let Some(line) = result.by_age.get_mut(months as usize)
        {
            line.babies += 1;
            line.exclusive += usize::from(exclusive);
        }
        if let Some(since_birth) = baby.six_months {
            result.reached_six_months += 1;
            match since_birth {
                SinceBirth::Exclusive => result.exclusive_since_birth += 1,
                SinceBirth::NotKnown => result.not_known += 1,
                SinceBirth::Other => {}
            }
        }
    }
    result
}

/// The indicators of `cohort` over the days `from` to `until` (both included).
pub fn indicators(cohort: &[Feeding], from: NaiveDate, until: NaiveDate) -> Indicators {
    let facts: Vec<BabyFacts> = cohort
        .iter()
        .map(|baby| baby_facts(baby, from, until))
        .collect();
    indicators_of(&facts)
}

/// One calendar month's previous-day figure: babies 0-5 months whose latest answer in
/// the month was given, and of them fed only breast milk the day before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthRate {
    pub first_day: NaiveDate,
    pub babies: usize,
    pub exclusive: usize,
}

/// The previous-day figure of `cohort` for each of the `months` calendar months up to
/// the one holding `today` (that one up to `today`), oldest first.
pub fn by_month(cohort: &[Feeding], today: NaiveDate, months: u32) -> Vec<MonthRate> {
    let this_month = today.with_day(1).unwrap_or(today);
    (0..months)
        .rev()
        .filter_map(|back| {
            let first_day = this_month.checked_sub_months(chrono::Months::new(back))?;
            let last_day = first_day
                .checked_add_months(chrono::Months::new(1))
                .and_then(|next| next.pred_opt())?
                .min(today);
            let total = indicators(cohort, first_day, last_day).total();
            Some(MonthRate {
                first_day,
                babies: total.babies,
                exclusive: total.exclusive,
            })
        })
        .collect()
}
