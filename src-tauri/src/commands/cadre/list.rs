//! The cadre's families list, ordered by who needs her most, and registering a family.

use chrono::{DateTime, Duration, NaiveDate};
use serde::Serialize;
use tauri::State;

use crate::commands::family::FamilyView;
use crate::domain::cadre::{self, Need, Risk, VisitSignals};
use crate::domain::family::FamilyInput;
use crate::domain::protocol;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::{self, Store, cadre as cadre_store, families};

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FamilyListItem {
    pub family: FamilyView,
    pub need: Need,
    /// Risk signs since the last visit, shown in words.
    pub risks: Vec<Risk>,
    /// The danger signs the safety checks since the last visit found (question ids),
    /// named beside [`Risk::DangerSign`].
    pub danger_signs: Vec<String>,
    /// Their other findings (a wound, a spine operation...), named beside
    /// [`Risk::SafetyStop`].
    pub other_findings: Vec<String>,
    pub last_visit: Option<NaiveDate>,
    pub last_percent: Option<u8>,
    pub sessions_7d: u32,
    pub planned_7d: u32,
    pub last_milk_flow: Option<String>,
}

/// Every family on the device, the one that needs a visit most first; `query` filters
/// by the father's or mother's name.
#[tauri::command]
pub async fn list_families(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<FamilyListItem>, AppError> {
    state.cadre.touch()?;
    state
        .with_store(move |store| family_list(store, &query, storage::now()))
        .await
}

/// The families list: those matching `query` (father's or mother's name), ordered by
/// who needs a visit most. Public for the benchmarks.
pub fn family_list(
    store: &Store,
    query: &str,
    now: DateTime<chrono::FixedOffset>,
) -> Result<Vec<FamilyListItem>, AppError> {
    let needle = query.trim().to_lowercase();
    // Every family's latest two visits in one query (per-family queries made the list
    // take 1.5 s at 10,000 families).
    let recent = cadre_store::list_recent_visits(store.conn())?;
    let mut items = Vec::new();
    for record in families::list_families_visible_to_cadre(store.conn())? {
        let f = &record.family;
        if !needle.is_empty()
            && !f.father_name.to_lowercase().contains(&needle)
            && !f.mother_name.to_lowercase().contains(&needle)
        {
            continue;
        }
        let visits = recent
            .get(&record.meta.id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        items.push(list_item(store, &record, visits, now)?);
    }
    items.sort_by_key(|item| {
        cadre::priority(&VisitSignals {
            risks: item.risks.clone(),
            last_visit: item.last_visit,
            last_percent: item.last_percent,
            previous_percent: None,
            sessions_7d: item.sessions_7d,
            planned_7d: item.planned_7d,
        })
    });
    Ok(items)
}

fn list_item(
    store: &Store,
    record: &families::FamilyRecord,
    visits: &[cadre_store::RecentVisit],
    now: DateTime<chrono::FixedOffset>,
) -> Result<FamilyListItem, AppError> {
    let conn = store.conn();
    let last = visits.last();
    let previous = visits.len().checked_sub(2).and_then(|i| visits.get(i));
    let enrolled = DateTime::parse_from_rfc3339(&record.meta.created_at).map_or(now, |at| at);
    let since_visit = last.map_or(record.meta.created_at.as_str(), |v| v.saved_at.as_str());
    let signs = cadre_store::list_risks_since(conn, &record.meta.id, since_visit)?;
    let mut risks = signs.risks.clone();
    // What the baby had, since the last visit: the core says what a baby of its age
    // must not have.
    let birth = (!record.family.pregnant).then_some(record.family.baby_birth_date);
    let history = crate::storage::feeding::get_feeding(conn, &record.meta.id, birth)?;
    // Answered since then: the answer is about the day before it.
    let since_day = since_visit.get(..10).unwrap_or(since_visit);
    if crate::domain::feeding::alert(&history)
        .and_then(|a| a.given_on.succ_opt())
        .is_some_and(|answered| answered.to_string().as_str() >= since_day)
    {
        risks.push(cadre::Risk::OtherFeeding);
        risks.sort();
    }
    let signals = VisitSignals {
        risks,
        last_visit: last.map(|v| v.visited_on),
        last_percent: last.map(|v| v.percent),
        previous_percent: previous.map(|v| v.percent),
        sessions_7d: cadre_store::list_sessions_given_since(
            conn,
            &record.meta.id,
            now - Duration::days(7),
        )?,
        planned_7d: cadre::planned_since(
            record.family.plan_start(enrolled.date_naive()),
            now.date_naive(),
        ),
    };
    Ok(FamilyListItem {
        family: FamilyView::new(record, now.date_naive()),
        need: cadre::need(&signals),
        risks: signals.risks.clone(),
        danger_signs: findings(&signs, true),
        other_findings: findings(&signs, false),
        last_visit: signals.last_visit,
        last_percent: signals.last_percent,
        sessions_7d: signals.sessions_7d,
        planned_7d: signals.planned_7d,
        last_milk_flow: cadre_store::get_last_milk_flow(conn, &record.meta.id)?,
    })
}

/// The safety findings that are danger signs (`urgent`), or the others.
fn findings(signs: &cadre_store::RiskSigns, urgent: bool) -> Vec<String> {
    signs
        .safety_findings
        .iter()
        .filter(|f| protocol::is_urgent(f) == urgent)
        .map(|f| (*f).to_owned())
        .collect()
}

/// A cadre registers a family on her device: same fields and consent as onboarding.
#[tauri::command]
pub async fn register_family_as_cadre(
    state: State<'_, AppState>,
    input: FamilyInput,
) -> Result<FamilyView, AppError> {
    state.cadre.touch()?;
    let now = storage::now();
    let valid = input
        .validate(now.date_naive())
        .map_err(AppError::Invalid)?;
    state
        .with_store(move |store| {
            let device_id = store.device_id().to_owned();
            let record = store.with_tx(|tx| {
                let record = families::register(tx, valid, &device_id, now)?;
                families::update_registered_by_cadre(tx, &record.meta.id)?;
                cadre_store::insert_assignment(tx, &record.meta.id, now)?;
                Ok::<_, AppError>(record)
            })?;
            Ok(FamilyView::new(&record, now.date_naive()))
        })
        .await
}
