//! Registers the plugin's Android project (android/) with the app's build. It has no
//! commands for the webview: the app calls it from Rust.

const COMMANDS: &[&str] = &[];

fn main() {
    tauri_plugin::Builder::new(COMMANDS)
        .android_path("android")
        .try_build()
        .unwrap_or_else(|error| panic!("tauri-plugin build failed: {error:#}"));
}
