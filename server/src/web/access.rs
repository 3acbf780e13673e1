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
}

impl Area {
    pub const ALL: [Area; 11] = [
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
    ];
}

/// Whether `role` may use `area`. The admin runs the system and sees no family's
/// records (counts only); staff and midwives see families, a midwife only those of her
/// posyandu (the scope, checked in every query).
pub fn allowed(role: Role, area: Area) -> bool {
    use Area::*;
    match role {
        Role::Admin => matches!(area, Overview | Cadres | ManageDevices | Accounts | Audit),
        Role::Puskesmas => !matches!(area, Accounts),
        Role::Midwife => matches!(
            area,
            Overview | Alerts | HandleAlert | Families | Review | Report | Export | Cadres
        ),
    }
}
