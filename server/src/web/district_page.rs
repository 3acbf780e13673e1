//! The district's page (Dinas Kesehatan): every puskesmas of the reader's district in
//! counts and rates only: families, fathers active, sessions against the plan, visits
//! due, cadres, and exclusive breastfeeding the way the posyandu report counts it
//! (the day before, by month, and since birth at six months). No family, cadre or
//! device is named or linked.

use axum::response::Html;
use chrono::Utc;
use maud::{Markup, html};

use super::access::Area;
use super::layout;
use super::overview_charts::{self, Place};
use super::text::{Arg, Text};
use super::{Refused, Signed, require};
use crate::dashboard::PosyanduOverview;
use crate::dashboard::district::{self, PuskesmasLine};

pub async fn show(signed: Signed) -> Result<Html<String>, Refused> {
    require(&signed, Area::District)?;
    let text = &signed.text;
    let now = text.local(Utc::now());
    let district = district::overview(&signed.reads, signed.session.account.puskesmas_id, now)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    let body = match &district {
        None => html! { p #no-district { (text.t("dash-district-none")) } },
        Some(district) => {
            let mut total = PosyanduOverview::default();
            for line in &district.puskesmas {
                total.add(&line.figures);
            }
            let posyandu: u32 = district.puskesmas.iter().map(|l| l.posyandu).sum();
            let lines: Vec<PosyanduOverview> = district
                .puskesmas
                .iter()
                .map(|l| l.figures.clone())
                .collect();
            html! {
                p.lede { (text.with("dash-district-lede", &[("district", Arg::from(district.name.as_str()))])) }
                div.table-wrap tabindex="0" {
                    table #district {
                        caption { (text.t("dash-district-caption")) }
                        thead { tr {
                            th scope="col" { (text.t("dash-col-puskesmas")) }
                            th scope="col" { (text.t("dash-col-posyandu-count")) }
                            th scope="col" { (text.t("dash-col-families")) }
                            th scope="col" { (text.t("dash-col-active")) }
                            th scope="col" { (text.t("dash-col-sessions-plan")) }
                            th scope="col" { (text.t("dash-col-visits-due")) }
                            th scope="col" { (text.t("dash-col-cadres")) }
                            th scope="col" { (text.t("dash-col-exclusive-yesterday")) }
                            th scope="col" { (text.t("dash-col-exclusive-six-months")) }
                        } }
                        tbody { @for line in &district.puskesmas {
                            tr data-puskesmas=(line.figures.posyandu_id) { (row(text, line, &line.figures.name)) }
                        } }
                        @if district.puskesmas.len() > 1 {
                            tfoot { tr.total { (row(text, &PuskesmasLine { posyandu, figures: total }, &text.t("dash-total"))) } }
                        }
                    }
                }
                p.note { (text.t("dash-district-note")) }
                (overview_charts::feeding(text, &lines, Place::Puskesmas))
            }
        }
    };
    Ok(layout::page(
        &signed,
        Some(Area::District),
        &text.t("dash-nav-district"),
        body,
    ))
}

/// "3 of 4 (75 %)", or the count alone when there is nothing to divide by.
fn share(text: &Text, part: usize, of: usize) -> String {
    let counts = text.with(
        "dash-share",
        &[
            ("part", Arg::from(part as u32)),
            ("of", Arg::from(of as u32)),
        ],
    );
    if of == 0 {
        return counts;
    }
    let percent = text.number(part as f64 * 100.0 / of as f64, 0);
    format!("{counts} ({percent} %)")
}

fn row(text: &Text, line: &PuskesmasLine, name: &str) -> Markup {
    let l = &line.figures;
    // The latest month shown: this month so far.
    let (babies, exclusive) = l.feeding.last().map_or((0, 0), |m| (m.babies, m.exclusive));
    let six = &l.indicators;
    let counted = six.reached_six_months.saturating_sub(six.not_known);
    html! {
        th scope="row" { (name) }
        td.num { (line.posyandu) }
        td.num { (l.families) }
        td.num { (l.active) }
        td.num { (share(text, l.sessions_7d as usize, l.planned_7d as usize)) }
        td.num { (l.visits_due) }
        td.num { (text.with("dash-cadres-paired", &[("paired", Arg::from(l.cadres_paired)), ("cadres", Arg::from(l.cadres))])) }
        td.num data-cell="yesterday" { (share(text, exclusive, babies)) }
        td.num data-cell="six-months" {
            (share(text, six.exclusive_since_birth, counted))
            @if six.not_known > 0 {
                " · " (text.with("dash-not-known", &[("count", Arg::from(six.not_known as u32))]))
            }
        }
    }
}
