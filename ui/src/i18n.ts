// Localization from the same .ftl files the Rust side embeds (locales/<lang>/*.ftl).
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';

export type Args = Record<string, FluentVariable>;

const sources = import.meta.glob('../../locales/*/*.ftl', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The .ftl sources of `language`, from a path → text map. */
export function sourcesOf(language: Language, all: Record<string, string> = sources): string[] {
  return Object.keys(all)
    .filter((path) => path.split('/').at(-2) === language)
    .sort()
    .map((path) => all[path] ?? '');
}

/** A bundle for `language`, failing loudly on a syntax error in any file. */
export function buildBundle(language: Language, all: Record<string, string> = sources): FluentBundle {
  // Both languages are left-to-right: isolation marks would only add invisible characters.
  const bundle = new FluentBundle(language, { useIsolating: false });
  for (const source of sourcesOf(language, all)) {
    const errors = bundle.addResource(new FluentResource(source));
    if (errors.length > 0) throw new Error(`locale ${language}: ${errors.map(String).join('; ')}`);
  }
  return bundle;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const bundles = new Map<Language, FluentBundle>();
let current: Language = DEFAULT_LANGUAGE;

function bundleFor(language: Language): FluentBundle {
  let bundle = bundles.get(language);
  if (!bundle) {
    bundle = buildBundle(language);
    bundles.set(language, bundle);
  }
  return bundle;
}

/** Switches the UI language for every later `t` call. */
export function setLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
  document.title = t('app-title');
}

export function currentLanguage(): Language {
  return current;
}

/** The message `id` in `language`, else in the default language (Indonesian), else the
 *  id itself so gaps show: the Rust side's rule (`i18n::Localizer::text`). */
export function translate(language: Language, id: string, args?: Args): string {
  for (const lang of [language, LANGUAGES[0]]) {
    const bundle = bundleFor(lang);
    const message = bundle.getMessage(id);
    if (message?.value) return bundle.formatPattern(message.value, args);
  }
  return id;
}

/** The message `id` in the current language. */
export function t(id: string, args?: Args): string {
  return translate(current, id, args);
}
