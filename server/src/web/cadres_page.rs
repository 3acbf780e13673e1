//! Cadres and devices: each cadre's phones (last sync, app version), families assigned
//! to her; pairing codes shown once, revoking a phone (after a confirmation), moving a
//! family to another cadre (recorded).

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use super::access::{Area, allowed};
use super::layout;
use super::session::CsrfForm;
use super::text::Arg;
use super::{Refused, Signed, require};
use crate::dashboard::devices;
use crate::http::AppState;

pub async fn show(signed: Signed) -> Result<Html<String>, Refused> {
    require(&signed, Area::Cadres)?;
    page(&signed, None).await
}

/// The page, with a notice above it (what an act did or why it was refused).
async fn page(signed: &Signed, notice: Option<(bool, String)>) -> Result<Html<String>, Refused> {
    let text = &signed.text;
    let cadres = devices::list(&signed.reads, &signed.scope)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    let manage = allowed(signed.session.account.role, Area::ManageDevices);
    // Names only for those who may open families (not the admin).
    let names = allowed(signed.session.account.role, Area::Review);
    let families = if names {
        devices::families_by_cadre(&signed.reads, &signed.scope)
            .await
            .map_err(|e| signed.refuse(e.into()))?
    } else {
        Vec::new()
    };
    let posyandu = if manage {
        crate::dashboard::posyandu_in_scope(&signed.reads, &signed.scope)
            .await
            .map_err(|e| signed.refuse(e.into()))?
    } else {
        Vec::new()
    };
    let body = html! {
        @if let Some((ok, message)) = &notice {
            p #cadres-notice class=(if *ok { "done" } else { "refusal" }) role="alert" { (message) }
        }
        p.lede { (text.t("dash-cadres-lede")) }
        @if manage && !posyandu.is_empty() {
            form.filters method="post" action="/cadres" {
                input type="hidden" name="csrf" value=(signed.session.csrf);
                label for="new-cadre-posyandu" { (text.t("dash-col-posyandu")) }
                select #new-cadre-posyandu name="posyandu" {
                    @for (id, name) in &posyandu { option value=(id) { (name) } }
                }
                label for="new-cadre-name" { (text.t("dash-cadre-name")) }
                input #new-cadre-name type="text" name="name" required maxlength=(devices::CADRE_NAME_MAX);
                button #add-cadre type="submit" { (text.t("dash-cadre-add")) }
            }
        }
        @for cadre in &cadres {
            section.cadre id={ "cadre-" (cadre.id) } {
                h2 { (cadre.name) " · " (cadre.posyandu) }
                p { (text.with("dash-cadre-families", &[("count", Arg::from(cadre.families))])) }
                @let hers: Vec<_> = families.iter().filter(|(c, _, _)| *c == cadre.id).collect();
                @if !hers.is_empty() {
                    ul.families { @for (_, id, father) in hers {
                        li { a href={ "/families/" (id) } { (text.with("dash-alert-family", &[("father", Arg::from(father.as_str()))])) } }
                    } }
                }
                @if cadre.devices.is_empty() {
                    p { (text.t("dash-no-devices")) }
                } @else {
                    div.table-wrap tabindex="0" { table.devices {
                        thead { tr {
                            th scope="col" { (text.t("dash-col-device")) }
                            th scope="col" { (text.t("dash-col-paired")) }
                            th scope="col" { (text.t("dash-col-last-sync")) }
                            th scope="col" { (text.t("dash-col-app-version")) }
                            th scope="col" { (text.t("dash-col-state")) }
                        } }
                        tbody { @for d in &cadre.devices { tr {
                            th scope="row" { @match &d.family {
                                // The admin sees no family's name.
                                // Not the names' reader, or a family not (or no longer) on the server.
                                Some(father) if !names || father.is_empty() => (text.t("dash-device-a-family")),
                                Some(father) => (text.with("dash-device-family", &[("father", Arg::from(father.as_str()))])),
                                None => (text.t("dash-device-cadre")),
                            } }
                            td { (text.moment(d.paired_at)) }
                            td { @match d.last_sync_at { Some(at) => (text.moment(at)), None => (text.t("dash-never")) } }
                            td { (d.app_version.as_deref().unwrap_or("—")) }
                            td { @match d.revoked_at {
                                Some(at) => (text.with("dash-revoked-at", &[("time", Arg::from(text.moment(at)))])),
                                None => @if manage {
                                    a.danger href={ "/devices/" (d.id) "/revoke" } { (text.t("dash-revoke")) }
                                } @else { (text.t("dash-active")) },
                            } }
                        } } }
                    } }
                }
                @if manage {
                    form.inline method="post" action={ "/cadres/" (cadre.id) "/code" } {
                        input type="hidden" name="csrf" value=(signed.session.csrf);
                        button type="submit" { (text.t("dash-make-code")) }
                    }
                }
            }
        }
        @if cadres.is_empty() { p { (text.t("dash-no-cadres")) } }
    };
    Ok(layout::page(
        signed,
        Some(Area::Cadres),
        &text.t("dash-nav-cadres"),
        body,
    ))
}

