//! The guided massage: consent, safety screen, preparation, the timed passes, closing.

use chrono::DateTime;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::domain::cohort::SessionStatus;
use crate::domain::protocol::{
    self, Giver, MassagePlan, PREPARATION, SAFETY_QUESTIONS, Step, StopReason,
};
use crate::domain::validation::FieldError;
use crate::error::AppError;
use crate::guide::SessionUpdate;
use crate::platform;
use crate::speech::SpeechStatus;
use crate::state::AppState;
use crate::storage::{self, Store, families, sessions, settings};

/// An interrupted session may be resumed for this long after its last transition.
const RESUME_WINDOW_MINUTES: i64 = 30;

/// The protocol's items (their texts are in `locales/`) and this family's plan.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "Protocol")]
#[serde(rename_all = "camelCase")]
pub struct ProtocolView {
    pub version: &'static str,
    pub preparation: Vec<Step>,
    pub safety_questions: Vec<&'static str>,
    /// Danger signs among them: a "yes" means to the midwife or puskesmas now.
    pub urgent_safety_questions: Vec<&'static str>,
    pub massage: Vec<Step>,
    pub closing: Vec<Step>,
    pub plan: MassagePlan,
    pub countdown_ms: u64,
    /// Whether the father has read the massage lesson (else the preparation suggests it).
    pub massage_lesson_read: bool,
    /// Who gave the last session: the preparation screen's first choice.
    pub last_giver: Giver,
}

/// The answer to the safety screen.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SafetyVerdict {
    pub safe: bool,
    pub flagged: Vec<String>,
    /// A danger sign among them: go to the midwife or puskesmas now.
    pub urgent: bool,
}

/// A session the app was killed in the middle of, still young enough to resume.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "Unfinished")]
#[serde(rename_all = "camelCase")]
pub struct UnfinishedView {
    pub session_id: String,
    pub resume_pass: u32,
    pub passes: u32,
    pub minutes_ago: i64,
}

async fn own_family_id(state: &AppState) -> Result<String, AppError> {
    state
        .with_store(|store| {
            families::get_own_family(store.conn())?
                .map(|f| f.meta.id)
                .ok_or(AppError::NoFamily)
        })
        .await
}

#[tauri::command]
pub async fn get_protocol(state: State<'_, AppState>) -> Result<ProtocolView, AppError> {
    let family_id = own_family_id(&state).await?;
    let (plan, massage_lesson_read, last_giver) = state
        .with_store(move |store| {
            let conn = store.conn();
            let read = crate::storage::learning::list_lessons_read(conn, &family_id)?;
            let lesson_read = read
                .iter()
                .any(|id| id == crate::domain::learning::MASSAGE_LESSON);
            let last_giver = sessions::get_last_giver(conn, &family_id)?.unwrap_or_default();
            Ok((
                sessions::get_plan(conn, &family_id)?,
                lesson_read,
                last_giver,
            ))
        })
        .await?;
    Ok(ProtocolView {
        version: protocol::PROTOCOL_VERSION,
        preparation: PREPARATION.to_vec(),
        safety_questions: SAFETY_QUESTIONS.to_vec(),
        urgent_safety_questions: protocol::URGENT_SAFETY_QUESTIONS.to_vec(),
        massage: protocol::MASSAGE.to_vec(),
        closing: protocol::CLOSING.to_vec(),
        plan,
        countdown_ms: crate::domain::session::COUNTDOWN_MS,
        massage_lesson_read,
        last_giver,
    })
}

#[tauri::command]
pub async fn set_massage_plan(
    state: State<'_, AppState>,
    pass_seconds: u32,
    passes: u32,
) -> Result<MassagePlan, AppError> {
    let plan = MassagePlan::new(pass_seconds, passes).ok_or_else(|| {
        let (min_s, max_s) = MassagePlan::PASS_SECONDS_RANGE;
        let (min_p, max_p) = MassagePlan::PASSES_RANGE;
        let mut errors = Vec::new();
        if !(min_s..=max_s).contains(&pass_seconds) {
            errors.push(FieldError::new("passSeconds", "error-pass-length-range"));
        }
        if !(min_p..=max_p).contains(&passes) {
            errors.push(FieldError::new("passes", "error-passes-range"));
        }
        AppError::Invalid(errors)
    })?;
    let family_id = own_family_id(&state).await?;
    state
        .with_store(move |store| {
            let device_id = store.device_id().to_owned();
            sessions::update_plan(store.conn(), &family_id, plan, &device_id, storage::now())?;
            Ok(plan)
        })
        .await
}

