//! Families: search and filter by posyandu, RW and cadre; each family's review,
//! read-only (every opening is in the audit trail).

use axum::extract::{Path, Query, State};
use axum::response::Html;
use chrono::Utc;
use maud::{Markup, html};
use serde::Deserialize;

use super::access::{Area, allowed};
use super::layout;
use super::text::{Arg, Text};
use super::{Refused, Signed, require};
use crate::dashboard::review::{self, Review};
use crate::dashboard::{self, FamilyFilter};
use crate::http::AppState;

#[derive(Deserialize, Default)]
pub struct FamiliesQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    posyandu: String,
    #[serde(default)]
    cadre: String,
    #[serde(default)]
    rw: String,
    /// Back from erasing a family.
    #[serde(default)]
    erased: String,
}

pub async fn list(
    signed: Signed,
    Query(query): Query<FamiliesQuery>,
) -> Result<Html<String>, Refused> {
    require(&signed, Area::Families)?;
    let text = &signed.text;
    let filter = FamilyFilter {
        name: Some(query.q.clone()),
        posyandu_id: query.posyandu.parse().ok(),
        cadre_id: query.cadre.parse().ok(),
        rw: Some(query.rw.clone()),
        family_id: None,
    };
    let today = text.today(Utc::now());
    let fail = |e: dashboard::DashboardError| signed.refuse(e.into());
    let families = dashboard::list_families(&signed.reads, &signed.scope, &filter, today)
        .await
        .map_err(fail)?;
    let posyandu = dashboard::posyandu_in_scope(&signed.reads, &signed.scope)
        .await
        .map_err(fail)?;
    let cadres = dashboard::cadres_in_scope(&signed.reads, &signed.scope)
        .await
        .map_err(fail)?;
    let body = html! {
        @if !query.erased.is_empty() {
            p #erased.done role="status" { (text.t("dash-erase-done")) }
        }
        form.filters method="get" action="/families" role="search" {
            label for="q" { (text.t("dash-filter-name")) }
            input #q type="search" name="q" value=(query.q);
            label for="posyandu" { (text.t("dash-col-posyandu")) }
            select #posyandu name="posyandu" {
                option value="" { (text.t("dash-filter-all")) }
                @for (id, name) in &posyandu {
                    option value=(id) selected[query.posyandu == id.to_string()] { (name) }
                }
            }
            label for="cadre" { (text.t("dash-col-cadre")) }
            select #cadre name="cadre" {
                option value="" { (text.t("dash-filter-all")) }
                @for (id, name, _) in &cadres {
                    option value=(id) selected[query.cadre == id.to_string()] { (name) }
                }
            }
            label for="rw" { (text.t("dash-col-rw")) }
            input #rw type="text" name="rw" inputmode="numeric" maxlength="3" size="3" value=(query.rw);
            button type="submit" { (text.t("dash-filter-apply")) }
        }
        p #family-count { (text.with("dash-families-count", &[("count", Arg::from(families.len() as i64))])) }
        div.table-wrap tabindex="0" {
            table #families {
                thead { tr {
                    th scope="col" { (text.t("dash-col-father")) }
                    th scope="col" { (text.t("dash-col-mother")) }
                    th scope="col" { (text.t("dash-col-posyandu")) }
                    th scope="col" { (text.t("dash-col-rw")) }
                    th scope="col" { (text.t("dash-col-cadre")) }
                    th scope="col" { (text.t("dash-col-sessions-plan")) }
                    th scope="col" { (text.t("dash-col-last-visit")) }
                } }
                tbody {
                    @for f in &families {
                        tr {
                            th scope="row" { a href={ "/families/" (f.id) } { (f.father) } }
                            td { (f.mother) }
                            td { (f.posyandu) }
                            td { (f.rw.as_deref().unwrap_or("—")) }
                            td { (f.cadre) }
                            td.num {
                                @if f.pregnant { (text.t("dash-pregnant")) }
                                @else { (text.with("dash-sessions-of-plan", &[("given", Arg::from(f.sessions_7d)), ("planned", Arg::from(f.planned_7d(today)))])) }
                            }
                            td { @match f.last_visit { Some(day) => (text.date(day)), None => (text.t("dash-never")) } }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(
        &signed,
        Some(Area::Families),
        &text.t("dash-nav-families"),
        body,
    ))
}

pub async fn review(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Html<String>, Refused> {
    require(&signed, Area::Review)?;
    let now = Utc::now();
    let today = signed.text.today(now);
    let review = review::family_review(&signed.reads, &signed.scope, &id, now, today)
        .await
        .map_err(|e| signed.refuse(e.into()))?;
    signed.audit(&state, "family-viewed", &id).await?;
    let cadres = if allowed(signed.session.account.role, Area::ManageDevices) {
        dashboard::cadres_in_scope(&signed.reads, &signed.scope)
            .await
            .map_err(|e| signed.refuse(e.into()))?
    } else {
        Vec::new()
    };
    let text = &signed.text;
    let title = text.with(
        "dash-review-title",
        &[
            ("father", Arg::from(review.family.father.as_str())),
            ("mother", Arg::from(review.family.mother.as_str())),
        ],
    );
    let body = html! {
        (summary(text, &review))
        (weeks(text, &review))
        (sessions(text, &review))
        (visits(text, &review))
        (learning(text, &review))
        @if !cadres.is_empty() {
            section #move {
                h2 { (text.t("dash-move-title")) }
                form method="post" action={ "/families/" (review.family.id) "/move" } {
                    input type="hidden" name="csrf" value=(signed.session.csrf);
                    label for="to" { (text.t("dash-move-to")) }
                    select #to name="to" {
                        @for (cadre, name, _) in cadres.iter().filter(|c| c.0 != review.family.cadre_id) {
                            option value=(cadre) { (name) }
                        }
                    }
                    button type="submit" { (text.t("dash-move-submit")) }
                }
                p.note { (text.t("dash-move-note")) }
            }
        }
        @if allowed(signed.session.account.role, Area::Erase) {
            section #erase {
                h2 { (text.t("dash-erase-title")) }
                p { (text.t("dash-erase-intro")) }
                p { a #erase-family href={ "/families/" (review.family.id) "/erase" } { (text.t("dash-erase-open")) } }
            }
        }
    };
    Ok(layout::page(&signed, Some(Area::Families), &title, body))
}

fn summary(text: &Text, review: &Review) -> Markup {
    let f = &review.family;
    html! {
        dl #family-summary.facts {
            dt { (text.t("dash-col-posyandu")) } dd { (f.posyandu) }
            dt { (text.t("dash-col-rw")) } dd { (f.rw.as_deref().unwrap_or("—")) }
            dt { (text.t("dash-col-cadre")) } dd { (f.cadre) }
            dt { (text.t(if f.pregnant { "dash-expected-birth" } else { "dash-baby-born" })) } dd { (text.date(f.baby_birth)) }
            dt { (text.t("dash-enrolled")) } dd { (text.date(f.enrolled)) }
            dt { (text.t("dash-col-last-visit")) }
            dd { @match f.last_visit { Some(day) => (text.date(day)), None => (text.t("dash-never")) } }
        }
    }
}

