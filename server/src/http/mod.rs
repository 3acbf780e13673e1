//! The HTTP API the app syncs with: pairing, push, pull and health, and the server's
//! shared state. Handlers are thin: check the request, call `org` / `records`, map
//! errors to a status and a message id the app shows in its user's language. By job:
//! the state every handler and page reads (`state`), the sync handlers (`api`), their
//! refusals (`refusal`). The whole router is `crate::router`; serving it, `crate::serve`. Paths, headers and bodies are
//! the core's sync contract (`ayah_asi_core::sync::wire`).

pub(crate) mod address;
pub(crate) mod api;
mod client;
mod refusal;
mod state;
pub(crate) mod under_way;

pub use address::limit_key;
pub use client::{Client, bearer, names_a_client};
pub use refusal::Refusal;
pub use state::{AppState, Settings};

/// The largest pairing or family-code request read (a code and an app version).
pub const SMALL_BODY_BYTES: usize = 1024;
/// The largest dashboard form read (the longest is an account: a few short fields).
pub const FORM_BODY_BYTES: usize = 16 * 1024;

pub(crate) const MAX_BODY_BYTES: usize = ayah_asi_core::bundle::MAX_BUNDLE_BYTES as usize;
