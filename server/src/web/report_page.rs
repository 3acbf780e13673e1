//! The posyandu report for a period and a posyandu, RW, cadre or the whole scope:
//! built by the core crate's report code from the server's records, shown as the same
//! tables the app exports, printable, and downloadable as XLSX or CSV (the same code).

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use ayah_asi_core::cohort::Period;
use ayah_asi_core::report;
use ayah_asi_core::report_tables::{self, ShownCell, Table};
use chrono::Utc;
use maud::{Markup, html};
use serde::Deserialize;

use super::access::Area;
use super::charts::{self, Column, Segment, StackedRow};
use super::layout;
use super::text::{Arg, Text};
use super::{PageError, Refused, Signed, require};
use crate::dashboard::{self, cohort};
use crate::http::AppState;

#[derive(Deserialize, Default, Clone)]
pub struct ReportQuery {
    /// Months back from today (1-24); 3 unless given.
    #[serde(default)]
    months: String,
    #[serde(default)]
    posyandu: String,
    #[serde(default)]
    cadre: String,
    #[serde(default)]
    rw: String,
    /// Export: `xlsx`, or `csv` with `table`.
    #[serde(default)]
    format: String,
    #[serde(default)]
    table: String,
}

impl ReportQuery {
    fn months(&self) -> u32 {
        self.months
            .parse()
            .ok()
            .filter(|m| Period::MONTHS.contains(m))
            .unwrap_or(Period::DEFAULT_MONTHS)
    }

    fn filter(&self) -> cohort::Filter {
        cohort::Filter {
            posyandu_id: self.posyandu.parse().ok(),
            cadre_id: self.cadre.parse().ok(),
            rw: Some(self.rw.trim().to_owned()).filter(|r| !r.is_empty()),
        }
    }
}

async fn tables_for(
    state: &AppState,
    signed: &Signed,
    query: &ReportQuery,
) -> Result<(Period, report::Report, Vec<Table>), Refused> {
    let period = Period::last_months(signed.text.today(Utc::now()), query.months());
    let filter = query.filter();
    let families = cohort::list(&signed.reads, &signed.scope, &filter, &period)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    let cadres = cohort::cadre_tests(&signed.reads, &signed.scope, &filter)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    let built = report::build(&families).with_cadres(cadres);
    let tables = report_tables::tables_for(
        &built,
        &state.localizer,
        signed.text.lang,
        filter.rw.is_some(),
    );
    Ok((period, built, tables))
}

pub async fn show(
    State(state): State<AppState>,
    signed: Signed,
    Query(query): Query<ReportQuery>,
) -> Result<Html<String>, Refused> {
    require(&signed, Area::Report)?;
    let (period, built, tables) = tables_for(&state, &signed, &query).await?;
    let fail = |e: dashboard::DashboardError| signed.refuse(e.into());
    let posyandu = dashboard::posyandu_in_scope(&signed.reads, &signed.scope)
        .await
        .map_err(fail)?;
    let cadres = dashboard::cadres_in_scope(&signed.reads, &signed.scope)
        .await
        .map_err(fail)?;
    let text = &signed.text;
    let export = |format: &str, table: &str| {
        let mut link = format!("/report/export?months={}", query.months());
        for (key, value) in [
            ("posyandu", &query.posyandu),
            ("cadre", &query.cadre),
            ("rw", &query.rw),
        ] {
            if !value.is_empty() {
                link.push_str(&format!("&{key}={}", encode(value)));
            }
        }
        link.push_str(&format!("&format={format}"));
        if !table.is_empty() {
            link.push_str(&format!("&table={table}"));
        }
        link
    };
    let body = html! {
        form.filters.no-print method="get" action="/report" {
            label for="months" { (text.t("dash-report-months")) }
            select #months name="months" {
                @for m in [1u32, 3, 6, 12, 24] {
                    option value=(m) selected[m == query.months()] { (text.with("dash-months-back", &[("months", Arg::from(m))])) }
                }
            }
            label for="posyandu" { (text.t("dash-col-posyandu")) }
            select #posyandu name="posyandu" {
                option value="" { (text.t("dash-filter-all")) }
                @for (id, name) in &posyandu { option value=(id) selected[query.posyandu == id.to_string()] { (name) } }
            }
            label for="cadre" { (text.t("dash-col-cadre")) }
            select #cadre name="cadre" {
                option value="" { (text.t("dash-filter-all")) }
                @for (id, name, _) in &cadres { option value=(id) selected[query.cadre == id.to_string()] { (name) } }
            }
            label for="rw" { (text.t("dash-col-rw")) }
            input #rw type="text" name="rw" inputmode="numeric" maxlength="3" size="3" value=(query.rw);
            button type="submit" { (text.t("dash-filter-apply")) }
        }
        p #report-period { (text.with("dash-report-period", &[("from", Arg::from(text.date(period.from))), ("to", Arg::from(text.date(period.to)))])) }
        p.no-print {
            a #export-xlsx href=(export("xlsx", "")) { (text.t("dash-export-xlsx")) }
            " · " (text.t("dash-export-csv")) ": "
            @for (i, table) in tables.iter().enumerate() {
                @if i > 0 { ", " }
                a.export-csv href=(export("csv", table.id)) { (table.title) }
            }
        }
        p.note { (text.t("dash-report-note")) }
        @for table in &tables {
            (table_markup(text, table))
            @if table.id == "milk-after" { (milk_chart(text, &built)) }
            @if table.id == "knowledge-test" { (knowledge_chart(text, &built)) }
        }
    };
    Ok(layout::page(
        &signed,
        Some(Area::Report),
        &text.t("dash-nav-report"),
        body,
    ))
}

