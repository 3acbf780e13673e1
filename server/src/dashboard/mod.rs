//! What the dashboard's pages read, always within the signed-in person's scope: her
//! puskesmas, and for a midwife only her posyandu. Every query here takes a [`Scope`];
//! none reads a family, cadre or device outside it. The programme's rules (what is
//! planned, what a visit found) come from the core crate.

/// The condition that keeps a query to the reader's posyandu (aliased `p`), with `$1` the
/// puskesmas and `$2` the posyandu (NULL: all) as [`scoped_rows`] binds them. A macro, so
/// that queries stay `&'static str` (`concat!`).
macro_rules! posyandu_in_scope {
    () => {
        "p.puskesmas_id = $1 AND ($2::bigint[] IS NULL OR p.id = ANY($2))"
    };
}

pub mod alerts;
pub mod audit;
pub mod cohort;
pub mod devices;
pub mod district;
mod feeding;
pub mod review;
mod weeks;

use ayah_asi_core::cadre::{self, WeekCount};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use deadpool_postgres::Pool;
use tokio_postgres::types::ToSql;

use crate::accounts::{Account, Role};
use crate::db::DbError;
use ayah_asi_core::cohort::{Period, SessionStatus};

/// A family with no cadre visit for this many days raises an alert (and is "due").
pub const VISIT_DUE_DAYS: i64 = 30;
/// A father with no session for this many days raises an alert.
pub const NO_SESSION_DAYS: i64 = 7;
/// A cadre's phone that has not synced for this many days raises an alert.
pub const NO_SYNC_DAYS: i64 = 7;

/// Which posyandu a person may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub puskesmas_id: i64,
    /// `None`: every posyandu of the puskesmas; `Some`: only these (a midwife's).
    pub posyandu: Option<Vec<i64>>,
}

impl Scope {
    pub fn of(account: &Account) -> Self {
        Self {
            puskesmas_id: account.puskesmas_id,
            posyandu: (account.role == Role::Midwife).then(|| account.posyandu.clone()),
        }
    }

    pub fn covers_posyandu(&self, posyandu_id: i64) -> bool {
        self.posyandu
            .as_ref()
            .is_none_or(|mine| mine.contains(&posyandu_id))
    }
}

/// The families in scope with their cadre and posyandu: `$1` the puskesmas, `$2` the
/// posyandu (NULL: all). Every query about families starts from it.
pub(crate) const IN_SCOPE: &str = concat!(
    "
    fam AS (
        SELECT a.family_id, c.id AS cadre_id, c.name AS cadre_name,
               p.id AS posyandu_id, p.name AS posyandu_name
        FROM family_assignment a
        JOIN cadre c ON c.id = a.cadre_id
        JOIN posyandu p ON p.id = c.posyandu_id
        WHERE a.erased_at IS NULL AND ",
    posyandu_in_scope!(),
    ")"
);

#[derive(Debug, thiserror::Error)]
pub enum DashboardError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("not found or not yours")]
    NotFound,
    #[error(transparent)]
    Org(#[from] crate::org::OrgError),
}

impl From<tokio_postgres::Error> for DashboardError {
    fn from(error: tokio_postgres::Error) -> Self {
        Self::Db(error.into())
    }
}

impl From<deadpool_postgres::PoolError> for DashboardError {
    fn from(error: deadpool_postgres::PoolError) -> Self {
        Self::Db(error.into())
    }
}

/// Runs `sql` (which may use [`IN_SCOPE`] as `WITH fam`) with the scope as `$1`, `$2`
/// and `more` after them.
pub(crate) async fn scoped_rows(
    pool: &Pool,
    scope: &Scope,
    sql: &str,
    more: &[&(dyn ToSql + Sync)],
) -> Result<Vec<tokio_postgres::Row>, DashboardError> {
    let client = pool.get().await?;
    let mut params: Vec<&(dyn ToSql + Sync)> = vec![&scope.puskesmas_id, &scope.posyandu];
    params.extend_from_slice(more);
    Ok(client.query(sql, &params).await?)
}

/// One family as the lists and the overview count it.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyRow {
    pub id: String,
    pub father: String,
    pub mother: String,
    pub rw: Option<String>,
    pub cadre_id: i64,
    pub cadre: String,
    pub posyandu_id: i64,
    pub posyandu: String,
    pub enrolled: NaiveDate,
    pub baby_birth: NaiveDate,
    pub pregnant: bool,
    /// Sessions given (finished or stopped) in the last 7 days.
    pub sessions_7d: u32,
    pub last_session: Option<DateTime<Utc>>,
    pub last_visit: Option<NaiveDate>,
    pub trained: bool,
}

