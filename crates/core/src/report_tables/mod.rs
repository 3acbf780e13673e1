//! The posyandu report as tables with headers in the chosen language: the one layout of
//! the report. The app's screen and the dashboard's page show these tables (with the
//! numbers as [`Cell::shown`] writes them), and the same tables become CSV and XLSX
//! files (`files.rs`). No files are written here: callers decide where bytes go.

mod files;
mod shown;

pub use files::{csv_of, defused, table_csv, xlsx_bytes};
pub use shown::{ShownCell, ShownTable};

use crate::checklist;
use crate::i18n::Localizer;
use crate::report::{Report, Row};
use crate::stats::Wilcoxon;

/// One cell: text, or a number kept as a number (XLSX cells stay numeric) with the
/// decimal places it is shown with.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number {
        value: f64,
        places: u8,
    },
    /// A p-value: three places, and "< 0.001" below that (never a false 0).
    P(f64),
    Empty,
}

impl Cell {
    fn count(n: usize) -> Self {
        Self::Number {
            value: n as f64,
            places: 0,
        }
    }

    fn decimal(value: f64, places: u8) -> Self {
        Self::Number { value, places }
    }
}

/// What a table is, which decides how a screen shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
#[ts(rename = "ReportTableKind")]
pub enum TableKind {
    /// Counts and shares of all families: screens end it with a total.
    Frequency,
    /// The Wilcoxon signed-rank test: ranks, then Z, p and its reading.
    Wilcoxon,
    /// Counts, scores or means as they are.
    Plain,
}

/// One table of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Language-neutral name, used in CSV file names and as the screens' element id.
    pub id: &'static str,
    /// Title in the chosen language, used as the XLSX sheet name.
    pub title: String,
    pub kind: TableKind,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The total row screens show under a frequency table (files leave it out, as the
    /// programme's papers do).
    pub total: Option<Vec<Cell>>,
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

/// The tables of a report of the families of one RW (`by_rw`), or of a posyandu, a
/// cadre or all: an RW is a set of families, not of cadres, so its report has no
/// cadres' table.
pub fn tables_for(report: &Report, i18n: &Localizer, language: &str, by_rw: bool) -> Vec<Table> {
    let mut all = tables(report, i18n, language);
    if by_rw {
        all.retain(|table| table.id != "cadres");
    }
    all
}

/// The report's tables, labelled in `language`.
pub fn tables(report: &Report, i18n: &Localizer, language: &str) -> Vec<Table> {
    let t = |id: &str| i18n.text(language, id, None);
    let text = |s: String| Cell::Text(s);
    let count = Cell::count;
    let frequency = |id: &'static str, title: &str, prefix: &str, rows: &[Row]| {
        let total: usize = rows.iter().map(|r| r.count).sum();
        Table {
            id,
            title: t(title),
            kind: TableKind::Frequency,
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
                        Cell::decimal(round1(r.percent), 1),
                    ]
                })
                .collect(),
            total: Some(vec![
                text(t("report-total")),
                count(total),
                count(if total > 0 { 100 } else { 0 }),
            ]),
        }
    };
    let optional = |value: Option<f64>| value.map_or(Cell::Empty, |v| Cell::decimal(round1(v), 1));
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
            kind: TableKind::Plain,
            total: None,
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
            kind: TableKind::Plain,
            total: None,
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
        feeding_table(report, i18n, language),
        Table {
            id: "comfort",
            title: t("report-comfort"),
            kind: TableKind::Plain,
            total: None,
            header: vec![t("report-category"), t("report-frequency")],
            rows: comfort_rows,
        },
    ]
}

/// The cadres' own counselling: each cadre's pre- and post-test, then how many were
/// counselled (both tests) and the means.
fn cadres_table(report: &Report, t: &dyn Fn(&str) -> String) -> Table {
    let score = |value: Option<u8>| value.map_or(Cell::Empty, |v| Cell::count(usize::from(v)));
    let mean = |value: Option<f64>| value.map_or(Cell::Empty, |v| Cell::decimal(round1(v), 1));
    let mut rows: Vec<Vec<Cell>> = report
        .cadres
        .iter()
        .map(|c| vec![Cell::Text(c.name.clone()), score(c.pre), score(c.post)])
        .collect();
    rows.push(vec![
        Cell::Text(t("report-cadres-counselled")),
        Cell::count(report.cadres_counselled),
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
        kind: TableKind::Plain,
        total: None,
        header: vec![t("report-cadre"), t("report-pre"), t("report-post")],
        rows,
    }
}

/// Exclusive breastfeeding (`feeding.rs`): by age month 0-5, the babies asked and those
/// fed only breast milk the day before; then the babies who reached six months, those
/// exclusively breastfed since birth (a share of those whose feeding is known), and
/// those never asked at five months.
fn feeding_table(report: &Report, i18n: &Localizer, language: &str) -> Table {
    let t = |id: &str| i18n.text(language, id, None);
    let share = |part: usize, of: usize| {
        if of == 0 {
            Cell::Empty
        } else {
            Cell::decimal(round1(part as f64 * 100.0 / of as f64), 1)
        }
    };
    let feeding = &report.feeding;
    let line = |label: String, babies: usize, exclusive: usize| {
        vec![
            Cell::Text(label),
            Cell::count(babies),
            Cell::count(exclusive),
            share(exclusive, babies),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = feeding
        .by_age
        .iter()
        .map(|age| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("months", age.months);
            let label = i18n.text(language, "report-feeding-months", Some(&args));
            line(label, age.babies, age.exclusive)
        })
        .collect();
    let total = feeding.total();
    rows.push(line(
        t("report-feeding-total"),
        total.babies,
        total.exclusive,
    ));
    let known = feeding.reached_six_months - feeding.not_known;
    rows.push(vec![
        Cell::Text(t("report-feeding-six-months")),
        Cell::count(feeding.reached_six_months),
        Cell::Empty,
        Cell::Empty,
    ]);
    rows.push(vec![
        Cell::Text(t("report-feeding-since-birth")),
        Cell::count(known),
        Cell::count(feeding.exclusive_since_birth),
        share(feeding.exclusive_since_birth, known),
    ]);
    rows.push(vec![
        Cell::Text(t("report-feeding-not-known")),
        Cell::count(feeding.not_known),
        Cell::Empty,
        Cell::Empty,
    ]);
    Table {
        id: "exclusive-breastfeeding",
        title: t("report-feeding"),
        kind: TableKind::Plain,
        total: None,
        header: vec![
            t("report-feeding-age"),
            t("report-feeding-babies"),
            t("report-feeding-exclusive"),
            t("report-percent"),
        ],
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
            Cell::count(n),
            if n == 0 {
                Cell::Empty
            } else {
                Cell::decimal(mean, 2)
            },
            Cell::decimal(sum, 1),
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
            Cell::count(test.ties),
            Cell::Empty,
            Cell::Empty,
        ],
        vec![
            Cell::Text(t("report-total")),
            Cell::count(test.pairs),
            Cell::Empty,
            Cell::Empty,
        ],
    ];
    match &test.outcome {
        Some(outcome) => {
            rows.push(vec![Cell::Text("Z".into()), Cell::decimal(outcome.z, 3)]);
            rows.push(vec![Cell::Text("p".into()), Cell::P(outcome.p)]);
            if let Some(exact) = outcome.p_exact {
                rows.push(vec![Cell::Text(t("report-exact-p")), Cell::P(exact)]);
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
        kind: TableKind::Wilcoxon,
        total: None,
        header: vec![
            String::new(),
            "N".into(),
            t("report-mean-rank"),
            t("report-sum-ranks"),
        ],
        rows,
    }
}
