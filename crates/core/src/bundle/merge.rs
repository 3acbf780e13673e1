//! The merge decision: what importing one record does, given what this device holds.

use std::collections::HashSet;

use serde::Serialize;

use super::Incoming;

/// What is known locally about the record an incoming one corresponds to.
#[derive(Debug, Clone)]
pub struct Local {
    pub id: String,
    pub hash: String,
    pub row_version: i64,
    /// Hashes of the versions this device's copy replaced.
    pub history: HashSet<String>,
}

/// What importing one record does.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    ts_rs::TS,
)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// Not here yet: added.
    New,
    /// Already here, the same.
    Known,
    /// Here in an older version that the incoming one was edited from: replaced, the
    /// old version kept in history.
    Updated,
    /// Here in a newer version made from the incoming one: kept.
    Older,
    /// Changed on both devices: the incoming version is kept aside for the cadre.
    Conflict,
    /// Deleted on this device: not brought back.
    Deleted,
    /// Its parent record was not applied (a conflict or a deletion): left for later.
    Held,
}

impl Decision {
    /// Every decision, in the order a tally shows them.
    pub const ALL: [Self; 7] = [
        Self::New,
        Self::Updated,
        Self::Known,
        Self::Older,
        Self::Conflict,
        Self::Deleted,
        Self::Held,
    ];
}

/// Decides what to do with one incoming record, given what this device holds.
/// `seen_conflict`: this exact version was already set aside (or resolved) before.
pub fn decide(
    incoming: &Incoming,
    local: Option<&Local>,
    tombstoned: bool,
    seen_conflict: bool,
) -> Decision {
    if tombstoned {
        return Decision::Deleted;
    }
    let Some(local) = local else {
        return Decision::New;
    };
    if local.hash == incoming.hash || seen_conflict {
        return Decision::Known;
    }
    if incoming.table.editable && local.id == incoming.id {
        if incoming.history.iter().any(|(_, hash)| *hash == local.hash) {
            return Decision::Updated;
        }
        if local.history.contains(&incoming.hash) {
            return Decision::Older;
        }
    }
    // Reading a lesson on two devices is the same fact, whatever the record ids.
    if incoming.table.name == "lesson_read" {
        return Decision::Known;
    }
    Decision::Conflict
}