fn weeks(text: &Text, review: &Review) -> Markup {
    html! {
        section {
            h2 { (text.t("dash-weeks-title")) }
            table #weeks {
                thead { tr { th scope="col" { (text.t("dash-week-of")) } th scope="col" { (text.t("dash-col-sessions-plan")) } } }
                tbody { @for w in &review.weeks { tr {
                    th scope="row" { (text.date(w.week_start)) }
                    td.num { (text.with("dash-sessions-of-plan", &[("given", Arg::from(w.given)), ("planned", Arg::from(w.planned))])) }
                } } }
            }
        }
    }
}

fn sessions(text: &Text, review: &Review) -> Markup {
    let value = |v: Option<i64>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
    html! {
        section {
            h2 { (text.with("dash-sessions-title", &[("days", Arg::from(review::SESSION_DAYS))])) }
            @if review.sessions.is_empty() {
                p #no-sessions { (text.t("dash-none")) }
            } @else {
                div.table-wrap tabindex="0" { table #sessions {
                    thead { tr {
                        th scope="col" { (text.t("dash-col-when")) }
                        th scope="col" { (text.t("dash-col-outcome")) }
                        th scope="col" { (text.t("dash-col-given-by")) }
                        th scope="col" { (text.t("dash-col-comfort")) }
                        th scope="col" { (text.t("dash-col-pain")) }
                        th scope="col" { (text.t("dash-col-milk-flow")) }
                    } }
                    tbody { @for s in &review.sessions { tr {
                        th scope="row" { (text.moment(s.at.to_utc())) }
                        td {
                            (text.t(&format!("dash-outcome-{}", s.status)))
                            @if let Some(reason) = &s.stop_reason { ": " (text.t(&format!("dash-stop-{reason}"))) }
                        }
                        td { @match &s.given_by { Some(g) => (text.t(&format!("giver-{g}"))), None => "—" } }
                        td.num { (value(s.comfort)) }
                        td.num { (value(s.pain_before)) " → " (value(s.pain_after)) }
                        td { @match &s.milk_flow { Some(m) => (text.t(&format!("milk-flow-{m}"))), None => "—" } }
                    } } }
                } }
            }
        }
    }
}

