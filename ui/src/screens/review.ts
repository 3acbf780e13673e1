// The family's review for the cadre: sessions since her last visit, sessions per week
// against the plan, her visits, and each checklist row across visits with the steps
// to coach first.
import * as api from '../api';
import { formatDay } from '../dates';
import { columns } from '../charts';
import { h, mount } from '../dom';
import { checklistText } from '../checklist';
import { giverLabelId } from '../giver';
import { t } from '../i18n';
import type { Nav } from '../nav';
import { myDataSection } from './data';
import { feedingCard } from './feeding';
import { consentRenewalCard, removeFamilySection } from './erasure';
import { showFamilyEdit } from './onboarding';
import { familyCodeButton } from './server';
import { showSend } from './transfer';
import { trainingSection } from './training';
import { showVisit } from './visit';

function day(iso: string): string {
  return formatDay(iso, { day: 'numeric', month: 'short' });
}

function sessionLine(session: api.SessionView): HTMLElement {
  const rating = session.rating;
  const pain = rating && rating.painBefore !== null && rating.painAfter !== null
    ? ` · ${t('review-pain', { before: rating.painBefore, after: rating.painAfter })}` : '';
  const answer = !rating ? t('history-not-rated') : rating.skipped ? t('history-rating-skipped')
    : `${t('history-comfort', { comfort: rating.comfort ?? 0 })} · ${t(`milk-flow-${rating.milkFlow ?? 'none'}`)}${pain}`;
  const reason = session.stopReason ? ` (${t(`stop-reason-${session.stopReason}`)})` : '';
  // A stop for pain or by the safety check is what the cadre must see first.
  const risky = session.stopReason === 'pain' || session.stopReason === 'safety';
  const giver = session.givenBy ? ` · ${t('session-given-by', { giver: t(giverLabelId(session.givenBy)) })}` : '';
  return h('li', { class: risky ? 'risk' : '', 'data-session': session.id }, `${day(session.at)} — ${t(`history-outcome-${session.outcome}`)}${reason}${giver}`, h('br', {}),
    session.outcome === 'not-started' ? '' : answer);
}

