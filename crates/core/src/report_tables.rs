//! The posyandu report as tables with headers in the chosen language, and those tables
//! as CSV text (one per table) or one XLSX workbook: the same code for the app's export
//! and the puskesmas server's downloads. No files here: callers decide where bytes go.

use rust_xlsxwriter::Workbook;

use crate::checklist;
use crate::i18n::Localizer;
use crate::report::{Report, Row};
use crate::stats::Wilcoxon;

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
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
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
                vec![text(t("report-pregnant")), count(report.pregnant)],
                vec![text(t("report-trained")), count(report.trained)],
                vec![text(t("report-post-tested")), count(report.post_tested)],
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
        frequency(
            "given-by",
            "report-sheet-given-by",
            "given-by",
            &report.given_by,
        ),
        cadres_table(report, &t),
        Table {
            id: "comfort",
            title: t("report-comfort"),
            header: vec![t("report-category"), t("report-frequency")],
            rows: comfort_rows,
        },
    ]
}

/// The cadres' own counselling: each cadre's pre- and post-test, then how many were
/// counselled (both tests) and the means.
fn cadres_table(report: &Report, t: &dyn Fn(&str) -> String) -> Table {
    let score = |value: Option<u8>| value.map_or(Cell::Empty, |v| Cell::Number(f64::from(v)));
    let mean = |value: Option<f64>| value.map_or(Cell::Empty, |v| Cell::Number(round1(v)));
    let mut rows: Vec<Vec<Cell>> = report
        .cadres
        .iter()
        .map(|c| vec![Cell::Text(c.name.clone()), score(c.pre), score(c.post)])
        .collect();
    rows.push(vec![
        Cell::Text(t("report-cadres-counselled")),
        Cell::Number(report.cadres_counselled as f64),
        Cell::Empty,
    ]);
    rows.push(vec![
        Cell::Text(t("report-mean")),
        mean(report.cadre_pre_mean),
        mean(report.cadre_post_mean),
    ]);
    Table {
        id: "cadres",
        title: t("report-cadres"),
        header: vec![t("report-cadre"), t("report-pre"), t("report-post")],
        rows,
    }
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

/// One table as RFC 4180 CSV text: its header row, then its rows.
pub fn table_csv(table: &Table) -> Result<Vec<u8>, ExportError> {
    let rows = table
        .rows
        .iter()
        .map(|row| row.iter().map(cell_field).collect::<Vec<_>>());
    csv_text(&table.header, rows)
}

/// A field as written: text defused, numbers as numbers.
enum Field {
    Text(String),
    Number(String),
}

fn cell_field(cell: &Cell) -> Field {
    match cell {
        Cell::Text(text) => Field::Text(text.clone()),
        Cell::Number(n) => Field::Number(n.to_string()),
        Cell::Empty => Field::Number(String::new()),
    }
}

/// Text a spreadsheet would take for a formula (OWASP's CSV-injection rule: it begins
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) is written after an apostrophe,
/// so it shows as the text it is.
pub fn defused(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// RFC 4180 text (CRLF line ends, quoting where needed) from a header and rows.
fn csv_text(
    header: &[String],
    rows: impl Iterator<Item = Vec<Field>>,
) -> Result<Vec<u8>, ExportError> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        // The Wilcoxon tables end with shorter rows (Z, p, the reading).
        .flexible(true)
        .from_writer(Vec::new());
    writer.write_record(header.iter().map(|h| defused(h).into_owned()))?;
    for row in rows {
        writer.write_record(row.iter().map(|field| match field {
            Field::Text(text) => defused(text).into_owned(),
            Field::Number(n) => n.clone(),
        }))?;
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Io(e.into_error()))
}

/// A table of JSON values as CSV: a header row, then one line per row (text defused,
/// numbers as written, empty for null).
pub fn csv_of(columns: &[String], rows: &[Vec<serde_json::Value>]) -> Result<Vec<u8>, ExportError> {
    let rows = rows.iter().map(|row| {
        row.iter()
            .map(|value| match value {
                serde_json::Value::Null => Field::Number(String::new()),
                serde_json::Value::String(s) => Field::Text(s.clone()),
                other => Field::Number(other.to_string()),
            })
            .collect()
    });
    csv_text(columns, rows)
}

/// One workbook with a sheet per table, as the bytes of an `.xlsx` file.
pub fn xlsx_bytes(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
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
    Ok(workbook.save_to_buffer()?)
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

    fn text(cells: &[&str]) -> Vec<Field> {
        cells.iter().map(|c| Field::Text((*c).to_owned())).collect()
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let bytes = csv_text(
            &["h".into(), "i".into(), "j".into()],
            [text(&["a", "b,c", "say \"hi\""])].into_iter(),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "h,i,j\r\na,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text() {
        // Failed before: these went out as they came in.
        let evil = [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ];
        let mut cells = text(&evil);
        cells.push(Field::Number("-4.359".into()));
        let bytes = csv_text(
            &(0..7).map(|i| i.to_string()).collect::<Vec<_>>(),
            [cells].into_iter(),
        )
        .unwrap();
        let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
        let row = reader.records().next().unwrap().unwrap();
        for (field, original) in row.iter().zip(evil) {
            assert_eq!(field, format!("'{original}"));
        }
        assert_eq!(&row[6], "-4.359", "our own numbers stay numbers");
        assert_eq!(defused("Budi"), "Budi");
        // Rows of different lengths, as the Wilcoxon tables have.
        let short = csv_text(&["a".into(), "b".into()], [text(&["Z"])].into_iter()).unwrap();
        assert_eq!(short, b"a,b\r\nZ\r\n");
    }

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(
            sheet_name("Uji Wilcoxon: produksi ASI sebelum dan sesudah"),
            "Uji Wilcoxon produksi ASI sebel"
        );
    }
}
