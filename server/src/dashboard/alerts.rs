//! Alerts, newest first: what a midwife should look at. Each has a stable key, so
//! marking it handled (who, when) sticks, and an absence that goes on after a new
//! session or visit is a new alert.

use ayah_asi_core::cadre::{self, Risk};
use ayah_asi_core::feeding;
use ayah_asi_core::protocol;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use deadpool_postgres::Pool;

use super::{
    DashboardError, FamilyFilter, IN_SCOPE, NO_SESSION_DAYS, NO_SYNC_DAYS, Scope, VISIT_DUE_DAYS,
    list_families, scoped_rows,
};

/// Record-based alerts older than this are not shown.
pub const LOOK_BACK_DAYS: i32 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertKind {
    /// A session stopped (or not started) because the mother felt pain.
    PainStop,
    /// The safety check found a danger sign that cannot wait (heavy bleeding, fever...).
    DangerSign,
    /// The safety check stopped the session for another finding (a wound...).
    SafetyStop,
    /// Milk production recorded as "tidak ada".
    NoMilk,
    /// A visit scored a critical daftar tilik row 0 (pressing on the spine).
    CriticalRow,
    NoVisit,
    NoSession,
    /// A cadre's phone has not synced.
    NoSync,
    /// A baby under six months had something other than breast milk, or honey before
    /// twelve months (`feeding::alert`).
    OtherFeeding,
}

impl AlertKind {
    /// Every kind, the most urgent first (the order the overview's picture lists them).
    pub const ALL: [AlertKind; 9] = [
        Self::DangerSign,
        Self::PainStop,
        Self::OtherFeeding,
        Self::SafetyStop,
        Self::NoMilk,
        Self::CriticalRow,
        Self::NoVisit,
        Self::NoSession,
        Self::NoSync,
    ];

    /// The message id of its title (`alert-<id>` in the locales).
    pub fn id(self) -> &'static str {
        match self {
            Self::PainStop => "pain-stop",
            Self::DangerSign => "danger-sign",
            Self::SafetyStop => "safety-stop",
            Self::NoMilk => "no-milk",
            Self::CriticalRow => "critical-row",
            Self::NoVisit => "no-visit",
            Self::NoSession => "no-session",
            Self::NoSync => "no-sync",
            Self::OtherFeeding => "other-feeding",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub key: String,
    pub kind: AlertKind,
    /// When it happened, or when the absence crossed its limit.
    pub at: DateTime<Utc>,
    /// The family it is about (`None`: a cadre's phone).
    pub family: Option<(String, String)>,
    pub cadre: String,
    /// Who marked it handled, and when.
    pub handled: Option<(String, DateTime<Utc>)>,
    /// What a safety check found (`protocol::safety_findings`), named on the page.
    pub findings: Vec<&'static str>,
}

/// Every alert in scope, newest first; handled ones too when `with_handled`.
pub async fn list(
    pool: &Pool,
    scope: &Scope,
    now: DateTime<Utc>,
    with_handled: bool,
) -> Result<Vec<Alert>, DashboardError> {
    let mut alerts = record_alerts(pool, scope).await?;
    alerts.extend(feeding_alerts(pool, scope).await?);
    alerts.extend(absence_alerts(pool, scope, now).await?);
    alerts.extend(sync_alerts(pool, scope, now).await?);
    let keys: Vec<String> = alerts.iter().map(|a| a.key.clone()).collect();
    let handled = pool
        .get()
        .await?
        .query(
            "SELECT h.alert_key, a.name, h.at FROM alert_handled h
             JOIN account a ON a.id = h.account_id WHERE h.alert_key = ANY($1)",
            &[&keys],
        )
        .await?;
    for row in handled {
        let key: String = row.get(0);
        if let Some(alert) = alerts.iter_mut().find(|a| a.key == key) {
            alert.handled = Some((row.get(1), row.get(2)));
        }
    }
    alerts.retain(|a| with_handled || a.handled.is_none());
    alerts.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.key.cmp(&b.key)));
    Ok(alerts)
}

/// Marks an alert handled by `account`, if it is one this scope sees now.
pub async fn mark_handled(
    pool: &Pool,
    scope: &Scope,
    account: i64,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), DashboardError> {
    let visible = list(pool, scope, now, true).await?;
    if !visible.iter().any(|a| a.key == key) {
        return Err(DashboardError::NotFound);
    }
    pool.get()
        .await?
        .execute(
            "INSERT INTO alert_handled (alert_key, account_id) VALUES ($1, $2)
             ON CONFLICT (alert_key) DO NOTHING",
            &[&key, &account],
        )
        .await?;
    Ok(())
}

