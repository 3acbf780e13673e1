//! The overview's pictures: each posyandu's sessions per week against the plan, and the
//! alerts of the last weeks by kind. Each chart has its table beside it.

use chrono::{DateTime, Datelike, Duration, Utc};
use maud::{Markup, html};

use super::charts::{self, Bar, Column};
use super::text::{Arg, Text};
use crate::dashboard::PosyanduOverview;
use crate::dashboard::alerts::{Alert, AlertKind};
use ayah_asi_core::feeding::MonthRate;

/// How many weeks of alerts the overview counts (record-based alerts go back 60 days).
pub const ALERT_WEEKS: i64 = 8;

/// Alerts of the last [`ALERT_WEEKS`] weeks, handled or not, by kind (every kind listed).
pub fn count_alerts(alerts: &[Alert], now: DateTime<Utc>) -> Vec<(AlertKind, usize)> {
    let since = now - Duration::weeks(ALERT_WEEKS);
    AlertKind::ALL
        .iter()
        .map(|kind| {
            let count = alerts
                .iter()
                .filter(|a| a.kind == *kind && a.at >= since)
                .count();
            (*kind, count)
        })
        .collect()
}

/// Per posyandu: the weekly columns (given) against the dashed plan, and their table.
pub fn weeks(text: &Text, lines: &[PosyanduOverview]) -> Markup {
    let weeks = lines.first().map_or(0, |l| l.weeks.len());
    let label = |day: chrono::NaiveDate| format!("{}/{}", day.day(), day.month());
    html! {
        section #weekly aria-labelledby="weekly-title" {
            h2 #weekly-title { (text.with("dash-overview-weeks-title", &[("weeks", Arg::from(weeks as u32))])) }
            p.note { (text.t("dash-overview-weeks-note")) }
            @for line in lines {
                @let name = &[("posyandu", Arg::from(line.name.as_str()))];
                @let most = line.weeks.iter().map(|w| w.given.max(w.planned)).max().unwrap_or(0).max(14);
                @let count = line.weeks.len();
                @let columns: Vec<Column> = line.weeks.iter().enumerate().map(|(i, w)| Column {
                    label: label(w.week_start),
                    value: f64::from(w.given),
                    shown: w.given.to_string(),
                    target: Some(f64::from(w.planned)),
                    // A phone shows every other date, the latest always.
                    minor: (count - i) % 2 == 0,
                }).collect();
                div.chart-pair {
                    figure {
                        figcaption { (line.name) }
                        (charts::columns(&format!("chart-weeks-{}", line.posyandu_id), &columns, f64::from(most), &text.with("dash-overview-weeks-chart", name)))
                    }
                    div.table-wrap tabindex="0" {
                        table #(format!("weeks-{}", line.posyandu_id)) {
                            caption { (text.with("dash-overview-weeks-caption", name)) }
                            thead { tr {
                                th scope="col" { (text.t("dash-col-week")) }
                                th scope="col" { (text.t("dash-col-given")) }
                                th scope="col" { (text.t("dash-col-planned")) }
                            } }
                            tbody { @for w in &line.weeks { tr {
                                th scope="row" { (text.date(w.week_start)) }
                                td.num { (w.given) }
                                td.num { (w.planned) }
                            } } }
                        }
                    }
                }
            }
        }
    }
}

/// What a line of the overview is: a posyandu (the puskesmas's overview), or a puskesmas
/// (the district's page, each line the sum of its posyandu).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Posyandu,
    Puskesmas,
}

/// Per line: babies 0-5 months fed only breast milk the day before, by month (the
/// share as columns up to 100 %), and its table.
pub fn feeding(text: &Text, lines: &[PosyanduOverview], place: Place) -> Markup {
    let (chart, caption) = match place {
        Place::Posyandu => ("dash-feeding-chart", "dash-feeding-caption"),
        Place::Puskesmas => (
            "dash-district-feeding-chart",
            "dash-district-feeding-caption",
        ),
    };
    let share =
        |m: &MonthRate| (m.babies > 0).then(|| m.exclusive as f64 * 100.0 / m.babies as f64);
    html! {
        section #feeding-months aria-labelledby="feeding-months-title" {
            h2 #feeding-months-title { (text.t("dash-feeding-title")) }
            p.note { (text.t("dash-feeding-note")) }
            @for line in lines {
                @let name = &[("posyandu", Arg::from(line.name.as_str())), ("puskesmas", Arg::from(line.name.as_str()))];
                @let columns: Vec<Column> = line.feeding.iter().map(|m| Column {
                    label: text.month(m.first_day),
                    value: share(m).unwrap_or(0.0),
                    shown: share(m).map_or_else(|| "–".to_owned(), |p| format!("{} %", text.number(p, 0))),
                    target: None,
                    minor: false,
                }).collect();
                div.chart-pair {
                    figure {
                        figcaption { (line.name) }
                        (charts::columns(&format!("chart-feeding-{}", line.posyandu_id), &columns, 100.0, &text.with(chart, name)))
                    }
                    div.table-wrap tabindex="0" {
                        table #(format!("feeding-{}", line.posyandu_id)) {
                            caption { (text.with(caption, name)) }
                            thead { tr {
                                th scope="col" { (text.t("dash-col-month")) }
                                th scope="col" { (text.t("dash-col-babies")) }
                                th scope="col" { (text.t("dash-col-breast-milk-only")) }
                                th scope="col" { "%" }
                            } }
                            tbody { @for m in &line.feeding { tr {
                                th scope="row" { (text.month(m.first_day)) }
                                td.num { (m.babies) }
                                td.num { (m.exclusive) }
                                td.num { @if let Some(p) = share(m) { (text.number(p, 0)) } }
                            } } }
                        }
                    }
                }
            }
        }
    }
}

/// The alerts of the last weeks by kind: bars, and their table.
pub fn alerts(text: &Text, counts: &[(AlertKind, usize)]) -> Markup {
    let weeks = &[("weeks", Arg::from(ALERT_WEEKS as u32))];
    let rows: Vec<Bar> = counts
        .iter()
        .map(|(kind, count)| Bar {
            key: kind.id(),
            label: text.t(&format!("dash-kind-{}", kind.id())),
            value: *count,
        })
        .collect();
    html! {
        section #alert-kinds aria-labelledby="alert-kinds-title" {
            h2 #alert-kinds-title { (text.with("dash-alert-kinds-title", weeks)) }
            div.chart-pair {
                figure {
                    (charts::bars("chart-alerts", &rows, &text.with("dash-alert-kinds-chart", weeks)))
                }
                div.table-wrap tabindex="0" {
                    table #alert-kinds-table {
                        caption { (text.with("dash-alert-kinds-title", weeks)) }
                        thead { tr {
                            th scope="col" { (text.t("dash-col-alert-kind")) }
                            th scope="col" { (text.t("dash-col-alerts")) }
                        } }
                        tbody { @for row in &rows { tr data-kind=(row.key) {
                            th scope="row" { (row.label) }
                            td.num { (row.value) }
                        } } }
                    }
                }
            }
            p.note { (text.t("dash-alert-kinds-note")) }
        }
    }
}
