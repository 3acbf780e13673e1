//! What differs between platforms, behind one small interface: keeping the screen
//! awake while a session runs, and handing reminders to the system.
//!
//! Keeping awake:
//! - Linux: GTK's idle inhibitor (the session manager or portal keeps the screen on).
//! - Windows, macOS: the `keepawake` crate (SetThreadExecutionState, IOPMAssertion).
//! - Android, iOS: the UI asks the webview for a Screen Wake Lock (`navigator.wakeLock`).
//!
//! Reminders:
//! - Desktop: the notification plugin can only show a notification now, so the
//!   reminder task (`reminders.rs`) shows each one when it is due, while the app runs.
//! - Android, iOS: the next reminder is also handed to the system with the plugin's
//!   `Schedule::At`, so it comes while the app is closed; notification permission is
//!   asked first. (Compiled only for mobile targets; not built on this project's
//!   machines, which have no Android SDK or Xcode.)
//!
//! Vibration cues use the webview's `navigator.vibrate` where it exists (Android); iOS
//! webviews have none, and sound cues carry the session there.

use tauri::{AppHandle, Runtime};

/// A reminder for the system to show at `at` (title and body already localized).
// Read only by the mobile implementation.
#[cfg_attr(desktop, allow(dead_code))]
pub struct SystemReminder {
    pub at: chrono::DateTime<chrono::FixedOffset>,
    pub title: String,
    pub body: String,
}

/// On mobile, (re)schedules the next reminder with the system so it fires while the
/// app is closed; on desktop there is nothing to do (the in-app task shows it).
pub fn schedule_reminder<R: Runtime>(app: &AppHandle<R>, reminder: Option<&SystemReminder>) {
    reminders::schedule(app, reminder);
}

#[cfg(desktop)]
mod reminders {
    use super::SystemReminder;
    use tauri::{AppHandle, Runtime};

    pub fn schedule<R: Runtime>(_app: &AppHandle<R>, _reminder: Option<&SystemReminder>) {}
}

#[cfg(mobile)]
mod reminders {
    use super::SystemReminder;
    use tauri::{AppHandle, Runtime};
    use tauri_plugin_notification::{NotificationExt, PermissionState, Schedule};

    /// One id for "the next reminder": scheduling again replaces it.
    const NEXT_REMINDER_ID: i32 = 1;

    pub fn schedule<R: Runtime>(app: &AppHandle<R>, reminder: Option<&SystemReminder>) {
        let notifications = app.notification();
        let _ = notifications.cancel(vec![NEXT_REMINDER_ID]);
        let Some(reminder) = reminder else { return };
        let allowed = match notifications.permission_state() {
            Ok(PermissionState::Granted) => true,
            _ => matches!(
                notifications.request_permission(),
                Ok(PermissionState::Granted)
            ),
        };
        if !allowed {
            return;
        }
        let Ok(date) = time::OffsetDateTime::from_unix_timestamp(reminder.at.timestamp()) else {
            return;
        };
        let result = notifications
            .builder()
            .id(NEXT_REMINDER_ID)
            .title(&reminder.title)
            .body(&reminder.body)
            .schedule(Schedule::At {
                date,
                repeating: false,
                allow_while_idle: true,
            })
            .show();
        if let Err(error) = result {
            eprintln!("reminders: could not schedule: {error}");
        }
    }
}

/// Keeps the screen on (`true`) or lets it sleep again (`false`). Failing to do so is
/// not an error the father can act on, so it is only logged.
pub fn keep_screen_awake<R: Runtime>(app: &AppHandle<R>, on: bool) {
    imp::keep_screen_awake(app, on);
}

#[cfg(target_os = "linux")]
mod imp {
    use gtk::prelude::{GtkApplicationExt, GtkWindowExt};
    use std::sync::Mutex;
    use tauri::{AppHandle, Manager, Runtime};

    static COOKIE: Mutex<Option<u32>> = Mutex::new(None);

    pub fn keep_screen_awake<R: Runtime>(app: &AppHandle<R>, on: bool) {
        let Some(window) = app.get_webview_window("main") else {
            return;
        };
        // GTK may only be touched on the main thread.
        let result = app.run_on_main_thread(move || {
            let Ok(gtk_window) = window.gtk_window() else {
                return;
            };
            let Some(application) = gtk_window.application() else {
                return;
            };
            let mut cookie = COOKIE.lock().unwrap_or_else(|p| p.into_inner());
            match (on, *cookie) {
                (true, None) => {
                    let reason = "Ayah ASI: pijat oksitosin sedang berlangsung";
                    let id = application.inhibit(
                        Some(&gtk_window),
                        gtk::ApplicationInhibitFlags::IDLE,
                        Some(reason),
                    );
                    // 0 means no session manager answered (e.g. under Xvfb).
                    *cookie = (id != 0).then_some(id);
                }
                (false, Some(id)) => {
                    application.uninhibit(id);
                    *cookie = None;
                }
                _ => {}
            }
        });
        if let Err(error) = result {
            eprintln!("could not change the screen's keep-awake: {error}");
        }
    }
}

#[cfg(any(target_os = "windows", target_os = "macos"))]
mod imp {
    use std::sync::Mutex;
    use tauri::{AppHandle, Runtime};

    static GUARD: Mutex<Option<keepawake::KeepAwake>> = Mutex::new(None);

    pub fn keep_screen_awake<R: Runtime>(_app: &AppHandle<R>, on: bool) {
        let mut guard = GUARD.lock().unwrap_or_else(|p| p.into_inner());
        if !on {
            *guard = None;
        } else if guard.is_none() {
            match keepawake::Builder::default()
                .display(true)
                .reason("Pijat oksitosin")
                .app_name("Ayah ASI")
                .create()
            {
                Ok(awake) => *guard = Some(awake),
                Err(error) => eprintln!("could not keep the screen awake: {error}"),
            }
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "macos")))]
mod imp {
    use tauri::{AppHandle, Runtime};

    /// On mobile the webview's Screen Wake Lock does it (see `ui/src/session/awake.ts`).
    pub fn keep_screen_awake<R: Runtime>(_app: &AppHandle<R>, _on: bool) {}
}
