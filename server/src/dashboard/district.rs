//! The district's page: every puskesmas of the reader's district, each the sum of its
//! posyandu as the overview counts them (the same loader, the core's definitions), in
//! counts and rates only: nothing here names a family, a cadre or a device.

use ayah_asi_core::cadre;
use chrono::{DateTime, FixedOffset};
use deadpool_postgres::Pool;

use super::{DashboardError, PosyanduOverview, Scope};

/// One puskesmas of the district: how many posyandu it has, and their figures added
/// (`figures.posyandu_id` holds the puskesmas's id, `figures.name` its name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PuskesmasLine {
    pub posyandu: u32,
    pub figures: PosyanduOverview,
}

/// The district and its puskesmas, by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictOverview {
    pub name: String,
    pub puskesmas: Vec<PuskesmasLine>,
}

/// The district of the puskesmas `home` (the reader's), with each of its puskesmas;
/// `None` when that puskesmas belongs to no district.
pub async fn overview(
    pool: &Pool,
    home: i64,
    now: DateTime<FixedOffset>,
) -> Result<Option<DistrictOverview>, DashboardError> {
    let client = pool.get().await?;
    let Some(district) = client
        .query_opt(
            "SELECT d.id, d.name FROM puskesmas k JOIN district d ON d.id = k.district_id
             WHERE k.id = $1",
            &[&home],
        )
        .await?
    else {
        return Ok(None);
    };
    let district_id: i64 = district.get(0);
    let members = client
        .query(
            "SELECT id, name FROM puskesmas WHERE district_id = $1 ORDER BY name",
            &[&district_id],
        )
        .await?;
    drop(client);
    let mut puskesmas = Vec::with_capacity(members.len());
    for member in members {
        let scope = Scope {
            puskesmas_id: member.get(0),
            posyandu: None,
        };
        let lines = super::overview(pool, &scope, now).await?;
        let mut figures = PosyanduOverview {
            posyandu_id: scope.puskesmas_id,
            name: member.get(1),
            weeks: cadre::weekly_counts(&[], None, now, cadre::OVERVIEW_WEEKS),
            ..PosyanduOverview::default()
        };
        for line in &lines {
            figures.add(line);
        }
        puskesmas.push(PuskesmasLine {
            posyandu: u32::try_from(lines.len()).unwrap_or(u32::MAX),
            figures,
        });
    }
    Ok(Some(DistrictOverview {
        name: district.get(1),
        puskesmas,
    }))
}
