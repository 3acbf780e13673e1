//! The UI's TypeScript types are generated from the Rust types the commands take and
//! return, so the two cannot drift: `ui/src/api/types.gen.ts` must equal what this test
//! renders. After changing a command's types, run `make types` (this test with
//! `UPDATE_TYPES=1`) and commit the file; the UI's type check then shows what to adapt.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use ayah_asi_lib::commands;
use ayah_asi_lib::domain::{checklist, family, learning, protocol, rating};
use ayah_asi_lib::storage::backup::BackupInfo;
use ts_rs::{Config, TS, TypeVisitor};

/// Every declared type reachable from the roots, by name.
struct Declarations {
    config: Config,
    seen: HashSet<TypeId>,
    by_name: BTreeMap<String, String>,
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        if T::output_path().is_some() {
            let name = T::ident(&self.config);
            let previous = self
                .by_name
                .insert(name.clone(), format!("export {}", T::decl(&self.config)));
            assert!(
                previous.is_none(),
                "two Rust types are both called {name} in TypeScript: rename one with #[ts(rename)]"
            );
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// What the UI sends to and receives from the commands (their nested types follow).
fn render() -> String {
    let mut all = Declarations {
        // Our integers are counts and seconds: JSON numbers, never bigint.
        config: Config::new().with_large_int("number"),
        seen: HashSet::new(),
        by_name: BTreeMap::new(),
    };
    all.visit::<commands::app::AppStateView>();
    all.visit::<family::FamilyInput>();
    all.visit::<commands::family::FamilyView>();
    all.visit::<commands::cadre::CadreStatus>();
    all.visit::<commands::cadre::list::FamilyListItem>();
    all.visit::<commands::cadre::visits::ChecklistView>();
    all.visit::<checklist::RowScore>();
    all.visit::<checklist::Score>();
    all.visit::<commands::cadre::visits::VisitInput>();
    all.visit::<commands::cadre::visits::VisitResult>();
    all.visit::<commands::cadre::review::FamilyReview>();
    all.visit::<BackupInfo>();
    all.visit::<commands::data::DataExport>();
    all.visit::<commands::erasure::DeletedData>();
    all.visit::<commands::erasure::ServerErasure>();
    all.visit::<rating::RatingInput>();
    all.visit::<rating::MilkStatusInput>();
    all.visit::<commands::follow_up::RatingView>();
    all.visit::<commands::follow_up::HistoryView>();
    all.visit::<commands::follow_up::MilkStatusView>();
    all.visit::<commands::follow_up::FollowUpView>();
    all.visit::<commands::feeding::FeedingStatus>();
    all.visit::<commands::feeding::RecallInput>();
    all.visit::<commands::follow_up::RemindersView>();
    all.visit::<commands::learning::LearningView>();
    all.visit::<learning::Answer>();
    all.visit::<ayah_asi_lib::domain::training::TrainingInput>();
    all.visit::<ayah_asi_lib::domain::posko::PoskoInput>();
    all.visit::<ayah_asi_lib::commands::posko::FamilyPoskoView>();
    all.visit::<commands::learning::QuizResult>();
    all.visit::<commands::report::ReportView>();
    all.visit::<commands::report::ReportFormat>();
    all.visit::<commands::data::DataFormat>();
    all.visit::<ayah_asi_lib::domain::rating::Author>();
    all.visit::<ayah_asi_lib::domain::protocol::Giver>();
    all.visit::<ayah_asi_lib::domain::protocol::StopReason>();
    all.visit::<commands::report::Exported>();
    all.visit::<commands::session::ProtocolView>();
    all.visit::<protocol::MassagePlan>();
    all.visit::<commands::session::SafetyVerdict>();
    all.visit::<commands::session::UnfinishedView>();
    all.visit::<ayah_asi_lib::guide::SessionUpdate>();
    all.visit::<ayah_asi_lib::speech::SpeechStatus>();
    all.visit::<ayah_asi_lib::files::Delivery>();
    all.visit::<commands::transfer::TransferOverview>();
    all.visit::<commands::transfer::ExportResult>();
    all.visit::<commands::transfer::ImportPreview>();
    all.visit::<commands::transfer::ImportResult>();
    all.visit::<commands::server::ServerStatus>();
    all.visit::<commands::server::SyncResult>();
    all.visit::<commands::server::FamilyServerCode>();
    all.visit::<ayah_asi_lib::sync::SyncStage>();
    all.visit::<ayah_asi_lib::sync::SyncProgress>();
    all.visit::<commands::transfer::ConflictView>();
    let mut text = String::from(
        "// Generated from the Rust types by src-tauri/tests/typescript.rs: do not edit.\n\
         // `make types` writes it again after a change on the Rust side.\n",
    );
    for declaration in all.by_name.values() {
        text.push('\n');
        text.push_str(declaration);
        text.push('\n');
    }
    text
}

/// The value lists and limits the UI offers, as the Rust side decides them: the UI
/// imports these and never writes its own copy (`ui/src/values.test.ts` looks for one).
fn render_values() -> String {
    let words = |values: Vec<String>| {
        let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
        format!("[{}]", quoted.join(", "))
    };
    let strs = |values: &[&str]| words(values.iter().map(|v| (*v).to_owned()).collect());
    let choosable: Vec<protocol::StopReason> = protocol::StopReason::ALL
        .into_iter()
        .filter(|r| r.user_choosable())
        .collect();
    let (min_seconds, max_seconds) = protocol::MassagePlan::PASS_SECONDS_RANGE;
    let (min_passes, max_passes) = protocol::MassagePlan::PASSES_RANGE;
    let (min_age, max_age) = family::MOTHER_AGE_RANGE;
    let lines = [
        "// Generated from the Rust core by src-tauri/tests/typescript.rs: do not edit.".to_owned(),
        "// `make types` writes it again after a change on the Rust side.".to_owned(),
        "import type { Author, Decision, FoodItem, Giver, MilkFlow, MilkStatus, StopReason } from './types.gen';".to_owned(),
        String::new(),
        "/** The reasons a person may give for stopping a session (the rest are the app's own). */".to_owned(),
        format!(
            "export const STOP_REASONS: StopReason[] = {};",
            words(serde_words(&choosable))
        ),
        format!(
            "export const MILK_STATUSES: MilkStatus[] = {};",
            words(serde_words(&rating::MilkStatus::ALL))
        ),
        "/** The indicators of milk production, in the order the mother reads them. */".to_owned(),
        format!("export const MILK_INDICATORS: string[] = {};", strs(&rating::MILK_INDICATORS)),
        format!(
            "export const MILK_FLOWS: MilkFlow[] = {};",
            words(serde_words(&rating::MilkFlow::ALL))
        ),
        format!(
            "export const AUTHORS: Author[] = {};",
            words(serde_words(&rating::Author::ALL))
        ),
        format!(
            "export const GIVERS: Giver[] = {};",
            words(serde_words(&protocol::Giver::ALL))
        ),
        "/** What a baby may have had yesterday, in the order the recall shows them. */".to_owned(),
        format!(
            "export const FOOD_ITEMS: FoodItem[] = {};",
            words(serde_words(&ayah_asi_lib::domain::feeding::FoodItem::ALL))
        ),
        format!(
            "export const DECISIONS: Decision[] = {};",
            words(serde_words(&ayah_asi_lib::domain::bundle::Decision::ALL))
        ),
        "/** The tables a bundle carries, in the order they are applied. */".to_owned(),
        format!(
            "export const TABLES: string[] = {};",
            words(ayah_asi_lib::domain::bundle::TABLES.iter().map(|t| t.name.to_owned()).collect())
        ),
        format!("export const MOTIVATIONS: string[] = {};", strs(&checklist::MOTIVATIONS)),
        "/** Daftar tilik rows whose text reads the family's own plan. */".to_owned(),
        format!("export const PLAN_ROWS: string[] = {};", strs(&checklist::PLAN_ROWS)),
        format!("export const EDUCATION_LEVELS: string[] = {};", strs(&family::EDUCATION_LEVELS)),
        format!("export const PARITIES: string[] = {};", strs(&family::PARITIES)),
        "/** A pass's length in seconds, and how many passes: a plan's limits. */".to_owned(),
        format!("export const PASS_SECONDS = {{ min: {min_seconds}, max: {max_seconds} }};"),
        format!("export const PASSES = {{ min: {min_passes}, max: {max_passes} }};"),
        "/** Field limits of the family's form. */".to_owned(),
        format!("export const NAME_MAX = {};", family::NAME_MAX),
        format!("export const POSYANDU_MAX = {};", family::POSYANDU_MAX),
        format!("export const RW_RT_MAX_DIGITS = {};", family::RW_RT_MAX_DIGITS),
        format!("export const MOTHER_AGE = {{ min: {min_age}, max: {max_age} }};"),
    ];
    lines.join("\n") + "\n"
}

/// Serde's words for enum values (what the commands take and the bundle stores).
fn serde_words<T: serde::Serialize>(values: &[T]) -> Vec<String> {
    values
        .iter()
        .map(|v| match serde_json::to_value(v) {
            Ok(serde_json::Value::String(word)) => word,
            other => panic!("not a word: {other:?}"),
        })
        .collect()
}

/// `rendered` is what the committed file at `relative` holds (or, with `UPDATE_TYPES`,
/// is written there).
fn check_generated(relative: &str, rendered: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, rendered).expect("write the generated file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != rendered {
        let first = committed
            .lines()
            .zip(rendered.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(committed.lines().count().min(rendered.lines().count()));
        panic!(
            "{relative} is not what the Rust side says (first difference at line {}: {:?}); run `make types` and commit it",
            first + 1,
            rendered.lines().nth(first).unwrap_or("<end>")
        );
    }
}

#[test]
fn the_ui_types_are_the_rust_types() {
    check_generated("ui/src/api/types.gen.ts", &render());
}

#[test]
fn the_ui_value_lists_are_the_rust_ones() {
    check_generated("ui/src/api/values.gen.ts", &render_values());
}
