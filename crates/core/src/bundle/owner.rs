//! Who a record belongs to, decided once from the schema's [`Owner`] of each table, for
//! every store: a bundle changes only the families its header names. Every record and
//! every deletion must belong to one of them (directly, or through its parent), its
//! parents and the records it amends must be of the same family, a record or deletion
//! that meets a record already stored must meet one of the same family, and a cadre's
//! name travels only beside a visit that names it. The app's import and the server's
//! push both ask this before anything is planned, so they refuse alike.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{Body, Bundle, Incoming, Owner, TABLES, TableSpec, Writers};

/// What a store knows of the records a bundle meets.
pub trait Families {
    type Error;
    /// The record of `table` with this id, if it is stored here: `Some(family)` (a
    /// cadre's name record has no family), or `None` when it is not here.
    fn family_here(&self, table: &str, id: &str) -> Result<Option<Option<String>>, Self::Error>;
}

/// Why a bundle reaches beyond its families.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OwnerError<E> {
    /// A record or deletion of a family the bundle does not name (or of none).
    #[error("{table} {id} is not of a family the bundle names")]
    NotNamed { table: String, id: String },
    /// A record, parent, amended original or deletion that meets another family's record.
    #[error("{table} {id} meets another family's record")]
    OtherFamily { table: String, id: String },
    #[error("the store could not answer")]
    Store(E),
}

/// The table of this name.
pub fn table(name: &str) -> Option<&'static TableSpec> {
    TABLES.iter().find(|t| t.name == name)
}

/// Whether a phone of this kind may add, change or delete records of `table`.
pub fn may_write(table: &TableSpec, family_phone: bool) -> bool {
    match table.writers {
        Writers::Anyone => true,
        Writers::Cadre => !family_phone,
    }
}

fn text<'a>(body: &'a Body, column: &str) -> Option<&'a str> {
    body.get(column).and_then(Value::as_str)
}