impl FamilyRow {
    /// When the massage plan starts (the core's rule); `None` before the birth.
    pub fn plan_start(&self) -> Option<NaiveDate> {
        ayah_asi_core::family::plan_start(self.pregnant, self.baby_birth, self.enrolled)
    }

    /// Sessions planned over the last 7 days up to `today`.
    pub fn planned_7d(&self, today: NaiveDate) -> u32 {
        ayah_asi_core::cadre::planned_since(self.plan_start(), today)
    }

    /// A checklist visit is due: the baby is born and the last visit (or the plan's
    /// start, when never visited) is more than [`VISIT_DUE_DAYS`] ago.
    pub fn visit_due(&self, today: NaiveDate) -> bool {
        self.unvisited_since()
            .is_some_and(|since| (today - since).num_days() > VISIT_DUE_DAYS)
    }

    /// The day the wait for a visit counts from: the last visit, or the plan's start when
    /// never visited since; `None` before the birth.
    pub fn unvisited_since(&self) -> Option<NaiveDate> {
        let start = self.plan_start()?;
        Some(self.last_visit.unwrap_or(start).max(start))
    }
}

/// Filters of the families page.
#[derive(Debug, Clone, Default)]
pub struct FamilyFilter {
    /// Part of the father's or mother's name.
    pub name: Option<String>,
    pub posyandu_id: Option<i64>,
    pub cadre_id: Option<i64>,
    pub rw: Option<String>,
    /// One family (its review, its alerts).
    pub family_id: Option<String>,
}

/// The families in scope (and in the filter), by posyandu, cadre and father's name.
/// `today` is the puskesmas's date: "the last 7 days" are it and the 6 before, compared
/// as the app's report compares them, with the local date the phone wrote.
///
/// Each per-family question reads one range of an index (migrations 006 and 007: the
/// sessions' from the index alone), not the family's every record.
pub async fn list_families(
    pool: &Pool,
    scope: &Scope,
    filter: &FamilyFilter,
    today: NaiveDate,
) -> Result<Vec<FamilyRow>, DashboardError> {
    let name = filter
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| {
            format!(
                "%{}%",
                n.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            )
        });
    let rw = filter
        .rw
        .as_deref()
        .map(|r| r.trim().trim_start_matches('0').to_owned())
        .filter(|r| !r.is_empty());
    let since = (today - chrono::Duration::days(Period::ACTIVE_DAYS - 1)).to_string();
    let given = SessionStatus::sql_list(&SessionStatus::GIVEN);
    let sql = format!(
        "WITH {IN_SCOPE}
         SELECT fam.family_id, f.body->>'father_name', f.body->>'mother_name', f.body->>'rw',
                fam.cadre_id, fam.cadre_name, fam.posyandu_id, fam.posyandu_name,
                substr(f.body->>'created_at', 1, 10), f.body->>'baby_birth_date',
                f.body->>'pregnant' IS NOT NULL,
                (SELECT count(*) FROM record s WHERE s.family_id = fam.family_id
                   AND s.table_name = 'massage_session' AND s.made_at >= $7
                   AND s.session_status IN ({given})),
                (SELECT s.made_at FROM record s
                   WHERE s.family_id = fam.family_id AND s.table_name = 'massage_session'
                     AND s.session_status IN ({given})
                   ORDER BY s.made_at DESC LIMIT 1),
                (SELECT v.body->>'visited_on' FROM record v
                   WHERE v.family_id = fam.family_id AND v.table_name = 'home_visit'
                   ORDER BY v.body->>'visited_on' DESC LIMIT 1),
                EXISTS (SELECT 1 FROM record t WHERE t.family_id = fam.family_id
                   AND t.table_name = 'hands_on_training')
         FROM fam JOIN record f ON f.table_name = 'family' AND f.id = fam.family_id
         WHERE ($3::text IS NULL OR f.body->>'father_name' ILIKE $3 OR f.body->>'mother_name' ILIKE $3)
           AND ($4::bigint IS NULL OR fam.posyandu_id = $4)
           AND ($5::bigint IS NULL OR fam.cadre_id = $5)
           AND ($6::text IS NULL OR ltrim(f.body->>'rw', '0') = $6)
           AND ($8::text IS NULL OR fam.family_id = $8)
         ORDER BY fam.posyandu_name, fam.cadre_name, lower(f.body->>'father_name')"
    );
    let rows = scoped_rows(
        pool,
        scope,
        &sql,
        &[
            &name,
            &filter.posyandu_id,
            &filter.cadre_id,
            &rw,
            &since,
            &filter.family_id,
        ],
    )
    .await?;
    Ok(rows.iter().map(family_row).collect())
}

