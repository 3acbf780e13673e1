//! Who a record belongs to: every table's owner, and the attacks a bundle could try.

use std::collections::HashMap;
use std::convert::Infallible;

use serde_json::json;

use super::*;
use crate::bundle::{Bundle, parse};
use crate::sample::{FamilyRecords, new_id, time_ago};

/// A store's records by (table, id) with their family.
#[derive(Default)]
struct Store(HashMap<(String, String), Option<String>>);

impl Store {
    /// Everything in `records`, as if it had been imported here.
    fn holding(records: &[&FamilyRecords]) -> Self {
        let mut store = Self::default();
        for family in records {
            let bundle = parsed(family);
            let owners = check(&store, &bundle).unwrap();
            for (record, owner) in bundle.records.iter().zip(owners) {
                store
                    .0
                    .insert((record.table.name.to_owned(), record.id.clone()), owner);
            }
        }
        store
    }
}

impl Families for Store {
    type Error = Infallible;
    fn family_here(&self, table: &str, id: &str) -> Result<Option<Option<String>>, Infallible> {
        Ok(self.0.get(&(table.to_owned(), id.to_owned())).cloned())
    }
}

fn parsed(records: &FamilyRecords) -> Bundle {
    parse(&records.bundle(), chrono::Local::now().fixed_offset()).unwrap()
}

fn refused(store: &Store, records: &FamilyRecords) -> OwnerError<Infallible> {
    check(store, &parsed(records)).unwrap_err()
}

#[test]
fn every_table_names_its_family_once_and_only_a_cadres_name_has_none() {
    for spec in TABLES {
        match spec.owner {
            Owner::Itself => assert_eq!(spec.name, "family"),
            Owner::FamilyColumn => {
                assert!(
                    spec.column_names().any(|c| c == "family_id"),
                    "{}",
                    spec.name
                );
            }
            Owner::Parent(parent, column) => {
                assert!(spec.parents.contains(&(parent, column)), "{}", spec.name);
                assert_eq!(table(parent).map(|t| t.owner), Some(Owner::FamilyColumn));
            }
            Owner::Nobody => assert_eq!(spec.name, "cadre"),
        }
        for (linked, column) in spec.same_family {
            assert!(table(linked).is_some() && spec.column_names().any(|c| c == *column));
        }
    }
    // A family's phone writes its own story; only a cadre's phone her visits and trainings.
    let cadre_only: Vec<&str> = TABLES
        .iter()
        .filter(|t| !may_write(t, true))
        .map(|t| t.name)
        .collect();
    assert_eq!(
        cadre_only,
        ["cadre", "home_visit", "visit_score", "hands_on_training"]
    );
    assert!(TABLES.iter().all(|t| may_write(t, false)));
}

#[test]
fn a_familys_own_records_pass_and_each_gets_its_family() {
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 10);
    let session = budi.session(2, None);
    budi.rating(&session, 2, 5, (3, 1));
    budi.visit(1, &[]);
    let owners = check(&Store::default(), &parsed(&budi)).unwrap();
    let cadres = owners.iter().filter(|o| o.is_none()).count();
    assert_eq!(cadres, 1, "the cadre's name belongs to no family");
    assert!(
        owners.iter().flatten().all(|family| *family == budi.family),
        "a visit's scores are the family's through their visit"
    );
}

#[test]
fn a_deletion_of_another_familys_record_is_refused() {
    let mut victim = FamilyRecords::enrolled("Budi", "Siti", 10);
    let milk = victim.milk(3, "tidak-ada");
    let store = Store::holding(&[&victim]);
    let mut attacker = FamilyRecords::enrolled("Agus", "Dewi", 5);
    // Filed under the attacker's own family, the one his bundle names.
    attacker.delete("milk_status", &milk, &attacker.family.clone());
    assert!(matches!(
        refused(&store, &attacker),
        OwnerError::OtherFamily { .. }
    ));
    let mut family_record = FamilyRecords::enrolled("Agus", "Dewi", 5);
    family_record.delete("family", &victim.family, &family_record.family.clone());
    assert!(matches!(
        refused(&store, &family_record),
        OwnerError::OtherFamily { .. }
    ));
    // Filed under the victim's family: not a family the bundle names.
    let mut named = FamilyRecords::enrolled("Agus", "Dewi", 5);
    named.delete("milk_status", &milk, &victim.family);
    assert!(matches!(
        refused(&store, &named),
        OwnerError::NotNamed { .. }
    ));
    // Its own record: fine.
    victim.sent();
    victim.delete("milk_status", &milk, &victim.family.clone());
    assert!(check(&store, &parsed(&victim)).is_ok());
}