/// Answers of "what did the baby have yesterday" that the core finds a baby of its age
/// must not have had; `findings` holds what it was (`feeding::FoodItem::IDS`).
async fn feeding_alerts(pool: &Pool, scope: &Scope) -> Result<Vec<Alert>, DashboardError> {
    let sql = format!(
        "WITH {IN_SCOPE}
         SELECT r.id, r.family_id, f.body->>'father_name', fam.cadre_name,
                r.body->>'recalled_on', r.body->>'items', f.body->>'baby_birth_date',
                f.body->>'pregnant' IS NOT NULL, readable_time(r.body->>'created_at')
         FROM fam JOIN record r ON r.family_id = fam.family_id AND r.table_name = 'feeding_recall'
         JOIN record f ON f.table_name = 'family' AND f.id = fam.family_id
         WHERE coalesce(readable_time(r.body->>'created_at') > now() - make_interval(days => $3), true)"
    );
    let rows = scoped_rows(pool, scope, &sql, &[&LOOK_BACK_DAYS]).await?;
    let date =
        |text: Option<String>| text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok());
    Ok(rows
        .iter()
        .filter_map(|row| {
            let pregnant: bool = row.get(7);
            let birth = date(row.get(6)).filter(|_| !pregnant);
            let answer = feeding::RecallRow {
                recalled_on: row.get::<_, Option<String>>(4).unwrap_or_default(),
                items: row.get::<_, Option<String>>(5).unwrap_or_default(),
                ..feeding::RecallRow::default()
            };
            let history = feeding::from_rows(birth, &[answer]);
            let found = feeding::alert(&history)?;
            // Every item the baby must not have had, honey first.
            let months = feeding::age_in_months(birth?, found.given_on)?;
            let items = feeding::not_for_age(&history.recalls.first()?.items, months);
            let id: String = row.get(0);
            let at = row.get::<_, Option<DateTime<Utc>>>(8)?;
            Some(Alert {
                key: format!("{}:{id}", AlertKind::OtherFeeding.id()),
                kind: AlertKind::OtherFeeding,
                at,
                family: Some((
                    row.get(1),
                    row.get::<_, Option<String>>(2).unwrap_or_default(),
                )),
                cadre: row.get(3),
                handled: None,
                findings: items.into_iter().map(feeding::FoodItem::as_str).collect(),
            })
        })
        .collect())
}

/// Sessions stopped for pain or safety, "tidak ada" milk, critical rows failed.
async fn record_alerts(pool: &Pool, scope: &Scope) -> Result<Vec<Alert>, DashboardError> {
    let sql = format!(
        "WITH {IN_SCOPE}
         SELECT 'session', r.id, r.family_id, f.body->>'father_name', fam.cadre_name,
                readable_time(r.body->>'created_at'), r.body->>'stop_reason', r.body->>'safety_flags'
         FROM fam JOIN record r ON r.family_id = fam.family_id AND r.table_name = 'massage_session'
         JOIN record f ON f.table_name = 'family' AND f.id = fam.family_id
         WHERE r.body->>'stop_reason' IN ('pain', 'safety')
           AND coalesce(readable_time(r.body->>'created_at') > now() - make_interval(days => $3), true)
         UNION ALL
         SELECT 'milk', r.id, r.family_id, f.body->>'father_name', fam.cadre_name,
                readable_time(r.body->>'created_at'), NULL, NULL
         FROM fam JOIN record r ON r.family_id = fam.family_id AND r.table_name = 'milk_status'
         JOIN record f ON f.table_name = 'family' AND f.id = fam.family_id
         WHERE r.body->>'status' = 'tidak-ada'
           AND coalesce(readable_time(r.body->>'created_at') > now() - make_interval(days => $3), true)
         UNION ALL
         SELECT DISTINCT 'visit', v.id, v.family_id, f.body->>'father_name', fam.cadre_name,
                readable_time(v.body->>'created_at'), NULL, NULL
         FROM fam JOIN record s ON s.family_id = fam.family_id AND s.table_name = 'visit_score'
              AND s.body->>'score' = '0'
         JOIN record v ON v.table_name = 'home_visit' AND v.id = s.body->>'visit_id'
         JOIN record f ON f.table_name = 'family' AND f.id = fam.family_id
         WHERE s.body->>'row_id' = ANY($4)
           AND coalesce(readable_time(v.body->>'created_at') > now() - make_interval(days => $3), true)
           AND NOT EXISTS (SELECT 1 FROM record w WHERE w.table_name = 'home_visit'
                 AND w.family_id = v.family_id
                 AND w.body->>'original_id' = v.body->>'original_id'
                 AND (w.body->>'version')::int > (v.body->>'version')::int)"
    );
    let critical: Vec<String> = ayah_asi_core::checklist::CRITICAL_ROWS
        .iter()
        .map(|r| (*r).to_owned())
        .collect();
    let rows = scoped_rows(pool, scope, &sql, &[&LOOK_BACK_DAYS, &critical]).await?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            let source: String = row.get(0);
            let id: String = row.get(1);
            let findings = row
                .get::<_, Option<String>>(7)
                .map_or_else(Vec::new, |flags| protocol::safety_findings(&flags));
            let kind = match (source.as_str(), row.get::<_, Option<String>>(6).as_deref()) {
                ("session", Some("pain")) => AlertKind::PainStop,
                ("session", _) => match cadre::safety_risk(&findings) {
                    Risk::DangerSign => AlertKind::DangerSign,
                    _ => AlertKind::SafetyStop,
                },
                ("milk", _) => AlertKind::NoMilk,
                _ => AlertKind::CriticalRow,
            };
            // A safety stop keeps the key it had before danger signs were told apart,
            // so an alert marked handled stays handled.
            let prefix = match kind {
                AlertKind::DangerSign => AlertKind::SafetyStop.id(),
                other => other.id(),
            };
            // A time PostgreSQL cannot read (a row written before the core refused such
            // times, or by hand) is never the page's end: the row is logged and skipped.
            let Some(at) = row.get::<_, Option<DateTime<Utc>>>(5) else {
                tracing::warn!(table = %source, id = %id, "alert skipped: its time cannot be read");
                return None;
            };
            Some(Alert {
                key: format!("{prefix}:{id}"),
                kind,
                at,
                family: Some((row.get(2), row.get::<_, Option<String>>(3)?)),
                cadre: row.get(4),
                handled: None,
                findings,
            })
        })
        .collect())
}