fn family_row(row: &tokio_postgres::Row) -> FamilyRow {
    let date = |text: Option<String>| {
        text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
            .unwrap_or(NaiveDate::MIN)
    };
    FamilyRow {
        id: row.get(0),
        father: row.get::<_, Option<String>>(1).unwrap_or_default(),
        mother: row.get::<_, Option<String>>(2).unwrap_or_default(),
        rw: row.get(3),
        cadre_id: row.get(4),
        cadre: row.get(5),
        posyandu_id: row.get(6),
        posyandu: row.get(7),
        enrolled: date(row.get(8)),
        baby_birth: date(row.get(9)),
        pregnant: row.get::<_, Option<bool>>(10).unwrap_or(false),
        sessions_7d: u32::try_from(row.get::<_, i64>(11)).unwrap_or(0),
        last_session: row
            .get::<_, Option<String>>(12)
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|at| at.to_utc()),
        last_visit: row
            .get::<_, Option<String>>(13)
            .and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()),
        trained: row.get(14),
    }
}

/// One posyandu's line of the overview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PosyanduOverview {
    pub posyandu_id: i64,
    pub name: String,
    pub families: u32,
    /// Fathers with a session in the last 7 days.
    pub active: u32,
    pub sessions_7d: u32,
    pub planned_7d: u32,
    pub visits_due: u32,
    pub trained: u32,
    pub cadres: u32,
    /// Cadres whose phone is paired (and not revoked).
    pub cadres_paired: u32,
    /// Cadres whose phones reported both their pre-test and post-test (seed 004).
    pub cadres_counselled: u32,
    /// Sessions given and planned in each of the last [`cadre::OVERVIEW_WEEKS`] weeks.
    pub weeks: Vec<WeekCount>,
    /// Babies 0-5 months fed only breast milk the day before, in each of the last
    /// [`FEEDING_MONTHS`] calendar months.
    pub feeding: Vec<ayah_asi_core::feeding::MonthRate>,
    /// Over the same months: babies reaching six months, and of them fed only breast
    /// milk since birth (the report's definition, `feeding::indicators`).
    pub indicators: ayah_asi_core::feeding::Indicators,
}

impl PosyanduOverview {
    /// Adds another line's figures (a total, a puskesmas of the district's page).
    pub fn add(&mut self, line: &PosyanduOverview) {
        self.families += line.families;
        self.active += line.active;
        self.sessions_7d += line.sessions_7d;
        self.planned_7d += line.planned_7d;
        self.visits_due += line.visits_due;
        self.trained += line.trained;
        self.cadres += line.cadres;
        self.cadres_paired += line.cadres_paired;
        self.cadres_counselled += line.cadres_counselled;
        cadre::add_weeks(&mut self.weeks, &line.weeks);
        ayah_asi_core::feeding::add_months(&mut self.feeding, &line.feeding);
        self.indicators.add(&line.indicators);
    }
}

/// How many months of exclusive breastfeeding the overview shows.
pub const FEEDING_MONTHS: u32 = 6;

