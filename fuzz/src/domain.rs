#![allow(dead_code)]

#[path = "../../src-tauri/src/domain/bundle.rs"]
pub mod bundle;
#[path = "../../src-tauri/src/domain/checklist.rs"]
pub mod checklist;
#[path = "../../src-tauri/src/domain/family.rs"]
pub mod family;
#[path = "../../src-tauri/src/domain/rating.rs"]
pub mod rating;
#[path = "../../src-tauri/src/domain/validation.rs"]
pub mod validation;
