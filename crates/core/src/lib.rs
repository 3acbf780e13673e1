//! The programme's rules as plain Rust: no Tauri, no SQL, no I/O. Everything here is
//! deterministic given its inputs (the clock is always passed in). The app, the
//! puskesmas server, the fuzz target and the benchmarks apply exactly these rules.
#![forbid(unsafe_code)]

pub mod bundle;
pub mod cadre;
pub mod checklist;
pub mod cohort;
pub mod family;
pub mod feeding;
pub mod history;
pub mod i18n;
pub mod learning;
pub mod pin;
pub mod posko;
pub mod protocol;
pub mod rating;
pub mod record;
pub mod reminder;
pub mod report;
#[cfg(feature = "export")]
pub mod report_tables;
#[cfg(any(test, feature = "sample"))]
pub mod sample;
pub mod session;
pub mod speech;
pub mod stats;
pub mod sync;
pub mod training;
pub mod validation;
