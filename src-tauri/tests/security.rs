//! The security settings, checked so that a change that loosens them fails a test:
//! a strict CSP with no network at all, a frozen prototype, no global Tauri object,
//! capabilities that grant exactly the app's own commands (no plugin, no remote URL),
//! and a UI that never builds HTML from strings or talks to the network.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_csp_allows_nothing_beyond_the_app_and_its_ipc() {
    let config = json("src-tauri/tauri.conf.json");
    let security = &config["app"]["security"];
    let csp = security["csp"].as_object().unwrap();
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    // connect-src: only Tauri's IPC; no http(s) host, no websocket, no wildcard.
    let connect: Vec<&str> = csp["connect-src"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(connect, ["ipc:", "http://ipc.localhost"]);
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        for loose in [
            "'unsafe-inline'",
            "'unsafe-eval'",
            "*",
            "https:",
            "wss:",
            "ws:",
        ] {
            assert!(
                !value.split_whitespace().any(|v| v == loose),
                "{directive} allows {loose}"
            );
        }
    }
    assert_eq!(security["freezePrototype"], true);
    assert_eq!(config["app"]["withGlobalTauri"], false);
}

/// The command names in `generate_handler!` of `lib.rs`: the one list (`build.rs`
/// reads it too).
fn registered() -> Vec<String> {
    let lib = std::fs::read_to_string(root().join("src-tauri/src/lib.rs")).unwrap();
    let start = lib.find("generate_handler![").unwrap() + "generate_handler![".len();
    let handler = &lib[start..start + lib[start..].find(']').unwrap()];
    handler
        .split(',')
        .filter_map(|entry| entry.trim().rsplit("::").next())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The commands the UI's wrappers in `ui/src/api/` invoke.
fn invoked_by_the_ui() -> Vec<String> {
    let mut invoked = Vec::new();
    for entry in std::fs::read_dir(root().join("ui/src/api")).unwrap() {
        let api = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        invoked.extend(
            api.split("invoke('")
                .skip(1)
                .filter_map(|rest| rest.split('\'').next())
                .map(str::to_owned),
        );
    }
    invoked
}

/// What is in `a` and not in `b`.
fn missing(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|x| !b.contains(x)).cloned().collect()
}

#[test]
fn every_command_is_registered_granted_and_wrapped_for_the_ui() {
    let registered = registered();
    let capability = json("src-tauri/capabilities/default.json");
    let granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    let invoked = invoked_by_the_ui();
    assert!(registered.len() > 50, "the scan found {registered:?}");
    let gaps = [
        (
            "registered in lib.rs but not granted in capabilities/default.json",
            missing(&registered, &granted),
        ),
        (
            "granted in capabilities/default.json but not registered in lib.rs",
            missing(&granted, &registered),
        ),
        (
            "registered in lib.rs but not called in ui/src/api/",
            missing(&registered, &invoked),
        ),
        (
            "called in ui/src/api/ but not registered in lib.rs",
            missing(&invoked, &registered),
        ),
    ];
    let problems: Vec<String> = gaps
        .iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(what, names)| format!("{what}: {names:?}"))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn capabilities_grant_exactly_the_apps_own_commands() {
    let commands: Vec<String> = registered()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert!(commands.len() > 50);
    let capability = json("src-tauri/capabilities/default.json");
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("plain permission names only").to_owned())
        .collect();
    let mut expected = commands.clone();
    granted.sort();
    expected.sort();
    assert_eq!(
        granted, expected,
        "grant exactly the app's commands, nothing else"
    );
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(
        capability.get("remote").is_none(),
        "no remote URL may call the app"
    );
}

fn ui_sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![root().join("ui/src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "ts")
                && !path.to_string_lossy().ends_with(".test.ts")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path, text));
            }
        }
    }
    files
}

#[test]
fn the_ui_never_builds_html_from_strings_nor_calls_the_network() {
    let sources = ui_sources();
    assert!(sources.len() > 20);
    for (path, text) in sources {
        for forbidden in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
            "fetch(",
            "XMLHttpRequest",
            "WebSocket",
            "sendBeacon",
        ] {
            assert!(
                !text.contains(forbidden),
                "{} uses {forbidden}",
                path.display()
            );
        }
    }
}
