//! The report's tables as files: CSV text (one per table) or one XLSX workbook.

use rust_xlsxwriter::Workbook;

use super::{Cell, ExportError, Table};

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
        Cell::Number { value, .. } | Cell::P(value) => Field::Number(value.to_string()),
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
                    Cell::Number { value, .. } | Cell::P(value) => {
                        sheet.write_number(row, col, *value)?
                    }
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
