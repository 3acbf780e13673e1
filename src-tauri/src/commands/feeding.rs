//! What the baby had yesterday: asked of the mother weekly on her own screen, and by the
//! cadre at a visit. The rules (who may be asked, what counts, what raises an alert) are
//! the core's (`domain::feeding`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::domain::feeding::{self, FoodItem};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, families, feeding as stored};

/// Asked again after this many days.
pub const RECALL_EVERY_DAYS: i64 = 7;

/// Where the family stands: whether to ask, what was last answered, and any alert.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedingStatus {
    /// Born and under six months: the recall is asked.
    pub asked: bool,
    /// Asked and not answered in the last week.
    pub due: bool,
    pub last_recalled_on: Option<NaiveDate>,
    /// Only breast milk the day before the last answer.
    pub last_exclusive: Option<bool>,
    /// The newest thing the baby had that a baby of its age must not.
    pub alert: Option<FeedingAlertView>,
    /// Whether to ask "since birth, anything but breast milk?" now (the core's rule:
    /// once, and again in the sixth month).
    pub ask_since_birth: bool,
    /// What the last answer listed (the advice after saving reads it).
    pub last_items: Vec<FoodItem>,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedingAlertView {
    pub item: FoodItem,
    pub given_on: NaiveDate,
}

/// An answer from the recall screen.
#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RecallInput {
    pub items: Vec<FoodItem>,
    /// Since birth: was anything but breast milk ever given (`None`: not asked now).
    pub ever_other: Option<bool>,
    pub first_other_on: Option<NaiveDate>,
}

#[tauri::command]
pub async fn get_feeding_status(
    state: State<'_, AppState>,
    family_id: Option<String>,
) -> Result<FeedingStatus, AppError> {
    let family = super::data::family_for(&state, family_id).await?;
    state
        .with_store(move |store| status(store.conn(), &family))
        .await
}

/// Records what the baby had yesterday: on the family's phone the mother's answer, in
/// cadre mode (with `family_id`) the cadre's.
#[tauri::command]
pub async fn record_feeding_recall(
    state: State<'_, AppState>,
    family_id: Option<String>,
    input: RecallInput,
) -> Result<FeedingStatus, AppError> {
    let by_cadre = family_id.is_some();
    let family = super::data::family_for(&state, family_id).await?;
    state
        .with_store(move |store| record(store, &family, input, by_cadre))
        .await
}

/// Checks and stores one answer for `family` (the command's work, on a store).
pub fn record(
    store: &mut storage::Store,
    family: &str,
    input: RecallInput,
    by_cadre: bool,
) -> Result<FeedingStatus, AppError> {
    let now = storage::now();
    let today = now.date_naive();
    let record = families::get_family(store.conn(), family)?.ok_or(AppError::NoFamily)?;
    let mut items = input.items;
    items.sort();
    items.dedup();
    let birth = (!record.family.pregnant).then_some(record.family.baby_birth_date);
    let first_other_on = input
        .first_other_on
        .filter(|_| input.ever_other == Some(true));
    match feeding::check_answer(birth, today, today, &items, first_other_on) {
        Ok(()) => {}
        // Said beside the date it is about.
        Err(error @ feeding::RecallError::FirstOtherOutOfRange) => {
            return Err(AppError::Invalid(vec![
                crate::domain::validation::FieldError::new("firstOtherOn", error.code()),
            ]));
        }
        Err(error) => return Err(error.into()),
    }
    // The consent texts before v4 did not name what the baby eats and drinks:
    // nothing of it is recorded until the mother agreed to the text that does.
    if !families::get_consent_is_current(store.conn(), family)? {
        return Err(AppError::ConsentNotCurrent);
    }
    let entry = stored::RecallEntry {
        recalled_on: today,
        items: &items,
        ever_other: input.ever_other,
        first_other_on,
        recorded_by: if by_cadre { "cadre" } else { "mother" },
    };
    let device = store.device_id().to_owned();
    stored::insert_recall(store.conn(), family, &entry, &device, now)?;
    status(store.conn(), family)
}

fn status(conn: &rusqlite::Connection, family: &str) -> Result<FeedingStatus, AppError> {
    let today = storage::now().date_naive();
    let record = families::get_family(conn, family)?.ok_or(AppError::NoFamily)?;
    let birth = (!record.family.pregnant).then_some(record.family.baby_birth_date);
    let history = stored::get_feeding(conn, family, birth)?;
    let asked = birth
        .and_then(|b| feeding::age_in_months(b, today))
        .is_some_and(|m| m < feeding::EXCLUSIVE_MONTHS)
        && birth.is_some_and(|b| b < today);
    let last = history.latest_recall(today);
    Ok(FeedingStatus {
        asked,
        due: asked && last.is_none_or(|r| (today - r.recalled_on).num_days() >= RECALL_EVERY_DAYS),
        last_recalled_on: last.map(|r| r.recalled_on),
        last_exclusive: last.map(feeding::Recall::exclusive),
        alert: feeding::alert(&history).map(|a| FeedingAlertView {
            item: a.item,
            given_on: a.given_on,
        }),
        ask_since_birth: asked && history.asks_since_birth(today),
        last_items: last.map(|r| r.items.clone()).unwrap_or_default(),
    })
}
