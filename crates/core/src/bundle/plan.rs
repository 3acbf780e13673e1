//! What importing a bundle would do, record by record, whatever holds the records: the
//! app's SQLite file and the server's PostgreSQL answer the same few questions
//! ([`Holdings`]) and get the same plan, tally and count of changes.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::{Bundle, Decision, Incoming, Local, decide};

/// What a store holds, as the plan asks it.
pub trait Holdings {
    type Error;
    /// The record here that `incoming` corresponds to: the same id, else the same
    /// natural key (a second plan made for the same family elsewhere).
    fn local_of(&self, incoming: &Incoming) -> Result<Option<Local>, Self::Error>;
    /// A record of this table and id is here.
    fn exists(&self, table: &str, id: &str) -> Result<bool, Self::Error>;
    /// It was deleted here (a tombstone).
    fn is_tombstoned(&self, table: &str, id: &str) -> Result<bool, Self::Error>;
    /// This exact version of a record of this table was set aside (or resolved) before.
    fn seen_conflict(&self, table: &str, hash: &str) -> Result<bool, Self::Error>;
}

/// What applying a bundle would do, record by record.
#[derive(Debug, Clone)]
pub struct Plan {
    /// One per `bundle.records`, with the local record it meets.
    pub decisions: Vec<(Decision, Option<Local>)>,
    /// One per `bundle.tombstones`: whether a local record would be deleted.
    pub deletes: Vec<bool>,
}

/// Why a bundle cannot be planned.
#[derive(Debug, thiserror::Error)]
pub enum PlanError<E> {
    /// A record refers to one that is neither here nor in the bundle.
    #[error("{table} {id} refers to a missing {parent}")]
    MissingParent {
        table: String,
        id: String,
        parent: String,
    },
    #[error("the store could not answer")]
    Holdings(E),
}

/// Works out what the bundle would change, without changing anything.
pub fn plan<H: Holdings>(holdings: &H, bundle: &Bundle) -> Result<Plan, PlanError<H::Error>> {
    let in_bundle: HashSet<(&str, &str)> = bundle
        .records
        .iter()
        .map(|r| (r.table.name, r.id.as_str()))
        .collect();
    let mut unapplied: HashSet<(&str, &str)> = HashSet::new();
    let mut decisions = Vec::with_capacity(bundle.records.len());
    for incoming in &bundle.records {
        let held = held_by_parent(holdings, incoming, &in_bundle, &unapplied)?;
        let local = holdings.local_of(incoming).map_err(PlanError::Holdings)?;
        let decision = if held {
            Decision::Held
        } else {
            let table = incoming.table.name;
            let gone = holdings
                .is_tombstoned(table, &incoming.id)
                .map_err(PlanError::Holdings)?;
            let seen = holdings
                .seen_conflict(table, &incoming.hash)
                .map_err(PlanError::Holdings)?;
            decide(incoming, local.as_ref(), gone, seen)
        };
        if matches!(
            decision,
            Decision::Conflict | Decision::Deleted | Decision::Held
        ) && local.as_ref().is_none_or(|l| l.id != incoming.id)
        {
            unapplied.insert((incoming.table.name, incoming.id.as_str()));
        }
        decisions.push((decision, local));
    }
    let deletes = bundle
        .tombstones
        .iter()
        .map(|t| holdings.exists(t.table.name, &t.id))
        .collect::<Result<Vec<_>, _>>()
        .map_err(PlanError::Holdings)?;
    Ok(Plan { decisions, deletes })
}

