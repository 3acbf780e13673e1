//! A browser-less client for the dashboard: it keeps the session cookie, reads each
//! page's CSRF token, and does not follow redirects (tests look at them).

use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};

pub struct Web {
    http: reqwest::Client,
    base: String,
    pub cookie: Option<String>,
}

/// `application/x-www-form-urlencoded` for the fields.
pub fn form(fields: &[(&str, &str)]) -> String {
    let encode = |text: &str| -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    char::from(b).to_string()
                }
                b' ' => "+".to_owned(),
                other => format!("%{other:02X}"),
            })
            .collect()
    };
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The value of the first hidden `csrf` field on a page.
pub fn csrf_of(page: &str) -> String {
    page.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

impl Web {
    pub fn new(base: &str) -> Self {
        Self {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: base.to_owned(),
            cookie: None,
        }
    }

    /// Logs in through the login form; the status of the form's answer (303 when in).
    pub async fn log_in(&mut self, login: &str, password: &str) -> (StatusCode, String) {
        let page = self
            .http
            .get(format!("{}/login", self.base))
            .send()
            .await
            .unwrap();
        let login_cookie = page
            .headers()
            .get(SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .unwrap_or_default()
            .to_owned();
        let csrf = csrf_of(&page.text().await.unwrap());
        let answer = self
            .http
            .post(format!("{}/login", self.base))
            .header(COOKIE, login_cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&[
                ("csrf", &csrf),
                ("login", login),
                ("password", password),
            ]))
            .send()
            .await
            .unwrap();
        let status = answer.status();
        if let Some(session) = answer
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("ayah_session="))
        {
            self.cookie = session.split(';').next().map(str::to_owned);
        }
        (status, answer.text().await.unwrap_or_default())
    }

    pub async fn logged_in(base: &str, login: &str, password: &str) -> Self {
        let mut web = Self::new(base);
        let (status, page) = web.log_in(login, password).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{login} logs in: {page}");
        web
    }

    /// GET: status, body, and where a redirect points.
    pub async fn get(&self, path: &str) -> (StatusCode, String, String) {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header(COOKIE, cookie);
        }
        answer(request.send().await.unwrap()).await
    }

    pub async fn get_bytes(&self, path: &str) -> (StatusCode, Vec<u8>) {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header(COOKIE, cookie);
        }
        let response = request.send().await.unwrap();
        (response.status(), response.bytes().await.unwrap().to_vec())
    }

    /// POST a form (the CSRF token is the caller's to add).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String, String) {
        let mut request = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(fields));
        if let Some(cookie) = &self.cookie {
            request = request.header(COOKIE, cookie);
        }
        answer(request.send().await.unwrap()).await
    }

    /// This session's CSRF token (from the logout form every page has).
    pub async fn csrf(&self) -> String {
        csrf_of(&self.get("/overview").await.1)
    }
}

async fn answer(response: reqwest::Response) -> (StatusCode, String, String) {
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, response.text().await.unwrap_or_default(), location)
}
