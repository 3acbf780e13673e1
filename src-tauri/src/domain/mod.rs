//! The programme's rules as plain Rust: no Tauri, no SQL. Everything here is
//! deterministic given its inputs (the clock is always passed in).

pub mod bundle;
pub mod cadre;
pub mod checklist;
pub mod family;
pub mod history;
pub mod learning;
pub mod pin;
pub mod protocol;
pub mod rating;
pub mod record;
pub mod reminder;
pub mod report;
pub mod session;
pub mod stats;
pub mod validation;