/// True when a parent of this record will not be here after the import (it waits on a
/// conflict or was deleted); an error when one is neither here nor in the bundle and
/// none was deleted. Every parent is asked before the error: a rating whose session
/// went with its erased family (the session left no tombstone of its own, the family
/// did) is held, not refused.
fn held_by_parent<H: Holdings>(
    holdings: &H,
    incoming: &Incoming,
    in_bundle: &HashSet<(&str, &str)>,
    unapplied: &HashSet<(&str, &str)>,
) -> Result<bool, PlanError<H::Error>> {
    let mut missing = None;
    for (parent_table, column) in incoming.table.parents {
        let Some(parent_id) = incoming.body.get(*column).and_then(Value::as_str) else {
            continue;
        };
        if unapplied.contains(&(*parent_table, parent_id)) {
            return Ok(true);
        }
        if !in_bundle.contains(&(*parent_table, parent_id))
            && !holdings
                .exists(parent_table, parent_id)
                .map_err(PlanError::Holdings)?
        {
            if holdings
                .is_tombstoned(parent_table, parent_id)
                .map_err(PlanError::Holdings)?
            {
                return Ok(true);
            }
            missing.get_or_insert(*parent_table);
        }
    }
    match missing {
        Some(parent) => Err(PlanError::MissingParent {
            table: incoming.table.name.to_owned(),
            id: incoming.id.clone(),
            parent: parent.to_owned(),
        }),
        None => Ok(false),
    }
}

/// How many records of each kind an import adds, updates, keeps, sets aside...
pub type Tally = BTreeMap<String, BTreeMap<Decision, u64>>;

pub fn tally(bundle: &Bundle, plan: &Plan) -> Tally {
    let mut tally: Tally = BTreeMap::new();
    for (record, (decision, _)) in bundle.records.iter().zip(&plan.decisions) {
        *tally
            .entry(record.table.name.to_owned())
            .or_default()
            .entry(*decision)
            .or_insert(0) += 1;
    }
    for (tombstone, deletes) in bundle.tombstones.iter().zip(&plan.deletes) {
        let decision = if *deletes {
            Decision::Deleted
        } else {
            Decision::Known
        };
        *tally
            .entry(format!("deleted-{}", tombstone.table.name))
            .or_default()
            .entry(decision)
            .or_insert(0) += 1;
    }
    tally
}

/// How many records an import changes.
pub fn changes(plan: &Plan) -> usize {
    plan.decisions
        .iter()
        .filter(|(d, _)| matches!(d, Decision::New | Decision::Updated | Decision::Conflict))
        .count()
        + plan.deletes.iter().filter(|d| **d).count()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::bundle::{Incoming, Local, parse};
    use crate::sample::FamilyRecords;

    /// A store that holds nothing but the tombstones given.
    struct Erased(HashSet<(String, String)>);

    impl Holdings for Erased {
        type Error = std::convert::Infallible;
        fn local_of(&self, _: &Incoming) -> Result<Option<Local>, Self::Error> {
            Ok(None)
        }
        fn exists(&self, _: &str, _: &str) -> Result<bool, Self::Error> {
            Ok(false)
        }
        fn is_tombstoned(&self, table: &str, id: &str) -> Result<bool, Self::Error> {
            Ok(self.0.contains(&(table.to_owned(), id.to_owned())))
        }
        fn seen_conflict(&self, _: &str, _: &str) -> Result<bool, Self::Error> {
            Ok(false)
        }
    }

    #[test]
    fn a_rating_whose_session_went_with_its_erased_family_is_held_not_refused() {
        let mut family = FamilyRecords::enrolled("Budi", "Siti", 10);
        let session = family.session(1, None);
        family.sent();
        family.rating(&session, 1, 4, (2, 0));
        let bundle = parse(&family.bundle(), chrono::Local::now().fixed_offset()).unwrap();
        // Without the family's tombstone the missing session is an error...
        assert!(matches!(
            plan(&Erased(HashSet::new()), &bundle),
            Err(PlanError::MissingParent { .. })
        ));
        // ...with it, whichever parent comes first, the rating is held.
        let erased = Erased(HashSet::from([(
            "family".to_owned(),
            family.family.clone(),
        )]));
        let planned = plan(&erased, &bundle).unwrap();
        assert!(
            planned
                .decisions
                .iter()
                .all(|(decision, _)| *decision == crate::bundle::Decision::Held)
        );
    }
}
