//! Being signed in: the session cookie (`HttpOnly`, `SameSite=Strict`, `Secure` under
//! TLS), the extractor every page takes, signing out, the forms' CSRF check and the
//! language choice. The login page is `login_page`.

use axum::Form;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::text::{LANG_COOKIE, Text};
use super::{PageError, Refused, cookies};
use crate::accounts::{self, Session};
use crate::dashboard::Scope;
use crate::http::AppState;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "ayah_session";
/// The login form's CSRF cookie (the form has no session yet).
pub(super) const LOGIN_COOKIE: &str = "ayah_login";

/// A signed-in reader: her session, scope and language.
#[derive(Clone)]
pub struct Signed {
    pub session: Session,
    pub scope: Scope,
    pub text: Text,
    /// The client's address, for the audit trail.
    pub address: String,
    /// Where this request's pages read from (a replica when there is one).
    pub reads: deadpool_postgres::Pool,
}

impl Signed {
    pub fn refuse(&self, error: PageError) -> Refused {
        Refused {
            error,
            signed: Some(Box::new(self.clone())),
        }
    }

    /// Refuses a form whose CSRF token is not this session's.
    pub fn check_form(&self, csrf: &str) -> Result<(), Refused> {
        if crate::secret::constant_time_eq(csrf.as_bytes(), self.session.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(self.refuse(PageError::BadForm))
        }
    }

    /// Records an act of this reader in the audit trail.
    pub async fn audit(&self, state: &AppState, action: &str, target: &str) -> Result<(), Refused> {
        accounts::audit(
            &state.pool,
            Some(self.session.account.id),
            action,
            target,
            &self.address,
        )
        .await
        .map_err(|e| self.refuse(crate::accounts::AccountError::from(e).into()))
    }
}

pub(super) fn text_for(state: &AppState, headers: &HeaderMap) -> Text {
    let lang = cookies::read(headers, LANG_COOKIE);
    let lang = if lang.as_deref() == Some("en") {
        "en"
    } else {
        "id"
    };
    Text::new(state.localizer.clone(), lang, state.settings.utc_offset)
}

fn address_of(parts: &Parts, state: &AppState) -> String {
    crate::http::Client::of_parts(parts, &state.settings)
        .address
        .to_string()
}

/// Not signed in (or the session expired): back to the login page, saying why.
pub struct ToLogin {
    expired: bool,
}

impl IntoResponse for ToLogin {
    fn into_response(self) -> Response {
        let to = if self.expired {
            "/login?expired=1"
        } else {
            "/login"
        };
        let mut response = Redirect::to(to).into_response();
        if self.expired {
            response
                .headers_mut()
                .insert(header::SET_COOKIE, cookies::cleared(SESSION_COOKIE, "/"));
        }
        response
    }
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Some(token) = cookies::read(&parts.headers, SESSION_COOKIE) else {
            return Err(ToLogin { expired: false }.into_response());
        };
        let found = accounts::session(&state.pool, &token, state.settings.session_idle_minutes)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "session lookup failed");
                (StatusCode::SERVICE_UNAVAILABLE, "error-server-storage").into_response()
            })?;
        let Some(session) = found else {
            return Err(ToLogin { expired: true }.into_response());
        };
        Ok(Signed {
            reads: state.read_pool().await,
            scope: Scope::of(&session.account),
            session,
            text: text_for(state, &parts.headers),
            address: address_of(parts, state),
        })
    }
}

/// The session's cookie: until the browser closes (the server ends idle sessions).
pub(super) fn session_cookie(state: &AppState, token: &str) -> HeaderValue {
    cookies::secret(
        SESSION_COOKIE,
        token,
        "/",
        None,
        state.settings.secure_cookies,
    )
}

/// A form that carries nothing but its CSRF token.
#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

impl CsrfForm {
    pub fn csrf(&self) -> &str {
        &self.csrf
    }
}

pub async fn log_out(
    State(state): State<AppState>,
    signed: Signed,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Result<Response, Refused> {
    signed.check_form(form.csrf())?;
    if let Some(token) = cookies::read(&headers, SESSION_COOKIE) {
        accounts::log_out(&state.pool, &token)
            .await
            .map_err(|e| signed.refuse(e.into()))?;
    }
    signed.audit(&state, "logout", "").await?;
    let mut response = Redirect::to("/login").into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookies::cleared(SESSION_COOKIE, "/"));
    Ok(response)
}

#[derive(Deserialize)]
pub struct LanguageQuery {
    to: String,
    #[serde(default)]
    back: String,
}

/// Sets the language cookie and goes back to the page (only a path of this server).
pub async fn choose_language(Query(query): Query<LanguageQuery>) -> Response {
    let lang = if query.to == "en" { "en" } else { "id" };
    let back = if is_local_path(&query.back) {
        query.back.as_str()
    } else {
        "/overview"
    };
    let mut response = Redirect::to(back).into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookies::choice(LANG_COOKIE, lang));
    response
}

/// A path of this server that is safe in a `Location` header: no other host (`//`,
/// `\\`), nothing but visible ASCII (no line breaks to split the header with).
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && path.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_switch_goes_back_only_to_a_plain_local_path() {
        assert!(is_local_path("/families?posyandu=1"));
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "/x\r\nSet-Cookie: a=b",
            "/é",
            "",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(crate::secret::constant_time_eq(b"abc", b"abc"));
        assert!(!crate::secret::constant_time_eq(b"abc", b"abd"));
        assert!(!crate::secret::constant_time_eq(b"abc", b"ab"));
    }
}
