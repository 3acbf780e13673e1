//! What differs between platforms, behind one small interface: keeping the screen
//! awake while a session runs.
//!
//! - Linux: GTK's idle inhibitor (the session manager or portal keeps the screen on).
//! - Windows, macOS: the `keepawake` crate (SetThreadExecutionState, IOPMAssertion).
//! - Android, iOS: the UI asks the webview for a Screen Wake Lock (`navigator.wakeLock`).

use tauri::{AppHandle, Runtime};

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
