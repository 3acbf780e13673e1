// The posko Ayah ASI (seed 004): the cadre sets its place, day, hours and contact; the
// father's home shows the next posko day and lets him note questions to ask there.
import * as api from '../api';
import { formatDay, localDay } from '../dates';
import { h, mount } from '../dom';
import { errorsByField, toAppError } from '../errors';
import { t } from '../i18n';
import type { Nav } from '../nav';

/** A weekday's name (1 Monday .. 7 Sunday) in the app's language. */
export function weekdayName(weekday: number): string {
  // 2026-11-30 is a Monday.
  return formatDay(localDay(new Date(2026, 10, 29 + weekday)), { weekday: 'long' });
}

function poskoLine(posko: api.Posko): string {
  return t('posko-when-where', { weekday: weekdayName(posko.weekday), from: posko.startsAt, to: posko.endsAt, place: posko.place });
}

/** The cadre's posko settings. */
export async function showPoskoSettings(nav: Nav): Promise<void> {
  let current: api.Posko | null;
  try {
    current = await api.getOwnPosko();
  } catch (raw) {
    nav.fail(raw, (e) => mount(nav.root, h('p', { class: 'form-error' }, t(e.code, e.args))));
    return;
  }
  const field = (id: string, label: string, input: HTMLElement) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), input, h('p', { id: `${id}-error`, class: 'field-error' }));
  const place = h('input', { id: 'posko-place', type: 'text', maxlength: 120, value: current?.place });
  const weekday = h('select', { id: 'posko-weekday' },
    ...[1, 2, 3, 4, 5, 6, 7].map((d) => h('option', { value: String(d), selected: d === (current?.weekday ?? 6) }, weekdayName(d))));
  const starts = h('input', { id: 'posko-starts', type: 'text', inputmode: 'numeric', maxlength: 5, placeholder: '08:00', value: current?.startsAt ?? '08:00' });
  const ends = h('input', { id: 'posko-ends', type: 'text', inputmode: 'numeric', maxlength: 5, placeholder: '10:00', value: current?.endsAt ?? '10:00' });
  const contact = h('input', { id: 'posko-contact', type: 'text', inputmode: 'tel', maxlength: 80, value: current?.contact ?? undefined });
  const status = h('p', { id: 'posko-status', role: 'status' });
  const errorFor: Record<string, string> = { place: 'posko-place', weekday: 'posko-weekday', startsAt: 'posko-starts', endsAt: 'posko-ends', contact: 'posko-contact' };
  const save = async () => {
    for (const id of Object.values(errorFor)) {
      const line = document.getElementById(`${id}-error`);
      if (line) line.textContent = '';
    }
    try {
      const saved = await api.setOwnPosko({
        place: place.value, weekday: Number(weekday.value), startsAt: starts.value.trim(), endsAt: ends.value.trim(), contact: contact.value.trim() || null,
      });
      status.textContent = t('posko-saved', { line: poskoLine(saved) });
    } catch (raw) {
      nav.fail(raw, (error) => {
        for (const [fieldName, problem] of errorsByField(error)) {
          const line = document.getElementById(`${errorFor[fieldName] ?? ''}-error`);
          if (line) line.textContent = t(problem.code, problem.args);
        }
        status.textContent = t(error.code, error.args);
      });
    }
  };
  mount(nav.root, h('section', { id: 'posko-settings', class: 'screen', 'aria-labelledby': 'posko-title' },
    h('h1', { id: 'posko-title' }, t('posko-title')),
    h('p', { class: 'hint' }, t('posko-intro')),
    field('posko-place', t('posko-place'), place),
    field('posko-weekday', t('posko-weekday'), weekday),
    field('posko-starts', t('posko-starts'), starts),
    field('posko-ends', t('posko-ends'), ends),
    field('posko-contact', t('posko-contact'), contact),
    h('button', { type: 'button', id: 'posko-save', class: 'big primary', onclick: () => void save() }, t('posko-save')),
    status,
    h('button', { type: 'button', id: 'back-to-families', class: 'big', onclick: () => nav.back() }, t('back-to-families')),
  ));
}

/** The family's posko card: the next posko day, and his questions for it. */
export function poskoCard(): HTMLElement {
  const card = h('div', { id: 'posko-card', class: 'card' }, h('h2', {}, t('posko-title')));
  const body = h('div', {});
  const question = h('textarea', { id: 'posko-question', rows: 2, maxlength: 300, 'aria-describedby': 'posko-question-hint' });
  const status = h('p', { id: 'posko-question-status', role: 'status' });
  const fill = (view: api.FamilyPosko) => {
    const p = view.posko;
    const parts: (HTMLElement | null)[] = [
      p && view.nextDay
        ? h('p', { id: 'posko-next' }, t('posko-next', {
          date: formatDay(view.nextDay, { weekday: 'long', day: 'numeric', month: 'long' }), from: p.startsAt, to: p.endsAt, place: p.place,
        }))
        : h('p', { id: 'posko-none', class: 'hint' }, t('posko-none')),
      p ? h('p', { id: 'posko-cadre' }, p.contact ? t('posko-cadre-contact', { cadre: p.cadreName, contact: p.contact }) : t('posko-cadre', { cadre: p.cadreName })) : null,
      view.questions.length
        ? h('ul', { id: 'posko-questions', class: 'sessions' }, ...view.questions.map((q) => h('li', {}, q.question)))
        : null,
    ];
    body.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
  };
  const ask = async () => {
    try {
      fill(await api.addPoskoQuestion(question.value));
      question.value = '';
      status.textContent = t('posko-question-saved');
    } catch (raw) {
      const error = toAppError(raw);
      const first = error.fields[0];
      status.textContent = first ? t(first.code, first.args) : t(error.code, error.args);
    }
  };
  void api.getFamilyPosko().then(fill, (raw) => {
    const error = toAppError(raw);
    body.textContent = t(error.code, error.args);
  });
  card.append(body,
    h('div', { class: 'field' }, h('label', { for: question.id }, t('posko-question-label')),
      h('p', { id: 'posko-question-hint', class: 'hint warning' }, t('posko-question-hint')), question),
    h('button', { type: 'button', id: 'posko-ask', class: 'big', onclick: () => void ask() }, t('posko-ask')),
    status);
  return card;
}
