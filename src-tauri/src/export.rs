//! The posyandu report as tables with headers in the chosen language, written as CSV
//! (one UTF-8 file per table, header row first) or XLSX (one sheet per table). No Tauri:
//! the command chooses the place, this writes the files.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::Workbook;

use crate::domain::checklist;
use crate::domain::report::{Report, Row};
use crate::domain::stats::Wilcoxon;
use crate::i18n::Localizer;

/// One cell: text, or a number kept as a number (XLSX cells stay numeric).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// One table of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Language-neutral name, used in CSV file names.
    pub id: &'static str,
    /// Title in the chosen language, used as the XLSX sheet name.
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The report's tables, labelled in `language`.
pub fn tables(report: &Report, i18n: &Localizer, language: &str) -> Vec<Table> {
    let t = |id: &str| i18n.text(language, id, None);
    let text = |s: String| Cell::Text(s);
    let count = |n: usize| Cell::Number(n as f64);
    let frequency = |id: &'static str, title: &str, prefix: &str, rows: &[Row]| Table {
        id,
        title: t(title),
        header: vec![
            t("report-category"),
            t("report-frequency"),
            t("report-percent"),
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    text(t(&format!("{prefix}-{}", r.key))),
                    count(r.count),
                    Cell::Number(round1(r.percent)),
                ]
            })
            .collect(),
    };
    let optional = |value: Option<f64>| value.map_or(Cell::Empty, |v| Cell::Number(round1(v)));
    let mut comfort_rows: Vec<Vec<Cell>> = report
        .comfort_distribution
        .iter()
        .enumerate()
        .map(|(i, n)| vec![text(t(&format!("comfort-{}", i + 1))), count(*n)])
        .collect();
    comfort_rows.push(vec![text(t("report-mean")), optional(report.comfort_mean)]);
    vec![
        Table {
            id: "participants",
            title: t("report-participants"),
            header: vec![t("report-category"), t("report-frequency")],
            rows: vec![
                vec![text(t("report-enrolled")), count(report.enrolled)],
                vec![text(t("report-trained")), count(report.trained)],
                vec![text(t("report-active")), count(report.active)],
            ],
        },
        frequency("age", "report-sheet-age", "age", &report.age),
        frequency(
            "education",
            "report-sheet-education",
            "education",
            &report.education,
        ),
        frequency("parity", "report-sheet-parity", "parity", &report.parity),
        frequency(
            "milk-before",
            "report-sheet-milk-before",
            "milk-status",
            &report.milk_before,
        ),
        frequency(
            "milk-after",
            "report-sheet-milk-after",
            "milk-status",
            &report.milk_after,
        ),
        wilcoxon_table(
            "milk-test",
            t("report-sheet-milk-test"),
            &report.milk_test,
            i18n,
            language,
        ),
        wilcoxon_table(
            "knowledge-test",
            t("report-sheet-knowledge-test"),
            &report.knowledge_test,
            i18n,
            language,
        ),
        Table {
            id: "competence",
            title: t("report-competence"),
            header: vec![t("report-category"), t("report-frequency")],
            rows: vec![
                vec![text(t("report-assessed")), count(report.assessed)],
                vec![text(t("report-competent")), count(report.competent)],
                vec![
                    text(t("report-percent")),
                    optional(report.competent_percent),
                ],
                vec![
                    text(t("report-critical-failed")),
                    count(report.critical_failed),
                ],
            ]
            .into_iter()
            .chain(
                report
                    .most_failed
                    .iter()
                    .map(|(row, n)| vec![text(t(&checklist::report_label_id(row))), count(*n)]),
            )
            .collect(),
        },
        Table {
            id: "comfort",
            title: t("report-comfort"),
            header: vec![t("report-category"), t("report-frequency")],
            rows: comfort_rows,
        },
    ]
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn wilcoxon_table(
    id: &'static str,
    title: String,
    test: &Wilcoxon,
    i18n: &Localizer,
    language: &str,
) -> Table {
    let t = |id: &str| i18n.text(language, id, None);
    let group = |label: &str, n: usize, mean: f64, sum: f64| {
        vec![
            Cell::Text(t(label)),
            Cell::Number(n as f64),
            if n == 0 {
                Cell::Empty
            } else {
                Cell::Number(mean)
            },
            Cell::Number(sum),
        ]
    };
    let mut rows = vec![
        group(
            "report-negative-ranks",
            test.negative.n,
            test.negative.mean,
            test.negative.sum,
        ),
        group(
            "report-positive-ranks",
            test.positive.n,
            test.positive.mean,
            test.positive.sum,
        ),
        vec![
            Cell::Text(t("report-ties")),
            Cell::Number(test.ties as f64),
            Cell::Empty,
            Cell::Empty,
        ],
        vec![
            Cell::Text(t("report-total")),
            Cell::Number(test.pairs as f64),
            Cell::Empty,
            Cell::Empty,
        ],
    ];
    match &test.outcome {
        Some(outcome) => {
            rows.push(vec![Cell::Text("Z".into()), Cell::Number(outcome.z)]);
            rows.push(vec![Cell::Text("p".into()), Cell::Number(outcome.p)]);
            if let Some(exact) = outcome.p_exact {
                rows.push(vec![Cell::Text(t("report-exact-p")), Cell::Number(exact)]);
            }
            let reading = if outcome.significant {
                "report-significant"
            } else {
                "report-not-significant"
            };
            rows.push(vec![Cell::Text(t(reading))]);
        }
        None => rows.push(vec![Cell::Text(t("report-too-few-pairs"))]),
    }
    Table {
        id,
        title,
        header: vec![
            String::new(),
            "N".into(),
            t("report-mean-rank"),
            t("report-sum-ranks"),
        ],
        rows,
    }
}