#[derive(Deserialize)]
pub struct CadreForm {
    #[serde(default)]
    csrf: String,
    posyandu: i64,
    #[serde(default)]
    name: String,
}

/// Adds a cadre to a posyandu of the scope; then her pairing code can be made here.
pub async fn add(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<CadreForm>,
) -> Result<Html<String>, Refused> {
    require(&signed, Area::ManageDevices)?;
    signed.check_form(&form.csrf)?;
    let added = devices::add_cadre(&state.pool, &signed.scope, form.posyandu, &form.name)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    let text = &signed.text;
    let notice = match added {
        Some(id) => {
            signed
                .audit(&state, "cadre-added", &format!("cadre {id}"))
                .await?;
            let name = Arg::from(form.name.trim());
            (true, text.with("dash-cadre-added", &[("name", name)]))
        }
        None => {
            let max = Arg::from(devices::CADRE_NAME_MAX as i64);
            (false, text.with("dash-name-invalid", &[("max", max)]))
        }
    };
    // The page reads from the primary this once: the new cadre may not be on a replica yet.
    let mut fresh = signed.clone();
    fresh.reads = state.pool.clone();
    page(&fresh, Some(notice)).await
}

/// Makes a one-time code for the cadre's phone and shows it once.
pub async fn pairing_code(
    State(state): State<AppState>,
    signed: Signed,
    Path(cadre): Path<i64>,
    Form(form): Form<CsrfForm>,
) -> Result<Html<String>, Refused> {
    require(&signed, Area::ManageDevices)?;
    signed.check_form(form.csrf())?;
    let code = devices::pairing_code(&state.pool, &signed.scope, cadre)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    signed
        .audit(&state, "pairing-code-made", &format!("cadre {cadre}"))
        .await?;
    let text = &signed.text;
    let shown = ayah_asi_core::sync::display_code(&code);
    let body = html! {
        p { (text.t("dash-code-intro")) }
        p #pairing-code.code { (shown) }
        p.note { (text.with("dash-code-note", &[("hours", Arg::from(crate::org::CODE_HOURS))])) }
        p { a href="/cadres" { (text.t("dash-back-to-cadres")) } }
    };
    Ok(layout::page(
        &signed,
        Some(Area::Cadres),
        &text.t("dash-code-title"),
        body,
    ))
}

/// Asks before revoking: what happens, and a button that does it.
pub async fn confirm_revoke(
    signed: Signed,
    Path(device): Path<i64>,
) -> Result<Html<String>, Refused> {
    require(&signed, Area::ManageDevices)?;
    let text = &signed.text;
    let body = html! {
        p { (text.t("dash-revoke-explain")) }
        form method="post" action={ "/devices/" (device) "/revoke" } {
            input type="hidden" name="csrf" value=(signed.session.csrf);
            button.danger #confirm-revoke type="submit" { (text.t("dash-revoke-confirm")) }
            " " a href="/cadres" { (text.t("dash-cancel")) }
        }
    };
    Ok(layout::page(
        &signed,
        Some(Area::Cadres),
        &text.t("dash-revoke-title"),
        body,
    ))
}

pub async fn revoke(
    State(state): State<AppState>,
    signed: Signed,
    Path(device): Path<i64>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, Refused> {
    require(&signed, Area::ManageDevices)?;
    signed.check_form(form.csrf())?;
    devices::revoke(&state.pool, &signed.scope, device)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    signed
        .audit(&state, "device-revoked", &format!("device {device}"))
        .await?;
    Ok(Redirect::to("/cadres").into_response())
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    csrf: String,
    to: i64,
}

pub async fn move_family(
    State(state): State<AppState>,
    signed: Signed,
    Path(family): Path<String>,
    Form(form): Form<MoveForm>,
) -> Result<Response, Refused> {
    require(&signed, Area::ManageDevices)?;
    signed.check_form(&form.csrf)?;
    let by = format!(
        "{} ({})",
        signed.session.account.name, signed.session.account.login
    );
    devices::move_family(&state.pool, &signed.scope, &family, form.to, &by)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    signed
        .audit(
            &state,
            "family-moved",
            &format!("{family} -> cadre {}", form.to),
        )
        .await?;
    Ok(Redirect::to(&format!("/families/{family}")).into_response())
}
