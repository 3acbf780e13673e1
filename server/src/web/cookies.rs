//! The dashboard's cookies, read and written by `axum-extra`'s cookie jar (RFC 6265),
//! never by hand: a session, a login form's CSRF token, the language. Every one is
//! `SameSite=Strict`; the secret ones `HttpOnly`, and `Secure` under TLS.

use axum::http::{HeaderMap, HeaderValue};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};

/// The value of cookie `name` in the request.
pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(name)
        .map(|cookie| cookie.value().to_owned())
}

/// A `Set-Cookie` value for a secret (a session, a CSRF token): script cannot read it,
/// and under TLS it never travels in the clear. `max_age` in seconds; `None`: until the
/// browser closes.
pub fn secret(
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<i64>,
    secure: bool,
) -> HeaderValue {
    let mut cookie = Cookie::build((name.to_owned(), value.to_owned()))
        .path(path.to_owned())
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure);
    if let Some(seconds) = max_age {
        cookie = cookie.max_age(time::Duration::seconds(seconds));
    }
    header(&cookie.build())
}

/// A `Set-Cookie` value that removes cookie `name` of `path`.
pub fn cleared(name: &str, path: &str) -> HeaderValue {
    secret(name, "", path, Some(0), false)
}

/// A `Set-Cookie` value for a choice the pages read (the language), kept a year.
pub fn choice(name: &str, value: &str) -> HeaderValue {
    let cookie = Cookie::build((name.to_owned(), value.to_owned()))
        .path("/")
        .same_site(SameSite::Strict)
        .max_age(time::Duration::days(365));
    header(&cookie.build())
}

fn header(cookie: &Cookie<'_>) -> HeaderValue {
    // Names and values here are our own constants and tokens of visible ASCII, which a
    // header always takes; were one not, a harmless expired cookie goes instead of an
    // empty header.
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| {
        tracing::error!("a cookie could not be written as a header");
        HeaderValue::from_static("ayah_unset=; Max-Age=0")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("ayah_lang=en; ayah_session=abc; x_ayah_session=zzz"),
        );
        assert_eq!(read(&headers, "ayah_session").as_deref(), Some("abc"));
        assert_eq!(read(&headers, "ayah_lang").as_deref(), Some("en"));
        assert_eq!(read(&headers, "ayah"), None);
    }

    #[test]
    fn secret_cookies_carry_their_attributes() {
        let set = secret("ayah_session", "t0k3n", "/", None, true);
        let text = set.to_str().unwrap_or_default();
        for part in [
            "ayah_session=t0k3n",
            "HttpOnly",
            "SameSite=Strict",
            "Secure",
            "Path=/",
        ] {
            assert!(text.contains(part), "{text}");
        }
        let gone = cleared("ayah_login", "/login");
        assert!(gone.to_str().unwrap_or_default().contains("Max-Age=0"));
        assert!(
            !choice("ayah_lang", "en")
                .to_str()
                .unwrap_or_default()
                .contains("HttpOnly")
        );
    }
}
