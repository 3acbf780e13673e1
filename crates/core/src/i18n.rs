//! Rust-side localization from the same `.ftl` files the UI reads.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use include_dir::{Dir, include_dir};
use unic_langid::LanguageIdentifier;

/// The `locales/` folder, embedded at build time.
static LOCALES: Dir = include_dir!("$CARGO_MANIFEST_DIR/../../locales");

/// Languages the app speaks, the default first.
pub const LANGUAGES: [&str; 2] = ["id", "en"];
/// Bahasa Indonesia is the default language.
pub const DEFAULT_LANGUAGE: &str = "id";

/// Why the locale files could not be loaded (a build defect, caught by tests).
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("no locale folder for {0}")]
    MissingLanguage(String),
    #[error("bad language tag {0}")]
    BadTag(String),
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
}

/// One concurrent Fluent bundle per language, safe to share in Tauri state.
pub struct Localizer {
    bundles: Vec<(&'static str, FluentBundle<FluentResource>)>,
}

impl Localizer {
    /// Loads every `.ftl` file of every supported language.
    pub fn load() -> Result<Self, I18nError> {
        let bundles = LANGUAGES
            .iter()
            .map(|lang| Ok((*lang, bundle_for(lang)?)))
            .collect::<Result<_, I18nError>>()?;
        Ok(Self { bundles })
    }

    /// The message `id` in `language` (falling back to the default language, then to
    /// the id itself, so a missing message is visible rather than blank).
    pub fn text(&self, language: &str, id: &str, args: Option<&FluentArgs>) -> String {
        [language, DEFAULT_LANGUAGE]
            .iter()
            .find_map(|lang| self.format(lang, id, args))
            .unwrap_or_else(|| id.to_owned())
    }

    fn format(&self, language: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let (_, bundle) = self.bundles.iter().find(|(lang, _)| *lang == language)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

/// Whether `language` is one the app speaks.
pub fn is_supported(language: &str) -> bool {
    LANGUAGES.contains(&language)
}

/// The source of every `.ftl` file of `language`, by file name, in name order.
pub fn sources(language: &str) -> Result<Vec<(String, &'static str)>, I18nError> {
    let dir = LOCALES
        .get_dir(language)
        .ok_or_else(|| I18nError::MissingLanguage(language.to_owned()))?;
    let mut files: Vec<(String, &'static str)> = dir
        .files()
        .filter(|f| f.path().extension().is_some_and(|ext| ext == "ftl"))
        .filter_map(|f| Some((f.path().display().to_string(), f.contents_utf8()?)))
        .collect();
    files.sort();
    Ok(files)
}

fn bundle_for(language: &str) -> Result<FluentBundle<FluentResource>, I18nError> {
    let tag: LanguageIdentifier = language
        .parse()
        .map_err(|_| I18nError::BadTag(language.to_owned()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Both languages are left-to-right: bidi isolation marks would only show up as
    // invisible characters in window titles and tests.
    bundle.set_use_isolating(false);
    for (file, source) in sources(language)? {
        let resource =
            FluentResource::try_new(source.to_owned()).map_err(|(_, errs)| I18nError::Parse {
                file: file.clone(),
                message: format!("{errs:?}"),
            })?;
        bundle
            .add_resource(resource)
            .map_err(|errs| I18nError::Parse {
                file,
                message: format!("{errs:?}"),
            })?;
    }
    Ok(bundle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_and_names_the_app() {
        let localizer = Localizer::load().unwrap();
        assert!(
            localizer
                .text("id", "app-title", None)
                .starts_with("Ayah ASI")
        );
        assert!(
            localizer
                .text("en", "app-title", None)
                .starts_with("Ayah ASI")
        );
    }

    #[test]
    fn arguments_are_placed_without_bidi_marks() {
        let localizer = Localizer::load().unwrap();
        let mut args = FluentArgs::new();
        args.set("name", "Budi");
        let text = localizer.text("en", "home-greeting", Some(&args));
        assert!(text.contains("Budi"), "{text}");
        assert!(
            !text.contains('\u{2068}') && !text.contains('\u{2069}'),
            "{text:?}"
        );
    }

    #[test]
    fn an_unknown_id_shows_itself() {
        let localizer = Localizer::load().unwrap();
        assert_eq!(
            localizer.text("en", "no-such-message", None),
            "no-such-message"
        );
    }
}
