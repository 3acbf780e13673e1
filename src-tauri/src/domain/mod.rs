//! The programme's rules as plain Rust: no Tauri, no SQL. Everything here is
//! deterministic given its inputs (the clock is always passed in).

pub mod family;
pub mod protocol;
pub mod record;
pub mod session;
pub mod validation;
