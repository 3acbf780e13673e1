//! Onboarding: registering this device's family with the mother's consent.

use chrono::NaiveDate;
use serde::Serialize;
use tauri::State;

use crate::domain::family::{self, FamilyInput};
use crate::error::AppError;
use crate::reminders::Reminders;
use crate::state::AppState;
use crate::storage::{self, families, families::FamilyRecord};

/// A family as the UI shows it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "Family")]
#[serde(rename_all = "camelCase")]
pub struct FamilyView {
    pub id: String,
    pub father_name: String,
    pub mother_name: String,
    /// The birth date, or the expected date of birth while `pregnant`.
    pub baby_birth_date: String,
    /// Days since the birth; while `pregnant`, days until the expected date (negative).
    pub baby_age_days: i64,
    /// Enrolled in pregnancy, the birth not yet recorded: the massage is locked.
    pub pregnant: bool,
    /// Still pregnant a week past the expected date: see the midwife (`Family::past_due`).
    pub past_due: bool,
    pub posyandu: Option<String>,
    pub rw: Option<String>,
    pub rt: Option<String>,
    pub mother_age: Option<u8>,
    pub mother_education: Option<String>,
    pub parity: Option<String>,
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
            pregnant: f.pregnant,
            past_due: f.past_due(today),
            posyandu: f.posyandu.clone(),
            rw: f.rw.clone(),
            rt: f.rt.clone(),
            mother_age: f.characteristics.mother_age,
            mother_education: f.characteristics.mother_education.clone(),
            parity: f.characteristics.parity.clone(),
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
                if families::get_own_family_count(tx)? > 0 {
                    return Err(AppError::FamilyExists);
                }
                Ok(families::register(tx, valid, &device_id, now)?)
            })?;
            Ok(FamilyView::new(&record, today))
        })
        .await
}

/// Checks the family's details before the phone goes to the mother for her consent:
/// the same rules as registering, nothing saved.
#[tauri::command]
pub fn check_family(mut input: FamilyInput) -> Result<(), AppError> {
    // Her consent is asked on the next screen, by her; here only the details count.
    input.consent_given = true;
    input
        .validate(storage::now().date_naive())
        .map(|_| ())
        .map_err(AppError::Invalid)
}

/// The mother agrees to the current consent text (asked again when the text changed
/// since she last agreed), on her own screen: this device's own family (`None`), or in
/// cadre mode a family of the cadre, asked on her visit. Once she has, the family's
/// records go to the server with the next sync (all of them, whatever their age).
#[tauri::command]
pub async fn renew_consent(
    state: State<'_, AppState>,
    family_id: Option<String>,
) -> Result<(), AppError> {
    let family = match family_id {
        Some(id) => {
            state.cadre.touch()?;
            Some(super::guard::require_visible(&state, id).await?)
        }
        None => None,
    };
    state
        .with_store(move |store| {
            let family = match family {
                Some(id) => id,
                None => {
                    families::get_own_family(store.conn())?
                        .ok_or(AppError::NoFamily)?
                        .meta
                        .id
                }
            };
            let device_id = store.device_id().to_owned();
            Ok(families::insert_current_consent(
                store.conn(),
                &family,
                &device_id,
                storage::now(),
            )?)
        })
        .await
}

/// Corrects a family's profile: this device's own family, or (in cadre mode) any
/// family. The edit becomes the profile's next version; the old one is kept.
#[tauri::command]
pub async fn update_family(
    state: State<'_, AppState>,
    reminders: State<'_, Reminders>,
    family_id: String,
    mut input: FamilyInput,
) -> Result<FamilyView, AppError> {
    let cadre_open = state.cadre.touch().is_ok();
    let now = storage::now();
    // Consent was given when the family was registered; an edit does not ask again.
    input.consent_given = true;
    let view = state
        .with_store(move |store| {
            let record = families::get_family(store.conn(), &family_id)?
                .ok_or_else(|| AppError::FamilyNotFound(family_id.clone()))?;
            let own =
                families::get_own_family(store.conn())?.is_some_and(|own| own.meta.id == family_id);
            if !own && !cadre_open {
                return Err(AppError::CadreLocked);
            }
            if !own && !storage::cadre::get_visible(store.conn(), &family_id)? {
                return Err(AppError::FamilyNotFound(family_id.clone()));
            }
            // The age limit applies to the day the family enrolled, not today; but a
            // pregnancy's dates (and the birth that ends it) are checked against today.
            let enrolled = chrono::DateTime::parse_from_rfc3339(&record.meta.created_at)
                .map(|t| t.date_naive())
                .unwrap_or(now.date_naive());
            let on = if record.family.pregnant || input.pregnant {
                now.date_naive()
            } else {
                enrolled
            };
            let valid = input.validate(on).map_err(AppError::Invalid)?;
            let device_id = store.device_id().to_owned();
            store.with_tx(|tx| {
                Ok::<_, AppError>(families::update_family(
                    tx, &family_id, &valid, &device_id, now,
                )?)
            })?;
            let saved = families::get_family(store.conn(), &family_id)?
                .ok_or_else(|| AppError::FamilyNotFound(family_id.clone()))?;
            Ok(FamilyView::new(&saved, now.date_naive()))
        })
        .await;
    // A recorded birth starts the reminders (none are given before it).
    reminders.reschedule();
    view
}
