//! The district's page: every puskesmas of the reader's district, none of another, in
//! counts and rates only (no family, cadre or device named or linked), exclusive
//! breastfeeding counted with the core's definitions; a district account needs a
//! puskesmas in a district.

use super::*;
use ayah_asi_core::sample::{day_ago, line, new_id, time_ago};

/// A recall of what `family`'s baby had yesterday, pushed from a new device's bundle.
async fn answered(server: &Server, token: &str, family: &str, items: &str) {
    let device = new_id();
    let recall = line(
        "feeding_recall",
        new_id(),
        &device,
        &time_ago(0),
        serde_json::json!({
            "family_id": family, "recalled_on": day_ago(0), "items": items,
            "ever_other": null, "first_other_on": null, "recorded_by": "mother",
        }),
    );
    let bundle = ayah_asi_core::sample::bundle_of(&device, &[family.to_owned()], &[recall]);
    push(server, token, bundle).await;
}

/// A puskesmas with one posyandu, a cadre, her phone (its token) and one family.
async fn puskesmas_with_family(server: &Server, name: &str, father: &str) -> (String, String) {
    let pool = &server.pool;
    org::add_puskesmas(pool, name).await.unwrap();
    let posyandu = org::add_posyandu(pool, name, "Anggrek").await.unwrap();
    let cadre = org::add_cadre(pool, posyandu, &format!("Kader {father}"))
        .await
        .unwrap();
    let (token, _) = pair(server, cadre).await;
    let family = FamilyRecords::enrolled(father, &format!("Ibu {father}"), 30);
    push(server, &token, family.bundle()).await;
    (token, family.family)
}

#[tokio::test]
async fn the_district_reads_its_puskesmas_in_counts_only_and_never_another_district() {
    let p = programme().await;
    let pool = &p.server.pool;
    let (sido_token, joko) = puskesmas_with_family(&p.server, "Puskesmas Sidomulyo", "Joko").await;
    org::set_district(pool, "Puskesmas Sidomulyo", "Kabupaten Sukamaju")
        .await
        .unwrap();
    // Another district's puskesmas: never on this district's page.
    puskesmas_with_family(&p.server, "Puskesmas Karanganyar", "Hadi").await;
    org::add_district(pool, "Kabupaten Lain").await.unwrap();
    org::set_district(pool, "Puskesmas Karanganyar", "Kabupaten Lain")
        .await
        .unwrap();
    // Joko's baby had only breast milk yesterday; Agus's (Rejosari) had formula.
    answered(&p.server, &sido_token, &joko, "breast-milk").await;
    let sari_token = pair(&p.server, p.sari).await.0;
    answered(
        &p.server,
        &sari_token,
        &p.melati_family,
        "breast-milk,formula",
    )
    .await;

    let dinkes = Web::logged_in(&p.server.base, "dinkes", PASSWORD).await;
    let (status, page, _) = dinkes.get("/district").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Kabupaten Sukamaju"), "{page}");
    assert!(page.contains("Puskesmas Rejosari") && page.contains("Puskesmas Sidomulyo"));
    assert!(
        !page.contains("Karanganyar") && !page.contains("Hadi"),
        "{page}"
    );
    // Not a name of a family, a cadre or a posyandu, nor a link to any of them.
    for name in [
        "Budi", "Siti", "Agus", "Dewi", "Joko", "Rina", "Sari", "Mawar", "Anggrek",
    ] {
        assert!(!page.contains(name), "{name} on the district's page");
    }
    assert!(!page.contains("/families") && !page.contains("/cadres"));
    // Rejosari: two posyandu, two families; one baby asked this month, not exclusive.
    let rows = super::charts::table(&page, "district");
    let rejosari = rows.iter().find(|r| r[0] == "Puskesmas Rejosari").unwrap();
    assert_eq!((rejosari[1].as_str(), rejosari[2].as_str()), ("2", "2"));
    assert_eq!(rejosari[7], "0 dari 1 (0 %)");
    let sidomulyo = rows.iter().find(|r| r[0] == "Puskesmas Sidomulyo").unwrap();
    assert_eq!((sidomulyo[1].as_str(), sidomulyo[2].as_str()), ("1", "1"));
    assert_eq!(sidomulyo[7], "1 dari 1 (100 %)");
    let total = rows.iter().find(|r| r[0] == "Jumlah").unwrap();
    assert_eq!(
        (total[2].as_str(), total[7].as_str()),
        ("3", "1 dari 2 (50 %)")
    );
    // The trend by month, a chart and its table for each puskesmas.
    let captions: Vec<&str> = page
        .split("<caption>")
        .skip(1)
        .filter_map(|c| c.split("</caption>").next())
        .filter(|c| c.starts_with("ASI eksklusif per bulan, "))
        .collect();
    assert_eq!(captions.len(), 2, "{captions:?}");
    assert!(captions[1].contains("Puskesmas Sidomulyo"), "{captions:?}");

    // Signing in lands on the district's page; the puskesmas's own pages stay shut.
    let (status, _, location) = dinkes.get("/overview").await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/district")
    );
    // A puskesmas's admin can neither make a district account nor set its password:
    // it reads the other puskesmas (only the server's command line makes one).
    let admin = Web::logged_in(&p.server.base, "admin", PASSWORD).await;
    let csrf = admin.csrf().await;
    let (_, accounts_page, _) = admin.get("/accounts").await;
    assert!(
        !accounts_page.contains("value=\"district\""),
        "no district option"
    );
    assert!(
        !accounts_page.contains("dinkes"),
        "the district's account is not listed"
    );
    let made = admin
        .post(
            "/accounts",
            &[
                ("csrf", csrf.as_str()),
                ("login", "dinkes-palsu"),
                ("name", "Palsu"),
                ("role", "district"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(made.0, StatusCode::FORBIDDEN, "{}", made.1);
    let taken = admin
        .post(
            "/accounts/password",
            &[
                ("csrf", csrf.as_str()),
                ("login", "dinkes"),
                ("password", "kata-sandi-admin-baru"),
            ],
        )
        .await;
    assert_ne!(taken.0, StatusCode::SEE_OTHER, "{}", taken.1);
    Web::logged_in(&p.server.base, "dinkes", PASSWORD).await;
    let (mut web, count) = (
        Web::new(&p.server.base),
        "SELECT count(*) FROM account WHERE login = 'dinkes-palsu'",
    );
    assert_eq!(
        web.log_in("dinkes-palsu", PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );
    let made: i64 = pool
        .get()
        .await
        .unwrap()
        .query_one(count, &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(made, 0);
    // A district account needs a puskesmas that belongs to a district.
    let outside = org::add_puskesmas(pool, "Puskesmas Tanpa Kabupaten")
        .await
        .unwrap();
    let refused = accounts::add(
        pool,
        outside,
        "dinkes-2",
        "Dinkes",
        Role::District,
        PASSWORD,
        &[],
    )
    .await;
    assert!(
        matches!(refused, Err(accounts::AccountError::NoDistrict)),
        "{refused:?}"
    );
}
