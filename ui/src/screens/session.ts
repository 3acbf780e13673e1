// Before the massage: the mother's consent for today, the safety screen and the
// preparation list; then the guided passes (guided.ts); then how it ended.
import * as api from '../api';
import { h, mount } from '../dom';
import { toAppError } from '../errors';
import { t } from '../i18n';
import { unlockAudio } from '../session/cues';
import { guidedView } from './guided';
import { showLesson } from './learning';
import { referralSigns } from './referral';

/** Where the flow goes when it is done: back to the home screen. */
type Exit = () => void;

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

function homeButton(exit: Exit): HTMLElement {
  return h('button', { type: 'button', id: 'back-home', class: 'big', onclick: exit }, t('session-back-home'));
}

/** Starts the flow in `root` with the mother's consent for today. */
export function startSessionFlow(root: HTMLElement, exit: Exit): void {
  const error = errorLine();
  const answer = async (consentGiven: boolean) => {
    try {
      const sessionId = await api.beginSession(consentGiven);
      if (!consentGiven) {
        mount(root, screen('no-consent-title', t('no-consent-title'), h('p', {}, t('no-consent-text')), homeButton(exit)));
        return;
      }
      const protocol = await api.getProtocol();
      showSafety(root, sessionId, protocol, exit);
    } catch (raw) {
      error.show(raw);
    }
  };
  mount(
    root,
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

function showSafety(root: HTMLElement, sessionId: string, protocol: api.Protocol, exit: Exit): void {
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
      if (verdict.safe) showPreparation(root, sessionId, protocol, exit);
      else showSafetyStop(root, verdict, protocol, exit);
    } catch (raw) {
      error.show(raw);
    }
  };
  mount(root, screen('safety-title', t('safety-title'),
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
function showSafetyStop(root: HTMLElement, verdict: api.SafetyVerdict, protocol: api.Protocol, exit: Exit): void {
  const urgent = verdict.flagged.filter((id) => protocol.urgentSafetyQuestions.includes(id));
  const calm = verdict.flagged.filter((id) => !urgent.includes(id));
  const list = (id: string, items: string[]) => h('ul', { id }, ...items.map((q) => h('li', {}, t(`safety-${q}`))));
  const content = verdict.urgent
    ? [
        h('p', { id: 'safety-urgent', class: 'urgent', role: 'alert' }, t('safety-urgent-text')),
        list('safety-flagged', urgent),
        calm.length ? h('p', {}, t('safety-calm-also')) : null,
        calm.length ? list('safety-flagged-calm', calm) : null,
      ]
    : [h('p', { class: 'warning' }, t('safety-stop-text')), list('safety-flagged', calm)];
  mount(root, screen('safety-stop-title', t(verdict.urgent ? 'safety-urgent-title' : 'safety-stop-title'),
    ...content,
    h('p', {}, t('safety-stop-recorded')),
    referralSigns(),
    homeButton(exit),
  ));
}

function showPreparation(root: HTMLElement, sessionId: string, protocol: api.Protocol, exit: Exit): void {
  const error = errorLine();
  const boxes = protocol.preparation.map((step) => {
    const box = h('input', { type: 'checkbox', id: `prep-${step.id}`, value: step.id });
    return { box, row: h('label', { class: 'check' }, box, h('span', {}, t(`protocol-${step.id}`))) };
  });
  const start = async () => {
    unlockAudio(); // this tap lets the cues sound later, hands-free
    const prepared = boxes.filter(({ box }) => box.checked).map(({ box }) => box.value);
    try {
      await guidedView(root, (channel) => api.startSession(sessionId, prepared, channel), exit);
    } catch (raw) {
      error.show(raw);
    }
  };
  mount(root, screen('prep-title', t('prep-title'),
    h('p', {}, t('prep-intro')),
    h('div', { class: 'checklist' }, ...boxes.map(({ row }) => row)),
    h('h2', {}, t('home-start-massage')),
    protocol.massageLessonRead ? null : h('p', { id: 'lesson-suggestion', class: 'hint' }, t('prep-read-lesson')),
    protocol.massageLessonRead
      ? null
      : h('button', {
          type: 'button',
          id: 'read-massage-lesson',
          onclick: () => showLesson(root, { id: 'oxytocin-massage', icon: 'hands', paragraphs: 3 }, () => showPreparation(root, sessionId, { ...protocol, massageLessonRead: true }, exit)),
        }, t('read-massage-lesson')),
    h('ol', { class: 'steps' }, ...protocol.massage.map((step) => h('li', {}, t(`protocol-${step.id}`))), h('li', {}, t('protocol-pressure'))),
    error.element,
    h('button', { type: 'button', id: 'prep-start', class: 'big primary', onclick: () => void start() }, t('prep-start')),
    h('button', { type: 'button', id: 'session-cancel', class: 'big', onclick: exit }, t('session-cancel')),
  ));
}

/** Offers to resume a session cut off by the app being closed. */
export function showResumeOffer(root: HTMLElement, unfinished: api.Unfinished, exit: Exit): void {
  const error = errorLine();
  const text =
    unfinished.resumePass > unfinished.passes
      ? t('resume-closing-text', { minutes: unfinished.minutesAgo })
      : t('resume-text', { pass: unfinished.resumePass, passes: unfinished.passes, minutes: unfinished.minutesAgo });
  const resume = async () => {
    unlockAudio();
    try {
      await guidedView(root, (channel) => api.resumeUnfinishedSession(unfinished.sessionId, channel), exit);
    } catch (raw) {
      error.show(raw);
    }
  };
  const abandon = async () => {
    try {
      await api.abandonUnfinishedSession(unfinished.sessionId);
      exit();
    } catch (raw) {
      error.show(raw);
    }
  };
  mount(root, screen('resume-title', t('resume-title'),
    h('p', { id: 'resume-text' }, text),
    error.element,
    h('div', { class: 'choices' },
      h('button', { type: 'button', id: 'resume-yes', class: 'big primary', onclick: () => void resume() }, t('resume-yes')),
      h('button', { type: 'button', id: 'resume-no', class: 'big', onclick: () => void abandon() }, t('resume-no')),
    ),
  ));
}
