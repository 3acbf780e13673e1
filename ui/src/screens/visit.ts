// A home visit: the cadre scores each daftar tilik row 0-2 while watching the father;
// the score and band come from the Rust side as soon as every row is scored.
import * as api from '../api';
import { choiceGroup, h, mount, toggleGroup } from '../dom';
import { errorsByField } from '../errors';
import { checklistText } from '../checklist';
import { GIVERS, giverLabelId } from '../giver';
import { t } from '../i18n';
import type { Nav } from '../nav';
import { referralAdvice } from './referral';

const MOTIVATIONS = api.MOTIVATIONS;
const MILK = api.MILK_STATUSES;

/** The visit form; with `amending`, it corrects that saved visit (a reason is required). */
/** `toReview` shows the family's review once the visit is saved (the caller knows where it is). */
export async function showVisit(nav: Nav, family: api.Family, amending: api.VisitView | null, toReview: (nav: Nav) => void): Promise<void> {
  let checklist: api.Checklist;
  try {
    checklist = await api.getChecklist(family.id);
  } catch (raw) {
    nav.fail(raw, (e) => mount(nav.root, h('p', { class: 'form-error' }, t(e.code, e.args))));
    return;
  }
  const scores = new Map<string, number>();
  const notes = new Map<string, HTMLInputElement>();
  const scoreLine = h('p', { id: 'visit-score', class: 'big-number' }, t('visit-score-incomplete'));
  const bandLine = h('p', { id: 'visit-band' });
  const summary = h('p', { id: 'visit-error', class: 'form-error', role: 'alert' });

  const refresh = async () => {
    if (scores.size < checklist.rows.length) return;
    try {
      const score = await api.previewScore(currentRows());
      scoreLine.textContent = t('visit-score', { percent: score.percent, total: score.total, maximum: score.maximum });
      bandLine.textContent = competenceText(score, checklist);
      bandLine.className = score.competent ? 'competent' : 'not-competent';
    } catch (raw) {
      nav.fail(raw, (e) => (summary.textContent = t(e.code, e.args)));
    }
  };
  const currentRows = (): api.RowScore[] =>
    checklist.rows.filter((id) => scores.has(id)).map((id) => ({ rowId: id, score: scores.get(id) ?? 0, note: notes.get(id)?.value.trim() || null }));

  const row = (id: string, index: number) => {
    const previous = amending?.rows.find((r) => r.rowId === id);
    const critical = checklist.critical.includes(id);
    // A safety requirement is pass or fail, each in its own words: "now and then" is a
    // fail (the Rust side refuses a 1 there too). Every other row scores 0, 1 or 2.
    const values = critical ? [0, 2] : [0, 1, 2];
    const label = (value: number) => critical ? t(`checklist-${id}-${value === 2 ? 'pass' : 'fail'}`) : t(`score-${value}`);
    const buttons = values.map((value) =>
      h('button', { type: 'button', id: `row-${id}-${value}`, class: `score score-${value}`, 'aria-pressed': 'false' }, label(value)));
    buttons.forEach((button, index) => {
      const value = values[index] ?? 0;
      button.addEventListener('click', () => {
        scores.set(id, value);
        toggleGroup(buttons, button);
        void refresh();
      });
      if (previous?.score === value) {
        scores.set(id, value);
        toggleGroup(buttons, button);
      }
    });
    const note = h('input', { id: `row-${id}-note`, type: 'text', maxlength: 300, placeholder: t('visit-row-note'), 'aria-label': t('visit-row-note') });
    note.value = previous?.note ?? '';
    notes.set(id, note);
    return h('fieldset', { class: critical ? 'checklist-row critical' : 'checklist-row', 'data-row': id },
      h('legend', {}, `${index + 1}. ${checklistText(id, checklist.plan)}`),
      critical ? h('p', { class: 'critical-badge' }, t('visit-critical')) : null,
      h('div', { class: 'score-buttons', role: 'group' }, ...buttons),
      note);
  };

  const motivation = choiceGroup('motivation', MOTIVATIONS, (v) => t(`motivation-${v}`),
    (amending?.motivation as api.Motivation | undefined) ?? null, 'visit-motivation-title');
  // Whom she watches: most often whoever gave the family's last session.
  const observed = choiceGroup('observed', GIVERS, (v) => t(giverLabelId(v)),
    amending ? amending.observed : checklist.lastGiver, 'visit-observed-title');
  const milk = h('select', { id: 'visit-milk-status' },
    h('option', { value: '' }, t('visit-milk-unknown')),
    ...MILK.map((value) => h('option', { value, selected: value === amending?.milkStatus }, t(`milk-status-${value}`))));
  const milkAdvice = h('div', { id: 'visit-milk-advice' });
  const showMilkAdvice = () => milkAdvice.replaceChildren(...(milk.value === 'tidak-ada' ? [referralAdvice()] : []));
  milk.addEventListener('change', showMilkAdvice);
  showMilkAdvice();
  const coaching = h('textarea', { id: 'visit-coaching', rows: 3, maxlength: 1000 });
  coaching.value = amending?.coachingNotes ?? '';
  const reason = amending ? h('input', { id: 'visit-amend-reason', type: 'text', maxlength: 300 }) : null;
  const motivationError = h('p', { id: 'motivation-error', class: 'field-error' });
  const observedError = h('p', { id: 'observed-error', class: 'field-error' });

  const save = async () => {
    const input: api.VisitInput = {
      familyId: family.id,
      rows: currentRows(),
      coachingNotes: coaching.value.trim() || null,
      motivation: motivation.value() ?? '',
      milkStatus: (milk.value || null) as api.MilkStatus | null,
      observed: observed.value(),
    };
    try {
      const result = amending
        ? await api.amendVisit(amending.originalId, reason?.value ?? '', input)
        : await api.saveVisit(input);
      showSaved(nav, toReview, result, checklist, input.milkStatus);
    } catch (raw) {
      nav.fail(raw, (error) => {
        const byField = errorsByField(error);
        for (const [field, line] of [['motivation', motivationError], ['observed', observedError]] as const) {
          const problem = byField.get(field);
          line.textContent = problem ? t(problem.code, problem.args) : '';
        }
        const first = error.fields[0];
        summary.textContent = first ? t(first.code, first.args) : t(error.code, error.args);
      });
    }
  };

  mount(nav.root, h('section', { id: 'visit', class: 'screen', 'aria-labelledby': 'visit-title' },
    h('h1', { id: 'visit-title' }, `${t('visit-title')}: ${family.fatherName}`),
    h('p', { class: 'hint' }, t('visit-intro')),
    h('h2', { id: 'visit-observed-title' }, t('visit-observed')),
    observed.element,
    observedError,
    h('div', { class: 'score-box', 'aria-live': 'polite' }, scoreLine, bandLine),
    ...checklist.rows.map(row),
    h('h2', { id: 'visit-motivation-title' }, t('visit-motivation')),
    motivation.element,
    motivationError,
    h('div', { class: 'field' }, h('label', { for: milk.id }, t('visit-milk-status')), milk),
    milkAdvice,
    h('div', { class: 'field' }, h('label', { for: coaching.id }, t('visit-coaching')), coaching),
    reason ? h('div', { class: 'field' }, h('label', { for: reason.id }, t('visit-amend-reason')), reason) : null,
    summary,
    h('button', { type: 'button', id: 'visit-save', class: 'big primary', onclick: () => void save() }, t('visit-save')),
    h('button', { type: 'button', id: 'back-to-families', class: 'big', onclick: () => nav.home() }, t('back-to-families')),
  ));
  void refresh();
}

