// Milk production status with its indicators, filled in by the mother (enrolment, then weekly).
import * as api from '../api';
import { h, mount } from '../dom';
import { errorsByField, toAppError } from '../errors';
import { t } from '../i18n';
import { referralAdvice } from './referral';
import type { Nav } from '../nav';

// The Rust side's lists (rating::MILK_INDICATORS: the order the mother reads them).
const INDICATORS = api.MILK_INDICATORS;
const STATUSES = api.MILK_STATUSES;

export function showMilkStatus(nav: Nav): void {
  const boxes = INDICATORS.map((id) => {
    const box = h('input', { type: 'checkbox', id: `milk-indicator-${id}`, value: id });
    return { box, row: h('label', { class: 'check' }, box, h('span', {}, t(`milk-indicator-${id}`))) };
  });
  let status: api.MilkStatus | null = null;
  // "Tidak ada" shows the referral advice at once, before anything is saved.
  const advice = h('div', { id: 'milk-advice-slot' });
  const statusButtons = STATUSES.map((value) =>
    h('button', {
      type: 'button',
      id: `milk-status-${value}`,
      class: 'choice',
      'aria-pressed': 'false',
      onclick: () => {
        status = value;
        for (const button of statusButtons) button.setAttribute('aria-pressed', String(button.id === `milk-status-${value}`));
        advice.replaceChildren(...(value === 'tidak-ada' ? [referralAdvice()] : []));
      },
    }, t(`milk-status-${value}`)));
  const statusError = h('p', { id: 'status-error', class: 'field-error' });
  const summary = h('p', { id: 'milk-status-error', class: 'form-error', role: 'alert' });
  const save = async () => {
    const indicators = boxes.filter(({ box }) => box.checked).map(({ box }) => box.value);
    try {
      await api.recordMilkStatus('mother', status, indicators);
      if (status === 'tidak-ada') showSavedWithAdvice(nav);
      else nav.back();
    } catch (raw) {
      const error = toAppError(raw);
      const fieldError = errorsByField(error).get('status');
      statusError.textContent = fieldError ? t(fieldError.code, fieldError.args) : '';
      summary.textContent = error.fields.length > 0 ? t('form-has-errors') : t(error.code, error.args);
    }
  };
  mount(nav.root, h('section', { id: 'milk-status', class: 'screen mother', 'aria-labelledby': 'milk-status-title' },
    h('h1', { id: 'milk-status-title' }, t('milk-status-title')),
    h('p', {}, t('milk-status-intro')),
    summary,
    h('div', { class: 'checklist' }, ...boxes.map(({ row }) => row)),
    h('h2', {}, t('milk-status-question')),
    h('div', { class: 'choices-row statuses', role: 'group' }, ...statusButtons),
    statusError,
    advice,
    h('button', { type: 'button', id: 'milk-status-save', class: 'big primary', onclick: () => void save() }, t('milk-status-save')),
    h('button', { type: 'button', id: 'session-cancel', class: 'big', onclick: () => nav.back() }, t('session-cancel')),
  ));
}

/** After "tidak ada" is saved: the advice stays on screen until she goes back. */
function showSavedWithAdvice(nav: Nav): void {
  mount(nav.root, h('section', { id: 'milk-status-saved', class: 'screen mother', 'aria-labelledby': 'milk-status-saved-title' },
    h('h1', { id: 'milk-status-saved-title' }, t('milk-status-title')),
    referralAdvice(),
    h('button', { type: 'button', id: 'back-home', class: 'big primary', onclick: () => nav.back() }, t('session-back-home')),
  ));
}
