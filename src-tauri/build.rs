//! Declares the app's commands so they fall under Tauri's permission system:
//! each one must be granted in `capabilities/` before the UI may call it.

const APP_COMMANDS: &[&str] = &[
    "get_app_state",
    "set_language",
    "register_family",
    "check_family",
    "renew_consent",
    "get_protocol",
    "set_massage_plan",
    "begin_session",
    "check_safety",
    "start_session",
    "pause_session",
    "resume_session",
    "finish_session",
    "stop_session",
    "watch_session",
    "get_unfinished_session",
    "resume_unfinished_session",
    "abandon_unfinished_session",
    "rate_session",
    "correct_rating",
    "get_history",
    "record_milk_status",
    "get_follow_up",
    "set_reminders",
    "test_reminder",
    "cadre_status",
    "setup_cadre",
    "unlock_cadre",
    "lock_cadre",
    "list_families",
    "register_family_as_cadre",
    "get_checklist",
    "preview_score",
    "save_visit",
    "amend_visit",
    "family_review",
    "get_learning",
    "mark_lesson_read",
    "submit_quiz",
    "posyandu_report",
    "export_report",
    "update_family",
    "transfer_overview",
    "export_bundle",
    "preview_import",
    "apply_import",
    "list_conflicts",
    "resolve_conflict",
    "retry_storage",
    "start_fresh_storage",
    "save_data_copy",
    "list_backups",
    "make_backup",
    "restore_backup",
    "export_my_data",
    "delete_my_data",
];

fn main() {
    // Locale files are embedded with include_dir!, which does not notice new files.
    println!("cargo:rerun-if-changed=../locales");
    println!("cargo:rerun-if-changed=migrations");
    let manifest = tauri_build::AppManifest::new().commands(APP_COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .unwrap_or_else(|error| panic!("tauri-build failed: {error:#}"));
}
