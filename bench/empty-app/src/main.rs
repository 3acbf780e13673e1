//! An empty Tauri 2 app: one window, one static page, one command.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands {
    #[tauri::command]
    pub fn ping() -> &'static str {
        "pong"
    }
}

fn main() {
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![commands::ping])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
