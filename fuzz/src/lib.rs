//! The fuzz target's view of the core crate: the same bundle rules the app applies.

pub use ayah_asi_core as domain;
