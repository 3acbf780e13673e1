// First start: the language is chosen before anything else is asked.
import { h } from '../dom';
import { LANGUAGES, translate, type Language } from '../i18n';

export function languageScreen(onChoose: (language: Language) => void): HTMLElement {
  // Shown before a choice exists, so every line speaks both languages.
  return h(
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
            onclick: () => onChoose(language),
          },
          translate(language, `language-name-${language}`),
        ),
      ),
    ),
    h('p', { class: 'hint' }, translate('id', 'language-intro')),
    h('p', { class: 'hint', lang: 'en' }, translate('en', 'language-intro')),
  );
}
