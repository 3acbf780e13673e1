//! A refused request as the app reads it: a status and one of the contract's refusal
//! codes, with a detail; what each error of `org` and `records` becomes.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ayah_asi_core::sync::wire::{self, RefusalCode};

use crate::org::OrgError;
use crate::records::SyncError;

/// A refusal as the app reads it: a status and a message id (with arguments).
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    code: RefusalCode,
    detail: String,
    /// The family a scope refusal is about (moved to another cadre, say), for the app
    /// to stop sending it.
    family_id: Option<String>,
}

impl Refusal {
    pub(super) fn new(status: StatusCode, code: RefusalCode, detail: impl Into<String>) -> Self {
        Self {
            status,
            code,
            detail: detail.into(),
            family_id: None,
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let code = self.code.message_id();
        if self.status.is_server_error() {
            tracing::error!(code, detail = %self.detail, "request failed");
        }
        let body = wire::Refusal {
            code: code.to_owned(),
            detail: self.detail,
            family_id: self.family_id,
        };
        let mut response = (self.status, Json(body)).into_response();
        response
            .extensions_mut()
            .insert(crate::metrics::RefusalCode(code));
        response
    }
}

pub(super) fn storage_failed(detail: impl ToString) -> Refusal {
    Refusal::new(
        StatusCode::SERVICE_UNAVAILABLE,
        RefusalCode::Storage,
        detail.to_string(),
    )
}

/// The database's disk is full: nothing of the request was written, and the puskesmas's
/// IT person must make room (said at error level, so that it is seen in the logs).
pub(super) fn disk_full(detail: impl ToString) -> Refusal {
    tracing::error!("the database's disk is full: writes are refused until there is room");
    Refusal::new(
        StatusCode::INSUFFICIENT_STORAGE,
        RefusalCode::StorageFull,
        detail.to_string(),
    )
}

impl From<OrgError> for Refusal {
    fn from(error: OrgError) -> Self {
        match error {
            OrgError::BadCode => Refusal::new(
                StatusCode::FORBIDDEN,
                RefusalCode::PairingCode,
                error.to_string(),
            ),
            OrgError::NotYours => Refusal::new(
                StatusCode::FORBIDDEN,
                RefusalCode::OutOfScope,
                error.to_string(),
            ),
            OrgError::NotFound(_) => Refusal::new(
                StatusCode::NOT_FOUND,
                RefusalCode::NotFound,
                error.to_string(),
            ),
            OrgError::Db(ref db) if db.is_disk_full() => disk_full(error),
            OrgError::Db(_) | OrgError::Random(_) => storage_failed(error),
        }
    }
}

impl From<SyncError> for Refusal {
    fn from(error: SyncError) -> Self {
        match error {
            SyncError::Bundle(_) | SyncError::MissingParent { .. } | SyncError::Recall(_) => {
                Refusal::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    RefusalCode::BundleRefused,
                    error.to_string(),
                )
            }
            SyncError::OutOfScope { ref table, ref id } => {
                let family = (table == "family").then(|| id.clone());
                let mut refusal = Refusal::new(
                    StatusCode::FORBIDDEN,
                    RefusalCode::OutOfScope,
                    error.to_string(),
                );
                refusal.family_id = family;
                refusal
            }
            SyncError::ConsentNeeded { ref family } => {
                let family = family.clone();
                let mut refusal = Refusal::new(
                    StatusCode::CONFLICT,
                    RefusalCode::ConsentNeeded,
                    error.to_string(),
                );
                refusal.family_id = Some(family);
                refusal
            }
            SyncError::Db(ref db) if db.is_disk_full() => disk_full(error),
            SyncError::Db(_) => storage_failed(error),
        }
    }
}
