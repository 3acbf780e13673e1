//! Declares the app's commands so they fall under Tauri's permission system:
//! each one must be granted in `capabilities/` before the UI may call it.

/// The app's commands, read from the one list there is: `generate_handler!` in
/// `src/lib.rs`. (`tests/security.rs` checks the capabilities and the UI against it.)
fn app_commands() -> Vec<String> {
    let lib = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs");
    let start = lib
        .find("generate_handler![")
        .expect("generate_handler! in lib.rs");
    let list = &lib[start + "generate_handler![".len()..];
    let list = &list[..list.find(']').expect("the end of generate_handler!")];
    list.split(',')
        .filter_map(|entry| entry.trim().rsplit("::").next())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=src/lib.rs");
    let commands = app_commands();
    // AppManifest wants &'static names; a build script runs once, so leaking is fine.
    let names: &'static [&'static str] =
        Vec::leak(commands.into_iter().map(|c| &*String::leak(c)).collect());
    let manifest = tauri_build::AppManifest::new().commands(names);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .unwrap_or_else(|error| panic!("tauri-build failed: {error:#}"));
}
