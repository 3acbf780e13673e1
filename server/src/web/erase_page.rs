//! Erasing a family at the puskesmas, for a mother who asks in person: a page that says
//! what goes and asks why (a fixed list: the audit trail keeps no free text), then the
//! erasure itself (`records::erase_family`), its audit line written with it.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use super::access::Area;
use super::layout;
use super::text::Arg;
use super::{Refused, Signed, require};
use crate::dashboard::{self, devices};
use crate::http::AppState;
use crate::records::ErasureReason;

/// Asks before erasing: what goes, from where, and why.
pub async fn confirm(signed: Signed, Path(id): Path<String>) -> Result<Html<String>, Refused> {
    require(&signed, Area::Erase)?;
    let filter = dashboard::FamilyFilter {
        family_id: Some(id.clone()),
        ..Default::default()
    };
    let today = signed.text.today(chrono::Utc::now());
    let family = dashboard::list_families(&signed.reads, &signed.scope, &filter, today)
        .await
        .map_err(|e| signed.refuse(e.into()))?
        .into_iter()
        .next()
        .ok_or_else(|| signed.refuse(dashboard::DashboardError::NotFound.into()))?;
    let text = &signed.text;
    let names = [
        ("father", Arg::from(family.father.as_str())),
        ("mother", Arg::from(family.mother.as_str())),
    ];
    let body = html! {
        p #erase-explain { (text.with("dash-erase-explain", &names)) }
        ul {
            li { (text.t("dash-erase-what-server")) }
            li { (text.t("dash-erase-what-phones")) }
            li { (text.t("dash-erase-what-reports")) }
            li { (text.t("dash-erase-what-audit")) }
        }
        form method="post" action={ "/families/" (family.id) "/erase" } {
            input type="hidden" name="csrf" value=(signed.session.csrf);
            fieldset {
                legend { (text.t("dash-erase-reason")) }
                @for reason in ErasureReason::AT_PUSKESMAS {
                    div {
                        input type="radio" name="reason" required
                            id={ "reason-" (reason.word()) } value=(reason.word());
                        " "
                        label for={ "reason-" (reason.word()) } { (text.t(&format!("dash-erase-reason-{}", reason.word()))) }
                    }
                }
            }
            button.danger #confirm-erase type="submit" { (text.t("dash-erase-confirm")) }
            " " a href={ "/families/" (family.id) } { (text.t("dash-cancel")) }
        }
    };
    Ok(layout::page(
        &signed,
        Some(Area::Families),
        &text.t("dash-erase-title"),
        body,
    ))
}

#[derive(Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
}

pub async fn erase(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<EraseForm>,
) -> Result<Response, Refused> {
    require(&signed, Area::Erase)?;
    signed.check_form(&form.csrf)?;
    let reason = ErasureReason::parse(&form.reason)
        .filter(|r| ErasureReason::AT_PUSKESMAS.contains(r))
        .ok_or_else(|| signed.refuse(super::PageError::BadForm))?;
    devices::erase_family(
        &state.pool,
        &signed.scope,
        &id,
        reason,
        signed.session.account.id,
        &signed.address,
    )
    .await
    .map_err(|e| signed.refuse(e.into()))?;
    Ok(Redirect::to("/families?erased=1").into_response())
}
