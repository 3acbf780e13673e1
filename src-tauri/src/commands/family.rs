//! Onboarding: registering this device's family with the mother's consent.

use chrono::NaiveDate;
use serde::Serialize;
use tauri::State;

use crate::domain::family::{self, FamilyInput};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, families, families::FamilyRecord};

/// A family as the UI shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FamilyView {
    pub id: String,
    pub father_name: String,
    pub mother_name: String,
    pub baby_birth_date: String,
    pub baby_age_days: i64,
    pub posyandu: Option<String>,
    pub rw: Option<String>,
    pub rt: Option<String>,
}

impl FamilyView {
    pub fn new(record: &FamilyRecord, today: NaiveDate) -> Self {
        let f = &record.family;
        Self {
            id: record.meta.id.clone(),
            father_name: f.father_name.clone(),
            mother_name: f.mother_name.clone(),
            baby_birth_date: f.baby_birth_date.format("%Y-%m-%d").to_string(),
            baby_age_days: family::baby_age_days(f.baby_birth_date, today),
            posyandu: f.posyandu.clone(),
            rw: f.rw.clone(),
            rt: f.rt.clone(),
        }
    }
}

#[tauri::command]
pub async fn register_family(
    state: State<'_, AppState>,
    input: FamilyInput,
) -> Result<FamilyView, AppError> {
    let now = storage::now();
    let today = now.date_naive();
    let valid = input.validate(today).map_err(AppError::Invalid)?;
    state
        .with_store(move |store| {
            let device_id = store.device_id().to_owned();
            // The family and its consent land together or not at all.
            let record = store.with_tx(|tx| {
                if families::count(tx)? > 0 {
                    return Err(AppError::FamilyExists);
                }
                Ok(families::register(tx, valid, &device_id, now)?)
            })?;
            Ok(FamilyView::new(&record, today))
        })
        .await
}
