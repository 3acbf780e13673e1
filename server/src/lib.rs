//! Ayah ASI's puskesmas server: cadres' and families' phones sync through PostgreSQL.
//! The bundle format is the wire format and the core crate's rules are the only rules.

pub mod accounts;
pub mod audit;
pub mod config;
pub mod dashboard;
pub mod db;
pub mod http;
pub mod metrics;
pub mod observe;
pub mod ops;
pub mod org;
pub mod records;
pub mod router;
pub mod secret;
pub mod serve;
pub mod web;
