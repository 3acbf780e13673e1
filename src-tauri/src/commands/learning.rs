//! Lessons and the knowledge test.

use serde::Serialize;
use tauri::State;

use crate::domain::learning::{
    self, Answer, LESSONS, Lesson, Missed, QUIZ_VERSION, STATEMENTS, Statement, TestKind,
};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, Store, families, learning as store};

#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "Lesson")]
#[serde(rename_all = "camelCase")]
pub struct LessonView {
    #[serde(flatten)]
    pub lesson: Lesson,
    pub read: bool,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "Learning")]
#[serde(rename_all = "camelCase")]
pub struct LearningView {
    pub lessons: Vec<LessonView>,
    pub statements: Vec<Statement>,
    pub quiz_version: &'static str,
    pub pre_score: Option<u8>,
    pub post_score: Option<u8>,
    /// The test the father takes next: the pre-test until he has one.
    pub next_test: TestKind,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct QuizResult {
    pub kind: TestKind,
    pub correct: u8,
    pub score: u8,
    pub missed: Vec<Missed>,
    pub pre_score: Option<u8>,
}

fn own_family(store: &Store) -> Result<String, AppError> {
    families::get_own_family(store.conn())?
        .map(|f| f.meta.id)
        .ok_or(AppError::NoFamily)
}

#[tauri::command]
pub async fn get_learning(state: State<'_, AppState>) -> Result<LearningView, AppError> {
    state
        .with_store(|store| {
            let family = own_family(store)?;
            let read = store::list_lessons_read(store.conn(), &family)?;
            let scores = store::get_scores(store.conn(), &family)?;
            Ok(learning_view(&read, scores))
        })
        .await
}

#[tauri::command]
pub async fn mark_lesson_read(
    state: State<'_, AppState>,
    lesson_id: String,
) -> Result<(), AppError> {
    if !LESSONS.iter().any(|l| l.id == lesson_id) {
        return Err(AppError::UnknownProtocolItem(lesson_id));
    }
    state
        .with_store(move |store| {
            let family = own_family(store)?;
            let device_id = store.device_id().to_owned();
            store::insert_lesson_read(
                store.conn(),
                &family,
                &lesson_id,
                &device_id,
                storage::now(),
            )?;
            Ok(())
        })
        .await
}

/// Grades the test: the first one is the pre-test, every later one a post-test.
#[tauri::command]
pub async fn submit_quiz(
    state: State<'_, AppState>,
    answers: Vec<Answer>,
) -> Result<QuizResult, AppError> {
    let graded = learning::grade(&answers).map_err(AppError::Invalid)?;
    state
        .with_store(move |store| {
            let family = own_family(store)?;
            record_attempt(store, store::Learner::Family(&family), &graded, &answers)
        })
        .await
}

/// Keeps an attempt in one transaction, as the pre-test if it is the learner's first.
pub fn record_attempt(
    store: &mut Store,
    learner: store::Learner,
    graded: &learning::Graded,
    answers: &[Answer],
) -> Result<QuizResult, AppError> {
    let device_id = store.device_id().to_owned();
    store.with_tx(|tx| {
        let (pre_score, _) = store::get_learner_scores(tx, learner)?;
        let kind = if pre_score.is_some() {
            TestKind::Post
        } else {
            TestKind::Pre
        };
        store::insert_attempt(
            tx,
            learner,
            kind,
            graded,
            answers,
            &device_id,
            storage::now(),
        )?;
        Ok(QuizResult {
            kind,
            correct: graded.correct,
            score: graded.score,
            missed: graded.missed.clone(),
            pre_score,
        })
    })
}

/// The lessons and the test as a learner sees them, with the learner's scores.
pub fn learning_view(read: &[String], scores: (Option<u8>, Option<u8>)) -> LearningView {
    let (pre_score, post_score) = scores;
    LearningView {
        lessons: LESSONS
            .iter()
            .map(|l| LessonView {
                lesson: *l,
                read: read.iter().any(|r| r == l.id),
            })
            .collect(),
        statements: STATEMENTS.to_vec(),
        quiz_version: QUIZ_VERSION,
        pre_score,
        post_score,
        next_test: if pre_score.is_some() {
            TestKind::Post
        } else {
            TestKind::Pre
        },
    }
}
