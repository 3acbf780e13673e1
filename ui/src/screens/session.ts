// Before the massage: the mother's consent for today, the safety screen and the
// preparation list; then the guided passes (guided.ts); then how it ended.
import * as api from '../api';
import { choiceGroup, h, mount } from '../dom';
import { toAppError } from '../errors';
import { GIVERS, giverLabelId } from '../giver';
import { t } from '../i18n';
import { unlockAudio } from '../session/cues';
import { stepFigures } from '../session/stepPictures';
import { showGuided } from './guided';
import { showLesson } from './learning';
import { referralSigns } from './referral';
import type { Nav } from '../nav';

function screen(titleId: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'screen', 'aria-labelledby': titleId }, h('h1', { id: titleId }, title), ...children);
}

function errorLine(): { element: HTMLElement; show(raw: unknown): void } {
  const element = h('p', { id: 'session-error', class: 'form-error', role: 'alert' });
  return {
    element,
    show(raw) {
      const error = toAppError(raw);
      element.textContent = t(error.code, error.args);
    },
  };
}

function homeButton(nav: Nav): HTMLElement {
  return h('button', { type: 'button', id: 'back-home', class: 'big', onclick: () => nav.back() }, t('session-back-home'));
}

/** The massage, from the mother's consent for today; `nav.back()` leaves it for home. */
export function showSession(nav: Nav): void {
  const error = errorLine();
  const answer = async (consentGiven: boolean) => {
    try {
      const sessionId = await api.beginSession(consentGiven);
      if (!consentGiven) {
        mount(nav.root, screen('no-consent-title', t('no-consent-title'), h('p', {}, t('no-consent-text')), homeButton(nav)));
        return;
      }
      const protocol = await api.getProtocol();
      showSafety(nav, sessionId, protocol);
    } catch (raw) {
      error.show(raw);
    }
  };
  mount(
    nav.root,
    screen(
      'consent-today-title',
      t('consent-today-title'),
      h('p', { class: 'question' }, t('consent-today-question')),
      error.element,
      h('div', { class: 'choices' },
        h('button', { type: 'button', id: 'consent-today-yes', class: 'big primary', onclick: () => void answer(true) }, t('consent-today-yes')),
        h('button', { type: 'button', id: 'consent-today-no', class: 'big', onclick: () => void answer(false) }, t('consent-today-no')),
      ),
    ),
  );
}

function showSafety(nav: Nav, sessionId: string, protocol: api.Protocol): void {
  const answers = new Map<string, boolean>();
  const error = errorLine();
  const question = (id: string) => {
    const choice = (value: boolean) =>
      h('button', {
        type: 'button',
        id: `safety-${id}-${value ? 'yes' : 'no'}`,
        'aria-pressed': 'false',
        onclick: (event: Event) => {
          answers.set(id, value);
          const row = (event.currentTarget as HTMLElement).parentElement;
          for (const button of row?.querySelectorAll('button') ?? []) {
            button.setAttribute('aria-pressed', String(button === event.currentTarget));
          }
        },
      }, t(value ? 'safety-yes' : 'safety-no'));
    return h('fieldset', { class: 'safety-question' },
      h('legend', {}, t(`safety-${id}`)),
      h('div', { class: 'yes-no' }, choice(true), choice(false)),
    );
  };
  const submit = async () => {
    if (answers.size < protocol.safetyQuestions.length) {
      error.element.textContent = t('safety-answer-all');
      return;
    }
    const yes = protocol.safetyQuestions.filter((id) => answers.get(id));
    try {
      const verdict = await api.checkSafety(sessionId, yes);
      if (verdict.safe) nav.replace((n) => showPreparation(n, sessionId, protocol));
      else showSafetyStop(nav, verdict, protocol);
    } catch (raw) {
      error.show(raw);
    }
  };
  mount(nav.root, screen('safety-title', t('safety-title'),
    h('p', {}, t('safety-intro')),
    ...protocol.safetyQuestions.map(question),
    error.element,
    h('button', { type: 'button', id: 'safety-continue', class: 'big primary', onclick: () => void submit() }, t('safety-continue')),
  ));
}

/**
 * Why not today. A danger sign (heavy bleeding, fever, fainting...) says "to the midwife
 * or puskesmas now"; ordinary findings (a wound, a spine operation) keep the calmer words.
 */
