//! The posyandu report in the real app, from a small cohort recorded through the UI:
//! three families, two visits each with the milk production seen that day.

use ayah_asi_e2e::flows::{
    CHECKLIST_ROWS, Mother, register_family_as_cadre, row_button, set_cadre_pin,
};
use ayah_asi_e2e::{App, Driver, Result};

async fn register(app: &App, father: &str, age: &str, education: &str, parity: &str) -> Result<()> {
    let name = format!("Ibu {father}");
    register_family_as_cadre(
        app,
        father,
        &Mother {
            name: &name,
            age,
            education,
            parity,
        },
    )
    .await
}

/// Scores every row with `score` and records the milk production seen that day.
async fn visit(app: &App, father: &str, score: u8, milk: &str) -> Result<()> {
    app.type_into("#families-search", father).await?;
    app.click("#families-list button[id^='visit-']").await?;
    for row in CHECKLIST_ROWS {
        app.click(&row_button(row, score)).await?;
    }
    app.click("#motivation-cooperative").await?;
    app.select("#visit-milk-status", milk).await?;
    app.click("#visit-save").await?;
    app.wait_for("#visit-saved").await?;
    app.click("#back-to-families").await?;
    app.wait_for("#families-title").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_posyandu_report_tabulates_a_cohort_and_runs_the_wilcoxon_test() -> Result<()> {
    let exports = tempfile::tempdir()?;
    let export_dir = exports.path().to_string_lossy().into_owned();
    let driver = Driver::start_with_env(&[("AYAH_ASI_EXPORT_DIR", &export_dir)])?;
    let app = driver.launch().await?;
    app.click("#choose-language-id").await?;
    app.click("#cadre-entry").await?;
    set_cadre_pin(&app, "112233").await?;
    register(&app, "Andi", "22", "sma", "primipara").await?;
    register(&app, "Budi", "30", "smp", "multipara").await?;
    register(&app, "Candra", "", "", "").await?;
    // Before: tidak lancar, tidak ada, tidak lancar. After: each one step better.
    for (father, before, after) in [
        ("Andi", "tidak-lancar", "lancar"),
        ("Budi", "tidak-ada", "tidak-lancar"),
        ("Candra", "tidak-lancar", "lancar"),
    ] {
        visit(&app, father, 1, before).await?;
        visit(&app, father, 2, after).await?;
    }
    app.type_into("#families-search", "").await?;
    app.click("#open-report").await?;
    app.wait_for_text("#report-title", "Laporan posyandu")
        .await?;

    let row = |rows: &[Vec<String>], first: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r.first().is_some_and(|c| c == first))
            .cloned()
            .unwrap_or_default()
    };
    let participants = app.table_rows("#report-participants").await?;
    assert_eq!(
        row(&participants, "Ayah terdaftar"),
        ["Ayah terdaftar", "3"]
    );
    let age = app.table_rows("#report-age").await?;
    assert_eq!(row(&age, "< 25 tahun"), ["< 25 tahun", "1", "33,3"]);
    assert_eq!(row(&age, "> 35 tahun"), ["> 35 tahun", "0", "0"]);
    assert_eq!(row(&age, "Tidak dicatat"), ["Tidak dicatat", "1", "33,3"]);
    let education = app.table_rows("#report-education").await?;
    assert_eq!(row(&education, "SMA"), ["SMA", "1", "33,3"]);
    let before = app.table_rows("#report-milk-before").await?;
    assert_eq!(row(&before, "Tidak lancar"), ["Tidak lancar", "2", "66,7"]);
    assert_eq!(row(&before, "Tidak ada"), ["Tidak ada", "1", "33,3"]);
    let after = app.table_rows("#report-milk-after").await?;
    assert_eq!(row(&after, "Lancar"), ["Lancar", "2", "66,7"]);
    // scipy.stats.wilcoxon([3,2,3], [2,1,2], zero_method="wilcox", correction=False):
    // z = -1.7320508, p = 0.0832645; exact (ties included) 2/8 = 0.25.
    let test = app.table_rows("#report-milk-test").await?;
    assert_eq!(
        row(&test, "Peringkat positif (sesudah > sebelum)"),
        ["Peringkat positif (sesudah > sebelum)", "3", "2", "6"]
    );
    assert_eq!(
        row(&test, "Peringkat negatif (sesudah < sebelum)"),
        ["Peringkat negatif (sesudah < sebelum)", "0", "", "0"]
    );
    assert_eq!(row(&test, "Z"), ["Z", "-1,732"]);
    assert_eq!(row(&test, "p"), ["p", "0,083"]);
    assert_eq!(row(&test, "p eksak"), ["p eksak", "0,25"]);
    assert_eq!(
        row(&test, "Tidak bermakna pada taraf 5%."),
        ["Tidak bermakna pada taraf 5%."]
    );
    let knowledge = app.table_rows("#report-knowledge-test").await?;
    assert!(
        knowledge
            .iter()
            .any(|r| r[0].starts_with("Terlalu sedikit pasangan")),
        "{knowledge:?}"
    );
    assert!(
        app.text("#report-competence-line")
            .await?
            .starts_with("3 pemijat dinilai, 3 kompeten (100%)")
    );
    // A frequency table ends with its total, as the dashboard's does.
    assert_eq!(row(&age, "Jumlah"), ["Jumlah", "3", "100"]);
    // The chart: before has tidak lancar and tidak ada, after has lancar and tidak lancar.
    let segments = app
        .client
        .find_all(ayah_asi_e2e::Locator::Css("#report-milk-chart rect"))
        .await?;
    assert_eq!(segments.len(), 4);
    app.wait_for("#report-milk-chart rect.seg-lancar").await?;
    app.screenshot("50-report").await?;
    app.screenshot_of("#report-milk-chart", "51-report-milk-chart")
        .await?;

    // XLSX: one sheet per table, headers in Indonesian, numbers as numbers.
    app.click("#export-xlsx").await?;
    let today = chrono::Local::now().date_naive();
    let xlsx = exports
        .path()
        .join(format!("laporan-posyandu-{today}.xlsx"));
    ayah_asi_e2e::eventually("the workbook is written", || Ok(xlsx.is_file())).await?;
    app.wait_for("#export-status").await?;
    assert!(app.text("#export-status").await?.starts_with("Disimpan: "));
    {
        use calamine::{Data, Reader, open_workbook_auto};
        let mut workbook = open_workbook_auto(&xlsx)?;
        let sheets = workbook.sheet_names();
        assert!(
            sheets.contains(&"Peserta".to_string())
                && sheets.contains(&"Uji Wilcoxon ASI".to_string()),
            "{sheets:?}"
        );
        let participants = workbook.worksheet_range("Peserta")?;
        assert_eq!(
            participants.get_value((0, 0)),
            Some(&Data::String("Kategori".into()))
        );
        assert_eq!(
            participants.get_value((1, 0)),
            Some(&Data::String("Ayah terdaftar".into()))
        );
        assert_eq!(participants.get_value((1, 1)), Some(&Data::Float(3.0)));
        let test = workbook.worksheet_range("Uji Wilcoxon ASI")?;
        let z = (0..test.height() as u32).find_map(|r| {
            match (test.get_value((r, 0)), test.get_value((r, 1))) {
                (Some(Data::String(label)), Some(Data::Float(z))) if label == "Z" => Some(*z),
                _ => None,
            }
        });
        assert!((z.ok_or("no Z row")? + 1.7320508075688774).abs() < 1e-9);
    }
    // CSV: one UTF-8 file per table with a header row.
    app.click("#export-csv").await?;
    let csv = exports
        .path()
        .join(format!("laporan-posyandu-{today}"))
        .join(format!("laporan-posyandu-{today}-milk-before.csv"));
    ayah_asi_e2e::eventually("the CSV files are written", || Ok(csv.is_file())).await?;
    let text = std::fs::read_to_string(&csv)?;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Kategori,Frekuensi,%");
    assert!(lines.contains(&"Tidak lancar,2,66.7"), "{lines:?}");
    assert_eq!(
        std::fs::read_dir(exports.path())?.count(),
        2,
        "one workbook and one folder of CSV tables"
    );
    let folder = csv.parent().ok_or("folder")?.to_path_buf();
    // One per table, the sessions by giver, the cadres' counselling and exclusive
    // breastfeeding included.
    ayah_asi_e2e::eventually("thirteen CSV tables", || {
        Ok(std::fs::read_dir(&folder)?.count() == 13)
    })
    .await?;
    let feeding = folder.join(format!(
        "laporan-posyandu-{today}-exclusive-breastfeeding.csv"
    ));
    let feeding = std::fs::read_to_string(&feeding)?;
    assert!(
        feeding.starts_with("Umur bayi,Bayi,Hanya ASI,%"),
        "{feeding}"
    );
    // A second CSV export goes to a new folder: nothing is replaced.
    app.click("#export-csv").await?;
    let again = exports.path().join(format!("laporan-posyandu-{today}-2"));
    ayah_asi_e2e::eventually("a second folder", || Ok(again.is_dir())).await?;

    // Filters by posyandu and by RW keep the same cohort: all three are Melati's, RW 11.
    app.select("#report-rw", "11").await?;
    let started = std::time::Instant::now();
    while !app.text("#report-scope").await?.ends_with("RW 11") {
        assert!(
            started.elapsed().as_secs() < 15,
            "the RW filter did not apply"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        row(
            &app.table_rows("#report-participants").await?,
            "Ayah terdaftar"
        ),
        ["Ayah terdaftar", "3"]
    );
    app.select("#report-posyandu", "Melati").await?;
    let started = std::time::Instant::now();
    while !app.text("#report-scope").await?.contains("Melati · RW 11") {
        assert!(started.elapsed().as_secs() < 15, "the filter did not apply");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        row(
            &app.table_rows("#report-participants").await?,
            "Ayah terdaftar"
        ),
        ["Ayah terdaftar", "3"]
    );
    app.close().await
}
