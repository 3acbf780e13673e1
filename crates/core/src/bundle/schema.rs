//! The schema the importer enforces: every table that travels, its columns, what each
//! column may hold, its parents, and how an edited record is recognised.

/// What a column may hold.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A UUID (record ids, device ids).
    Id,
    /// RFC 3339 with an offset, not in the future.
    Time,
    /// `YYYY-MM-DD`.
    Date,
    /// Text of 1..=max characters.
    Text { max: usize },
    /// An integer in a range.
    Int { min: i64, max: i64 },
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// Comma-separated words from this list (may be empty).
    Words(&'static [&'static str]),
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
    /// Added after format 2: files (and kept versions) from before it lack the field.
    /// It is left out while null, so such records hash as they always did.
    pub added_later: bool,
}

const fn req(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: false,
        added_later: false,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: true,
        added_later: false,
    }
}

/// A nullable column added in a later format (see `Column::added_later`).
const fn added(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: true,
        added_later: true,
    }
}

/// Which family a table's records belong to: declared here once, and read by the app's
/// import check, the server's scope check and the family's data filters alike
/// (`bundle::owner`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The record is the family (its own id).
    Itself,
    /// Its `family_id` column.
    FamilyColumn,
    /// Its parent's family: the parent's table and the column naming it (a visit score
    /// through its visit).
    Parent(&'static str, &'static str),
    /// No family: a cadre's name, which travels only beside a visit that names it.
    Nobody,
}

/// Which phones may add, change or delete a table's records. A record already on the
/// server and unchanged may come back from any phone (a family's phone sends the
/// cadre's visits it received; they are "known" and change nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writers {
    /// A family's phone or a cadre's.
    Anyone,
    /// Only a cadre's phone: her visits, their scores, trainings, her name.
    Cadre,
}

/// One kind of record that travels.
#[derive(Debug)]
pub struct TableSpec {
    pub name: &'static str,
    pub columns: &'static [Column],
    /// Edited in place: carries `row_version` and its earlier versions travel along.
    pub editable: bool,
    /// Columns that identify the same fact across devices besides the id.
    pub natural_key: &'static [&'static str],
    /// Columns naming a parent record that must exist (table, column).
    pub parents: &'static [(&'static str, &'static str)],
    /// Columns naming another record of this table that, when it exists, must be of the
    /// same family (an amended visit's original).
    pub same_family: &'static [(&'static str, &'static str)],
    pub owner: Owner,
    pub writers: Writers,
}

impl TableSpec {
    pub fn column_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.columns.iter().map(|c| c.name)
    }
}

const ID: Column = req("id", Kind::Id);
const DEVICE: Column = req("device_id", Kind::Id);
const CREATED: Column = req("created_at", Kind::Time);
const UPDATED: Column = req("updated_at", Kind::Time);
const ROW_VERSION: Column = req(
    "row_version",
    Kind::Int {
        min: 1,
        max: 1_000_000,
    },
);
const FAMILY: Column = req("family_id", Kind::Id);
const MILK_STATUSES: &[&str] = &["lancar", "tidak-lancar", "tidak-ada"];
const SESSION_STATUSES_DONE: &[&str] = &crate::cohort::SessionStatus::DONE_WORDS;
const STOP_REASONS: &[&str] = &[
    "no-consent",
    "safety",
    "mother-asked",
    "pain",
    "interrupted",
    "other",
];
const AUTHORS: &[&str] = &["mother", "father", "cadre"];
const BOOL: Kind = Kind::Int { min: 0, max: 1 };

