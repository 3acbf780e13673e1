//! The phone's share sheet for files the app made. Written for Ayah ASI after weighing
//! `tauri-plugin-share` 2.0.5 (its share never answers the call, so a caller waits
//! forever, and it asks for storage permissions it does not need) and
//! `tauri-plugin-sharesheet` 0.0.1 (text only, built for Tauri 2's release candidates).
//!
//! Its Android module also carries the `tts` crate's Java bridge (`rs.tts.Bridge`), which
//! the spoken guidance needs on Android: without it the app would stop as it starts.
//!
//! Android only: the files must lie in the app's cache folder under `staging/share/`
//! (`android/src/main/res/xml/ayah_share_paths.xml`), from where a FileProvider lends
//! them to the app the user picks. iOS is not written yet: there [`ShareExt::share_sheet`]
//! answers [`Error::Unsupported`].

use std::path::PathBuf;

use serde::Serialize;
use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Manager, Runtime};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("this platform has no share sheet the app can open")]
    Unsupported,
    #[cfg(target_os = "android")]
    #[error(transparent)]
    Plugin(#[from] tauri::plugin::mobile::PluginInvokeError),
    #[error(transparent)]
    Tauri(#[from] tauri::Error),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ShareRequest<'a> {
    paths: Vec<String>,
    mime: &'a str,
    title: &'a str,
}

/// The share sheet, managed by Tauri.
pub struct ShareSheet<R: Runtime> {
    #[cfg(target_os = "android")]
    handle: tauri::plugin::PluginHandle<R>,
    #[cfg(not(target_os = "android"))]
    _runtime: std::marker::PhantomData<fn() -> R>,
}

impl<R: Runtime> ShareSheet<R> {
    /// Opens the share sheet for `files` of type `mime`, headed `title`. Returns once
    /// the sheet is shown (what the user then picks is the system's business).
    pub fn share(&self, files: &[PathBuf], mime: &str, title: &str) -> Result<(), Error> {
        let request = ShareRequest {
            paths: files.iter().map(|f| f.display().to_string()).collect(),
            mime,
            title,
        };
        #[cfg(target_os = "android")]
        {
            self.handle.run_mobile_plugin::<()>("share", request)?;
            Ok(())
        }
        #[cfg(not(target_os = "android"))]
        {
            let _ = request;
            Err(Error::Unsupported)
        }
    }
}

/// The share sheet of the app.
pub trait ShareExt<R: Runtime> {
    fn share_sheet(&self) -> &ShareSheet<R>;
}

impl<R: Runtime, T: Manager<R>> ShareExt<R> for T {
    fn share_sheet(&self) -> &ShareSheet<R> {
        self.state::<ShareSheet<R>>().inner()
    }
}

pub fn init<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("ayah-share")
        .setup(|app, api| {
            #[cfg(target_os = "android")]
            let sheet = ShareSheet::<R> {
                handle: api.register_android_plugin("id.posyandu.ayahasi.share", "SharePlugin")?,
            };
            #[cfg(not(target_os = "android"))]
            let sheet = {
                let _ = api;
                ShareSheet::<R> {
                    _runtime: std::marker::PhantomData,
                }
            };
            app.manage(sheet);
            Ok(())
        })
        .build()
}