function showSafetyStop(nav: Nav, verdict: api.SafetyVerdict, protocol: api.Protocol): void {
  const urgent = verdict.flagged.filter((id) => protocol.urgentSafetyQuestions.includes(id));
  const calm = verdict.flagged.filter((id) => !urgent.includes(id));
  // Each "yes" as a short finding the father can tell the midwife ("Demam"), not as the question.
  const list = (id: string, items: string[]) => h('ul', { id }, ...items.map((q) => h('li', {}, t(`safety-${q}-finding`))));
  const content = verdict.urgent
    ? [
        h('p', { id: 'safety-urgent', class: 'urgent', role: 'alert' }, t('safety-urgent-text')),
        list('safety-flagged', urgent),
        calm.length ? h('p', {}, t('safety-calm-also')) : null,
        calm.length ? list('safety-flagged-calm', calm) : null,
      ]
    : [h('p', { class: 'warning' }, t('safety-stop-text')), list('safety-flagged', calm)];
  mount(nav.root, screen('safety-stop-title', t(verdict.urgent ? 'safety-urgent-title' : 'safety-stop-title'),
    ...content,
    h('p', {}, t('safety-stop-recorded')),
    referralSigns(),
    homeButton(nav),
  ));
}

function showPreparation(nav: Nav, sessionId: string, protocol: api.Protocol): void {
  const error = errorLine();
  const boxes = protocol.preparation.map((step) => {
    const box = h('input', { type: 'checkbox', id: `prep-${step.id}`, value: step.id });
    return { box, row: h('label', { class: 'check' }, box, h('span', {}, t(`protocol-${step.id}`))) };
  });
  // Who massages today: one tap, and whoever did last time is already chosen.
  const giver = choiceGroup('giver', GIVERS, (v) => t(giverLabelId(v)), protocol.lastGiver, 'giver-title');
  const start = async () => {
    unlockAudio(); // this tap lets the cues sound later, hands-free
    const prepared = boxes.filter(({ box }) => box.checked).map(({ box }) => box.value);
    try {
      const who = giver.value() ?? 'father';
      await showGuided(nav, (channel) => api.startSession(sessionId, prepared, who, channel), who);
    } catch (raw) {
      error.show(raw);
    }
  };
  mount(nav.root, screen('prep-title', t('prep-title'),
    h('h2', { id: 'giver-title' }, t('giver-question')),
    giver.element,
    h('p', {}, t('prep-intro')),
    h('div', { class: 'checklist' }, ...boxes.map(({ row }) => row)),
    h('h2', {}, t('home-start-massage')),
    protocol.massageLessonRead ? null : h('p', { id: 'lesson-suggestion', class: 'hint' }, t('prep-read-lesson')),
    protocol.massageLessonRead
      ? null
      : h('button', {
          type: 'button',
          id: 'read-massage-lesson',
          onclick: () => {
            // Back from the lesson draws this screen again, without the suggestion.
            protocol.massageLessonRead = true;
            nav.open((n) => showLesson(n, { id: 'oxytocin-massage', icon: 'hands', paragraphs: 3 }));
          },
        }, t('read-massage-lesson')),
    h('ol', { class: 'steps' }, ...protocol.massage.map((step) => h('li', {}, t(`protocol-${step.id}`))), h('li', {}, t('protocol-pressure'))),
    stepFigures('prep-pictures'),
    error.element,
    h('button', { type: 'button', id: 'prep-start', class: 'big primary', onclick: () => void start() }, t('prep-start')),
    h('button', { type: 'button', id: 'session-cancel', class: 'big', onclick: () => nav.back() }, t('session-cancel')),
  ));
}

/** Offers to resume a session cut off by the app being closed. */
export function showResumeOffer(nav: Nav, unfinished: api.Unfinished): void {
  const error = errorLine();
  const text =
    unfinished.resumePass > unfinished.passes
      ? t('resume-closing-text', { minutes: unfinished.minutesAgo })
      : t('resume-text', { pass: unfinished.resumePass, passes: unfinished.passes, minutes: unfinished.minutesAgo });
  const resume = async () => {
    unlockAudio();
    try {
      await showGuided(nav, (channel) => api.resumeUnfinishedSession(unfinished.sessionId, channel));
    } catch (raw) {
      error.show(raw);
    }
  };
  const abandon = async () => {
    try {
      await api.abandonUnfinishedSession(unfinished.sessionId);
      nav.back();
    } catch (raw) {
      error.show(raw);
    }
  };
  mount(nav.root, screen('resume-title', t('resume-title'),
    h('p', { id: 'resume-text' }, text),
    error.element,
    h('div', { class: 'choices' },
      h('button', { type: 'button', id: 'resume-yes', class: 'big primary', onclick: () => void resume() }, t('resume-yes')),
      h('button', { type: 'button', id: 'resume-no', class: 'big', onclick: () => void abandon() }, t('resume-no')),
    ),
  ));
}
