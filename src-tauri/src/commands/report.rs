//! The posyandu report for the cadre (and through her, the midwife and puskesmas), and
//! its export as CSV or XLSX.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use super::dialogs;
use super::guard::off_runtime;

use crate::domain::cohort::Period;
use crate::domain::report::{self, Report};
use crate::domain::report_tables::ShownTable;
use crate::domain::validation::FieldError;
use crate::error::AppError;
use crate::files::{self, Delivery};
use crate::state::AppState;
use crate::storage::{self, report::Filter};

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportView {
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
    pub posyandu: Option<String>,
    pub rw: Option<String>,
    pub posyandu_names: Vec<String>,
    pub rw_numbers: Vec<String>,
    pub report: Report,
    /// The report's tables as the screen shows them: the core's one layout, the same
    /// the dashboard shows and the exports hold.
    pub tables: Vec<ShownTable>,
    /// The language the tables are written in.
    #[serde(skip)]
    pub language: String,
}

/// The report's file format.
#[derive(Debug, Clone, Copy, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    /// One file per table.
    Csv,
    /// One workbook, a sheet per table.
    Xlsx,
}

/// Where the export went.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub files: Vec<String>,
}

/// The report over the last `months` months (1-24), for one posyandu or all.
#[tauri::command]
pub async fn posyandu_report(
    state: State<'_, AppState>,
    months: u32,
    posyandu: Option<String>,
    rw: Option<String>,
) -> Result<ReportView, AppError> {
    build(&state, months, posyandu, rw).await
}

/// Exports the report as CSV (one file per table, into a folder the user picks) or XLSX
/// (one workbook, saved where the user chooses), or on a phone hands it to the share
/// sheet. `None` when the dialog was cancelled.
#[tauri::command]
#[allow(clippy::too_many_arguments)] // a command's arguments are the UI's fields
pub async fn export_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    months: u32,
    posyandu: Option<String>,
    rw: Option<String>,
    format: ReportFormat,
    delivery: Delivery,
) -> Result<Option<Exported>, AppError> {
    let view = build(&state, months, posyandu, rw).await?;
    let language = view.language.clone();
    let tables = crate::export::tables_for(&view.report, &state.i18n, &language, view.rw.is_some());
    let prefix = format!(
        "{}-{}",
        state.i18n.text(&language, "report-file-prefix", None),
        view.to
    );
    let files = match (format, delivery) {
        (ReportFormat::Xlsx, Delivery::Save) => {
            let file_name = format!("{prefix}.xlsx");
            let Some(chosen) = dialogs::save_file(&app, &file_name, ("Excel", &["xlsx"])).await
            else {
                return Ok(None);
            };
            vec![files::deliver(&app, chosen, move |path| write_xlsx(&tables, path)).await?]
        }
        (ReportFormat::Xlsx, Delivery::Share) => {
            let title = state.i18n.text(&language, "share-report-title", None);
            files::share(&app, XLSX_MIME, title, move |dir| {
                let path = dir.join(format!("{prefix}.xlsx"));
                write_xlsx(&tables, &path)?;
                Ok(vec![path])
            })
            .await?
        }
        (ReportFormat::Csv, Delivery::Save) => {
            let Some(dir) = csv_folder(&app, &prefix).await? else {
                return Ok(None);
            };
            let written = off_runtime(move || write_csv(&tables, &dir, &prefix)).await?;
            written.iter().map(|p| p.display().to_string()).collect()
        }
        (ReportFormat::Csv, Delivery::Share) => {
            let title = state.i18n.text(&language, "share-report-title", None);
            files::share(&app, "text/csv", title, move |dir| {
                write_csv(&tables, dir, &prefix)
            })
            .await?
        }
    };
    Ok(Some(Exported { files }))
}

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn write_xlsx(tables: &[crate::domain::report_tables::Table], path: &Path) -> Result<(), AppError> {
    crate::export::write_xlsx(tables, path).map_err(|e| AppError::Export(e.to_string()))
}

fn write_csv(
    tables: &[crate::domain::report_tables::Table],
    dir: &Path,
    prefix: &str,
) -> Result<Vec<PathBuf>, AppError> {
    crate::export::write_csv(tables, dir, prefix).map_err(|e| AppError::Export(e.to_string()))
}

/// Where the report's CSV files go: a folder on a computer.
#[cfg(desktop)]
async fn csv_folder<R: Runtime>(
    app: &AppHandle<R>,
    _prefix: &str,
) -> Result<Option<PathBuf>, AppError> {
    Ok(dialogs::pick_folder(app).await)
}

/// Phones cannot pick a folder: the files go next to the first one, saved with the
/// save dialog, where it gives a path; a content address has no folder (then: share).
#[cfg(mobile)]
async fn csv_folder<R: Runtime>(
    app: &AppHandle<R>,
    prefix: &str,
) -> Result<Option<PathBuf>, AppError> {
    // Android's save dialog always answers with a content address (and makes an empty
    // file there first): refused before it opens.
    if Delivery::SHARE_AVAILABLE {
        return Err(AppError::CsvNeedsShare);
    }
    let Some(chosen) = dialogs::save_file(
        app,
        &format!("{prefix}-participants.csv"),
        ("CSV", &["csv"]),
    )
    .await
    else {
        return Ok(None);
    };
    match chosen {
        files::Chosen::Local(first) => Ok(first.parent().map(Path::to_path_buf)),
        files::Chosen::Content { .. } => Err(AppError::CsvNeedsShare),
    }
}

async fn build(
    state: &AppState,
    months: u32,
    posyandu: Option<String>,
    rw: Option<String>,
) -> Result<ReportView, AppError> {
    state.cadre.touch()?;
    if !Period::MONTHS.contains(&months) {
        let error = FieldError::new("months", "error-out-of-range")
            .with_arg("min", *Period::MONTHS.start())
            .with_arg("max", *Period::MONTHS.end());
        return Err(AppError::Invalid(vec![error]));
    }
    let blank_to_none =
        |v: Option<String>| v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let (posyandu, rw) = (blank_to_none(posyandu), blank_to_none(rw));
    let mut view = state
        .with_store(move |store| {
            let period = Period::last_months(storage::now().date_naive(), months);
            let filter = Filter {
                posyandu: posyandu.clone(),
                rw: rw.clone(),
            };
            let cohort = storage::report::list_cohort(store.conn(), &filter, &period)?;
            Ok(ReportView {
                from: period.from,
                to: period.to,
                posyandu,
                rw,
                posyandu_names: storage::report::list_posyandu_names(store.conn())?,
                rw_numbers: storage::report::list_rw_numbers(store.conn())?,
                report: report::build(&cohort)
                    .with_cadres(storage::learning::list_cadre_scores(store.conn())?),
                tables: Vec::new(),
                language: storage::settings::get_setting(
                    store.conn(),
                    storage::settings::LANGUAGE,
                )?
                .unwrap_or_else(|| crate::i18n::DEFAULT_LANGUAGE.to_owned()),
            })
        })
        .await?;
    view.tables =
        crate::export::tables_for(&view.report, &state.i18n, &view.language, view.rw.is_some())
            .iter()
            .map(|table| table.shown(&view.language))
            .collect();
    Ok(view)
}