/// Writes one CSV file per table into `dir` (`<prefix>-<table>.csv`); returns the files.
pub fn write_csv(tables: &[Table], dir: &Path, prefix: &str) -> Result<Vec<PathBuf>, ExportError> {
    tables
        .iter()
        .map(|table| {
            let path = dir.join(format!("{prefix}-{}.csv", table.id));
            let mut text = csv_line(table.header.iter().map(String::as_str));
            for row in &table.rows {
                let cells: Vec<String> = row.iter().map(cell_text).collect();
                text.push_str(&csv_line(cells.iter().map(String::as_str)));
            }
            std::fs::write(&path, text)?;
            Ok(path)
        })
        .collect()
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Number(n) => n.to_string(),
        Cell::Empty => String::new(),
    }
}

/// One RFC 4180 line: fields with commas, quotes or line breaks are quoted.
/// A table of JSON values as CSV text: a header row, then one line per row (text as
/// is, numbers as written, empty for null).
pub fn csv_of(columns: &[String], rows: &[Vec<serde_json::Value>]) -> String {
    let mut text = csv_line(columns.iter().map(String::as_str));
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|value| match value {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        text.push_str(&csv_line(cells.iter().map(String::as_str)));
    }
    text
}

fn csv_line<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = fields
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.to_owned()
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(","))
}

/// Writes one workbook with a sheet per table.
pub fn write_xlsx(tables: &[Table], path: &Path) -> Result<(), ExportError> {
    let mut workbook = Workbook::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&table.title))?;
        for (col, title) in table.header.iter().enumerate() {
            sheet.write_string(0, col as u16, title)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (row, col) = (r as u32 + 1, c as u16);
                match cell {
                    Cell::Text(text) => sheet.write_string(row, col, text)?,
                    Cell::Number(n) => sheet.write_number(row, col, *n)?,
                    Cell::Empty => sheet,
                };
            }
        }
        sheet.autofit();
    }
    workbook.save(path)?;
    Ok(())
}

/// Excel sheet names: at most 31 characters, none of []:*?/\.
fn sheet_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(
            csv_line(["a", "b,c", "say \"hi\""].into_iter()),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
    }

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(
            sheet_name("Uji Wilcoxon: produksi ASI sebelum dan sesudah"),
            "Uji Wilcoxon produksi ASI sebel"
        );
    }
}
