//! Writing the report's tables (built in the core crate's `report_tables`) as files: CSV
//! (one UTF-8 file per table, header row first, in a new folder) or XLSX (one workbook).
//! No Tauri: the command chooses the place, this writes the files.

use std::path::{Path, PathBuf};

pub use crate::domain::report_tables::{
    Cell, ExportError, Table, TableKind, csv_of, defused, tables, tables_for,
};
use crate::domain::report_tables::{table_csv, xlsx_bytes};

/// A new folder `<name>` in `parent` (`<name>-2`, `-3`... when taken), so an export
/// never mixes with or replaces files already there.
pub fn fresh_folder(parent: &Path, name: &str) -> std::io::Result<PathBuf> {
    for n in 1..1000 {
        let dir = match n {
            1 => parent.join(name),
            n => parent.join(format!("{name}-{n}")),
        };
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::ErrorKind::AlreadyExists.into())
}

/// Writes one CSV file per table (`<prefix>-<table>.csv`) into a new folder `<prefix>`
/// inside `parent`; returns the files. Nothing already there is replaced.
pub fn write_csv(
    tables: &[Table],
    parent: &Path,
    prefix: &str,
) -> Result<Vec<PathBuf>, ExportError> {
    let dir = fresh_folder(parent, prefix)?;
    tables
        .iter()
        .map(|table| {
            let path = dir.join(format!("{prefix}-{}.csv", table.id));
            write_new(&path, &table_csv(table)?)?;
            Ok(path)
        })
        .collect()
}

/// Creates `path` with `bytes`; refuses to replace a file that is already there.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes one workbook with a sheet per table.
pub fn write_xlsx(tables: &[Table], path: &Path) -> Result<(), ExportError> {
    std::fs::write(path, xlsx_bytes(tables)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_export_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        write_new(&path, b"first").unwrap();
        assert!(write_new(&path, b"second").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
    }

    #[test]
    fn xlsx_text_cells_are_strings_even_when_they_look_like_formulas() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.xlsx");
        let table = Table {
            id: "t",
            title: "T".into(),
            kind: TableKind::Plain,
            header: vec!["a".into()],
            rows: vec![vec![Cell::Text("=1+1".into())]],
            total: None,
        };
        write_xlsx(&[table], &path).unwrap();
        // The sheet keeps it as a shared string, not a formula (<f>).
        let sheet = unzip_entry(&path, "xl/worksheets/sheet1.xml");
        assert!(!sheet.contains("<f>"), "{sheet}");
        assert!(unzip_entry(&path, "xl/sharedStrings.xml").contains("=1+1"));
    }

    fn unzip_entry(path: &Path, name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    }
}
