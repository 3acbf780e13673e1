// What the baby had yesterday: asked of the mother weekly on her own screen (and by the
// cadre at a visit), in pictures; then, once, whether anything but breast milk was ever
// given since birth. What counts and what raises an alert is the Rust core's.
import * as api from '../api';
import { dateParts } from '../dateField';
import { formatDay } from '../dates';
import { choiceGroup, h, mount } from '../dom';
import { errorsByField, toAppError } from '../errors';
import { foodIcon } from '../feedingIcons';
import { t } from '../i18n';
import type { Nav } from '../nav';

/** The home's card: due or not, the last answer, and the button. `null`: the device's own family. */
export function feedingCard(nav: Nav, familyId: string | null): HTMLElement {
  const card = h('div', { id: 'feeding-card', class: 'card' });
  void api.getFeedingStatus(familyId).then((status) => {
    if (!status.asked) {
      card.hidden = true;
      return;
    }
    card.replaceChildren(
      status.due ? h('p', { id: 'feeding-due', class: 'due' }, t('feeding-due')) : '',
      status.lastRecalledOn
        ? h('p', { id: 'feeding-last' }, t(status.lastExclusive ? 'feeding-last-exclusive' : 'feeding-last-other', { date: formatDay(status.lastRecalledOn, { day: 'numeric', month: 'long' }) }))
        : '',
      h('button', { type: 'button', id: 'record-feeding', class: status.due ? 'big primary' : 'big', onclick: () => nav.open((n) => showFeedingRecall(n, familyId, status)) }, t('feeding-record')),
    );
  }, () => {
    card.hidden = true;
  });
  return card;
}

export function showFeedingRecall(nav: Nav, familyId: string | null, status: api.FeedingStatus): void {
  const chosen = new Set<api.FoodItem>();
  const items = api.FOOD_ITEMS.map((item) => {
    const button = h('button', { type: 'button', id: `food-${item}`, class: 'choice food', 'aria-pressed': 'false' },
      foodIcon(item), h('span', {}, t(`food-${item}`)));
    button.addEventListener('click', () => {
      if (chosen.has(item)) chosen.delete(item);
      else chosen.add(item);
      button.setAttribute('aria-pressed', String(chosen.has(item)));
    });
    return button;
  });
  // Asked once: since birth, was anything but breast milk ever given, and when first.
  const everOther = choiceGroup('ever-other', ['no', 'yes'] as const, (v) => t(`feeding-ever-other-${v}`), null, 'ever-other-question');
  const firstOn = dateParts('firstOther', null, new Date(), 'first-other-hint');
  const thisYear = new Date().getFullYear();
  firstOn.setYears([thisYear, thisYear - 1]);
  const sinceBirth = !status.askSinceBirth ? null : h('fieldset', { id: 'since-birth', class: 'field' },
    h('legend', { id: 'ever-other-question' }, t('feeding-ever-other-question')),
    everOther.element,
    h('p', { id: 'first-other-hint', class: 'hint' }, t('feeding-first-other-hint')),
    h('div', { class: 'date-parts' }, firstOn.day, firstOn.month, firstOn.year));
  const error = h('p', { id: 'feeding-error', class: 'form-error', role: 'alert' });
  const save = async () => {
    error.textContent = '';
    const ever = everOther.value();
    const first = ever === 'yes' && firstOn.day.value.trim() ? firstOn.value() : null;
    try {
      const saved = await api.recordFeedingRecall(familyId, {
        items: [...chosen],
        everOther: ever === null ? null : ever === 'yes',
        firstOtherOn: first,
      });
      showSaved(nav, saved);
    } catch (raw) {
      const appError = toAppError(raw);
      const field = errorsByField(appError).get('firstOtherOn');
      error.textContent = field ? t(field.code, field.args) : t(appError.code, appError.args);
    }
  };
  mount(nav.root, h('section', { id: 'feeding', class: 'screen mother', 'aria-labelledby': 'feeding-title' },
    h('h1', { id: 'feeding-title' }, t('feeding-title')),
    h('p', {}, t('feeding-intro')),
    h('div', { class: 'choices-grid foods', role: 'group', 'aria-labelledby': 'feeding-title' }, ...items),
    sinceBirth,
    error,
    h('button', { type: 'button', id: 'feeding-save', class: 'big primary', onclick: () => void save() }, t('feeding-save')),
    h('button', { type: 'button', id: 'feeding-cancel', class: 'big', onclick: () => nav.back() }, t('session-cancel')),
  ));
}

/** After saving: thanks, and when the baby had more than breast milk, what helps now
 *  (the Rust side says which: the saved answer is the last one). */
function showSaved(nav: Nav, status: api.FeedingStatus): void {
  const other = status.lastExclusive === false;
  const honey = status.alert?.item === 'honey';
  const items = status.lastItems;
  mount(nav.root, h('section', { id: 'feeding-saved', class: 'screen mother', 'aria-labelledby': 'feeding-saved-title' },
    h('h1', { id: 'feeding-saved-title' }, t('feeding-saved-title')),
    other
      ? h('div', { id: 'feeding-advice', class: 'warning' },
        items.includes('breast-milk') ? null : h('p', { id: 'feeding-advice-no-breast-milk' }, t('feeding-advice-no-breast-milk')),
        honey ? h('p', { id: 'feeding-advice-honey' }, t('feeding-advice-honey')) : null,
        h('p', {}, t('feeding-advice-only-breast-milk')),
        items.includes('formula') ? h('p', { id: 'feeding-advice-formula' }, t('feeding-advice-formula')) : null,
        h('p', {}, t(status.alert ? 'feeding-advice-cadre' : 'feeding-advice-ask')),
        h('p', { id: 'feeding-advice-signs' }, t('feeding-advice-signs')))
      : h('p', { id: 'feeding-praise' }, t('feeding-praise')),
    h('button', { type: 'button', id: 'back-home', class: 'big primary', onclick: () => nav.back() }, t('session-back-home')),
  ));
}
