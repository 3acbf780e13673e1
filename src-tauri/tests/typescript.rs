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

#[test]
fn the_ui_types_are_the_rust_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/types.gen.ts");
    let rendered = render();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, &rendered).expect("write ui/src/api/types.gen.ts");
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
            "ui/src/api/types.gen.ts is not what the Rust types say (first difference at line {}: {:?}); run `make types` and commit it",
            first + 1,
            rendered.lines().nth(first).unwrap_or("<end>")
        );
    }
}
