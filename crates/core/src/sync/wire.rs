//! The sync API's contract, written once for both ends: the app's client and the
//! server's handlers use these paths, headers, bodies and refusal codes, so the two
//! cannot drift apart on the wire.

use serde::{Deserialize, Serialize};

use crate::bundle::plan::Tally;

/// Health: "ok" when the server and its database are ready; it also says whether the
/// server reads gzipped pushes.
pub const HEALTH_PATH: &str = "/healthz";
/// Pairing: a one-time code for a device token.
pub const PAIR_PATH: &str = "/api/v1/pair";
/// A push: a bundle.
pub const PUSH_PATH: &str = "/api/v1/push";
/// A pull: what changed after a cursor, as a bundle.
pub const PULL_PATH: &str = "/api/v1/pull";
/// A cadre's phone asks for a code for one of her families' phones.
pub const FAMILY_CODE_PATH: &str = "/api/v1/family-code";

/// The bundle's media type: pushes must say it, pulls answer with it.
pub const BUNDLE_TYPE: &str = "application/x-ayahasi";
/// The header that carries the pull cursor to ask from next time.
pub const CURSOR_HEADER: &str = "x-ayah-asi-cursor";
/// Set on a pull that stopped at its size limit: ask again from the new cursor.
pub const MORE_HEADER: &str = "x-ayah-asi-more";
/// The header that names a push, so that sending it again changes nothing.
pub const PUSH_ID_HEADER: &str = "x-ayah-asi-push-id";
/// The one content coding either end uses: a bundle of JSON lines shrinks to about a
/// tenth, which on a 2 KB/s line is the difference between minutes and half an hour.
/// A push is sent gzipped once the server has said it reads it (`Accept-Encoding:
/// gzip` on its answers, RFC 9110 §12.5.3); a pull is answered gzipped when asked.
pub const GZIP: &str = "gzip";

/// Whether an `Accept-Encoding` header's values name gzip (`gzip`, `br, gzip;q=0.8`):
/// the server reads it from the app's pull, the app from the server's answers.
pub fn names_gzip<'a>(values: impl IntoIterator<Item = &'a str>) -> bool {
    values
        .into_iter()
        .flat_map(|v| v.split(','))
        .any(|coding| coding.split(';').next().is_some_and(|c| c.trim() == GZIP))
}

/// `bytes`, gzipped.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::default(),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Why gzipped bytes were not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GunzipError {
    #[error("not gzip, or cut off")]
    Broken,
    #[error("more than {0} bytes once unpacked")]
    TooLarge(usize),
}

/// Gzipped `bytes` unpacked, never more than `max` bytes (a small body that unpacks
/// to gigabytes is refused as soon as it passes `max`).
pub fn gunzip(bytes: &[u8], max: usize) -> Result<Vec<u8>, GunzipError> {
    use std::io::Read;
    let mut unpacked = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    flate2::read::GzDecoder::new(bytes)
        .take(limit)
        .read_to_end(&mut unpacked)
        .map_err(|_| GunzipError::Broken)?;
    if unpacked.len() > max {
        return Err(GunzipError::TooLarge(max));
    }
    Ok(unpacked)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairRequest {
    pub code: String,
    pub app_version: String,
}

/// A device just paired: its token (shown once) and, for a family's phone, its family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paired {
    pub token: String,
    pub family_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FamilyCodeRequest {
    pub family_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyCode {
    pub code: String,
    /// How long the code stays valid.
    pub hours: u32,
}

/// A push's answer: what it did, record by record, as counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushAnswer {
    pub tally: Tally,
}

/// Why the server refused a request: a code the app shows in its user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefusalCode {
    #[serde(rename = "error-server-not-paired")]
    NotPaired,
    #[serde(rename = "error-server-device-refused")]
    DeviceRefused,
    #[serde(rename = "error-server-out-of-scope")]
    OutOfScope,
    #[serde(rename = "error-server-bundle-refused")]
    BundleRefused,
    #[serde(rename = "error-server-storage")]
    Storage,
    #[serde(rename = "error-server-storage-full")]
    StorageFull,
    #[serde(rename = "error-server-pairing-code")]
    PairingCode,
    #[serde(rename = "error-server-too-many-attempts")]
    TooManyAttempts,
    #[serde(rename = "error-server-not-a-bundle")]
    NotABundle,
    #[serde(rename = "error-server-push-id")]
    PushId,
    #[serde(rename = "error-server-not-found")]
    NotFound,
    /// Too many pushes arriving at once: try again in a moment.
    #[serde(rename = "error-server-busy")]
    Busy,
    /// The push stalled or crawled past its deadline: nothing was written; try again.
    #[serde(rename = "error-server-too-slow")]
    TooSlow,
    /// This device sent more today than any phone's work needs (a stolen token, or a
    /// phone gone wrong): its pushes wait for tomorrow.
    #[serde(rename = "error-server-over-quota")]
    OverQuota,
    /// Records of a family whose mother has not agreed to a consent text that names the
    /// server (`family::SERVER_CONSENT_VERSIONS`): the app asks her first.
    #[serde(rename = "error-server-consent-needed")]
    ConsentNeeded,
}

