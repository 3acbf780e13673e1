// The father's history: how the week went, a 14-day chart, and every session with the
// mother's answer (or that it is missing).
import * as api from '../api';
import { checklistText } from '../checklist';
import { formatDay } from '../dates';
import { h, mount } from '../dom';
import { toAppError } from '../errors';
import { giverLabelId } from '../giver';
import { currentLanguage, t } from '../i18n';
import { historyChart } from '../session/chart';
import { showRating } from './rating';
import type { Nav } from '../nav';

function feedbackText(feedback: api.WeekFeedback): string {
  return t(`history-feedback-${feedback.tone}`, { finished: feedback.finished, planned: feedback.planned });
}

function when(at: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}

function ratingText(session: api.SessionView): string {
  const rating = session.rating;
  if (!rating) return t('history-not-rated');
  if (rating.skipped) return t('history-rating-skipped');
  return `${t('history-comfort', { comfort: rating.comfort ?? 0 })} · ${t(`milk-flow-${rating.milkFlow ?? 'none'}`)}`;
}

export async function showHistory(nav: Nav): Promise<void> {
  const back = h('button', { type: 'button', id: 'back-home', class: 'big', onclick: () => nav.back() }, t('session-back-home'));
  let history: api.History;
  try {
    history = await api.getHistory();
  } catch (raw) {
    const error = toAppError(raw);
    mount(nav.root, h('p', { class: 'form-error', role: 'alert' }, t(error.code, error.args)), back);
    return;
  }
  const item = (session: api.SessionView) => {
    const rateable = session.outcome !== 'not-started';
    const action = !rateable
      ? null
      : session.rating
        ? h('button', { type: 'button', id: `correct-${session.id}`, onclick: () => nav.open((n) => showRating(n, session.id, session.rating)) }, t('rating-correct'))
        : h('button', { type: 'button', id: `rate-${session.id}`, onclick: () => nav.open((n) => showRating(n, session.id, null)) }, t('rating-rate-now'));
    return h('li', { class: `session session-${session.outcome}`, 'data-session': session.id },
      h('strong', {}, when(session.at)), ' — ', t(`history-outcome-${session.outcome}`),
      session.givenBy ? h('span', { class: 'given-by' }, ` · ${t('session-given-by', { giver: t(giverLabelId(session.givenBy)) })}`) : null,
      h('br', {}),
      h('span', { class: session.rating ? 'rating' : 'rating missing' }, rateable ? ratingText(session) : ''),
      action ? h('div', {}, action) : null,
    );
  };
  const legend = (['finished', 'stopped', 'missed'] as const).map((kind) =>
    h('span', { class: `legend legend-${kind}` }, t(`history-legend-${kind}`)));
  mount(nav.root, h('section', { id: 'history', class: 'screen', 'aria-labelledby': 'history-title' },
    h('h1', { id: 'history-title' }, t('history-title')),
    h('p', { id: 'history-feedback', class: 'feedback' }, feedbackText(history.feedback)),
    history.feedback.lastComfort !== null ? h('p', { id: 'history-last-comfort' }, t('history-last-comfort', { comfort: history.feedback.lastComfort })) : null,
    historyChart(history.days, t('history-chart-label')),
    h('p', { class: 'legend-row' }, ...legend),
    history.sessions.length === 0
      ? h('p', { class: 'hint' }, t('history-empty'))
      : h('ul', { id: 'history-sessions', class: 'sessions' }, ...history.sessions.map(item)),
    visitsPart(history.visits),
    back,
  ));
}

/** The cadre's home visits, newest first: her score and what to practise. */
function visitsPart(visits: api.FatherVisit[]): HTMLElement | null {
  if (visits.length === 0) return null;
  const item = (visit: api.FatherVisit) => h('li', { class: 'visit', 'data-visited-on': visit.visitedOn },
    h('strong', {}, formatDay(visit.visitedOn, { weekday: 'short', day: 'numeric', month: 'short' })),
    ' — ', t('history-visit-line', { cadre: visit.cadreName, percent: visit.percent }),
    h('br', {}),
    visit.toPractise.length === 0
      ? t('history-visit-all-done')
      : t('history-visit-practise', { rows: visit.toPractise.map((row) => checklistText(row, null)).join('; ') }),
    visit.coachingNotes ? h('p', { class: 'hint' }, visit.coachingNotes) : null);
  return h('div', { id: 'history-visits' },
    h('h2', {}, t('history-visits-title')),
    h('ul', { class: 'sessions' }, ...visits.map(item)));
}
