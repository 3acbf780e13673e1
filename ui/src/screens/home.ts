// Home: greets the father, shows the baby's age, starts the massage; the massage plan
// and the language can be changed here.
import * as api from '../api';
import { h } from '../dom';
import { toAppError } from '../errors';
import { LANGUAGES, currentLanguage, t, translate, type Language } from '../i18n';
import { PASS_LENGTHS, minutesOf } from '../session/format';

export interface HomeActions {
  onLanguage: (language: Language) => void;
  onStartMassage: () => void;
}

export function homeScreen(family: api.Family, actions: HomeActions): HTMLElement {
  const planSummary = h('p', { id: 'plan-summary', class: 'hint' });
  const planSettings = h('details', { id: 'plan-settings', class: 'settings' });
  void api.getProtocol().then(
    (protocol) => {
      showPlan(planSummary, protocol.plan);
      fillPlanSettings(planSettings, protocol.plan, (plan) => showPlan(planSummary, plan));
    },
    (raw) => {
      const error = toAppError(raw);
      planSummary.textContent = t(error.code, error.args);
    },
  );
  return h(
    'section',
    { class: 'screen', 'aria-labelledby': 'greeting' },
    h('h1', { id: 'greeting' }, t('home-greeting', { name: family.fatherName })),
    h('p', { id: 'baby-age', class: 'big-number' }, t('home-baby-age', { days: family.babyAgeDays })),
    h('p', { id: 'family-names' }, t('home-family', { father: family.fatherName, mother: family.motherName })),
    family.posyandu ? h('p', { id: 'family-posyandu' }, t('home-posyandu', { posyandu: family.posyandu })) : null,
    h('button', { type: 'button', id: 'start-massage', class: 'big primary', onclick: actions.onStartMassage }, t('home-start-massage')),
    planSummary,
    planSettings,
    languageSwitcher(actions.onLanguage),
  );
}

function showPlan(target: HTMLElement, plan: api.MassagePlan): void {
  target.textContent = t('home-plan', { passes: plan.passes, minutes: minutesOf(plan.passSeconds) });
}

function fillPlanSettings(details: HTMLElement, plan: api.MassagePlan, onSaved: (plan: api.MassagePlan) => void): void {
  const length = h('select', { id: 'plan-pass-seconds' },
    ...PASS_LENGTHS.map((seconds) =>
      h('option', { value: String(seconds), selected: seconds === plan.passSeconds }, String(minutesOf(seconds)))));
  const passes = h('select', { id: 'plan-passes' },
    ...[1, 2, 3, 4, 5].map((n) => h('option', { value: String(n), selected: n === plan.passes }, String(n))));
  const status = h('p', { id: 'plan-status', role: 'status' });
  const save = async () => {
    try {
      const saved = await api.setMassagePlan({ passSeconds: Number(length.value), passes: Number(passes.value) });
      status.textContent = t('plan-saved');
      onSaved(saved);
    } catch (raw) {
      const error = toAppError(raw);
      status.textContent = t(error.code, error.args);
    }
  };
  details.replaceChildren(
    h('summary', {}, t('plan-title')),
    h('div', { class: 'field' }, h('label', { for: length.id }, t('plan-pass-length')), length),
    h('div', { class: 'field' }, h('label', { for: passes.id }, t('plan-passes')), passes),
    h('button', { type: 'button', id: 'plan-save', onclick: () => void save() }, t('plan-save')),
    status,
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