impl RefusalCode {
    pub const ALL: [Self; 15] = [
        Self::NotPaired,
        Self::DeviceRefused,
        Self::OutOfScope,
        Self::BundleRefused,
        Self::Storage,
        Self::StorageFull,
        Self::PairingCode,
        Self::TooManyAttempts,
        Self::NotABundle,
        Self::PushId,
        Self::NotFound,
        Self::Busy,
        Self::TooSlow,
        Self::OverQuota,
        Self::ConsentNeeded,
    ];

    /// The message id the app shows (the word on the wire).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NotPaired => "error-server-not-paired",
            Self::DeviceRefused => "error-server-device-refused",
            Self::OutOfScope => "error-server-out-of-scope",
            Self::BundleRefused => "error-server-bundle-refused",
            Self::Storage => "error-server-storage",
            Self::StorageFull => "error-server-storage-full",
            Self::PairingCode => "error-server-pairing-code",
            Self::TooManyAttempts => "error-server-too-many-attempts",
            Self::NotABundle => "error-server-not-a-bundle",
            Self::PushId => "error-server-push-id",
            Self::NotFound => "error-server-not-found",
            Self::Busy => "error-server-busy",
            Self::TooSlow => "error-server-too-slow",
            Self::OverQuota => "error-server-over-quota",
            Self::ConsentNeeded => "error-server-consent-needed",
        }
    }

    /// The code a word names, if any (a newer server may send codes this app lacks).
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.message_id() == word)
    }
}

/// A refusal's body. The code is read as a word, so that an unknown one (from a newer
/// server) still reads as a refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    pub code: String,
    #[serde(default)]
    pub detail: String,
    /// The family a scope refusal is about (moved to another cadre, say), for the app to
    /// stop sending it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_code_reads_back_from_its_word_and_serializes_as_it() {
        for code in RefusalCode::ALL {
            assert_eq!(RefusalCode::parse(code.message_id()), Some(code));
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::json!(code.message_id())
            );
        }
        assert_eq!(RefusalCode::parse("error-server-something-new"), None);
        let refusal: Refusal =
            serde_json::from_str(r#"{"code":"error-server-out-of-scope","familyId":"f"}"#).unwrap();
        assert_eq!(refusal.family_id.as_deref(), Some("f"));
    }
}

#[cfg(test)]
mod gzip_tests {
    use super::*;

    #[test]
    fn gzip_is_found_among_the_codings_named() {
        assert!(names_gzip(["gzip"]));
        assert!(names_gzip(["br", "deflate, gzip;q=0.8"]));
        assert!(!names_gzip(["br, deflate", "x-gzip-ish"]));
        assert!(!names_gzip([]));
    }

    #[test]
    fn a_bundle_travels_gzipped_and_a_bomb_is_stopped_at_the_limit() {
        let text = "{\"table\":\"massage_session\",\"id\":\"x\"}\n".repeat(2000);
        let packed = gzip(text.as_bytes());
        assert!(
            packed.len() * 10 < text.len(),
            "{} of {}",
            packed.len(),
            text.len()
        );
        assert_eq!(gunzip(&packed, text.len()).unwrap(), text.as_bytes());
        assert_eq!(
            gunzip(&packed, text.len() - 1),
            Err(GunzipError::TooLarge(text.len() - 1))
        );
        let bomb = gzip(&vec![0u8; 50 * 1024 * 1024]);
        assert!(bomb.len() < 100 * 1024);
        assert_eq!(
            gunzip(&bomb, 1024 * 1024),
            Err(GunzipError::TooLarge(1024 * 1024))
        );
        assert_eq!(gunzip(b"not gzip at all", 1024), Err(GunzipError::Broken));
        assert_eq!(
            gunzip(&packed[..packed.len() / 2], usize::MAX),
            Err(GunzipError::Broken)
        );
    }
}