/// Opens a session once the mother has been asked. Without her consent the session is
/// kept as not started, so the history shows it was offered.
#[tauri::command]
pub async fn begin_session(
    state: State<'_, AppState>,
    consent_given: bool,
) -> Result<String, AppError> {
    let family_id = own_family_id(&state).await?;
    if consent_given {
        // The safety questions and the preparation come first: time enough for the
        // speech engine to start (Linux spawns its daemon) before the first step.
        state.guide.speaker().prepare();
    }
    state
        .with_store(move |store| begin(store, &family_id, consent_given))
        .await
}

/// A new session with the family's plan, in one transaction; kept as not started when
/// the mother said no today. What `begin_session` does (also run by the crash test).
pub fn begin(store: &mut Store, family_id: &str, consent_given: bool) -> Result<String, AppError> {
    let device_id = store.device_id().to_owned();
    store.with_tx(|tx| {
        // The lock is here, not only on the screen: no session before the birth.
        let family = families::get_family(tx, family_id)?;
        if family.is_some_and(|f| f.family.pregnant) {
            return Err(AppError::MassageBeforeBirth);
        }
        let plan = sessions::get_plan(tx, family_id)?;
        let now = storage::now();
        let id = sessions::insert_session(tx, family_id, plan, &device_id, now)?;
        if !consent_given {
            sessions::update_not_started(tx, &id, StopReason::NoConsent, None, now)?;
        }
        Ok(id)
    })
}

/// Any "yes" ends the session before it starts, keeping which questions were flagged.
#[tauri::command]
pub async fn check_safety(
    state: State<'_, AppState>,
    session_id: String,
    answered_yes: Vec<String>,
) -> Result<SafetyVerdict, AppError> {
    if let Some(unknown) = answered_yes
        .iter()
        .find(|id| !SAFETY_QUESTIONS.contains(&id.as_str()))
    {
        return Err(AppError::UnknownProtocolItem(unknown.clone()));
    }
    let flagged = answered_yes.clone();
    state
        .with_store(move |store| {
            expect_preparing(store.conn(), &session_id)?;
            if !answered_yes.is_empty() {
                let flags = answered_yes.join(",");
                sessions::update_not_started(
                    store.conn(),
                    &session_id,
                    StopReason::Safety,
                    Some(&flags),
                    storage::now(),
                )?;
            }
            Ok(())
        })
        .await?;
    Ok(SafetyVerdict {
        safe: flagged.is_empty(),
        urgent: flagged.iter().any(|id| protocol::is_urgent(id)),
        flagged,
    })
}

/// Starts the timed passes once every preparation item is checked off, recording who
/// gives the massage (`father`, `grandmother`, `other-family`).
#[tauri::command]
pub async fn start_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: String,
    prepared: Vec<String>,
    given_by: Giver,
    on_update: Channel<SessionUpdate>,
) -> Result<SessionUpdate, AppError> {
    let giver = given_by;
    let missing: Vec<String> = PREPARATION
        .iter()
        .map(|step| step.id.to_owned())
        .filter(|id| !prepared.contains(id))
        .collect();
    if !missing.is_empty() {
        return Err(AppError::PreparationIncomplete(missing));
    }
    let id = session_id.clone();
    let plan = state
        .with_store(move |store| {
            let plan = expect_preparing(store.conn(), &id)?.plan;
            sessions::update_giver(store.conn(), &id, giver)?;
            Ok(plan)
        })
        .await?;
    let update = state
        .guide
        .start(&state.db, session_id, plan, 1, on_update)
        .await?;
    platform::keep_screen_awake(&app, true);
    Ok(update)
}

#[tauri::command]
pub async fn pause_session(state: State<'_, AppState>) -> Result<SessionUpdate, AppError> {
    state.guide.pause(&state.db).await
}

#[tauri::command]
pub async fn resume_session(state: State<'_, AppState>) -> Result<SessionUpdate, AppError> {
    state.guide.resume(&state.db).await
}

#[tauri::command]
pub async fn finish_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<SessionUpdate, AppError> {
    let update = state.guide.finish(&state.db).await?;
    platform::keep_screen_awake(&app, false);
    Ok(update)
}

#[tauri::command]
pub async fn stop_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    reason: StopReason,
) -> Result<SessionUpdate, AppError> {
    // Some reasons are the app's own (interrupted, no consent): never a tap's.
    if !reason.user_choosable() {
        return Err(AppError::UnknownProtocolItem(reason.as_str().to_owned()));
    }
    let update = state.guide.stop(&state.db, reason).await?;
    platform::keep_screen_awake(&app, false);
    Ok(update)
}

/// Re-attaches the UI to the running session (after a reload, or when the window is
/// shown again) and returns its state; `None` when no session is running.
#[tauri::command]
pub async fn watch_session(
    state: State<'_, AppState>,
    on_update: Channel<SessionUpdate>,
) -> Result<Option<SessionUpdate>, AppError> {
    Ok(state.guide.attach(Some(on_update)).await)
}

