//! The dashboard read over plain HTTP (no browser): for benchmarks and for tests that
//! only need a page's text.

use std::time::{Duration, Instant};

use crate::Result;

/// A signed-in dashboard reader (cookie kept by hand; redirects not followed).
pub struct Reader {
    http: reqwest::Client,
    base: String,
    cookie: String,
}

impl Reader {
    /// Logs in through the login form, as a browser would.
    pub async fn log_in(base: &str, login: &str, password: &str) -> Result<Self> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        let page = http.get(format!("{base}/login")).send().await?;
        let login_cookie = page
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .unwrap_or_default()
            .to_owned();
        let text = page.text().await?;
        let csrf = text
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default()
            .to_owned();
        let answer = http
            .post(format!("{base}/login"))
            .header("cookie", login_cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("csrf={csrf}&login={login}&password={password}"))
            .send()
            .await?;
        let cookie = answer
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("ayah_session="))
            .and_then(|v| v.split(';').next())
            .ok_or("no session cookie: the login failed")?
            .to_owned();
        Ok(Self {
            http,
            base: base.to_owned(),
            cookie,
        })
    }

    /// The page's time to the last byte, and its body.
    pub async fn time(&self, path: &str) -> Result<(Duration, String)> {
        let started = Instant::now();
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await?;
        let status = response.status();
        let body = response.text().await?;
        if !status.is_success() {
            return Err(format!("{path}: {status}").into());
        }
        Ok((started.elapsed(), body))
    }

    /// A form sent as a browser would, with the CSRF token of the page at `form_page`:
    /// the answer's status and where it redirects.
    pub async fn post(
        &self,
        form_page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Result<(u16, String)> {
        let (_, page) = self.time(form_page).await?;
        let csrf = page
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default()
            .to_owned();
        let mut body = format!("csrf={csrf}");
        for (name, value) in fields {
            body.push_str(&format!("&{name}={value}"));
        }
        let answer = self
            .http
            .post(format!("{}{action}", self.base))
            .header("cookie", &self.cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await?;
        let location = answer
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        Ok((answer.status().as_u16(), location))
    }

    /// The median of `runs` loads of `path`, in milliseconds.
    pub async fn median_ms(&self, path: &str, runs: usize) -> Result<f64> {
        let mut times = Vec::new();
        for _ in 0..runs {
            times.push(self.time(path).await?.0);
        }
        times.sort();
        Ok(times[times.len() / 2].as_secs_f64() * 1000.0)
    }
}
