//! The dashboard: web pages for puskesmas staff, midwives and the district. Every page
//! is HTML made by `maud` (which escapes whatever it is given), served with a strict CSP and no
//! script at all; every route checks the session, the role ([`access`]) and the scope
//! ([`crate::dashboard::Scope`]) on the server.

pub mod access;
mod accounts_page;
mod alerts_page;
mod cadres_page;
mod charts;
mod cookies;
mod district_page;
mod erase_page;
mod families_page;
mod layout;
mod login_page;
mod overview_charts;
mod overview_page;
mod password_page;
mod report_page;
pub mod session;
pub mod text;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use crate::http::AppState;
pub use session::Signed;

/// Pages may load only the server's own stylesheet and images; no script, no frames,
/// forms post only here.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLESHEET: &str = include_str!("dashboard.css");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/overview") }))
        .route("/login", get(login_page::show).post(login_page::log_in))
        .route("/logout", post(session::log_out))
        .route("/language", get(session::choose_language))
        .route("/static/dashboard.css", get(stylesheet))
        .route("/overview", get(overview_page::show))
        .route("/alerts", get(alerts_page::show))
        .route("/alerts/handled", post(alerts_page::mark_handled))
        .route("/families", get(families_page::list))
        .route("/families/{id}", get(families_page::review))
        .route("/families/{id}/move", post(cadres_page::move_family))
        .route(
            "/families/{id}/erase",
            get(erase_page::confirm).post(erase_page::erase),
        )
        .route("/report", get(report_page::show))
        .route("/report/export", get(report_page::export))
        .route("/cadres", get(cadres_page::show).post(cadres_page::add))
        .route("/posyandu", post(accounts_page::add_posyandu))
        .route("/cadres/{id}/code", post(cadres_page::pairing_code))
        .route(
            "/devices/{id}/revoke",
            get(cadres_page::confirm_revoke).post(cadres_page::revoke),
        )
        .route(
            "/accounts",
            get(accounts_page::show).post(accounts_page::add),
        )
        .route("/accounts/password", post(accounts_page::reset_password))
        .route(
            "/password",
            get(password_page::show).post(password_page::change),
        )
        .route("/audit", get(accounts_page::audit))
        .route("/district", get(district_page::show))
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// Headers every answer carries: the CSP, no sniffing, no referrer, no framing, and
/// pages (which hold personal data) never cached.
pub async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::CONTENT_SECURITY_POLICY, CSP);
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        set(headers, header::CACHE_CONTROL, "no-store");
    }
    response
}

/// Why a dashboard request was refused or failed, shown as a page in the reader's
/// language.
#[derive(Debug)]
pub enum PageError {
    /// The role may not use this page or act.
    Forbidden,
    /// Not found, or outside the reader's scope (told apart from nothing).
    NotFound,
    /// A form without its CSRF token, or with another session's.
    BadForm,
    /// The database failed.
    Storage(String),
}

impl From<crate::dashboard::DashboardError> for PageError {
    fn from(error: crate::dashboard::DashboardError) -> Self {
        match error {
            crate::dashboard::DashboardError::NotFound => Self::NotFound,
            crate::dashboard::DashboardError::Org(crate::org::OrgError::NotFound(_)) => {
                Self::NotFound
            }
            other => Self::Storage(other.to_string()),
        }
    }
}

impl From<crate::accounts::AccountError> for PageError {
    fn from(error: crate::accounts::AccountError) -> Self {
        Self::Storage(error.to_string())
    }
}

impl PageError {
    fn status_and_message(&self) -> (StatusCode, &'static str) {
        match self {
            Self::Forbidden => (StatusCode::FORBIDDEN, "dash-error-forbidden"),
            Self::NotFound => (StatusCode::NOT_FOUND, "dash-error-not-found"),
            Self::BadForm => (StatusCode::FORBIDDEN, "dash-error-bad-form"),
            Self::Storage(_) => (StatusCode::SERVICE_UNAVAILABLE, "dash-error-storage"),
        }
    }
}

/// A refusal as a page: with the menu when the reader is signed in.
pub struct Refused {
    pub error: PageError,
    pub signed: Option<Box<Signed>>,
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        let (status, message) = self.error.status_and_message();
        if let PageError::Storage(detail) = &self.error {
            tracing::error!(%detail, "dashboard request failed");
        }
        match self.signed {
            Some(signed) => {
                let text = signed.text.clone();
                let body = maud::html! { p.refusal role="alert" { (text.t(message)) } };
                (
                    status,
                    layout::page(&signed, None, &text.t("dash-error-title"), body),
                )
                    .into_response()
            }
            None => (status, message).into_response(),
        }
    }
}

/// Refuses unless the reader's role may use `area`.
pub fn require(signed: &Signed, area: access::Area) -> Result<(), Refused> {
    if access::allowed(signed.session.account.role, area) {
        Ok(())
    } else {
        Err(signed.refuse(PageError::Forbidden))
    }
}
