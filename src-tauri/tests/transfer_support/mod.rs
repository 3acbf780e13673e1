//! Devices, bundles and checks shared by the transfer tests.

use super::common::store_with_family;
pub use ayah_asi_lib::domain::bundle::{self, BundleError, Decision, Header};
pub use ayah_asi_lib::domain::checklist::{self, RowScore};
pub use ayah_asi_lib::domain::family::FamilyInput;
pub use ayah_asi_lib::domain::learning::{self, Answer, TestKind};
pub use ayah_asi_lib::domain::protocol::{Giver, MassagePlan, StopReason};
pub use ayah_asi_lib::domain::rating::{Author, MilkFlow, MilkStatus, Rating};
pub use ayah_asi_lib::domain::session::EventKind;
pub use ayah_asi_lib::storage::transfer::{self, ImportError};
pub use ayah_asi_lib::storage::{
    Store, cadre, families, follow_up, learning as learning_store, now, sessions,
};

pub fn export(store: &Store, families: &[String], since: Option<&str>) -> Vec<u8> {
    let lines = transfer::gather(store.conn(), families, since).unwrap();
    let header = Header {
        format: String::new(),
        format_version: 0,
        app_version: "test".into(),
        device_id: store.device_id().to_owned(),
        family_ids: families.to_vec(),
        created_at: ayah_asi_lib::domain::record::format_time(now()),
        since: since.map(str::to_owned),
        counts: Default::default(),
        body_sha256: String::new(),
        posko: None,
        counselling: Vec::new(),
    };
    bundle::write(header, &lines)
}

#[derive(Debug)]
pub enum Refusal {
    Bundle(BundleError),
    Import(ImportError),
}

/// Parses, plans and applies in one transaction, as the import command does.
pub fn import(store: &mut Store, bytes: &[u8]) -> Result<(usize, transfer::Tally), Refusal> {
    let parsed = bundle::parse(bytes, now()).map_err(Refusal::Bundle)?;
    store
        .with_tx(|tx| {
            let plan = transfer::plan(tx, &parsed)?;
            let changed = transfer::apply(tx, &parsed, &plan, now())?;
            Ok::<_, ImportError>((changed, transfer::tally(&parsed, &plan)))
        })
        .map_err(Refusal::Import)
}

pub fn count(tally: &transfer::Tally, table: &str, decision: Decision) -> u64 {
    tally
        .get(table)
        .and_then(|d| d.get(&decision))
        .copied()
        .unwrap_or(0)
}

/// Every row of every table, to prove an import changed nothing.
pub fn dump(store: &Store) -> Vec<String> {
    let conn = store.conn();
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    let names: Vec<String> = tables
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut rows = Vec::new();
    for name in names {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {name} ORDER BY 1, 2"))
            .unwrap();
        let width = stmt.column_count();
        let mut query = stmt.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let cells: Vec<String> = (0..width)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            rows.push(format!("{name}: {}", cells.join(" | ")));
        }
    }
    rows
}

/// What travels of one family, as canonical bodies (so two devices can be compared).
pub fn travelling(store: &Store, family: &str) -> Vec<String> {
    let mut bodies: Vec<String> = transfer::gather(store.conn(), &[family.to_owned()], None)
        .unwrap()
        .iter()
        .map(|l| {
            format!(
                "{} {}",
                l.table,
                bundle::canonical(l.body.as_ref().unwrap())
            )
        })
        .collect();
    bodies.sort();
    bodies
}

/// A session the grandmother gave and the mother asked to stop after a second; returns
/// its id.
pub fn give_stopped_session(store: &Store, family: &str) -> String {
    let device = store.device_id().to_owned();
    let session =
        sessions::insert_session(store.conn(), family, MassagePlan::default(), &device, now())
            .unwrap();
    sessions::update_giver(store.conn(), &session, Giver::Grandmother).unwrap();
    let stopped = sessions::TimedEvent {
        kind: EventKind::Stopped {
            reason: StopReason::MotherAsked,
        },
        active_ms: 1000,
        at: now(),
    };
    sessions::insert_events(store.conn(), &session, &device, &[stopped], &[], now()).unwrap();
    session
}

