//! Twice-daily reminders as real system notifications (Tauri's notification plugin).
//!
//! While the app runs, a task sleeps until the next reminder and shows it unless that
//! slot's massage is already done. On desktop the plugin can only show a notification
//! now, so reminders come while the app is open (in the background is enough); on
//! mobile the next one is also handed to the system (`platform::schedule_reminder`) so
//! it comes while the app is closed.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::Notify;

use crate::domain::reminder::{self, Reminder, Slot};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, families, follow_up, settings};

/// Longest sleep between looks at the settings and the clock (the clock may jump).
const RECHECK: StdDuration = StdDuration::from_secs(60);

/// Wakes the reminder task when the settings change.
#[derive(Default, Clone)]
pub struct Reminders {
    wake: Arc<Notify>,
}

impl Reminders {
    pub fn reschedule(&self) {
        self.wake.notify_one();
    }

    /// Starts the reminder task for the life of the app.
    pub fn spawn<R: Runtime>(&self, app: AppHandle<R>) {
        let wake = Arc::clone(&self.wake);
        tauri::async_runtime::spawn(async move { run(app, wake).await });
    }
}

async fn run<R: Runtime>(app: AppHandle<R>, wake: Arc<Notify>) {
    loop {
        let next = match next_reminder(&app).await {
            Ok(next) => next,
            Err(error) => {
                eprintln!("reminders: {error}");
                None
            }
        };
        hand_to_system(&app, next).await;
        let wait = next
            .and_then(|r| (r.at - storage::now()).to_std().ok())
            .map_or(RECHECK, |until| until.min(RECHECK));
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = wake.notified() => continue,
        }
        let Some(due) = next.filter(|r| storage::now() >= r.at) else {
            continue;
        };
        // Still due at its own time? (A massage may have been done meanwhile.)
        if still_due(&app, due).await.unwrap_or(false)
            && let Err(error) = notify(&app, due.slot).await
        {
            eprintln!("reminders: {error}");
        }
    }
}

async fn next_reminder<R: Runtime>(app: &AppHandle<R>) -> Result<Option<Reminder>, AppError> {
    next_reminder_at(app, storage::now()).await
}

async fn still_due<R: Runtime>(app: &AppHandle<R>, due: Reminder) -> Result<bool, AppError> {
    Ok(next_reminder_at(app, due.at).await? == Some(due))
}

async fn next_reminder_at<R: Runtime>(
    app: &AppHandle<R>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Option<Reminder>, AppError> {
    let state = app.state::<AppState>();
    state
        .with_store(move |store| {
            let Some(family) = families::get_own_family(store.conn())? else {
                return Ok(None);
            };
            // No massage reminders before the birth (the massage is locked until then).
            if family.family.pregnant {
                return Ok(None);
            }
            let settings = follow_up::get_reminders(store.conn(), &family.meta.id)?;
            let done = follow_up::list_started_session_times(
                store.conn(),
                &family.meta.id,
                now - Duration::days(2),
            )?;
            Ok(reminder::next_reminder(&settings, now, &done))
        })
        .await
}

/// Gives the next reminder to the system (mobile only; nothing happens on desktop).
async fn hand_to_system<R: Runtime>(app: &AppHandle<R>, next: Option<Reminder>) {
    if !cfg!(mobile) {
        return;
    }
    let texts = match next {
        Some(reminder) => texts(app, reminder.slot).await.ok().map(|(title, body)| {
            crate::platform::SystemReminder {
                at: reminder.at,
                title,
                body,
            }
        }),
        None => None,
    };
    crate::platform::schedule_reminder(app, texts.as_ref());
}

/// The reminder's title and body in the family's language.
async fn texts<R: Runtime>(app: &AppHandle<R>, slot: Slot) -> Result<(String, String), AppError> {
    let state = app.state::<AppState>();
    let language = state
        .with_store(|store| Ok(settings::get_setting(store.conn(), settings::LANGUAGE)?))
        .await?
        .unwrap_or_else(|| crate::i18n::DEFAULT_LANGUAGE.to_owned());
    let body_id = match slot {
        Slot::Morning => "reminder-morning",
        Slot::Evening => "reminder-evening",
    };
    Ok((
        state.i18n.text(&language, "reminder-title", None),
        state.i18n.text(&language, body_id, None),
    ))
}

/// Shows the reminder for `slot` in the family's language.
pub async fn notify<R: Runtime>(app: &AppHandle<R>, slot: Slot) -> Result<(), AppError> {
    let (title, body) = texts(app, slot).await?;
    app.notification()
        .builder()
        .title(title)
        .body(body)
        .show()
        .map_err(|error| AppError::Notification(error.to_string()))
}
