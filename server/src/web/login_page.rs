//! The login page and logging in: a form with its own CSRF cookie, its password
//! checked with the lock-out `accounts` keeps, then the session cookie.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use super::session::{LOGIN_COOKIE, session_cookie, text_for};
use super::text::{Arg, Text};
use super::{Refused, cookies, layout};
use crate::accounts::{self, AccountError};
use crate::http::AppState;
use crate::secret;

#[derive(Deserialize, Default)]
pub struct LoginQuery {
    #[serde(default)]
    expired: Option<String>,
}

/// The login form, with a fresh CSRF token in a cookie and in the form.
pub async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<LoginQuery>,
) -> Response {
    let text = text_for(&state, &headers);
    let notice = query
        .expired
        .is_some()
        .then(|| text.t("dash-login-expired"));
    login_form(&state, &text, notice, StatusCode::OK)
}

fn login_form(
    state: &AppState,
    text: &Text,
    notice: Option<String>,
    status: StatusCode,
) -> Response {
    let Ok(csrf) = secret::device_token() else {
        return (StatusCode::SERVICE_UNAVAILABLE, "no randomness").into_response();
    };
    let cookie = cookies::secret(
        LOGIN_COOKIE,
        &csrf,
        "/login",
        Some(3600),
        state.settings.secure_cookies,
    );
    let body = html! {
        @if let Some(notice) = notice {
            p.refusal role="alert" id="login-notice" { (notice) }
        }
        form.login method="post" action="/login" {
            input type="hidden" name="csrf" value=(csrf);
            label for="login" { (text.t("dash-login-name")) }
            input #login type="text" name="login" autocomplete="username" required autofocus;
            label for="password" { (text.t("dash-login-password")) }
            input #password type="password" name="password" autocomplete="current-password" required;
            button #login-submit type="submit" { (text.t("dash-login-submit")) }
        }
    };
    let mut response = (
        status,
        layout::bare(text, &text.t("dash-login-title"), body),
    )
        .into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    response
}

/// A login and a password, with the form's CSRF token: the login page's form, and the
/// admin's for setting a forgotten password.
#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub login: String,
    #[serde(default)]
    pub password: String,
}

pub async fn log_in(
    State(state): State<AppState>,
    from: crate::http::Client,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let text = text_for(&state, &headers);
    let expected = cookies::read(&headers, LOGIN_COOKIE).unwrap_or_default();
    if expected.is_empty()
        || !crate::secret::constant_time_eq(expected.as_bytes(), form.csrf.as_bytes())
    {
        let notice = Some(text.t("dash-error-bad-form"));
        return login_form(&state, &text, notice, StatusCode::FORBIDDEN);
    }
    if !state.allow_login(from.address) {
        let notice = Some(text.t("dash-login-too-many"));
        return login_form(&state, &text, notice, StatusCode::TOO_MANY_REQUESTS);
    }
    let address = from.address.to_string();
    match accounts::log_in(&state.pool, &form.login, &form.password, &address).await {
        Ok((token, _)) => {
            let mut response = Redirect::to("/overview").into_response();
            let headers = response.headers_mut();
            headers.append(header::SET_COOKIE, session_cookie(&state, &token));
            headers.append(header::SET_COOKIE, cookies::cleared(LOGIN_COOKIE, "/login"));
            response
        }
        Err(AccountError::WrongPassword) => {
            let notice = Some(text.t("dash-login-wrong"));
            login_form(&state, &text, notice, StatusCode::UNAUTHORIZED)
        }
        Err(AccountError::Locked(until)) => {
            let notice = Some(locked_notice(&text, until));
            login_form(&state, &text, notice, StatusCode::TOO_MANY_REQUESTS)
        }
        Err(error) => Refused {
            error: error.into(),
            signed: None,
        }
        .into_response(),
    }
}

/// "Locked until …" on the puskesmas's clock: at login, and when a password change
/// finds the account locked.
pub fn locked_notice(text: &Text, until: chrono::DateTime<chrono::Utc>) -> String {
    text.with(
        "dash-login-locked",
        &[("until", Arg::from(text.moment(until)))],
    )
}
