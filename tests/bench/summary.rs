//! Gathers the benchmark figures in target/bench/*.json (written by `make bench`'s
//! parts), adds the sizes of both apps, and prints one table with each budget and
//! whether it is met; the table also goes to target/bench/summary.json.

use std::path::{Path, PathBuf};
use std::process::Command;

use ayah_asi_e2e::{Result, bench};
use serde_json::Value;

fn size_mib(path: &Path) -> Option<f64> {
    std::fs::metadata(path)
        .ok()
        .map(|m| m.len() as f64 / 1_048_576.0)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// Raw and gzipped (gzip -6, as Vite reports) size of a built UI, in KB.
fn ui_kb(dir: &Path) -> (f64, f64) {
    let (mut raw, mut gz) = (0u64, 0u64);
    for file in files_in(dir) {
        raw += std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let out = Command::new("gzip").args(["-6", "-c"]).arg(&file).output();
        gz += out.map(|o| o.stdout.len() as u64).unwrap_or(0);
    }
    (raw as f64 / 1000.0, gz as f64 / 1000.0)
}

fn size_rows(root: &Path) -> Vec<Value> {
    let mut rows = Vec::new();
    if let Some(mib) = size_mib(&root.join("target/release/ayah-asi")) {
        rows.push(bench::row(
            "size",
            "release binary, Ayah ASI (MiB)",
            mib,
            "MiB",
            Some(15.0),
        ));
    }
    if let Some(mib) = size_mib(&root.join("target/release/empty-tauri-app")) {
        rows.push(bench::row(
            "size",
            "release binary, empty Tauri app (MiB)",
            mib,
            "MiB",
            None,
        ));
    }
    let debs = files_in(&root.join("target/release/bundle/deb"));
    let deb = debs
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "deb"));
    if let Some(mib) = deb.and_then(|deb| size_mib(deb)) {
        rows.push(bench::row(
            "size",
            ".deb package, Ayah ASI (MiB)",
            mib,
            "MiB",
            None,
        ));
    }
    let (raw, gz) = ui_kb(&root.join("ui/dist"));
    rows.push(bench::row(
        "size",
        "UI bundle, Ayah ASI, raw (KB)",
        raw,
        "KB",
        None,
    ));
    rows.push(bench::row(
        "size",
        "UI bundle, Ayah ASI, gzipped (KB)",
        gz,
        "KB",
        Some(150.0),
    ));
    let (raw, gz) = ui_kb(&root.join("bench/empty-app/dist"));
    rows.push(bench::row(
        "size",
        "UI, empty Tauri app, raw (KB)",
        raw,
        "KB",
        None,
    ));
    rows.push(bench::row(
        "size",
        "UI, empty Tauri app, gzipped (KB)",
        gz,
        "KB",
        None,
    ));
    rows
}

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = root.join("target/bench");
    let mut rows = size_rows(&root);
    bench::write("size", &rows)?;
    rows.clear();
    for part in ["startup", "size", "timer", "report", "families", "transfer"] {
        match std::fs::read(dir.join(format!("{part}.json"))) {
            Ok(bytes) => {
                let found: Vec<Value> = serde_json::from_slice(&bytes)?;
                rows.extend(found);
            }
            Err(_) => eprintln!("(no {part} figures: that part did not run)"),
        }
    }
    println!(
        "{:<8} {:<66} {:>10} {:>9} {:>5}",
        "group", "figure", "value", "budget", "met"
    );
    for row in &rows {
        let value = row["value"].as_f64().unwrap_or(f64::NAN);
        let budget = row["budget"]
            .as_f64()
            .map_or("-".to_owned(), |b| format!("{b}"));
        let met = match row["met"].as_bool() {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "",
        };
        println!(
            "{:<8} {:<66} {value:>10.2} {budget:>9} {met:>5}",
            row["group"].as_str().unwrap_or(""),
            row["what"].as_str().unwrap_or(""),
        );
    }
    let unmet = rows
        .iter()
        .filter(|r| r["met"] == Value::Bool(false))
        .count();
    println!(
        "{} figures, {} with a budget, {unmet} budgets not met",
        rows.len(),
        rows.iter().filter(|r| !r["budget"].is_null()).count()
    );
    std::fs::write(dir.join("summary.json"), serde_json::to_vec_pretty(&rows)?)?;
    Ok(())
}
