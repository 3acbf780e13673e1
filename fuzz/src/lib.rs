//! The app's own domain files for bundles, compiled on their own: building the whole
//! app crate under the fuzzer's sanitizers would drag in Tauri and WebKit bindings.
//! These are the same source files the app uses, not copies.

pub mod domain;
