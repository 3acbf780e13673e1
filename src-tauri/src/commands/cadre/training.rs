//! Trained in the programme's sense (seed 004): the cadre's own counselling test, kept
//! per cadre, and the father's hands-on training, which the cadre records.

use tauri::State;

use crate::commands::guard::require_visible;
use crate::commands::learning::{self as learning_commands, LearningView, QuizResult};
use crate::domain::learning::{self, Answer};
use crate::domain::training::TrainingInput;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::learning::{self as store, Learner, TrainingRow};
use crate::storage::{self, cadre as cadre_store};

/// The lessons and the cadre's own test (lessons read are not tracked for her).
#[tauri::command]
pub async fn get_cadre_learning(state: State<'_, AppState>) -> Result<LearningView, AppError> {
    state.cadre.touch()?;
    state
        .with_store(|store| {
            let cadre = cadre_store::get_cadre(store.conn())?.ok_or(AppError::NoCadre)?;
            let scores = store::get_learner_scores(store.conn(), Learner::Cadre(&cadre.id))?;
            Ok(learning_commands::learning_view(&[], scores))
        })
        .await
}

/// Grades the cadre's test: her first is the pre-test, every later one a post-test.
#[tauri::command]
pub async fn submit_cadre_quiz(
    state: State<'_, AppState>,
    answers: Vec<Answer>,
) -> Result<QuizResult, AppError> {
    state.cadre.touch()?;
    let graded = learning::grade(&answers).map_err(AppError::Invalid)?;
    state
        .with_store(move |store| {
            let cadre = cadre_store::get_cadre(store.conn())?.ok_or(AppError::NoCadre)?;
            learning_commands::record_attempt(store, Learner::Cadre(&cadre.id), &graded, &answers)
        })
        .await
}

/// Records the father's hands-on training (date, and whether a midwife or a trained
/// therapist gave it); returns every training of the family.
#[tauri::command]
pub async fn record_training(
    state: State<'_, AppState>,
    family_id: String,
    input: TrainingInput,
) -> Result<Vec<TrainingRow>, AppError> {
    state.cadre.touch()?;
    let training = input
        .validate(storage::now().date_naive())
        .map_err(AppError::Invalid)?;
    let family_id = require_visible(&state, family_id).await?;
    state
        .with_store(move |store| {
            let device_id = store.device_id().to_owned();
            store.with_tx(|tx| {
                store::insert_training(tx, &family_id, &training, &device_id, storage::now())?;
                Ok(store::list_trainings(tx, &family_id)?)
            })
        })
        .await
}
