//! The posko Ayah ASI (seed 004): the cadre sets hers; the father sees the next posko
//! day on his home screen and notes questions to ask there, which reach her review.

use chrono::NaiveDate;
use serde::Serialize;
use tauri::State;

use crate::domain::posko::{self, PoskoInput, PoskoNotice};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::posko::{self as store, QuestionRow};
use crate::storage::{self, Store, cadre as cadre_store, families};

/// The posko as the family's home shows it, with his questions for it.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "FamilyPosko")]
#[serde(rename_all = "camelCase")]
pub struct FamilyPoskoView {
    pub posko: Option<PoskoNotice>,
    /// The next posko day, today included.
    pub next_day: Option<NaiveDate>,
    pub questions: Vec<QuestionRow>,
}

fn family_view(store: &Store) -> Result<FamilyPoskoView, AppError> {
    let conn = store.conn();
    let family = families::get_own_family(conn)?.ok_or(AppError::NoFamily)?;
    let posko = store::get_posko(conn)?.map(|(p, _)| p);
    let today = storage::now().date_naive();
    Ok(FamilyPoskoView {
        next_day: posko.as_ref().map(|p| p.next_day(today)),
        posko,
        questions: store::list_questions(conn, &family.meta.id)?,
    })
}

#[tauri::command]
pub async fn get_family_posko(state: State<'_, AppState>) -> Result<FamilyPoskoView, AppError> {
    state.with_store(|store| family_view(store)).await
}

/// Notes a question to ask at the posko; it travels to the cadre with the next bundle.
#[tauri::command]
pub async fn add_posko_question(
    state: State<'_, AppState>,
    question: String,
) -> Result<FamilyPoskoView, AppError> {
    let question = posko::check_question(&question).map_err(AppError::Invalid)?;
    state
        .with_store(move |store| {
            let family = families::get_own_family(store.conn())?.ok_or(AppError::NoFamily)?;
            let device_id = store.device_id().to_owned();
            store::insert_question(
                store.conn(),
                &family.meta.id,
                &question,
                &device_id,
                storage::now(),
            )?;
            family_view(store)
        })
        .await
}

/// The posko this device's cadre set, if any.
#[tauri::command]
pub async fn get_own_posko(state: State<'_, AppState>) -> Result<Option<PoskoNotice>, AppError> {
    state.cadre.touch()?;
    state
        .with_store(|store| Ok(store::get_own_posko(store.conn())?))
        .await
}

/// The cadre sets or changes her posko; her next bundles carry it to her families.
#[tauri::command]
pub async fn set_own_posko(
    state: State<'_, AppState>,
    input: PoskoInput,
) -> Result<PoskoNotice, AppError> {
    state.cadre.touch()?;
    state
        .with_store(move |store| {
            let cadre = cadre_store::get_cadre(store.conn())?.ok_or(AppError::NoCadre)?;
            let now = crate::domain::record::format_time(storage::now());
            let notice = input
                .validate(&cadre.name, &now)
                .map_err(AppError::Invalid)?;
            store::update_own_posko(store.conn(), &notice)?;
            Ok(notice)
        })
        .await
}