fn not_named<E>(table: &str, id: &str) -> OwnerError<E> {
    OwnerError::NotNamed {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

fn other_family<E>(table: &str, id: &str) -> OwnerError<E> {
    OwnerError::OtherFamily {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

/// The family of a record of `table` with this id and body, by its table's owner; a
/// parent's family is looked up with `parent_family` (the bundle, then the store).
/// `None` for a cadre's name, or when the family cannot be told.
pub fn family_of(
    table: &TableSpec,
    id: &str,
    body: &Body,
    parent_family: impl FnOnce(&str, &str) -> Option<String>,
) -> Option<String> {
    match table.owner {
        Owner::Itself => Some(id.to_owned()),
        Owner::FamilyColumn => text(body, "family_id").map(str::to_owned),
        Owner::Parent(parent, column) => parent_family(parent, text(body, column)?),
        Owner::Nobody => None,
    }
}

/// Checks every line of `bundle` against the families its header names and what the
/// store holds; returns each record's family (`None` for a cadre's name), in order.
pub fn check<F: Families>(
    store: &F,
    bundle: &Bundle,
) -> Result<Vec<Option<String>>, OwnerError<F::Error>> {
    let named: HashSet<&str> = bundle
        .header
        .family_ids
        .iter()
        .map(String::as_str)
        .collect();
    let here = |table: &str, id: &str| store.family_here(table, id).map_err(OwnerError::Store);
    // Every record that names its family itself, first: a link is checked against the
    // bundle's own records whatever their order (a child sent before its parent).
    let mut in_bundle: HashMap<(&str, &str), String> = HashMap::new();
    for record in &bundle.records {
        if matches!(record.table.owner, Owner::Itself | Owner::FamilyColumn)
            && let Some(family) = family_of(record.table, &record.id, &record.body, |_, _| None)
        {
            in_bundle.insert((record.table.name, record.id.as_str()), family);
        }
    }
    let mut cadres_of_visits: HashSet<&str> = HashSet::new();
    let mut families = Vec::with_capacity(bundle.records.len());
    for record in &bundle.records {
        let (name, id) = (record.table.name, record.id.as_str());
        if record.table.owner == Owner::Nobody {
            // Checked below: only the cadres of this bundle's visits travel.
            families.push(None);
            continue;
        }
        let mut lookup_error = None;
        let family = family_of(record.table, id, &record.body, |parent, parent_id| {
            in_bundle
                .get(&(parent, parent_id))
                .cloned()
                .or_else(|| match here(parent, parent_id) {
                    Ok(found) => found.flatten(),
                    Err(error) => {
                        lookup_error = Some(error);
                        None
                    }
                })
        });
        if let Some(error) = lookup_error {
            return Err(error);
        }
        let family = family.ok_or_else(|| not_named(name, id))?;
        if !named.contains(family.as_str()) {
            return Err(not_named(name, id));
        }
        check_links(record, &family, &in_bundle, &here)?;
        if here(name, id)?.is_some_and(|stored| stored.as_deref() != Some(family.as_str())) {
            return Err(other_family(name, id));
        }
        if let Some(cadre) = cadre_of_visit(record) {
            cadres_of_visits.insert(cadre);
        }
        in_bundle.insert((name, id), family.clone());
        families.push(Some(family));
    }
    if let Some(cadre) = bundle
        .records
        .iter()
        .find(|r| r.table.owner == Owner::Nobody && !cadres_of_visits.contains(r.id.as_str()))
    {
        return Err(not_named(cadre.table.name, &cadre.id));
    }
    for tombstone in &bundle.tombstones {
        let (name, id) = (tombstone.table.name, tombstone.id.as_str());
        // A cadre's name belongs to no family: no family's bundle deletes it.
        if tombstone.table.owner == Owner::Nobody {
            return Err(not_named(name, id));
        }
        let family = tombstone.deleted.family_id.as_deref().unwrap_or_default();
        if !named.contains(family) {
            return Err(not_named(name, id));
        }
        // A family's deletion (its erasure, on the server) is filed under itself: no
        // bundle erases, or plants a tombstone for, a family under another's name.
        if tombstone.table.owner == Owner::Itself && id != family {
            return Err(other_family(name, id));
        }
        // A deletion removes only a record of its own family.
        if here(name, id)?.is_some_and(|stored| stored.as_deref() != Some(family)) {
            return Err(other_family(name, id));
        }
    }
    Ok(families)
}

/// The cadre a visit names (her name record may travel beside it).
fn cadre_of_visit(record: &Incoming) -> Option<&str> {
    record
        .table
        .parents
        .iter()
        .filter(|(parent, _)| table(parent).is_some_and(|t| t.owner == Owner::Nobody))
        .find_map(|(_, column)| text(&record.body, column))
}

/// A record's parents (a rating's session, a visit score's visit) and the records it
/// amends (a visit's original) are of its own family, wherever they are.
fn check_links<E>(
    record: &Incoming,
    family: &str,
    in_bundle: &HashMap<(&str, &str), String>,
    here: &impl Fn(&str, &str) -> Result<Option<Option<String>>, OwnerError<E>>,
) -> Result<(), OwnerError<E>> {
    let links = record.table.parents.iter().chain(record.table.same_family);
    for (linked_table, column) in links {
        let Some(owner) = table(linked_table).map(|t| t.owner) else {
            continue;
        };
        if owner == Owner::Nobody {
            continue; // a cadre belongs to no family
        }
        let Some(linked) = text(&record.body, column) else {
            continue;
        };
        if *linked_table == record.table.name && linked == record.id {
            continue; // a first version is its own original
        }
        let linked_family = match in_bundle.get(&(*linked_table, linked)) {
            Some(f) => Some(f.clone()),
            None => here(linked_table, linked)?.flatten(),
        };
        if linked_family.is_some_and(|f| f != family) {
            return Err(other_family(record.table.name, &record.id));
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "owner_tests.rs"]
mod tests;
