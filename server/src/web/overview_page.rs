//! Overview: per posyandu, families enrolled, fathers active this week, sessions
//! against the plan, visits due, trained fathers, cadres with a paired phone, counselled
//! cadres; then the pictures: each posyandu's sessions per week against the plan, and
//! (for those who read alerts) the alerts of the last weeks by kind.

use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use maud::html;

use super::access::{self, Area};
use super::layout;
use super::overview_charts;
use super::text::Arg;
use super::{Refused, Signed, require};
use crate::accounts::Role;
use crate::dashboard::{self, PosyanduOverview};

pub async fn show(signed: Signed) -> Result<Response, Refused> {
    // The first page after signing in: the district's reader has her own.
    if signed.session.account.role == Role::District {
        return Ok(Redirect::to("/district").into_response());
    }
    require(&signed, Area::Overview)?;
    let text = &signed.text;
    let now = Utc::now();
    let lines = dashboard::overview(&signed.reads, &signed.scope, text.local(now))
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    // Alerts name what happened to a family: only for those who read alerts.
    let alert_counts = if access::allowed(signed.session.account.role, Area::Alerts) {
        let alerts = dashboard::alerts::list(&signed.reads, &signed.scope, now, true)
            .await
            .map_err(|e| signed.refuse(e.into()))?;
        Some(overview_charts::count_alerts(&alerts, now))
    } else {
        None
    };
    let total = lines
        .iter()
        .fold(PosyanduOverview::default(), |mut sum, l| {
            sum.add(l);
            sum
        });
    let percent = |done: u32, of: u32| {
        (of > 0).then(|| text.number(f64::from(done) * 100.0 / f64::from(of), 0))
    };
    let row = |l: &PosyanduOverview, name: &str| {
        html! {
            th scope="row" { (name) }
            td.num { (l.families) }
            td.num { (l.active) }
            td.num {
                (text.with("dash-sessions-of-plan", &[("given", Arg::from(l.sessions_7d)), ("planned", Arg::from(l.planned_7d))]))
                @if let Some(p) = percent(l.sessions_7d, l.planned_7d) { " (" (p) " %)" }
            }
            td.num { (l.visits_due) }
            td.num { (l.trained) }
            td.num { (text.with("dash-cadres-paired", &[("paired", Arg::from(l.cadres_paired)), ("cadres", Arg::from(l.cadres))])) }
            td.num { (l.cadres_counselled) }
        }
    };
    let body = html! {
        p.lede { (text.t("dash-overview-lede")) }
        @if lines.is_empty() {
            p #no-posyandu { (text.t("dash-overview-empty")) }
        } @else {
            div.table-wrap tabindex="0" {
                table #overview {
                    caption { (text.t("dash-overview-caption")) }
                    thead { tr {
                        th scope="col" { (text.t("dash-col-posyandu")) }
                        th scope="col" { (text.t("dash-col-families")) }
                        th scope="col" { (text.t("dash-col-active")) }
                        th scope="col" { (text.t("dash-col-sessions-plan")) }
                        th scope="col" { (text.t("dash-col-visits-due")) }
                        th scope="col" { (text.t("dash-col-trained")) }
                        th scope="col" { (text.t("dash-col-cadres")) }
                        th scope="col" { (text.t("dash-col-counselled")) }
                    } }
                    tbody { @for l in &lines { tr { (row(l, &l.name)) } } }
                    @if lines.len() > 1 {
                        tfoot { tr.total { (row(&total, &text.t("dash-total"))) } }
                    }
                }
            }
            p.note { (text.t("dash-overview-note")) }
            (overview_charts::weeks(text, &lines))
            (overview_charts::feeding(text, &lines, overview_charts::Place::Posyandu))
            @if let Some(counts) = &alert_counts {
                (overview_charts::alerts(text, counts))
            }
        }
    };
    Ok(layout::page(
        &signed,
        Some(Area::Overview),
        &text.t("dash-nav-overview"),
        body,
    )
    .into_response())
}