fn row_label(text: &Text, row: &str) -> String {
    text.t(&ayah_asi_core::checklist::report_label_id(row))
}

fn visits(text: &Text, review: &Review) -> Markup {
    html! {
        section {
            h2 { (text.t("dash-visits-title")) }
            @if review.visits.is_empty() {
                p #no-visits { (text.t("dash-none")) }
            } @else {
                ul #visits { @for v in &review.visits { li {
                    strong { (text.date(v.visited_on)) } ": "
                    (text.with("dash-visit-score", &[("percent", Arg::from(v.percent)), ("band", Arg::from(text.t(&format!("band-{}", v.band))))]))
                    " · " (text.t(if v.competent { "dash-competent" } else { "dash-not-competent" }))
                    @if v.critical_failed { " · " strong.danger { (text.t("dash-critical-failed")) } }
                    @if let Some(note) = &v.coaching_notes { p.note { (note) } }
                } } }
                @if !review.focus.is_empty() {
                    h3 { (text.t("dash-focus-title")) }
                    ol #focus { @for row in &review.focus { li { (row_label(text, row)) } } }
                }
                div.table-wrap tabindex="0" { table #trends {
                    caption { (text.t("dash-trends-caption")) }
                    thead { tr {
                        th scope="col" { (text.t("dash-col-row")) }
                        @for v in &review.visits { th scope="col" { (text.date(v.visited_on)) } }
                    } }
                    tbody { @for trend in &review.trends { tr {
                        th scope="row" { (row_label(text, trend.row_id)) }
                        @for score in &trend.scores { td.num { @match score { Some(s) => (s), None => "—" } } }
                    } } }
                } }
            }
        }
    }
}

fn learning(text: &Text, review: &Review) -> Markup {
    let score = |s: Option<i64>| s.map_or_else(|| text.t("dash-not-taken"), |s| s.to_string());
    html! {
        section {
            h2 { (text.t("dash-learning-title")) }
            dl.facts {
                dt { (text.t("dash-pre-test")) } dd #pre-score { (score(review.pre_score)) }
                dt { (text.t("dash-post-test")) } dd #post-score { (score(review.post_score)) }
                dt { (text.t("dash-training")) }
                dd { @if review.trainings.is_empty() { (text.t("dash-none")) } @else {
                    @for (on, trainer, name) in &review.trainings {
                        span.item { (on) " · " (text.t(&format!("trainer-{trainer}"))) @if let Some(n) = name { " (" (n) ")" } }
                    }
                } }
                dt { (text.t("dash-milk-status")) }
                dd #milk { @if review.milk.is_empty() { (text.t("dash-none")) } @else {
                    @for (on, status) in &review.milk { span.item { (on) ": " (text.t(&format!("milk-status-{status}"))) } }
                } }
            }
            @if !review.questions.is_empty() {
                h3 { (text.t("dash-questions-title")) }
                ul #questions { @for q in &review.questions { li { (q) } } }
            }
        }
    }
}
