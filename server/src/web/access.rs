//! Who may open which page and do which act: the whole table in one place, checked by
//! every handler on the server (the menu only hides what would be refused anyway).

use crate::accounts::Role;

/// A page or an act of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Overview,
    Alerts,
    /// Marking an alert handled.
    HandleAlert,
    Families,
    /// One family's review (personal data).
    Review,
    Report,
    /// The report as XLSX or CSV.
    Export,
    Cadres,
    /// Pairing codes, revoking devices, moving families.
    ManageDevices,
    /// Accounts: list and add.
    Accounts,
    Audit,
    /// Erasing a family at the mother's request (its records on the server and, at
    /// their next pull, on every phone).
    Erase,
    /// Every puskesmas of the reader's district, in counts and rates.
    District,
}

impl Area {
    pub const ALL: [Area; 13] = [
        Area::Overview,
        Area::Alerts,
        Area::HandleAlert,
        Area::Families,
        Area::Review,
        Area::Report,
        Area::Export,
        Area::Cadres,
        Area::ManageDevices,
        Area::Accounts,
        Area::Audit,
        Area::Erase,
        Area::District,
    ];
}

/// Whether `role` may use `area`. The admin runs the system: her pages show counts only
/// and no family's records, but she makes pairing codes and accounts, and a phone or an
/// account made so reads names; every pairing, account and pull is in the audit trail
/// (README, "The puskesmas server"). Staff and midwives see families, a midwife only
/// those of her posyandu (the scope, checked in every query), and erase one at the
/// mother's request. The district reads its puskesmas in counts and rates only: no
/// family, cadre, alert or device, and nothing of the puskesmas's own pages.
pub fn allowed(role: Role, area: Area) -> bool {
    use Area::*;
    match role {
        Role::Admin => matches!(area, Overview | Cadres | ManageDevices | Accounts | Audit),
        Role::Puskesmas => !matches!(area, Accounts | District),
        Role::District => area == District,
        Role::Midwife => matches!(
            area,
            Overview | Alerts | HandleAlert | Families | Review | Report | Export | Cadres | Erase
        ),
    }
}
