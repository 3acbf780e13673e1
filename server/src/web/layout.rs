//! The frame of every page: title, the menu of what the reader's role may open, the
//! language switch and logout.

use axum::response::Html;
use maud::{DOCTYPE, Markup, html};

use super::access::{Area, allowed};
use super::session::Signed;
use super::text::Text;

/// The menu: area, address, message id.
const MENU: [(Area, &str, &str); 8] = [
    (Area::Overview, "/overview", "dash-nav-overview"),
    (Area::Alerts, "/alerts", "dash-nav-alerts"),
    (Area::Families, "/families", "dash-nav-families"),
    (Area::Report, "/report", "dash-nav-report"),
    (Area::Cadres, "/cadres", "dash-nav-cadres"),
    (Area::Accounts, "/accounts", "dash-nav-accounts"),
    (Area::Audit, "/audit", "dash-nav-audit"),
    (Area::District, "/district", "dash-nav-district"),
];

fn head(text: &Text, title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " — " (text.t("dash-app-name")) }
            link rel="stylesheet" href="/static/dashboard.css";
        }
    }
}

/// A page for a signed-in reader; `active` marks its menu entry (and is where the
/// language switch comes back to).
pub fn page(signed: &Signed, active: Option<Area>, title: &str, body: Markup) -> Html<String> {
    let here = active
        .and_then(|area| MENU.iter().find(|(a, _, _)| *a == area))
        .map_or("/overview", |(_, path, _)| path);
    page_at(signed, active, here, title, body)
}

/// A page outside the menu, at `here` (the language switch comes back to it).
pub fn page_at(
    signed: &Signed,
    active: Option<Area>,
    here: &str,
    title: &str,
    body: Markup,
) -> Html<String> {
    let text = &signed.text;
    let account = &signed.session.account;
    let markup = html! {
        (DOCTYPE)
        html lang=(text.lang) {
            (head(text, title))
            body {
                header.top {
                    span.brand { (text.t("dash-app-name")) }
                    nav aria-label=(text.t("dash-nav-label")) {
                        ul {
                            @for (area, path, id) in MENU {
                                @if allowed(account.role, area) {
                                    li {
                                        @if Some(area) == active {
                                            a href=(path) aria-current="page" { (text.t(id)) }
                                        } @else {
                                            a href=(path) { (text.t(id)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    div.who {
                        span #signed-in { (account.name) " · " (text.t(&format!("dash-role-{}", account.role.id()))) }
                        a #password-link href="/password" { (text.t("dash-password-link")) }
                        (language_switch(text, here))
                        form.inline method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(signed.session.csrf);
                            button #logout type="submit" { (text.t("dash-logout")) }
                        }
                    }
                }
                main #main {
                    h1 { (title) }
                    (body)
                }
            }
        }
    };
    Html(markup.into_string())
}

/// A page without the menu (the login).
pub fn bare(text: &Text, title: &str, body: Markup) -> Html<String> {
    let markup = html! {
        (DOCTYPE)
        html lang=(text.lang) {
            (head(text, title))
            body {
                header.top {
                    span.brand { (text.t("dash-app-name")) }
                    div.who { (language_switch(text, "/login")) }
                }
                main #main.narrow {
                    h1 { (title) }
                    (body)
                }
            }
        }
    };
    Html(markup.into_string())
}

fn language_switch(text: &Text, back: &str) -> Markup {
    html! {
        span.languages {
            @if text.lang == "id" {
                a #lang-en href={ "/language?to=en&back=" (back) } lang="en" { "English" }
            } @else {
                a #lang-id href={ "/language?to=id&back=" (back) } lang="id" { "Bahasa Indonesia" }
            }
        }
    }
}
