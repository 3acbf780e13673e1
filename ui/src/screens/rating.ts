// After a session: the father hands the phone to the mother, who answers in her own
// screen (faces, milk flow, optional pain and note) or skips. Her answers are hers.
import * as api from '../api';
import { h, mount } from '../dom';
import { errorsByField, toAppError } from '../errors';
import { t } from '../i18n';
import { face, milkIcon } from '../icons';
import type { Nav } from '../nav';

const COMFORT_LEVELS = [1, 2, 3, 4, 5];
const FLOWS = api.MILK_FLOWS;

/** Builds a row of big toggle buttons; returns it and a getter for the chosen value. */
function choiceRow<T extends string | number>(
  name: string,
  options: { value: T; label: string; icon: SVGElement }[],
  initial: T | null,
): { element: HTMLElement; value(): T | null } {
  let chosen: T | null = initial;
  const buttons = options.map((option) =>
    h('button', {
      type: 'button',
      id: `${name}-${option.value}`,
      class: 'choice',
      'aria-pressed': String(option.value === initial),
      onclick: () => {
        chosen = option.value;
        for (const [i, button] of buttons.entries()) button.setAttribute('aria-pressed', String(options[i]?.value === chosen));
      },
    }, option.icon, h('span', {}, option.label)),
  );
  return { element: h('div', { class: `choices-row ${name}`, role: 'group' }, ...buttons), value: () => chosen };
}

function painSelect(id: string, initial: number | null): HTMLSelectElement {
  return h('select', { id },
    h('option', { value: '', selected: initial === null }, t('rating-pain-unanswered')),
    ...Array.from({ length: 11 }, (_, n) => h('option', { value: String(n), selected: n === initial }, String(n))));
}

/** The screen that asks the father to hand over the phone, then hers. */
export function showHandover(nav: Nav, sessionId: string, screenId: string, heading: (Node | null)[]): void {
  mount(nav.root, h('section', { id: screenId, class: 'screen handover', 'aria-labelledby': 'handover-title' },
    ...heading,
    h('h2', { id: 'handover-title' }, t('handover-title')),
    h('p', {}, t('handover-text')),
    h('button', { type: 'button', id: 'handover-ready', class: 'big primary', onclick: () => showRating(nav, sessionId, null) }, t('handover-ready')),
  ));
}

/** The mother's screen. With `current`, it corrects her earlier answers. */
export function showRating(nav: Nav, sessionId: string, current: api.Rating | null): void {
  const comfort = choiceRow('comfort', COMFORT_LEVELS.map((level) => ({ value: level, icon: face(level), label: t(`comfort-${level}`) })), current?.comfort ?? null);
  const flow = choiceRow('milk-flow', FLOWS.map((value) => ({ value, icon: milkIcon(value), label: t(`milk-flow-${value}`) })), current?.milkFlow ?? null);
  const painBefore = painSelect('rating-pain-before', current?.painBefore ?? null);
  const painAfter = painSelect('rating-pain-after', current?.painAfter ?? null);
  const note = h('textarea', { id: 'rating-note', rows: 2, maxlength: 500 });
  note.value = current?.note ?? '';
  const slots = new Map(['comfort', 'milkFlow', 'painBefore', 'painAfter', 'note'].map((f) => [f, h('p', { id: `${f}-error`, class: 'field-error' })]));
  const summary = h('p', { id: 'rating-error', class: 'form-error', role: 'alert' });
  const pain = (select: HTMLSelectElement) => (select.value === '' ? null : Number(select.value));

  const submit = async (skipped: boolean) => {
    const input: api.RatingInput = skipped
      ? { skipped: true, comfort: null, painBefore: null, painAfter: null, milkFlow: null, note: null }
      : { skipped: false, comfort: comfort.value(), painBefore: pain(painBefore), painAfter: pain(painAfter), milkFlow: flow.value(), note: note.value.trim() || null };
    try {
      await (current ? api.correctRating(sessionId, 'mother', input) : api.rateSession(sessionId, 'mother', input));
      showThanks(nav, skipped);
    } catch (raw) {
      const error = toAppError(raw);
      const byField = errorsByField(error);
      for (const [field, slot] of slots) {
        const fieldError = byField.get(field);
        slot.textContent = fieldError ? t(fieldError.code, fieldError.args) : '';
      }
      summary.textContent = error.fields.length > 0 ? t('form-has-errors') : t(error.code, error.args);
    }
  };

  mount(nav.root, h('section', { id: 'rating', class: 'screen mother', 'aria-labelledby': 'rating-title' },
    h('h1', { id: 'rating-title' }, t('rating-title')),
    summary,
    h('h2', {}, t('rating-comfort')), comfort.element, slots.get('comfort') ?? null,
    h('h2', {}, t('rating-milk')), flow.element, slots.get('milkFlow') ?? null,
    h('div', { class: 'field' }, h('label', { for: painBefore.id }, t('rating-pain-before')), painBefore, slots.get('painBefore') ?? null),
    h('div', { class: 'field' }, h('label', { for: painAfter.id }, t('rating-pain-after')), painAfter, slots.get('painAfter') ?? null),
    h('div', { class: 'field' }, h('label', { for: note.id }, t('rating-note')), note, slots.get('note') ?? null),
    h('button', { type: 'button', id: 'rating-save', class: 'big primary', onclick: () => void submit(false) }, t('rating-save')),
    current ? null : h('button', { type: 'button', id: 'rating-skip', class: 'big', onclick: () => void submit(true) }, t('rating-skip')),
  ));
}

function showThanks(nav: Nav, skipped: boolean): void {
  mount(nav.root, h('section', { id: 'rating-done', class: 'screen', 'aria-labelledby': 'rating-done-text' },
    h('h1', { id: 'rating-done-text' }, t(skipped ? 'rating-skipped' : 'rating-thanks')),
    h('button', { type: 'button', id: 'back-home', class: 'big primary', onclick: () => nav.back() }, t('session-back-home')),
  ));
}
