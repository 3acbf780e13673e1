//! Words, numbers and dates for a page, in the reader's language, from the app's own
//! `locales/` files (the core crate's Localizer).

use std::sync::Arc;

use ayah_asi_core::i18n::Localizer;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use fluent_bundle::{FluentArgs, FluentValue};

/// The language cookie: `id` (the default) or `en`.
pub const LANG_COOKIE: &str = "ayah_lang";

/// One page's language, with what it needs to write in it.
#[derive(Clone)]
pub struct Text {
    localizer: Arc<Localizer>,
    pub lang: &'static str,
    /// The puskesmas's clock (WIB is UTC+7).
    offset: FixedOffset,
}

impl Text {
    pub fn new(localizer: Arc<Localizer>, lang: &str, offset: FixedOffset) -> Self {
        let lang = if lang == "en" { "en" } else { "id" };
        Self {
            localizer,
            lang,
            offset,
        }
    }

    /// The message `id`.
    pub fn t(&self, id: &str) -> String {
        self.localizer.text(self.lang, id, None)
    }

    /// The message `id` with named arguments (numbers stay numbers for Fluent's plurals).
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent.set(*name, FluentValue::from(text.clone())),
                Arg::Number(number) => fluent.set(*name, FluentValue::from(*number)),
            }
        }
        self.localizer.text(self.lang, id, Some(&fluent))
    }

    /// A number with this language's decimal mark, to `decimals` places.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        if self.lang == "id" {
            text.replace('.', ",")
        } else {
            text
        }
    }

    /// "12 Des 2026" / "12 Dec 2026".
    pub fn date(&self, day: NaiveDate) -> String {
        use chrono::Datelike;
        let months = self.t("dash-months");
        let month = months
            .split_whitespace()
            .nth(day.month0() as usize)
            .unwrap_or("?");
        format!("{} {month} {}", day.day(), day.year())
    }

    /// A calendar month: "Okt 2026" / "Oct 2026".
    pub fn month(&self, day: NaiveDate) -> String {
        use chrono::Datelike;
        let months = self.t("dash-months");
        let month = months
            .split_whitespace()
            .nth(day.month0() as usize)
            .unwrap_or("?");
        format!("{month} {}", day.year())
    }

    /// A moment on the puskesmas's clock: "12 Des 2026 14.05" / "12 Dec 2026 14:05".
    pub fn moment(&self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&self.offset);
        let separator = if self.lang == "id" { "." } else { ":" };
        format!(
            "{} {}",
            self.date(local.date_naive()),
            local.format(&format!("%H{separator}%M"))
        )
    }

    /// Now on the puskesmas's clock.
    pub fn local(&self, now: DateTime<Utc>) -> DateTime<FixedOffset> {
        now.with_timezone(&self.offset)
    }

    /// Today on the puskesmas's clock.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.offset).date_naive()
    }
}

/// A message argument.
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Self::Number(f64::from(n))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Self::Number(n as f64)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Self::Number(n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lang: &str) -> Text {
        let localizer = Arc::new(Localizer::load().unwrap());
        Text::new(localizer, lang, FixedOffset::east_opt(7 * 3600).unwrap())
    }

    #[test]
    fn dates_numbers_and_times_follow_the_language_and_the_puskesmas_clock() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T23:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(text("id").moment(at), "2 Des 2026 06.30");
        assert_eq!(text("en").moment(at), "2 Dec 2026 06:30");
        assert_eq!(text("id").number(85.25, 1), "85,2");
        assert_eq!(text("en").number(85.25, 1), "85.2");
        assert_eq!(
            text("fr").lang,
            "id",
            "an unknown language falls back to Indonesian"
        );
    }
}