/** "Baik · Kompeten", or why not: a failed safety requirement (in its fail words) comes before the threshold. */
function competenceText(score: api.Score, checklist: api.Checklist): string {
  const failed = score.criticalFailed[0];
  const verdict = failed
    ? t('visit-critical-failed', { row: t(`checklist-${failed}-fail`) })
    : score.competent ? t('visit-competent') : t('visit-not-competent', { percent: checklist.competentPercent });
  return `${t(`band-${score.band}`)} · ${verdict}`;
}

function showSaved(nav: Nav, toReview: (nav: Nav) => void, result: api.VisitResult, checklist: api.Checklist, milk: string | null): void {
  mount(nav.root, h('section', { id: 'visit-result', class: 'screen', 'aria-labelledby': 'visit-saved' },
    h('h1', { id: 'visit-saved' }, t('visit-saved', { percent: result.score.percent, band: t(`band-${result.score.band}`) })),
    h('p', { id: 'visit-result-competence', class: result.score.competent ? 'competent' : 'not-competent' }, competenceText(result.score, checklist)),
    milk === 'tidak-ada' ? referralAdvice() : null,
    h('button', { type: 'button', id: 'visit-to-review', class: 'big primary', onclick: () => toReview(nav) }, t('family-review')),
    h('button', { type: 'button', id: 'back-to-families', class: 'big', onclick: () => nav.home() }, t('back-to-families')),
  ));
}