#[test]
fn a_record_that_amends_or_rates_another_familys_record_is_refused() {
    let mut victim = FamilyRecords::enrolled("Budi", "Siti", 10);
    let visit = victim.visit(3, &[("not-on-spine", 0)]);
    let session = victim.session(2, None);
    let store = Store::holding(&[&victim]);
    // A newer version of another family's visit (it would hide its spine alert).
    let mut amending = FamilyRecords::enrolled("Agus", "Dewi", 5);
    amending.amend_visit(&visit, 2, 1, &[]);
    assert!(matches!(
        refused(&store, &amending),
        OwnerError::OtherFamily { .. }
    ));
    // A rating pointing at another family's session.
    let mut rating = FamilyRecords::enrolled("Agus", "Dewi", 5);
    rating.rating(&session, 1, 1, (0, 9));
    assert!(matches!(
        refused(&store, &rating),
        OwnerError::OtherFamily { .. }
    ));
}

#[test]
fn a_cadres_name_travels_only_beside_a_visit_that_names_it() {
    let mut lone = FamilyRecords::enrolled("Budi", "Siti", 10);
    let at = time_ago(0);
    lone.record(
        "cadre",
        &new_id(),
        json!({ "name": "Bu Palsu", "created_at": at, "updated_at": at }),
    );
    assert!(matches!(
        refused(&Store::default(), &lone),
        OwnerError::NotNamed { .. }
    ));
}

#[test]
fn a_record_with_the_id_of_another_familys_record_is_refused() {
    let mut victim = FamilyRecords::enrolled("Budi", "Siti", 10);
    let milk = victim.milk(3, "lancar");
    let store = Store::holding(&[&victim]);
    let mut attacker = FamilyRecords::enrolled("Agus", "Dewi", 5);
    let at = time_ago(0);
    attacker.record(
        "milk_status",
        &milk,
        json!({
            "recorded_on": crate::sample::day_ago(0), "status": "tidak-ada", "indicators": "",
            "recorded_by": "mother", "kind": "follow-up", "created_at": at, "updated_at": at,
        }),
    );
    assert!(matches!(
        refused(&store, &attacker),
        OwnerError::OtherFamily { .. }
    ));
}

#[test]
fn a_link_is_checked_against_the_bundle_whatever_the_order() {
    // A visit of family A that amends family B's visit, sent before B's visit itself.
    let mut b = FamilyRecords::enrolled("Budi", "Siti", 10);
    let visit = b.visit(3, &[("not-on-spine", 0)]);
    let mut a = FamilyRecords::enrolled("Agus", "Dewi", 5);
    a.amend_visit(&visit, 1000, 1, &[]);
    // One cadre's bundle naming both families, A's amendment first.
    let mut lines = parse(&a.bundle(), chrono::Local::now().fixed_offset()).unwrap();
    let b_bundle = parsed(&b);
    lines.records.extend(b_bundle.records);
    lines.header.family_ids.push(b.family.clone());
    assert!(matches!(
        check(&Store::default(), &lines),
        Err(OwnerError::OtherFamily { .. })
    ));
}

#[test]
fn no_bundle_deletes_a_cadres_name() {
    let mut family = FamilyRecords::enrolled("Budi", "Siti", 10);
    family.delete("cadre", &new_id(), &family.family.clone());
    assert!(matches!(
        refused(&Store::default(), &family),
        OwnerError::NotNamed { .. }
    ));
}

#[test]
fn a_familys_erasure_is_filed_under_that_family_only() {
    // The family is held nowhere yet (an id learnt from a file): a bundle of another
    // family cannot plant its erasure.
    let victim = FamilyRecords::enrolled("Budi", "Siti", 10);
    let mut attacker = FamilyRecords::enrolled("Agus", "Dewi", 5);
    attacker.sent();
    attacker.delete("family", &victim.family, &attacker.family.clone());
    assert!(matches!(
        refused(&Store::default(), &attacker),
        OwnerError::OtherFamily { .. }
    ));
    // Its own erasure passes.
    let mut own = FamilyRecords::enrolled("Agus", "Dewi", 5);
    own.sent();
    own.delete("family", &own.family.clone(), &own.family.clone());
    assert!(check(&Store::default(), &parsed(&own)).is_ok());
}