export async function showReview(nav: Nav, familyId: string): Promise<void> {
  let review: api.FamilyReview;
  try {
    review = await api.familyReview(familyId);
  } catch (raw) {
    nav.fail(raw, (e) => mount(nav.root, h('p', { class: 'form-error' }, t(e.code, e.args))));
    return;
  }
  const f = review.family;
  const trendTable = h('table', { id: 'review-trends', class: 'trends' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), ...review.visits.map((v) => h('th', {}, day(v.visitedOn))))),
    h('tbody', {}, ...review.trends.map((trend) =>
      h('tr', { 'data-row': trend.rowId, class: review.focus.includes(trend.rowId) ? 'focus' : '' },
        h('th', {}, checklistText(trend.rowId, review.plan)),
        ...trend.scores.map((score) => h('td', { class: score === null ? 'none' : `score-${score}` }, score === null ? '–' : String(score)))))));
  mount(nav.root, h('section', { id: 'review', class: 'screen', 'aria-labelledby': 'review-title' },
    h('h1', { id: 'review-title' }, `${t('review-title')}: ${f.fatherName} & ${f.motherName}`),
    review.consentCurrent ? null : consentRenewalCard(nav, f, () => void showReview(nav, f.id)),
    h('p', { id: 'review-knowledge' }, t('review-knowledge', { pre: review.preScore ?? t('learn-no-score'), post: review.postScore ?? t('learn-no-score') })),
    review.poskoQuestions.length ? h('h2', {}, t('review-posko-questions')) : null,
    review.poskoQuestions.length
      ? h('ul', { id: 'review-posko-questions', class: 'sessions' }, ...review.poskoQuestions.map((q) => h('li', {}, `${day(q.askedAt)} — ${q.question}`)))
      : null,
    h('h2', {}, t('training-title')),
    trainingSection(f.id, review.trainings),
    // What the baby had yesterday, asked at the visit (hidden once the baby is six
    // months, and until the mother agreed to the consent text that names it).
    review.consentCurrent ? feedingCard(nav, f.id) : null,
    h('h2', {}, review.lastVisitOn ? t('review-since', { date: day(review.lastVisitOn) }) : t('review-since-enrolment')),
    review.sessionsSinceVisit.length
      ? h('ul', { id: 'review-sessions', class: 'sessions' }, ...review.sessionsSinceVisit.map(sessionLine))
      : h('p', { class: 'hint' }, t('review-no-sessions')),
    h('h2', {}, t('review-weeks')),
    columns('review-weeks-chart', review.weeks.map((w) => ({ label: day(w.weekStart), value: w.given, target: w.planned })), 14, t('review-weeks')),
    h('ul', { id: 'review-weeks' }, ...review.weeks.map((w) => h('li', {}, t('review-week', { date: day(w.weekStart), given: w.given, planned: w.planned })))),
    h('h2', {}, t('review-visits')),
    review.visits.length
      ? columns('review-scores-chart', review.visits.map((v) => ({ label: day(v.visitedOn), value: v.percent })), 100, t('review-scores-chart'), 80)
      : null,
    h('ul', { id: 'review-visits', class: 'sessions' }, ...review.visits.map((visit) =>
      h('li', { 'data-visit': visit.originalId },
        t('review-visit', { date: day(visit.visitedOn), percent: visit.percent, band: t(`band-${visit.band}`), cadre: visit.cadreName }),
        visit.observed ? h('p', { class: 'observed' }, t('review-visit-observed', { giver: t(giverLabelId(visit.observed)) })) : null,
        visit.criticalFailed.length
          ? h('p', { class: 'not-competent' }, t('review-visit-critical', { rows: visit.criticalFailed.map((row) => t(`checklist-${row}-fail`)).join('; ') }))
          : null,
        visit.amendReason ? h('p', { class: 'hint' }, t('visit-amended', { reason: visit.amendReason })) : null,
        h('button', { type: 'button', id: `amend-${visit.originalId}`, onclick: () => nav.open((n) => showVisit(n, f, visit, backToReview)) }, t('visit-amend'))))),
    h('h2', {}, t('review-focus')),
    review.focus.length
      ? h('ol', { id: 'review-focus' }, ...review.focus.map((rowId) => h('li', { class: review.critical.includes(rowId) ? 'critical' : '' }, checklistText(rowId, review.plan))))
      : h('p', { id: 'review-focus-none', class: 'hint' }, review.visits.length ? t('review-focus-none') : ''),
    review.visits.length ? h('h2', {}, t('review-rows')) : null,
    review.visits.length ? h('div', { class: 'table-scroll' }, trendTable) : null,
    h('button', { type: 'button', id: 'visit-again', class: 'big primary', onclick: () => nav.open((n) => showVisit(n, f, null, backToReview)) }, t('family-visit')),
    h('button', { type: 'button', id: 'export-family', class: 'big', onclick: () => nav.open((n) => showSend(n, f.id, false)) }, t('transfer-send-family')),
    familyCodeButton(f.id),
    h('button', { type: 'button', id: 'edit-family', class: 'big', onclick: () => nav.open((n) => showFamilyEdit(n, f)) }, t('family-edit')),
    h('details', { id: 'family-privacy', class: 'settings' }, h('summary', {}, t('my-data-title')),
      myDataSection(f.id, () => nav.home(), false),
      removeFamilySection(f.id, () => nav.home())),
    h('button', { type: 'button', id: 'back-to-families', class: 'big', onclick: () => nav.home() }, t('back-to-families')),
  ));
}

/** A visit opened from the review returns to it. */
function backToReview(nav: Nav): void {
  nav.back();
}