pub fn give_rated_session(store: &Store, family: &str, comfort: u8) -> String {
    let device = store.device_id().to_owned();
    let session = give_stopped_session(store, family);
    let rating = Rating {
        skipped: false,
        comfort: Some(comfort),
        milk_flow: Some(MilkFlow::Drips),
        ..Rating::skipped()
    };
    follow_up::insert_rating(
        store.conn(),
        &session,
        1,
        Author::Mother,
        &rating,
        &device,
        now(),
    )
    .unwrap();
    session
}

/// A family's device with a plan edited once, two rated sessions, a milk status, a
/// lesson read and a pre-test.
pub fn family_device() -> (Store, String) {
    let (store, family) = store_with_family();
    let device = store.device_id().to_owned();
    sessions::update_plan(
        store.conn(),
        &family,
        MassagePlan::default(),
        &device,
        now(),
    )
    .unwrap();
    sessions::update_plan(
        store.conn(),
        &family,
        MassagePlan::new(180, 4).unwrap(),
        &device,
        now(),
    )
    .unwrap();
    give_rated_session(&store, &family, 4);
    give_rated_session(&store, &family, 5);
    let entry = follow_up::MilkStatusEntry {
        recorded_on: now().date_naive(),
        status: MilkStatus::TidakLancar,
        indicators: &["milk-drips"],
        author: Author::Mother,
    };
    follow_up::insert_milk_status(store.conn(), &family, &entry, &device, now()).unwrap();
    learning_store::insert_lesson_read(
        store.conn(),
        &family,
        learning::MASSAGE_LESSON,
        &device,
        now(),
    )
    .unwrap();
    let answers: Vec<Answer> = learning::STATEMENTS
        .iter()
        .map(|s| Answer {
            statement_id: s.id.to_owned(),
            answer: s.answer,
        })
        .collect();
    let graded = learning::grade(&answers).unwrap();
    learning_store::insert_attempt(
        store.conn(),
        learning_store::Learner::Family(&family),
        TestKind::Pre,
        &graded,
        &answers,
        &device,
        now(),
    )
    .unwrap();
    (store, family)
}

pub fn cadre_device() -> (Store, String) {
    let store = Store::open_in_memory().unwrap();
    let device = store.device_id().to_owned();
    let cadre_id = cadre::insert_cadre(
        store.conn(),
        "Bu Ani",
        "$argon2id$v=19$test",
        &device,
        now(),
    )
    .unwrap();
    (store, cadre_id)
}

/// A visit with every row scored 2; returns its id.
pub fn visit(store: &Store, family: &str, cadre_id: &str) -> String {
    let rows: Vec<RowScore> = checklist::ROWS
        .iter()
        .map(|row| RowScore {
            row_id: (*row).to_owned(),
            score: 2,
            note: None,
        })
        .collect();
    let score = checklist::score(&rows, 80);
    let new = cadre::NewVisit {
        family_id: family,
        cadre_id,
        visited_on: now().date_naive(),
        checklist_version: checklist::CHECKLIST_VERSION,
        score,
        rows: &rows,
        coaching_notes: Some("Bagus"),
        motivation: "cooperative",
        milk_status: Some("lancar"),
        observed: Some(Giver::Grandmother),
        amends: None,
    };
    let device = store.device_id().to_owned();
    cadre::insert_visit(store.conn(), &new, &device, now())
        .unwrap()
        .0
}

pub fn edit_family(store: &Store, family: &str, change: impl FnOnce(&mut FamilyInput)) {
    let current = families::get_family(store.conn(), family)
        .unwrap()
        .unwrap()
        .family;
    let mut input = FamilyInput {
        father_name: current.father_name,
        mother_name: current.mother_name,
        baby_birth_date: current.baby_birth_date.to_string(),
        posyandu: current.posyandu,
        rw: current.rw,
        rt: current.rt,
        consent_given: true,
        ..FamilyInput::default()
    };
    change(&mut input);
    let valid = input.validate(now().date_naive()).unwrap();
    let device = store.device_id().to_owned();
    assert!(families::update_family(store.conn(), family, &valid, &device, now()).unwrap());
}

pub fn row_version(store: &Store, family: &str) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT row_version FROM family WHERE id = ?1",
            [family],
            |r| r.get(0),
        )
        .unwrap()
}
