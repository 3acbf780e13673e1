// First start: the language is chosen before anything else is asked.
import * as api from '../api';
import { h, mount } from '../dom';
import { fatalErrorLine } from '../errors';
import { LANGUAGES, translate, type Language } from '../i18n';
import type { Nav } from '../nav';

/** Saves the language and draws the app again from its first screen. */
export async function chooseLanguage(nav: Nav, language: Language): Promise<void> {
  try {
    await api.setLanguage(language);
    nav.home();
  } catch (raw) {
    nav.fail(raw, (error) => mount(nav.root, fatalErrorLine(error)));
  }
}

export function showLanguage(nav: Nav): void {
  // Shown before a choice exists, so every line speaks both languages.
  mount(nav.root, h(
    'section',
    { class: 'screen', 'aria-labelledby': 'language-title' },
    h('h1', { id: 'language-title' }, translate('id', 'language-title')),
    h('p', { class: 'subtitle', lang: 'en' }, translate('en', 'language-title')),
    h(
      'div',
      { class: 'choices' },
      ...LANGUAGES.map((language) =>
        h(
          'button',
          {
            type: 'button',
            id: `choose-language-${language}`,
            class: 'big',
            lang: language,
            onclick: () => void chooseLanguage(nav, language),
          },
          translate(language, `language-name-${language}`),
        ),
      ),
    ),
    h('p', { class: 'hint' }, translate('id', 'language-intro')),
    h('p', { class: 'hint', lang: 'en' }, translate('en', 'language-intro')),
  ));
}
