//! Errors as the UI receives them: `{ "code": <Fluent id>, "args": {...} }`, plus the
//! per-field errors of a refused form.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::collections::BTreeMap;

use crate::domain::bundle::BundleError;
use crate::domain::session::EngineError;
use crate::domain::validation::FieldError;
use crate::storage::StorageError;
use crate::storage::transfer::ImportError;

/// Everything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input broke one or more rules; nothing was saved.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The language is not one the app speaks.
    #[error("unsupported language {0}")]
    UnsupportedLanguage(String),
    /// This device already holds its family; onboarding runs once.
    #[error("a family is already registered on this device")]
    FamilyExists,
    /// No family is registered on this device yet.
    #[error("no family on this device")]
    NoFamily,
    /// The session id is not known.
    #[error("no session {0}")]
    SessionNotFound(String),
    /// The session is past the step the call belongs to (e.g. already started).
    #[error("session {0} is not in preparation")]
    SessionNotPreparing(String),
    /// Another session is already running on this device.
    #[error("a session is already running")]
    SessionBusy,
    /// Pause, resume, stop or finish without a running session.
    #[error("no session is running")]
    NoActiveSession,
    /// The session timer refused the call in its current state.
    #[error("session: {0}")]
    Engine(#[from] EngineError),
    /// Some preparation items were not checked off.
    #[error("preparation incomplete: {0:?}")]
    PreparationIncomplete(Vec<String>),
    /// An id that the protocol does not have.
    #[error("unknown protocol item {0}")]
    UnknownProtocolItem(String),
    /// The interrupted session is too old to resume.
    #[error("too late to resume")]
    TooLateToResume,

    /// Oxytocin massage is for after the birth: locked while the family is expecting.
    #[error("the massage waits for the birth")]
    MassageBeforeBirth,
    /// Only finished or stopped sessions are rated.
    #[error("this session cannot be rated")]
    SessionNotRateable,
    /// The session already has a first rating; a change is a correction.
    #[error("the session is already rated")]
    RatingExists,
    /// A correction of a rating that does not exist.
    #[error("no rating to correct")]
    NoRatingToCorrect,
    /// Only the one who gave a rating may correct it.
    #[error("only the rating's author may correct it")]
    NotRatingAuthor,
    /// Cadre mode is locked (never opened, or idle too long).
    #[error("cadre mode is locked")]
    CadreLocked,
    /// A whole-database action on a device where a cadre is set up needs her PIN: the
    /// database holds every family she follows.
    #[error("the cadre PIN is needed for the whole database")]
    CadrePinRequired,
    /// No cadre PIN has been set on this device yet.
    #[error("no cadre PIN set")]
    NoCadre,
    /// A cadre PIN is already set on this device.
    #[error("a cadre PIN is already set")]
    CadreExists,
    /// A wrong PIN; the next try must wait `wait_seconds`.
    #[error("wrong PIN")]
    WrongPin { wait_seconds: u64 },
    /// Too many wrong PINs: wait before trying again.
    #[error("wait {0} s before trying the PIN again")]
    PinWait(u64),
    /// An amendment needs a reason.
    #[error("an amendment needs a reason")]
    AmendReasonRequired,
    /// No such home visit.
    #[error("no visit {0}")]
    VisitNotFound(String),
    /// No such family.
    #[error("no family {0}")]
    FamilyNotFound(String),
    /// The export could not be written.
    #[error("export: {0}")]
    Export(String),
    /// A recall of what the baby had yesterday that the core refuses.
    #[error(transparent)]
    Recall(#[from] crate::domain::feeding::RecallError),
    /// The mother has not agreed to the consent text as it reads now, and this record is
    /// one the older text did not name (what the baby eats and drinks).
    #[error("the mother has not agreed to the current consent text")]
    ConsentNotCurrent,
    /// Sharing a file needs the phone's share sheet; this device has none.
    #[error("no share sheet on this device")]
    ShareUnavailable,
    /// A phone's save dialog gives one file, and a CSV export is several.
    #[error("CSV files are several: share them from a phone")]
    CsvNeedsShare,
    /// The system refused to show a notification.
    #[error("notification: {0}")]
    Notification(String),
    /// A bundle file was refused before anything was applied.
    #[error("bundle: {0}")]
    Bundle(#[from] crate::domain::bundle::BundleError),
    /// A bundle could not be applied here; nothing was changed.
    #[error("import: {0}")]
    Import(#[from] crate::storage::transfer::ImportError),
    /// A family device only takes bundles of its own family.
    #[error("the bundle holds another family")]
    BundleOtherFamily,
    /// The bundle would be over the size another device accepts.
    #[error("the bundle would be {0} bytes")]
    BundleTooLargeToSend(u64),
    /// The file changed between its preview and applying it.
    #[error("the bundle changed since it was shown")]
    BundleChanged,
    /// No open conflict with this id (already settled?).
    #[error("no open conflict {0}")]
    ConflictNotFound(String),
    /// The database is not open (see the start-up problem screen).
    #[error("the database is not open")]
    StorageUnavailable,
    /// The disk is full: nothing was saved.
    #[error("the disk is full")]
    DiskFull,
    /// A file could not be read.
    #[error("file: {0}")]
    FileRead(String),
    /// The database could not be read or written.
    #[error("storage: {0}")]
    Storage(StorageError),
    /// Syncing with the puskesmas server failed; what was here is unchanged.
    #[error("sync: {0}")]
    Sync(#[from] crate::sync::error::SyncError),
    /// A background task died before it answered.
    #[error("background task failed: {0}")]
    Task(String),
}

impl AppError {
    /// The Fluent id the UI shows for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "error-invalid-input",
            Self::UnsupportedLanguage(_) => "error-unsupported-language",
            Self::FamilyExists => "error-family-exists",
            Self::NoFamily => "error-no-family",
            Self::SessionNotFound(_) => "error-session-not-found",
            Self::SessionNotPreparing(_) => "error-session-not-preparing",
            Self::SessionBusy => "error-session-busy",
            Self::NoActiveSession => "error-no-active-session",
            Self::Engine(_) => "error-session-state",
            Self::PreparationIncomplete(_) => "error-preparation-incomplete",
            Self::UnknownProtocolItem(_) => "error-unknown-protocol-item",
            Self::TooLateToResume => "error-too-late-to-resume",
            Self::MassageBeforeBirth => "error-massage-before-birth",
            Self::SessionNotRateable => "error-session-not-rateable",
            Self::RatingExists => "error-rating-exists",
            Self::NoRatingToCorrect => "error-no-rating-to-correct",
            Self::NotRatingAuthor => "error-not-rating-author",
            Self::Notification(_) => "error-notification",
            Self::Export(_) => "error-export",
            Self::ShareUnavailable => "error-share-unavailable",
            Self::Recall(error) => error.code(),
            Self::CsvNeedsShare => "error-csv-needs-share",
            Self::ConsentNotCurrent => "error-consent-not-current",
            Self::CadreLocked => "error-cadre-locked",
            Self::CadrePinRequired => "error-cadre-pin-required",
            Self::NoCadre => "error-no-cadre",
            Self::CadreExists => "error-cadre-exists",
            Self::WrongPin { wait_seconds: 0 } => "error-pin-wrong",
            Self::WrongPin { .. } => "error-pin-wrong-wait",
            Self::PinWait(_) => "error-pin-wait",
            Self::AmendReasonRequired => "error-amend-reason-required",
            Self::VisitNotFound(_) => "error-visit-not-found",
            Self::FamilyNotFound(_) => "error-family-not-found",
            Self::Storage(_) => "error-storage",
            Self::Bundle(error) => match error {
                BundleError::NotABundle => "error-bundle-not-a-bundle",
                BundleError::TooLarge { .. } => "error-bundle-too-large",
                BundleError::NewerFormat { .. } => "error-bundle-newer-format",
                BundleError::Damaged => "error-bundle-damaged",
                BundleError::InvalidRecord { .. } => "error-bundle-invalid-record",
            },
            Self::Import(error) => match error {
                ImportError::MissingParent { .. } => "error-bundle-missing-parent",
                ImportError::NotNamed { .. } => "error-bundle-not-named",
                ImportError::OtherFamily { .. } => "error-bundle-other-family-record",
                ImportError::Refused { .. } => "error-bundle-invalid-record",
                ImportError::Storage(_) => "error-storage",
            },
            Self::BundleOtherFamily => "error-bundle-other-family",
            Self::BundleChanged => "error-bundle-changed",
            Self::BundleTooLargeToSend(_) => "error-bundle-too-large-to-send",
            Self::FileRead(_) => "error-file-read",
            Self::StorageUnavailable => "error-storage-unavailable",
            Self::DiskFull => "error-disk-full",
            Self::ConflictNotFound(_) => "error-conflict-not-found",
            Self::Task(_) => "error-internal",
            Self::Sync(error) => error.code(),
        }
    }

    fn args(&self) -> BTreeMap<&'static str, String> {
        let mut args = BTreeMap::new();
        match self {
            Self::Sync(error) => return error.args(),
            Self::UnsupportedLanguage(language) => {
                args.insert("language", language.clone());
            }
            // The technical detail helps a cadre reporting a problem; the message
            // itself stays in the user's language.
            Self::Storage(error) => {
                args.insert("detail", error.to_string());
            }
            Self::Bundle(BundleError::TooLarge { bytes }) => {
                args.insert("megabytes", format!("{:.1}", *bytes as f64 / 1_048_576.0));
                args.insert(
                    "max",
                    (crate::domain::bundle::MAX_BUNDLE_BYTES / 1_048_576).to_string(),
                );
            }
            Self::BundleTooLargeToSend(bytes) => {
                args.insert("megabytes", format!("{:.1}", *bytes as f64 / 1_048_576.0));
                args.insert(
                    "max",
                    (crate::domain::bundle::MAX_BUNDLE_BYTES / 1_048_576).to_string(),
                );
            }
            Self::Bundle(BundleError::NewerFormat { version }) => {
                args.insert("version", version.to_string());
            }
            Self::Bundle(BundleError::InvalidRecord {
                line, table, field, ..
            }) => {
                args.insert("line", line.to_string());
                args.insert("record", format!("{table}.{field}"));
            }
            Self::Import(ImportError::Refused { table, id, .. }) => {
                args.insert("line", "-".to_owned());
                args.insert("record", format!("{table} {id}"));
            }
            Self::Import(
                ImportError::NotNamed { table, .. } | ImportError::OtherFamily { table, .. },
            ) => {
                args.insert("record", table.clone());
            }
            Self::Import(ImportError::MissingParent { table, parent, .. }) => {
                args.insert("record", table.clone());
                args.insert("parent", parent.clone());
            }
            Self::Import(ImportError::Storage(error)) => {
                args.insert("detail", error.to_string());
            }
            Self::Bundle(_)
            | Self::BundleOtherFamily
            | Self::BundleChanged
            | Self::ConflictNotFound(_)
            | Self::StorageUnavailable
            | Self::DiskFull => {}
            Self::Task(detail)
            | Self::Notification(detail)
            | Self::Export(detail)
            | Self::FileRead(detail) => {
                args.insert("detail", detail.clone());
            }
            Self::PreparationIncomplete(missing) => {
                args.insert("count", missing.len().to_string());
            }
            Self::UnknownProtocolItem(id) => {
                args.insert("item", id.clone());
            }
            Self::WrongPin {
                wait_seconds: seconds,
            }
            | Self::PinWait(seconds) => {
                args.insert("seconds", seconds.to_string());
            }
            Self::CadreLocked
            | Self::ShareUnavailable
            | Self::CsvNeedsShare
            | Self::ConsentNotCurrent
            | Self::Recall(_)
            | Self::CadrePinRequired
            | Self::NoCadre
            | Self::CadreExists
            | Self::AmendReasonRequired
            | Self::VisitNotFound(_)
            | Self::FamilyNotFound(_) => {}
            Self::Invalid(_)
            | Self::FamilyExists
            | Self::NoFamily
            | Self::SessionNotFound(_)
            | Self::SessionNotPreparing(_)
            | Self::SessionBusy
            | Self::NoActiveSession
            | Self::Engine(_)
            | Self::TooLateToResume
            | Self::MassageBeforeBirth
            | Self::SessionNotRateable
            | Self::RatingExists
            | Self::NoRatingToCorrect
            | Self::NotRatingAuthor => {}
        }
        args
    }
}

impl From<rusqlite::Error> for AppError {
    fn from(error: rusqlite::Error) -> Self {
        StorageError::from(error).into()
    }
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields: &[FieldError] = match self {
            Self::Invalid(fields) => fields,
            _ => &[],
        };
        let mut out = serializer.serialize_struct("AppError", 3)?;
        out.serialize_field("code", self.code())?;
        out.serialize_field("args", &self.args())?;
        out.serialize_field("fields", fields)?;
        out.end()
    }
}

impl From<StorageError> for AppError {
    /// A full disk gets its own message: the user can do something about it.
    fn from(error: StorageError) -> Self {
        match error.problem() {
            crate::storage::Problem::DiskFull => Self::DiskFull,
            _ => Self::Storage(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_args_and_fields() {
        let error = AppError::Invalid(vec![
            FieldError::new("rw", "error-rw-rt-number").with_arg("max", 3),
        ]);
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "error-invalid-input",
                "args": {},
                "fields": [{"field": "rw", "code": "error-rw-rt-number", "args": {"max": "3"}}]
            })
        );
        let json = serde_json::to_value(AppError::UnsupportedLanguage("fr".into())).unwrap();
        assert_eq!(json["code"], "error-unsupported-language");
        assert_eq!(json["args"]["language"], "fr");
    }
}
