//! The programme's rules as plain Rust: no Tauri, no SQL. Everything here is
//! deterministic given its inputs (the clock is always passed in).

pub mod family;
pub mod record;
pub mod validation;
