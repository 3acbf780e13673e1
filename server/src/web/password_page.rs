//! A reader changes her own password (every role): the current one, the new one twice.
//! Her other browsers are signed out; this one stays signed in.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::cookies;
use super::layout;
use super::login_page::locked_notice;
use super::session::SESSION_COOKIE;
use super::text::Arg;
use super::{Refused, Signed};
use crate::accounts::{self, AccountError, MIN_PASSWORD_CHARS};
use crate::http::AppState;

pub async fn show(signed: Signed) -> Response {
    page(&signed, None, StatusCode::OK)
}

/// The form, with the outcome of the last try above it (`true`: done).
fn page(signed: &Signed, notice: Option<(bool, String)>, status: StatusCode) -> Response {
    let text = &signed.text;
    let chars = [("chars", Arg::from(MIN_PASSWORD_CHARS as i64))];
    let body = html! {
        @if let Some((ok, message)) = &notice {
            p #password-notice class=(if *ok { "done" } else { "refusal" }) role="alert" { (message) }
        }
        p.lede { (text.t("dash-password-lede")) }
        form.stacked method="post" action="/password" {
            input type="hidden" name="csrf" value=(signed.session.csrf);
            // The login, for password managers; not editable.
            input type="hidden" name="login" value=(signed.session.account.login) autocomplete="username";
            label for="current-password" { (text.t("dash-password-current")) }
            input #current-password type="password" name="current" required autocomplete="current-password";
            label for="new-password" { (text.with("dash-password-new", &chars)) }
            input #new-password type="password" name="new" required minlength=(MIN_PASSWORD_CHARS) autocomplete="new-password";
            label for="repeat-password" { (text.t("dash-password-repeat")) }
            input #repeat-password type="password" name="repeat" required minlength=(MIN_PASSWORD_CHARS) autocomplete="new-password";
            button #password-submit type="submit" { (text.t("dash-password-submit")) }
        }
    };
    let title = text.t("dash-password-title");
    (
        status,
        layout::page_at(signed, None, "/password", &title, body),
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

pub async fn change(
    State(state): State<AppState>,
    from: crate::http::Client,
    signed: Signed,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Result<Response, Refused> {
    signed.check_form(&form.csrf)?;
    let text = &signed.text;
    let refuse = |message: String, status| Ok(page(&signed, Some((false, message)), status));
    // Proving the current password is a login attempt: the same limit per address.
    if !state.allow_login(from.address) {
        return refuse(text.t("dash-login-too-many"), StatusCode::TOO_MANY_REQUESTS);
    }
    if form.new != form.repeat {
        return refuse(
            text.t("dash-password-mismatch"),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let keep = cookies::read(&headers, SESSION_COOKIE).unwrap_or_default();
    let changed = accounts::change_password(
        &state.pool,
        signed.session.account.id,
        &keep,
        &form.current,
        &form.new,
        &signed.address,
    )
    .await;
    match changed {
        Ok(ended) => {
            let message = text.with("dash-password-changed", &[("ended", Arg::from(ended))]);
            Ok(page(&signed, Some((true, message)), StatusCode::OK))
        }
        Err(AccountError::WrongPassword) => refuse(
            text.t("dash-password-wrong"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(AccountError::Locked(until)) => {
            refuse(locked_notice(text, until), StatusCode::TOO_MANY_REQUESTS)
        }
        Err(AccountError::ShortPassword) => refuse(
            text.t("dash-account-short-password"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(AccountError::SamePassword) => refuse(
            text.t("dash-password-same"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(signed.refuse(other.into())),
    }
}