fn table_markup(text: &Text, table: &Table) -> Markup {
    let shown = table.shown(text.lang);
    let cells = |row: &[ShownCell], class: Option<&str>| {
        html! {
            tr class=[class] {
                @for (i, cell) in row.iter().enumerate() {
                    @if i == 0 { th scope="row" { (cell.text) } }
                    @else if cell.number { td.num { (cell.text) } }
                    @else { td { (cell.text) } }
                }
            }
        }
    };
    html! {
        section.report-table {
            div.table-wrap tabindex="0" {
                table id={ "report-" (shown.id) } {
                    caption { (shown.title) }
                    thead { tr { @for h in &shown.header { th scope="col" { (h) } } } }
                    tbody {
                        @for row in &shown.rows { (cells(row, None)) }
                        @if let Some(total) = &shown.total { (cells(total, Some("total"))) }
                    }
                }
            }
        }
    }
}

/// Milk production before and after, as the app's report draws it: a 100 % bar each.
fn milk_chart(text: &Text, built: &report::Report) -> Markup {
    fn row<'a>(label: String, rows: &'a [report::Row]) -> StackedRow<'a> {
        StackedRow {
            label,
            segments: rows
                .iter()
                .map(|r| Segment {
                    key: &r.key,
                    count: r.count,
                })
                .collect(),
        }
    }
    let rows: Vec<StackedRow> = [
        row(text.t("report-before"), &built.milk_before),
        row(text.t("report-after"), &built.milk_after),
    ]
    .into_iter()
    .filter(|r| r.segments.iter().any(|s| s.count > 0))
    .collect();
    html! {
        @if !rows.is_empty() {
            figure.report-chart {
                (charts::stacked_bars("report-milk-chart", &rows, &text.t("report-milk-chart")))
                figcaption.legend-row {
                    @for r in &built.milk_before {
                        span class={ "legend seg-legend-" (r.key) } { (text.t(&format!("milk-status-{}", r.key))) }
                    }
                }
            }
        }
    }
}

/// The fathers' mean knowledge score, before and after the lessons (0-100).
fn knowledge_chart(text: &Text, built: &report::Report) -> Markup {
    let column = |label: &str, mean: Option<f64>| {
        mean.map(|value| Column {
            label: text.t(label),
            value,
            shown: text.number(value, 1),
            target: None,
            minor: false,
        })
    };
    let columns: Vec<Column> = [
        column("report-pre", built.knowledge_pre_mean),
        column("report-post", built.knowledge_post_mean),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        @if !columns.is_empty() {
            figure.report-chart.narrow-chart {
                (charts::columns("report-knowledge-chart", &columns, 100.0, &text.t("dash-report-knowledge-chart")))
            }
        }
    }
}

/// Percent-encodes a query value (digits and letters pass).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The report as one XLSX workbook, or one table as CSV.
pub async fn export(
    State(state): State<AppState>,
    signed: Signed,
    Query(query): Query<ReportQuery>,
) -> Result<Response, Refused> {
    require(&signed, Area::Export)?;
    let (period, _, tables) = tables_for(&state, &signed, &query).await?;
    let stamp = format!("{}-{}", period.from, period.to);
    let storage = |e: report_tables::ExportError| signed.refuse(PageError::Storage(e.to_string()));
    let (bytes, media, file) = match query.format.as_str() {
        "xlsx" => (
            report_tables::xlsx_bytes(&tables).map_err(storage)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            format!("laporan-posyandu-{stamp}.xlsx"),
        ),
        "csv" => {
            let table = tables
                .iter()
                .find(|t| t.id == query.table)
                .ok_or_else(|| signed.refuse(PageError::NotFound))?;
            (
                report_tables::table_csv(table).map_err(storage)?,
                "text/csv; charset=utf-8",
                format!("laporan-posyandu-{stamp}-{}.csv", table.id),
            )
        }
        _ => return Err(signed.refuse(PageError::NotFound)),
    };
    let what = format!(
        "{file} (posyandu {}, cadre {}, rw {})",
        query.posyandu, query.cadre, query.rw
    );
    signed.audit(&state, "report-exported", &what).await?;
    Ok((
        [
            (header::CONTENT_TYPE, media.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
