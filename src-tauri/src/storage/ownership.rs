//! A bundle changes only the families its header names. The rule is the core's
//! (`bundle::owner`, the server's push asks the same); this module answers its one
//! question from SQLite: the family of a record already here, found the way its table's
//! owner says. Checked before anything is planned, so the preview and the import refuse
//! alike.

use rusqlite::{Connection, OptionalExtension};

use crate::domain::bundle::owner::{self, Families, OwnerError};
use crate::domain::bundle::{Bundle, Owner};

/// This device's records, as the ownership check asks about them.
struct Here<'a>(&'a Connection);

/// The query for the family of a record of `table` here, by its owner. Table and column
/// names come from the static schema, never from input.
fn family_query(table: &str) -> Option<String> {
    Some(match owner::table(table)?.owner {
        Owner::Itself => format!("SELECT id FROM {table} WHERE id = ?1"),
        Owner::FamilyColumn => format!("SELECT family_id FROM {table} WHERE id = ?1"),
        Owner::Parent(parent, column) => format!(
            "SELECT p.family_id FROM {table} c JOIN {parent} p ON p.id = c.{column} WHERE c.id = ?1"
        ),
        Owner::Nobody => format!("SELECT NULL FROM {table} WHERE id = ?1"),
    })
}

/// The condition (on `?1`, a family id) that finds a family's rows of `table`, by its
/// owner; `None` for a table of no family (a cadre's name) or not in the schema.
pub fn family_condition(table: &str) -> Option<String> {
    Some(match owner::table(table)?.owner {
        Owner::Itself => "id = ?1".to_owned(),
        Owner::FamilyColumn => "family_id = ?1".to_owned(),
        Owner::Parent(parent, column) => {
            format!("{column} IN (SELECT id FROM {parent} WHERE family_id = ?1)")
        }
        Owner::Nobody => return None,
    })
}

impl Families for Here<'_> {
    type Error = rusqlite::Error;

    fn family_here(&self, table: &str, id: &str) -> Result<Option<Option<String>>, Self::Error> {
        let Some(sql) = family_query(table) else {
            return Ok(None);
        };
        self.0
            .prepare_cached(&sql)?
            .query_row([id], |r| r.get::<_, Option<String>>(0))
            .optional()
    }
}

/// Refuses the whole bundle if any line reaches beyond the families it names.
pub fn check(conn: &Connection, bundle: &Bundle) -> Result<(), OwnerError<rusqlite::Error>> {
    owner::check(&Here(conn), bundle).map(|_| ())
}
