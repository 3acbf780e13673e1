// The guided massage: big numbers, the back picture, cues; a tap anywhere pauses.
// The UI only draws what the Rust engine tells it, and asks again when it is shown.
import * as api from '../api';
import { h, mount, svg } from '../dom';
import { toAppError } from '../errors';
import { t } from '../i18n';
import { keepAwake, rearmOnVisible } from '../session/awake';
import { backPicture } from '../session/backPicture';
import { stepFigure, stepPicture } from '../session/stepPictures';
import { playCue } from '../session/cues';
import { speechToggle } from '../session/speechToggle';
import { formatClock } from '../session/format';
import { isNewer } from '../session/order';
import { showHandover } from './rating';
import type { Nav } from '../nav';

type Starter = (channel: api.Channel<api.SessionUpdate>) => Promise<api.SessionUpdate>;

const RING_RADIUS = 54;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

/**
 * Starts (or resumes) the timed part with `start`, then shows it until it ends. `giver`
 * is who massages (the thanks at the end address him or her; unknown on a resume).
 */
export async function showGuided(nav: Nav, start: Starter, giver: api.Giver | null = null): Promise<void> {
  let ended = false;
  let last: api.SessionUpdate | null = null;
  let dialogOpen = false;

  const phase = h('h1', { id: 'guide-phase' });
  const time = h('p', { id: 'guide-time', class: 'guide-time', 'aria-label': t('guide-time-left') });
  const ring = svg('circle', { class: 'ring-progress', cx: 60, cy: 60, r: RING_RADIUS, 'stroke-dasharray': RING_LENGTH });
  const ringSvg = svg('svg', { viewBox: '0 0 120 120', class: 'ring', 'aria-hidden': 'true' });
  ringSvg.append(svg('circle', { class: 'ring-track', cx: 60, cy: 60, r: RING_RADIUS }), ring);
  const picture = backPicture(t('guide-picture-label'), true);
  // The drawing of the current step, beside the back: fists at the start, circles in a pass.
  const stepSlot = h('div', { id: 'guide-step-picture', class: 'guide-step' });
  // Announced by screen readers as each step begins: with the sound cues, the session
  // can be followed without looking.
  const instruction = h('p', { id: 'guide-instruction', class: 'guide-instruction', 'aria-live': 'polite' });
  const hint = h('p', { id: 'guide-hint', class: 'hint' });
  const pausedBadge = h('p', { id: 'guide-paused', class: 'paused-badge', role: 'status', hidden: true }, t('guide-paused'));
  const saveWarning = h('p', { id: 'guide-save-error', class: 'form-error', role: 'alert' });
  const error = h('p', { id: 'guide-error', class: 'form-error', role: 'alert' });
  const stopButton = h('button', { type: 'button', id: 'guide-stop', class: 'stop' }, t('guide-stop'));
  // Pain ends the massage in one tap: no dialog, no reason to pick.
  const painButton = h('button', { type: 'button', id: 'guide-pain-stop', class: 'stop pain' }, t('guide-pain-stop'));
  const view = h('section', { id: 'guide', class: 'screen guide', 'aria-labelledby': 'guide-phase' },
    // The voice switch first, above the heading: nothing above it changes size, so it
    // never slides under a tap meant to pause (the heading shrinks as a pass begins).
    speechToggle(),
    phase,
    pausedBadge,
    h('div', { class: 'guide-main' }, h('div', { class: 'guide-timer' }, ringSvg, time), stepSlot, picture.element),
    instruction,
    hint,
    saveWarning,
    error,
    h('div', { class: 'stop-row' }, painButton, stopButton),
  );

  const showError = (raw: unknown) => {
    const appError = toAppError(raw);
    error.textContent = t(appError.code, appError.args);
  };

  const draw = (update: api.SessionUpdate) => {
    // Updates come by the channel and as command replies; an older one must not undo
    // a newer one (a tick computed just before a pause, arriving just after it).
    if (ended || !isNewer(last?.seq ?? null, update.seq)) return;
    last = update;
    saveWarning.textContent = update.saveError ? t('guide-save-failed') : '';
    const s = update.snapshot;
    switch (s.phase.kind) {
      case 'countdown':
      case 'pass':
        drawTimed(s, s.phase.kind, s.phase.pass);
        break;
      case 'closing':
        showClosing();
        break;
      case 'finished':
      case 'stopped':
        showEnd(update.snapshot);
        break;
      case 'preparing':
        break;
    }
    // Sound comes after drawing: a device that cannot play it must still show the state.
    for (const cue of update.cues) {
      try {
        playCue(cue);
      } catch {
        // No audio output here; the screen and vibration still cue the father.
      }
    }
  };

  const drawTimed = (s: api.Snapshot, kind: 'countdown' | 'pass', pass: number) => {
    phase.textContent = t(kind === 'pass' ? 'guide-pass' : 'guide-countdown', { pass, passes: s.passes });
    time.textContent = formatClock(s.remainingMs);
    ring.setAttribute('stroke-dashoffset', String(RING_LENGTH * s.progress));
    picture.show(kind === 'pass' ? 'paraspinal' : 'c7', kind === 'pass' ? s.progress : 0, kind === 'pass' && !s.paused);
    instruction.textContent = t(kind === 'pass' ? 'guide-do-pass' : 'guide-do-countdown');
    const step = kind === 'pass' ? 'circles' : 'fists';
    if (stepSlot.dataset.picture !== step) {
      stepSlot.dataset.picture = step;
      stepSlot.replaceChildren(stepPicture(step));
    }
    hint.textContent = t(s.paused ? 'guide-tap-to-resume' : 'guide-tap-to-pause');
    view.classList.toggle('paused', s.paused);
    pausedBadge.hidden = !s.paused;
    view.dataset.phase = kind;
    view.dataset.paused = String(s.paused);
  };

  const togglePause = async () => {
    const s = last?.snapshot;
    if (!s || dialogOpen || (s.phase.kind !== 'countdown' && s.phase.kind !== 'pass')) return;
    try {
      draw(await (s.paused ? api.resumeSession() : api.pauseSession()));
    } catch (raw) {
      showError(raw);
    }
  };

  const showClosing = () => {
    if (view.dataset.phase === 'closing') return;
    view.dataset.phase = 'closing';
    const closingPicture = backPicture(t('guide-picture-label'));
    closingPicture.show('whole-back', 0, false);
    const done = async () => {
      try {
        draw(await api.finishSession());
      } catch (raw) {
        showError(raw);
      }
    };
    mount(nav.root, h('section', { id: 'closing', class: 'screen', 'aria-labelledby': 'closing-title' },
      h('h1', { id: 'closing-title' }, t('closing-title')),
      h('p', {}, t('closing-intro')),
      h('div', { class: 'closing-pictures' }, closingPicture.element, stepFigure('cloth')),
      h('ol', { class: 'steps' }, h('li', {}, t('protocol-clean-back')), h('li', {}, t('protocol-offer-breast'))),
      error,
      h('button', { type: 'button', id: 'closing-done', class: 'big primary', onclick: () => void done() }, t('closing-done')),
      stopButton,
    ));
  };

  const showEnd = (s: api.Snapshot) => {
    ended = true;
    void keepAwake(false);
    const sessionId = last?.sessionId ?? '';
    if (s.phase.kind === 'stopped') {
      const reason = s.phase.reason;
      showHandover(nav, sessionId, 'session-stopped', [
        h('h1', { id: 'end-title' }, t('stopped-title')),
        h('p', { id: 'stop-reason' }, t(`stop-reason-${reason}`)),
        reason === 'pain' ? h('p', { id: 'pain-advice', class: 'warning' }, t('stopped-pain-advice')) : null,
      ]);
    } else {
      showHandover(nav, sessionId, 'session-finished', [
        h('h1', { id: 'end-title' }, t('finished-title', { giver: giver ?? 'unknown' })),
        h('p', {}, t('finished-text', { passes: s.passes })),
      ]);
    }
  };

  const openStopDialog = async (event: Event) => {
    event.stopPropagation(); // not a tap-to-pause
    const s = last?.snapshot;
    const wasRunning = !!s && !s.paused && (s.phase.kind === 'countdown' || s.phase.kind === 'pass');
    dialogOpen = true;
    try {
      if (wasRunning) draw(await api.pauseSession());
    } catch (raw) {
      showError(raw);
    }
    const close = async () => {
      dialog.remove();
      dialogOpen = false;
      try {
        if (wasRunning) draw(await api.resumeSession());
      } catch (raw) {
        showError(raw);
      }
    };
    const choose = async (reason: api.StopReason) => {
      try {
        draw(await api.stopSession(reason));
      } catch (raw) {
        showError(raw);
      }
    };
    const reasons = api.STOP_REASONS;
    const dialog = h('div', { id: 'stop-dialog', class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'stop-title', onclick: (e: Event) => e.stopPropagation() },
      h('h2', { id: 'stop-title' }, t('stop-title')),
      ...reasons.map((reason) =>
        h('button', { type: 'button', id: `stop-reason-${reason}`, class: 'big', onclick: () => void choose(reason) }, t(`stop-reason-${reason}`))),
      h('button', { type: 'button', id: 'stop-continue', class: 'big primary', onclick: () => void close() }, t('stop-continue')),
    );
    nav.root.append(dialog);
  };

  stopButton.addEventListener('click', (event) => void openStopDialog(event));
  painButton.addEventListener('click', (event) => {
    event.stopPropagation(); // not a tap-to-pause
    api.stopSession('pain').then(draw, showError);
  });
  view.addEventListener('click', () => void togglePause());

  const channel = new api.Channel<api.SessionUpdate>();
  channel.onmessage = draw;
  // Start first: if it is refused, the caller's screen stays with its error.
  const first = await start(channel);
  mount(nav.root, view);
  void keepAwake(true);
  rearmOnVisible(() => !ended);
  // Hidden pages may miss updates; when shown again, read the state afresh.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || ended) return;
    const fresh = new api.Channel<api.SessionUpdate>();
    fresh.onmessage = draw;
    api.watchSession(fresh).then((update) => update && draw(update), showError);
  });
  draw(first);
}