/// No cadre visit for 30 days, no session for 7 days (only once the plan has started).
async fn absence_alerts(
    pool: &Pool,
    scope: &Scope,
    now: DateTime<Utc>,
) -> Result<Vec<Alert>, DashboardError> {
    let today = now.date_naive();
    let families = list_families(pool, scope, &FamilyFilter::default(), today).await?;
    let mut alerts = Vec::new();
    for family in families {
        let Some(start) = family.plan_start() else {
            continue;
        };
        let who = Some((family.id.clone(), family.father.clone()));
        if let Some(since) = family.unvisited_since().filter(|_| family.visit_due(today)) {
            alerts.push(Alert {
                key: format!("no-visit:{}:{since}", family.id),
                kind: AlertKind::NoVisit,
                at: day_start(since + Duration::days(VISIT_DUE_DAYS)),
                family: who.clone(),
                cadre: family.cadre.clone(),
                handled: None,
                findings: Vec::new(),
            });
        }
        let last = family
            .last_session
            .map(|at| at.date_naive())
            .unwrap_or(start)
            .max(start);
        if (today - last).num_days() >= NO_SESSION_DAYS {
            alerts.push(Alert {
                key: format!("no-session:{}:{last}", family.id),
                kind: AlertKind::NoSession,
                at: day_start(last + Duration::days(NO_SESSION_DAYS)),
                family: who,
                cadre: family.cadre,
                handled: None,
                findings: Vec::new(),
            });
        }
    }
    Ok(alerts)
}

/// Cadres' phones (not families') not synced for 7 days.
async fn sync_alerts(
    pool: &Pool,
    scope: &Scope,
    now: DateTime<Utc>,
) -> Result<Vec<Alert>, DashboardError> {
    let rows = scoped_rows(
        pool,
        scope,
        concat!(
            "SELECT d.id, c.name, coalesce(d.last_sync_at, d.paired_at)
         FROM device d JOIN cadre c ON c.id = d.cadre_id JOIN posyandu p ON p.id = c.posyandu_id
         WHERE ",
            posyandu_in_scope!(),
            "
           AND d.family_id IS NULL AND d.revoked_at IS NULL
           AND coalesce(d.last_sync_at, d.paired_at) < $3"
        ),
        &[&(now - Duration::days(NO_SYNC_DAYS))],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|row| {
            let last: DateTime<Utc> = row.get(2);
            Alert {
                key: format!("no-sync:{}:{}", row.get::<_, i64>(0), last.timestamp()),
                kind: AlertKind::NoSync,
                at: last + Duration::days(NO_SYNC_DAYS),
                family: None,
                cadre: row.get(1),
                handled: None,
                findings: Vec::new(),
            }
        })
        .collect())
}

fn day_start(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc()
}
