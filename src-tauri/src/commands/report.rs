//! The posyandu report for the cadre (and through her, the midwife and puskesmas).

use chrono::{Duration, Months};
use serde::Serialize;
use tauri::State;

use crate::domain::report::{self, Report};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, report::Scope};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportView {
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
    pub posyandu: Option<String>,
    pub posyandu_names: Vec<String>,
    pub report: Report,
}

/// The report over the last `months` months (1-24), for one posyandu or all.
#[tauri::command]
pub async fn posyandu_report(
    state: State<'_, AppState>,
    months: u32,
    posyandu: Option<String>,
) -> Result<ReportView, AppError> {
    state.cadre.touch()?;
    if !(1..=24).contains(&months) {
        return Err(AppError::Invalid(vec![
            crate::domain::validation::FieldError::new("months", "error-out-of-range")
                .with_arg("min", 1)
                .with_arg("max", 24),
        ]));
    }
    let posyandu = posyandu
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty());
    state
        .with_store(move |store| {
            let today = storage::now().date_naive();
            let from = today
                .checked_sub_months(Months::new(months))
                .unwrap_or(today);
            let scope = Scope {
                posyandu: posyandu.clone(),
                from,
                to: today,
                active_since: today - Duration::days(6),
            };
            let cohort = storage::report::cohort(store.conn(), &scope)?;
            Ok(ReportView {
                from,
                to: today,
                posyandu,
                posyandu_names: storage::report::posyandu_names(store.conn())?,
                report: report::build(&cohort),
            })
        })
        .await
}
