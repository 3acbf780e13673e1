// Home: greets the father and shows the baby's age; the language can be switched here.
import type { Family } from '../api';
import { h } from '../dom';
import { LANGUAGES, currentLanguage, t, translate, type Language } from '../i18n';

export function homeScreen(family: Family, onLanguage: (language: Language) => void): HTMLElement {
  return h(
    'section',
    { class: 'screen', 'aria-labelledby': 'greeting' },
    h('h1', { id: 'greeting' }, t('home-greeting', { name: family.fatherName })),
    h('p', { id: 'baby-age', class: 'big-number' }, t('home-baby-age', { days: family.babyAgeDays })),
    h('p', { id: 'family-names' }, t('home-family', { father: family.fatherName, mother: family.motherName })),
    family.posyandu ? h('p', { id: 'family-posyandu' }, t('home-posyandu', { posyandu: family.posyandu })) : null,
    languageSwitcher(onLanguage),
  );
}

function languageSwitcher(onLanguage: (language: Language) => void): HTMLElement {
  return h(
    'nav',
    { class: 'language-switch', 'aria-label': t('home-language') },
    h('span', {}, t('home-language')),
    ...LANGUAGES.map((language) =>
      h(
        'button',
        {
          type: 'button',
          id: `switch-language-${language}`,
          lang: language,
          'aria-pressed': String(language === currentLanguage()),
          onclick: () => onLanguage(language),
        },
        translate(language, `language-name-${language}`),
      ),
    ),
  );
}
