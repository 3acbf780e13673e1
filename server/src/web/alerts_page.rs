//! Alerts, newest first, each linking to its family; marking one handled records who
//! and when.

use axum::Form;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use maud::html;
use serde::Deserialize;

use super::access::Area;
use super::layout;
use super::text::{Arg, Text};
use super::{Refused, Signed, require};
use crate::dashboard::alerts::{self, Alert, AlertKind};
use crate::http::AppState;
use ayah_asi_core::protocol;

#[derive(Deserialize, Default)]
pub struct AlertsQuery {
    /// Show handled alerts too.
    #[serde(default)]
    all: Option<String>,
}

pub async fn show(
    signed: Signed,
    Query(query): Query<AlertsQuery>,
) -> Result<Html<String>, Refused> {
    require(&signed, Area::Alerts)?;
    let text = &signed.text;
    let with_handled = query.all.is_some();
    let list = alerts::list(&signed.reads, &signed.scope, Utc::now(), with_handled)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    let body = html! {
        p.lede { (text.t("dash-alerts-lede")) }
        p {
            @if with_handled {
                a #alerts-open-only href="/alerts" { (text.t("dash-alerts-open-only")) }
            } @else {
                a #alerts-all href="/alerts?all=1" { (text.t("dash-alerts-show-handled")) }
            }
        }
        @if list.is_empty() {
            p #no-alerts { (text.t("dash-alerts-none")) }
        } @else {
            ul #alerts.alerts {
                @for alert in &list {
                    li.alert data-kind=(alert.kind.id()) {
                        div.alert-head {
                            strong.alert-title { (alert_title(text, alert)) }
                            " · " time { (text.moment(alert.at)) }
                        }
                        div.alert-about {
                            @if let Some((id, father)) = &alert.family {
                                a href={ "/families/" (id) } {
                                    (text.with("dash-alert-family", &[("father", Arg::from(father.as_str()))]))
                                }
                                " · "
                            }
                            (text.with("dash-alert-cadre", &[("cadre", Arg::from(alert.cadre.as_str()))]))
                        }
                        @if alert.kind == AlertKind::OtherFeeding {
                            p.alert-do { (text.t("alert-other-feeding-do")) }
                        }
                        @if let Some((by, at)) = &alert.handled {
                            p.handled {
                                (text.with("dash-alert-handled-by", &[("name", Arg::from(by.as_str())), ("time", Arg::from(text.moment(*at)))]))
                            }
                        } @else if super::access::allowed(signed.session.account.role, Area::HandleAlert) {
                            form.inline method="post" action="/alerts/handled" {
                                input type="hidden" name="csrf" value=(signed.session.csrf);
                                input type="hidden" name="key" value=(alert.key);
                                button.handle type="submit" { (text.t("dash-alert-mark-handled")) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(
        &signed,
        Some(Area::Alerts),
        &text.t("dash-nav-alerts"),
        body,
    ))
}

#[derive(Deserialize)]
pub struct HandledForm {
    #[serde(default)]
    csrf: String,
    key: String,
}

pub async fn mark_handled(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<HandledForm>,
) -> Result<Response, Refused> {
    require(&signed, Area::HandleAlert)?;
    signed.check_form(&form.csrf)?;
    let account = signed.session.account.id;
    alerts::mark_handled(&state.pool, &signed.scope, account, &form.key, Utc::now())
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    signed.audit(&state, "alert-handled", &form.key).await?;
    Ok(Redirect::to("/alerts").into_response())
}

/// An alert's title; a safety stop names what the check found (a danger sign apart
/// from a back rash), in the words the father's stop screen uses.
fn alert_title(text: &Text, alert: &Alert) -> String {
    let findings = alert
        .findings
        .iter()
        .filter(|f| (alert.kind == AlertKind::DangerSign) == protocol::is_urgent(f))
        .map(|f| text.t(&format!("safety-{f}-finding")))
        .collect::<Vec<_>>()
        .join(", ");
    match alert.kind {
        AlertKind::DangerSign => text.with("alert-danger-sign", &[("signs", Arg::from(findings))]),
        AlertKind::SafetyStop if !findings.is_empty() => text.with(
            "alert-safety-stop-found",
            &[("findings", Arg::from(findings))],
        ),
        AlertKind::OtherFeeding => {
            let given = alert
                .findings
                .iter()
                .map(|f| text.t(&format!("food-{f}")))
                .collect::<Vec<_>>()
                .join(", ");
            text.with("alert-other-feeding", &[("given", Arg::from(given))])
        }
        kind => text.t(&format!("alert-{}", kind.id())),
    }
}