/// Every table that travels, parents before children (the order records are applied).
pub const TABLES: &[TableSpec] = &[
    TableSpec {
        name: "family",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            ROW_VERSION,
            req("father_name", Kind::Text { max: 60 }),
            req("mother_name", Kind::Text { max: 60 }),
            req("baby_birth_date", Kind::Date),
            opt("posyandu", Kind::Text { max: 80 }),
            opt("rw", Kind::Text { max: 3 }),
            opt("rt", Kind::Text { max: 3 }),
            opt("mother_age", Kind::Int { min: 12, max: 60 }),
            opt(
                "mother_education",
                Kind::OneOf(&crate::family::EDUCATION_LEVELS),
            ),
            opt("parity", Kind::OneOf(&crate::family::PARITIES)),
            // Format 3: 1 while enrolled in pregnancy (the date above is then the expected
            // date of birth); null once the baby is born.
            added("pregnant", Kind::Int { min: 1, max: 1 }),
        ],
        editable: true,
        natural_key: &[],
        parents: &[],
        same_family: &[],
        owner: Owner::Itself,
        writers: Writers::Anyone,
    },
    TableSpec {
        name: "cadre",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            req("name", Kind::Text { max: 60 }),
        ],
        editable: false,
        natural_key: &[],
        parents: &[],
        same_family: &[],
        owner: Owner::Nobody,
        writers: Writers::Cadre,
    },
    TableSpec {
        name: "consent",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("kind", Kind::OneOf(&["health-data"])),
            req("text_version", Kind::Text { max: 40 }),
            req("given_at", Kind::Time),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Anyone,
    },
    TableSpec {
        name: "massage_plan",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            ROW_VERSION,
            FAMILY,
            req("pass_seconds", Kind::Int { min: 60, max: 300 }),
            req("passes", Kind::Int { min: 1, max: 5 }),
        ],
        editable: true,
        natural_key: &["family_id"],
        parents: &[("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Anyone,
    },
    TableSpec {
        name: "massage_session",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("protocol_version", Kind::Text { max: 40 }),
            req("pass_seconds", Kind::Int { min: 60, max: 300 }),
            req("passes", Kind::Int { min: 1, max: 5 }),
            req("status", Kind::OneOf(SESSION_STATUSES_DONE)),
            opt("stop_reason", Kind::OneOf(STOP_REASONS)),
            opt("safety_flags", Kind::Text { max: 400 }),
            opt("started_at", Kind::Time),
            opt("ended_at", Kind::Time),
            req(
                "last_active_ms",
                Kind::Int {
                    min: 0,
                    max: 86_400_000,
                },
            ),
            added("given_by", Kind::OneOf(&crate::protocol::Giver::IDS)),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Anyone,
    },
    TableSpec {
        name: "session_rating",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            req("session_id", Kind::Id),
            FAMILY,
            req("version", Kind::Int { min: 1, max: 1000 }),
            req("answered_by", Kind::OneOf(AUTHORS)),
            req("skipped", BOOL),
            opt("comfort", Kind::Int { min: 1, max: 5 }),
            opt("pain_before", Kind::Int { min: 0, max: 10 }),
            opt("pain_after", Kind::Int { min: 0, max: 10 }),
            opt("milk_flow", Kind::OneOf(&["none", "drips", "sprays"])),
            opt("note", Kind::Text { max: 500 }),
        ],
        editable: false,
        natural_key: &["session_id", "version"],
        parents: &[("massage_session", "session_id"), ("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Anyone,
    },
    TableSpec {
        name: "milk_status",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("recorded_on", Kind::Date),
            req("status", Kind::OneOf(MILK_STATUSES)),
            req(
                "indicators",
                Kind::Words(&crate::rating::KNOWN_MILK_INDICATORS),
            ),
            req("recorded_by", Kind::OneOf(&["mother", "cadre"])),
            req("kind", Kind::OneOf(&["enrolment", "follow-up"])),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Anyone,
    },
    // What the baby had yesterday (format 6), asked of the mother weekly and by the
    // cadre at a visit (`feeding.rs`).
    TableSpec {
        name: "feeding_recall",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("recalled_on", Kind::Date),
            req("items", Kind::Words(&crate::feeding::FoodItem::IDS)),
            // Since birth: was anything but breast milk ever given, and when first.
            opt("ever_other", Kind::OneOf(&["yes", "no"])),
            opt("first_other_on", Kind::Date),
            req("recorded_by", Kind::OneOf(&crate::feeding::RECORDERS)),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Anyone,
    },
    TableSpec {
        name: "home_visit",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            req("original_id", Kind::Id),
            req("version", Kind::Int { min: 1, max: 1000 }),
            opt("amend_reason", Kind::Text { max: 300 }),
            FAMILY,
            req("cadre_id", Kind::Id),
            req("visited_on", Kind::Date),
            req("checklist_version", Kind::Text { max: 40 }),
            req("total", Kind::Int { min: 0, max: 1000 }),
            req("maximum", Kind::Int { min: 1, max: 1000 }),
            req("percent", Kind::Int { min: 0, max: 100 }),
            req("band", Kind::OneOf(&["baik", "cukup", "kurang"])),
            req("competent", BOOL),
            opt("coaching_notes", Kind::Text { max: 1000 }),
            req("motivation", Kind::OneOf(&crate::checklist::MOTIVATIONS)),
            opt("milk_status", Kind::OneOf(MILK_STATUSES)),
            added("observed", Kind::OneOf(&crate::protocol::Giver::IDS)),
        ],
        editable: false,
        natural_key: &["original_id", "version"],
        parents: &[("family", "family_id"), ("cadre", "cadre_id")],
        same_family: &[("home_visit", "original_id")],
        owner: Owner::FamilyColumn,
        writers: Writers::Cadre,
    },
    TableSpec {
        name: "visit_score",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            req("visit_id", Kind::Id),
            req("row_id", Kind::OneOf(&crate::checklist::ROWS)),
            req("score", Kind::Int { min: 0, max: 2 }),
            opt("note", Kind::Text { max: 300 }),
        ],
        editable: false,
        natural_key: &["visit_id", "row_id"],
        parents: &[("home_visit", "visit_id")],
        same_family: &[],
        owner: Owner::Parent("home_visit", "visit_id"),
        writers: Writers::Cadre,
    },
    TableSpec {
        name: "lesson_read",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("lesson_id", Kind::Text { max: 60 }),
        ],
        editable: false,
        natural_key: &["family_id", "lesson_id"],
        parents: &[("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Anyone,
    },
    TableSpec {
        name: "quiz_attempt",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("quiz_version", Kind::Text { max: 40 }),
            req("kind", Kind::OneOf(&["pre", "post"])),
            req("correct", Kind::Int { min: 0, max: 10 }),
            req("score", Kind::Int { min: 0, max: 100 }),
            req("answers", Kind::Text { max: 400 }),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Anyone,
    },
    // Format 4: a question the father noted to ask at the posko.
    TableSpec {
        name: "posko_question",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("question", Kind::Text { max: 300 }),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Anyone,
    },
    // Format 4: the hands-on training, as the cadre recorded it.
    TableSpec {
        name: "hands_on_training",
        columns: &[
            ID,
            DEVICE,
            CREATED,
            UPDATED,
            FAMILY,
            req("trained_on", Kind::Date),
            req("trainer", Kind::OneOf(&crate::training::Trainer::IDS)),
            opt("trainer_name", Kind::Text { max: 80 }),
            // Format 5: who was trained (left out when null: the father, as before).
            added("trainee", Kind::OneOf(&crate::protocol::Giver::IDS)),
        ],
        editable: false,
        natural_key: &[],
        parents: &[("family", "family_id")],
        same_family: &[],
        owner: Owner::FamilyColumn,
        writers: Writers::Cadre,
    },
];

/// The spec of a table that travels.
pub fn table(name: &str) -> Option<&'static TableSpec> {
    TABLES.iter().find(|t| t.name == name)
}

#[cfg(test)]
mod value_lists {
    use std::collections::BTreeSet;

    use super::*;
    use crate::protocol::StopReason;
    use crate::rating::{Author, MilkStatus};

    fn set<'a>(words: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
        words.into_iter().collect()
    }

    /// The schema's words are the enums' words: one list each, however written.
    #[test]
    fn the_schemas_words_are_the_enums() {
        assert_eq!(
            set(MILK_STATUSES.iter().copied()),
            set(MilkStatus::ALL.iter().map(|s| s.as_str()))
        );
        assert_eq!(
            set(STOP_REASONS.iter().copied()),
            set(StopReason::ALL.iter().map(|r| r.as_str()))
        );
        assert_eq!(
            set(AUTHORS.iter().copied()),
            set(Author::ALL.iter().map(|a| a.as_str()))
        );
    }
}
