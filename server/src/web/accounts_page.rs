//! Accounts (the admin's page: list, add, set a forgotten password) and the audit trail.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::html;

use super::access::Area;
use super::layout;
use super::login_page::LoginForm;
use super::text::Arg;
use super::{Refused, Signed, require};
use crate::accounts::{self, AccountError, Role};
use crate::dashboard;
use crate::http::AppState;

/// How many audit entries a page of the audit trail shows.
const AUDIT_LINES: i64 = 100;

/// `/audit?before=ID`: the page of entries older than entry ID.
#[derive(serde::Deserialize)]
pub struct AuditPage {
    before: Option<i64>,
}

pub async fn show(State(state): State<AppState>, signed: Signed) -> Result<Response, Refused> {
    require(&signed, Area::Accounts)?;
    page(&state, &signed, None, StatusCode::OK).await
}

async fn page(
    state: &AppState,
    signed: &Signed,
    notice: Option<(bool, String)>,
    status: StatusCode,
) -> Result<Response, Refused> {
    let text = &signed.text;
    let fail = |e: AccountError| signed.refuse(e.into());
    let list = accounts::list(&state.pool, signed.session.account.puskesmas_id)
        .await
        .map_err(fail)?;
    let posyandu = dashboard::posyandu_in_scope(&state.pool, &signed.scope)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    let body = html! {
        @if let Some((ok, message)) = &notice {
            p #account-notice class=(if *ok { "done" } else { "refusal" }) role="alert" { (message) }
        }
        div.table-wrap tabindex="0" { table #accounts {
            thead { tr {
                th scope="col" { (text.t("dash-login-name")) }
                th scope="col" { (text.t("dash-col-name")) }
                th scope="col" { (text.t("dash-col-role")) }
                th scope="col" { (text.t("dash-col-posyandu")) }
                th scope="col" { (text.t("dash-col-last-login")) }
            } }
            tbody { @for a in &list { tr {
                th scope="row" { (a.login) }
                td { (a.name) }
                td { (text.t(&format!("dash-role-{}", a.role))) @if a.locked { " · " (text.t("dash-locked")) } }
                td { (a.posyandu.join(", ")) }
                td { @match a.last_login { Some(at) => (text.moment(at)), None => (text.t("dash-never")) } }
            } } }
        } }
        section {
            h2 { (text.t("dash-posyandu-add")) }
            form.filters method="post" action="/posyandu" {
                input type="hidden" name="csrf" value=(signed.session.csrf);
                label for="new-posyandu" { (text.t("dash-posyandu-name")) }
                input #new-posyandu type="text" name="name" required maxlength=(crate::dashboard::devices::POSYANDU_NAME_MAX);
                button #add-posyandu type="submit" { (text.t("dash-posyandu-submit")) }
            }
        }
        section {
            h2 { (text.t("dash-account-reset")) }
            p.lede { (text.t("dash-account-reset-lede")) }
            form.stacked method="post" action="/accounts/password" {
                input type="hidden" name="csrf" value=(signed.session.csrf);
                label for="reset-login" { (text.t("dash-account-reset-login")) }
                select #reset-login name="login" required {
                    @for a in &list { option value=(a.login) { (a.login) " — " (a.name) } }
                }
                label for="reset-password" { (text.with("dash-account-password", &[("chars", Arg::from(accounts::MIN_PASSWORD_CHARS as i64))])) }
                input #reset-password type="password" name="password" required minlength=(accounts::MIN_PASSWORD_CHARS) autocomplete="new-password";
                button #reset-submit type="submit" { (text.t("dash-account-reset-submit")) }
            }
        }
        section {
            h2 { (text.t("dash-account-add")) }
            form.stacked method="post" action="/accounts" {
                input type="hidden" name="csrf" value=(signed.session.csrf);
                label for="new-login" { (text.t("dash-login-name")) }
                input #new-login type="text" name="login" required pattern="[a-z0-9._\\-]{3,40}" autocomplete="off";
                label for="new-name" { (text.t("dash-col-name")) }
                input #new-name type="text" name="name" required maxlength="80";
                label for="new-role" { (text.t("dash-col-role")) }
                select #new-role name="role" {
                    // A district account reads other puskesmas: the server's command line makes it.
                    @for role in Role::IDS.iter().filter(|r| **r != Role::District.id()) { option value=(role) { (text.t(&format!("dash-role-{role}"))) } }
                }
                fieldset {
                    legend { (text.t("dash-account-posyandu")) }
                    @for (id, name) in &posyandu {
                        label.check { input type="checkbox" name="posyandu" value=(id); " " (name) }
                    }
                }
                label for="new-password" { (text.with("dash-account-password", &[("chars", Arg::from(accounts::MIN_PASSWORD_CHARS as i64))])) }
                input #new-password type="password" name="password" required minlength=(accounts::MIN_PASSWORD_CHARS) autocomplete="new-password";
                button #account-submit type="submit" { (text.t("dash-account-submit")) }
            }
        }
    };
    let page = layout::page(
        signed,
        Some(Area::Accounts),
        &text.t("dash-nav-accounts"),
        body,
    );
    Ok((status, page).into_response())
}