/// A session left running by a killed app. One older than 30 minutes is recorded as
/// stopped (interrupted) instead, and `None` is returned.
#[tauri::command]
pub async fn get_unfinished_session(
    state: State<'_, AppState>,
) -> Result<Option<UnfinishedView>, AppError> {
    if state.guide.attach(None).await.is_some() {
        return Ok(None); // the session is running in this very app
    }
    state
        .with_store(|store| {
            let now = storage::now();
            sessions::update_abandoned_preparations(store.conn(), now)?;
            let Some(unfinished) = sessions::get_unfinished(store.conn())? else {
                return Ok(None);
            };
            let minutes_ago = DateTime::parse_from_rfc3339(&unfinished.last_at)
                .map(|last| (now - last).num_minutes())
                .unwrap_or(i64::MAX);
            if minutes_ago >= RESUME_WINDOW_MINUTES {
                record_interrupted(store, &unfinished.id)?;
                return Ok(None);
            }
            Ok(Some(UnfinishedView {
                session_id: unfinished.id,
                resume_pass: unfinished.resume_pass,
                passes: unfinished.plan.passes,
                minutes_ago: minutes_ago.max(0),
            }))
        })
        .await
}

/// Resumes an interrupted session at the pass it was in (given again from its start).
#[tauri::command]
pub async fn resume_unfinished_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: String,
    on_update: Channel<SessionUpdate>,
) -> Result<SessionUpdate, AppError> {
    let unfinished = get_unfinished_session(state.clone()).await?;
    let Some(unfinished) = unfinished.filter(|u| u.session_id == session_id) else {
        return Err(AppError::TooLateToResume);
    };
    let id = session_id.clone();
    let plan = state
        .with_store(move |store| {
            sessions::get_session(store.conn(), &id)?
                .map(|s| s.plan)
                .ok_or(AppError::SessionNotFound(id))
        })
        .await?;
    let update = state
        .guide
        .start(
            &state.db,
            session_id,
            plan,
            unfinished.resume_pass,
            on_update,
        )
        .await?;
    platform::keep_screen_awake(&app, true);
    Ok(update)
}

/// Records an interrupted session as stopped instead of resuming it.
#[tauri::command]
pub async fn abandon_unfinished_session(
    state: State<'_, AppState>,
    session_id: String,
) -> Result<(), AppError> {
    state
        .with_store(move |store| record_interrupted(store, &session_id))
        .await
}

fn record_interrupted(store: &mut storage::Store, session_id: &str) -> Result<(), AppError> {
    let device_id = store.device_id().to_owned();
    store.with_tx(|tx| {
        let Some(unfinished) = sessions::get_unfinished(tx)?.filter(|u| u.id == session_id) else {
            // Already ended is fine (the offer may be answered twice); unknown is not.
            return match sessions::get_session(tx, session_id)? {
                Some(_) => Ok(()),
                None => Err(AppError::SessionNotFound(session_id.to_owned())),
            };
        };
        let row = sessions::get_session(tx, session_id)?
            .ok_or_else(|| AppError::SessionNotFound(session_id.to_owned()))?;
        let at =
            DateTime::parse_from_rfc3339(&unfinished.last_at).unwrap_or_else(|_| storage::now());
        let stopped = sessions::TimedEvent {
            kind: crate::domain::session::EventKind::Stopped {
                reason: StopReason::Interrupted,
            },
            active_ms: row.last_active_ms,
            at,
        };
        sessions::insert_events(tx, session_id, &device_id, &[stopped], &[], storage::now())?;
        Ok(())
    })
}

fn expect_preparing(
    conn: &rusqlite::Connection,
    session_id: &str,
) -> Result<sessions::SessionRow, AppError> {
    let row = sessions::get_session(conn, session_id)?
        .ok_or_else(|| AppError::SessionNotFound(session_id.to_owned()))?;
    if SessionStatus::parse(&row.status) != Some(SessionStatus::Preparing) {
        return Err(AppError::SessionNotPreparing(session_id.to_owned()));
    }
    Ok(row)
}

/// Whether the guided massage speaks its steps, and whether this device has a voice
/// for the app's language (the screen says so when it has none).
#[tauri::command]
pub async fn get_speech_status(state: State<'_, AppState>) -> Result<SpeechStatus, AppError> {
    Ok(state.guide.speaker().status().await)
}

/// Turns the spoken guidance on or off (remembered; off silences it at once).
#[tauri::command]
pub async fn set_speech(state: State<'_, AppState>, enabled: bool) -> Result<(), AppError> {
    state.guide.speaker().set_enabled(enabled);
    state
        .with_store(move |store| {
            let value = if enabled { settings::ON } else { settings::OFF };
            Ok(settings::update_setting(
                store.conn(),
                settings::SPEECH,
                value,
                storage::now(),
            )?)
        })
        .await
}
