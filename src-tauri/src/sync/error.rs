//! Why talking to the server failed, as the UI shows it (a message id, its arguments)
//! and as the status line counts it.

use std::collections::BTreeMap;

use crate::domain::sync::{AddressError, CodeError, SyncFailure};

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("no server is paired")]
    NotPaired,
    #[error(transparent)]
    Address(#[from] AddressError),
    #[error(transparent)]
    Code(#[from] CodeError),
    #[error("the server did not answer: {0}")]
    Unreachable(String),
    #[error("the server refused ({status}, {code:?}): {detail}")]
    Refused {
        status: u16,
        /// The server's reason; `None` when it named one this app does not know.
        code: Option<crate::domain::sync::wire::RefusalCode>,
        detail: String,
        /// The family a scope refusal is about (moved to another cadre, say).
        family: Option<String>,
    },
    #[error("the server failed ({status}): {detail}")]
    ServerError { status: u16, detail: String },
    #[error("the server's answer was not understood: {0}")]
    BadAnswer(String),
    #[error("the pairing file: {0}")]
    PairingFile(String),
    /// A family's code typed in cadre mode, a cadre's on a family's phone, or another
    /// family's code: nothing is kept.
    #[error("this code is for {0}")]
    WrongCode(&'static str),
}

impl SyncError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotPaired => "error-server-not-paired-here",
            Self::Address(error) => error.message_id(),
            Self::Code(error) => error.message_id(),
            Self::Unreachable(_) => "error-server-unreachable",
            Self::Refused { code, .. } => code.map_or("error-server-answer", |c| c.message_id()),
            Self::ServerError { .. } => "error-server-failed",
            Self::BadAnswer(_) => "error-server-answer",
            Self::PairingFile(_) => "error-server-pairing-file",
            Self::WrongCode(which) => which,
        }
    }

    pub fn args(&self) -> BTreeMap<&'static str, String> {
        let mut args = BTreeMap::new();
        match self {
            Self::Unreachable(detail)
            | Self::BadAnswer(detail)
            | Self::PairingFile(detail)
            | Self::Refused { detail, .. } => {
                args.insert("detail", detail.clone());
            }
            Self::ServerError { status, detail } => {
                args.insert("status", status.to_string());
                args.insert("detail", detail.clone());
            }
            Self::NotPaired | Self::Address(_) | Self::Code(_) | Self::WrongCode(_) => {}
        }
        args
    }

    pub fn failure(&self) -> SyncFailure {
        match self {
            Self::Unreachable(_) => SyncFailure::Unreachable,
            Self::ServerError { .. } => SyncFailure::ServerError,
            Self::Refused { status: 401, .. } | Self::NotPaired => SyncFailure::Refused,
            Self::Refused { .. } | Self::BadAnswer(_) | Self::WrongCode(_) => SyncFailure::Rejected,
            Self::Address(_) | Self::Code(_) | Self::PairingFile(_) => SyncFailure::Local,
        }
    }
}