/// Adds an account from the form (fields repeated for each posyandu ticked).
pub async fn add(
    State(state): State<AppState>,
    signed: Signed,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, Refused> {
    require(&signed, Area::Accounts)?;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    };
    signed.check_form(field("csrf"))?;
    let text = &signed.text;
    let Some(role) = Role::parse(field("role")) else {
        let notice = Some((false, text.t("dash-error-bad-form")));
        return page(&state, &signed, notice, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    // A puskesmas's admin may not make an account that reads the other puskesmas of
    // her district: that is the server's command line's (`account add`).
    if role == Role::District {
        let notice = Some((false, text.t("dash-account-district-cli")));
        return page(&state, &signed, notice, StatusCode::FORBIDDEN).await;
    }
    let posyandu: Vec<i64> = fields
        .iter()
        .filter(|(k, _)| k == "posyandu")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let added = accounts::add(
        &state.pool,
        signed.session.account.puskesmas_id,
        field("login"),
        field("name"),
        role,
        field("password"),
        if role == Role::Midwife {
            &posyandu
        } else {
            &[]
        },
    )
    .await;
    let refusal = match added {
        Ok(_) => {
            signed
                .audit(
                    &state,
                    "account-added",
                    &format!("{} ({})", field("login"), role.id()),
                )
                .await?;
            let notice = text.with(
                "dash-account-added",
                &[("login", Arg::from(field("login")))],
            );
            return page(&state, &signed, Some((true, notice)), StatusCode::OK).await;
        }
        Err(AccountError::BadLogin) => "dash-account-bad-login",
        Err(AccountError::BadName) => "dash-account-bad-name",
        Err(AccountError::ShortPassword) => "dash-account-short-password",
        Err(AccountError::NoPosyandu) => "dash-account-no-posyandu",
        Err(AccountError::LoginTaken) => "dash-account-login-taken",
        Err(other) => return Err(signed.refuse(other.into())),
    };
    let notice = Some((false, text.t(refusal)));
    page(&state, &signed, notice, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// Sets the password of an account of the admin's puskesmas (someone forgot hers):
/// unlocks it and ends its sessions.
pub async fn reset_password(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<LoginForm>,
) -> Result<Response, Refused> {
    require(&signed, Area::Accounts)?;
    signed.check_form(&form.csrf)?;
    let account = &signed.session.account;
    let reset = accounts::reset_password(
        &state.pool,
        Some(account.puskesmas_id),
        &form.login,
        &form.password,
        Some(account.id),
        &signed.address,
    )
    .await;
    let text = &signed.text;
    let refusal = match reset {
        Ok(ended) => {
            let notice = text.with(
                "dash-account-reset-done",
                &[
                    ("login", Arg::from(form.login.as_str())),
                    ("ended", Arg::from(ended)),
                ],
            );
            return page(&state, &signed, Some((true, notice)), StatusCode::OK).await;
        }
        Err(AccountError::ShortPassword) => "dash-account-short-password",
        Err(AccountError::NotFound(_)) => "dash-account-unknown",
        Err(other) => return Err(signed.refuse(other.into())),
    };
    let notice = Some((false, text.t(refusal)));
    page(&state, &signed, notice, StatusCode::UNPROCESSABLE_ENTITY).await
}

#[derive(serde::Deserialize)]
pub struct PosyanduForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
}

/// Adds a posyandu to the admin's puskesmas (its cadres are added on the cadres page).
pub async fn add_posyandu(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<PosyanduForm>,
) -> Result<Response, Refused> {
    require(&signed, Area::Accounts)?;
    signed.check_form(&form.csrf)?;
    let puskesmas = signed.session.account.puskesmas_id;
    let added = crate::dashboard::devices::add_posyandu(&state.pool, puskesmas, &form.name)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    let text = &signed.text;
    let name = form.name.trim();
    match added {
        Some(id) => {
            signed
                .audit(&state, "posyandu-added", &format!("posyandu {id}: {name}"))
                .await?;
            let notice = text.with("dash-posyandu-added", &[("name", Arg::from(name))]);
            page(&state, &signed, Some((true, notice)), StatusCode::OK).await
        }
        None => {
            let notice = text.with(
                "dash-posyandu-invalid",
                &[(
                    "max",
                    Arg::from(crate::dashboard::devices::POSYANDU_NAME_MAX as i64),
                )],
            );
            page(
                &state,
                &signed,
                Some((false, notice)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub async fn audit(signed: Signed, Query(at): Query<AuditPage>) -> Result<Html<String>, Refused> {
    require(&signed, Area::Audit)?;
    let text = &signed.text;
    let lines = dashboard::audit::latest(&signed.reads, &signed.scope, AUDIT_LINES, at.before)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    let older = lines
        .last()
        .filter(|_| lines.len() as i64 == AUDIT_LINES)
        .map(|last| format!("/audit?before={}", last.id));
    let body = html! {
        p.lede { (text.with("dash-audit-lede", &[("count", Arg::from(AUDIT_LINES))])) }
        div.table-wrap tabindex="0" { table #audit {
            thead { tr {
                th scope="col" { (text.t("dash-col-when")) }
                th scope="col" { (text.t("dash-col-who")) }
                th scope="col" { (text.t("dash-col-action")) }
                th scope="col" { (text.t("dash-col-target")) }
                th scope="col" { (text.t("dash-col-address")) }
            } }
            tbody { @for l in &lines { tr {
                th scope="row" { (text.moment(l.at)) }
                td { (l.who.as_deref().unwrap_or("—")) }
                td { (text.t(&format!("dash-audit-{}", l.action))) }
                td { (l.target) }
                td { (l.address) }
            } } }
        } }
        nav.pages aria-label=(text.t("dash-audit-pages")) {
            @if at.before.is_some() { a #audit-newest href="/audit" { (text.t("dash-audit-newest")) } " " }
            @if let Some(older) = &older { a #audit-older href=(older) { (text.t("dash-audit-older")) } }
        }
    };
    Ok(layout::page(
        &signed,
        Some(Area::Audit),
        &text.t("dash-nav-audit"),
        body,
    ))
}