/// The overview: every posyandu in scope (also those with no family yet), then a total;
/// `now` on the puskesmas's clock.
pub async fn overview(
    pool: &Pool,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Result<Vec<PosyanduOverview>, DashboardError> {
    let today = now.date_naive();
    let no_weeks = cadre::weekly_counts(&[], None, now, cadre::OVERVIEW_WEEKS);
    let rows = scoped_rows(
        pool,
        scope,
        concat!(
            "SELECT p.id, p.name,
                (SELECT count(*) FROM cadre c WHERE c.posyandu_id = p.id),
                (SELECT count(DISTINCT c.id) FROM cadre c JOIN device d ON d.cadre_id = c.id
                   WHERE c.posyandu_id = p.id AND d.family_id IS NULL AND d.revoked_at IS NULL),
                (SELECT count(*) FROM cadre c JOIN cadre_counselling k ON k.cadre_id = c.id
                   WHERE c.posyandu_id = p.id AND k.pre IS NOT NULL AND k.post IS NOT NULL)
         FROM posyandu p
         WHERE ",
            posyandu_in_scope!(),
            "
         ORDER BY p.name"
        ),
        &[],
    )
    .await?;
    let mut lines: Vec<PosyanduOverview> = rows
        .iter()
        .map(|row| PosyanduOverview {
            posyandu_id: row.get(0),
            name: row.get(1),
            cadres: u32::try_from(row.get::<_, i64>(2)).unwrap_or(0),
            cadres_paired: u32::try_from(row.get::<_, i64>(3)).unwrap_or(0),
            cadres_counselled: u32::try_from(row.get::<_, i64>(4)).unwrap_or(0),
            weeks: no_weeks.clone(),
            ..PosyanduOverview::default()
        })
        .collect();
    let given = weeks::given_times(pool, scope, now, cadre::OVERVIEW_WEEKS).await?;
    let answers = feeding::recall_rows(pool, scope).await?;
    let mut babies: std::collections::HashMap<i64, Vec<ayah_asi_core::feeding::Feeding>> =
        std::collections::HashMap::new();
    for family in list_families(pool, scope, &FamilyFilter::default(), today).await? {
        let birth = (!family.pregnant).then_some(family.baby_birth);
        let rows = answers.get(&family.id).map_or(&[][..], Vec::as_slice);
        babies
            .entry(family.posyandu_id)
            .or_default()
            .push(ayah_asi_core::feeding::from_rows(birth, rows));
        if let Some(line) = lines
            .iter_mut()
            .find(|l| l.posyandu_id == family.posyandu_id)
        {
            line.families += 1;
            line.active += u32::from(family.sessions_7d > 0);
            line.sessions_7d += family.sessions_7d;
            line.planned_7d += family.planned_7d(today);
            line.visits_due += u32::from(family.visit_due(today));
            line.trained += u32::from(family.trained);
            let times = given.get(&family.id).map_or(&[][..], Vec::as_slice);
            let family_weeks =
                cadre::weekly_counts(times, family.plan_start(), now, cadre::OVERVIEW_WEEKS);
            cadre::add_weeks(&mut line.weeks, &family_weeks);
        }
    }
    for line in &mut lines {
        let cohort = babies.remove(&line.posyandu_id).unwrap_or_default();
        line.feeding = ayah_asi_core::feeding::by_month(&cohort, today, FEEDING_MONTHS);
        let from = line.feeding.first().map_or(today, |m| m.first_day);
        line.indicators = ayah_asi_core::feeding::indicators(&cohort, from, today);
    }
    Ok(lines)
}

/// The posyandu and cadres in scope, for filters and forms: (id, name, posyandu id).
pub async fn cadres_in_scope(
    pool: &Pool,
    scope: &Scope,
) -> Result<Vec<(i64, String, i64)>, DashboardError> {
    let rows = scoped_rows(
        pool,
        scope,
        concat!(
            "SELECT c.id, c.name, p.id FROM cadre c JOIN posyandu p ON p.id = c.posyandu_id
         WHERE ",
            posyandu_in_scope!(),
            "
         ORDER BY p.name, c.name"
        ),
        &[],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

/// The posyandu in scope: (id, name).
pub async fn posyandu_in_scope(
    pool: &Pool,
    scope: &Scope,
) -> Result<Vec<(i64, String)>, DashboardError> {
    let rows = scoped_rows(
        pool,
        scope,
        concat!(
            "SELECT p.id, p.name FROM posyandu p
         WHERE ",
            posyandu_in_scope!(),
            " ORDER BY p.name"
        ),
        &[],
    )
    .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(enrolled: &str, last_visit: Option<&str>, pregnant: bool) -> FamilyRow {
        let date = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap();
        FamilyRow {
            id: "f".into(),
            father: "Budi".into(),
            mother: "Siti".into(),
            rw: None,
            cadre_id: 1,
            cadre: "Ani".into(),
            posyandu_id: 1,
            posyandu: "Mawar".into(),
            enrolled: date(enrolled),
            baby_birth: date(enrolled),
            pregnant,
            sessions_7d: 0,
            last_session: None,
            last_visit: last_visit.map(date),
            trained: false,
        }
    }

    #[test]
    fn a_visit_is_due_after_thirty_days_and_never_in_pregnancy() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert!(!family("2026-11-20", None, false).visit_due(today));
        assert!(family("2026-10-01", None, false).visit_due(today));
        assert!(!family("2026-10-01", Some("2026-11-25"), false).visit_due(today));
        assert!(family("2026-08-01", Some("2026-10-25"), false).visit_due(today));
        assert!(!family("2026-08-01", None, true).visit_due(today));
    }

    #[test]
    fn a_midwife_is_scoped_to_her_posyandu_and_staff_to_the_puskesmas() {
        let mut account = Account {
            id: 1,
            name: "Bidan".into(),
            login: "bidan".into(),
            role: Role::Midwife,
            puskesmas_id: 7,
            posyandu: vec![3],
        };
        let scope = Scope::of(&account);
        assert!(scope.covers_posyandu(3) && !scope.covers_posyandu(4));
        account.role = Role::Puskesmas;
        assert!(Scope::of(&account).covers_posyandu(4));
    }
}
