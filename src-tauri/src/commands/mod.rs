//! Tauri commands: validate, call the domain and storage, map errors. Nothing more.

pub mod app;
pub mod cadre;
pub mod data;
pub mod dialogs;
pub mod erasure;
pub mod family;
pub mod feeding;
pub mod follow_up;
pub mod guard;
pub mod learning;
pub mod posko;
pub mod report;
pub mod server;
pub mod session;
pub mod transfer;
