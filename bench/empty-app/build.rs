fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&["ping"]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .unwrap_or_else(|error| panic!("tauri-build failed: {error:#}"));
}
