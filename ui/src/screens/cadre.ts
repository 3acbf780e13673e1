// Cadre mode: behind a PIN, locked again after a while idle. The families list, ordered
// by who needs a visit most, with search; registering a family.
import * as api from '../api';
import { formatDay } from '../dates';
import { h, mount } from '../dom';
import { errorsByField, toAppError } from '../errors';
import { t } from '../i18n';
import { backupSection } from './data';
import { startNav, type Nav } from '../nav';
import { serverSection } from './server';
import { showOnboarding } from './onboarding';
import { showReport } from './report';
import { cadreLearner, showLearning } from './learning';
import { showPoskoSettings } from './posko';
import { showReview } from './review';
import { showConflicts, showReceive, showSend } from './transfer';
import { showVisit } from './visit';


let idleTimer: number | undefined;
let stopWatching: (() => void) | null = null;

/** Cadre mode: PIN set-up the first time, else the PIN, else the families. */
export async function showCadre(nav: Nav, notice?: string): Promise<void> {
  try {
    const status = await api.cadreStatus();
    if (!status.hasPin) showSetup(nav);
    else if (status.open) openCadreMode(nav, status.idleSeconds);
    else showUnlock(nav, notice ?? null);
  } catch (raw) {
    const error = toAppError(raw);
    mount(nav.root, h('p', { class: 'form-error', role: 'alert' }, t(error.code, error.args)));
  }
}

/** Cadre mode's own navigator, over the app's: its first screen is the families, and
 * leaving it (back from the families) locks it. A locked error anywhere asks for the PIN. */
function openCadreMode(outer: Nav, idleSeconds: number): void {
  const lockedAgain = () => {
    disarmIdle();
    outer.replace((n) => showCadre(n, t('cadre-locked-idle')));
  };
  armIdle(idleSeconds, lockedAgain);
  startNav(() => outer.root, showFamilies, {
    leave: () => {
      disarmIdle();
      void api.lockCadre().finally(() => outer.back());
    },
    handles: (error) => {
      if (error.code !== 'error-cadre-locked') return false;
      lockedAgain();
      return true;
    },
  });
}

/** Locks cadre mode after `seconds` without a touch or a key. */
function armIdle(seconds: number, onLocked: () => void): void {
  disarmIdle();
  const restart = () => {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(() => {
      void api.lockCadre();
      onLocked();
    }, seconds * 1000);
  };
  const events = ['pointerdown', 'keydown'] as const;
  for (const name of events) document.addEventListener(name, restart);
  stopWatching = () => {
    for (const name of events) document.removeEventListener(name, restart);
  };
  restart();
}

function disarmIdle(): void {
  window.clearTimeout(idleTimer);
  stopWatching?.();
  stopWatching = null;
}

function pinInput(id: string, label: string): { row: HTMLElement; input: HTMLInputElement; error: HTMLElement } {
  const input = h('input', { id, type: 'password', inputmode: 'numeric', maxlength: 6, autocomplete: 'off' });
  const error = h('p', { id: `${id}-error`, class: 'field-error' });
  return { input, error, row: h('div', { class: 'field' }, h('label', { for: id }, label), input, error) };
}

function showSetup(nav: Nav): void {
  const name = h('input', { id: 'cadre-name', type: 'text', maxlength: 60 });
  const nameError = h('p', { id: 'cadre-name-error', class: 'field-error' });
  const pin = pinInput('cadre-pin', t('cadre-pin'));
  const repeat = pinInput('cadre-pin-repeat', t('cadre-pin-repeat'));
  const summary = h('p', { id: 'cadre-error', class: 'form-error', role: 'alert' });
  const save = async () => {
    try {
      await api.setupCadre(name.value, pin.input.value, repeat.input.value);
      nav.replace(showCadre);
    } catch (raw) {
      const error = toAppError(raw);
      const byField = errorsByField(error);
      const text = (field: string) => {
        const e = byField.get(field);
        return e ? t(e.code, e.args) : '';
      };
      nameError.textContent = text('name');
      pin.error.textContent = text('pin');
      repeat.error.textContent = text('pinRepeat');
      summary.textContent = error.fields.length > 0 ? '' : t(error.code, error.args);
    }
  };
  mount(nav.root, h('section', { id: 'cadre-setup', class: 'screen', 'aria-labelledby': 'cadre-setup-title' },
    h('h1', { id: 'cadre-setup-title' }, t('cadre-setup-title')),
    h('p', {}, t('cadre-setup-intro')),
    summary,
    h('div', { class: 'field' }, h('label', { for: name.id }, t('cadre-name')), name, nameError),
    pin.row,
    repeat.row,
    h('button', { type: 'button', id: 'cadre-setup-save', class: 'big primary', onclick: () => void save() }, t('cadre-setup-save')),
    h('button', { type: 'button', id: 'cadre-exit', class: 'big', onclick: () => nav.back() }, t('session-cancel')),
  ));
}

function showUnlock(nav: Nav, notice: string | null): void {
  const pin = pinInput('cadre-pin', t('cadre-pin'));
  const summary = h('p', { id: 'cadre-error', class: 'form-error', role: 'alert' });
  const unlock = async () => {
    // Cleared first, so each answer shows afresh (and a test waits for this one's).
    summary.textContent = '';
    try {
      await api.unlockCadre(pin.input.value);
      nav.replace(showCadre);
    } catch (raw) {
      const error = toAppError(raw);
      summary.textContent = t(error.code, error.args);
      pin.input.value = '';
    }
  };
  mount(nav.root, h('section', { id: 'cadre-unlock-screen', class: 'screen', 'aria-labelledby': 'cadre-unlock-title' },
    h('h1', { id: 'cadre-unlock-title' }, t('cadre-unlock-title')),
    notice ? h('p', { id: 'cadre-notice', class: 'warning' }, notice) : null,
    summary,
    pin.row,
    h('button', { type: 'button', id: 'cadre-unlock', class: 'big primary', onclick: () => void unlock() }, t('cadre-unlock')),
    h('button', { type: 'button', id: 'cadre-exit', class: 'big', onclick: () => nav.back() }, t('session-cancel')),
  ));
}

function dateText(iso: string): string {
  return formatDay(iso, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A risk in words; a safety stop names what the check found (a danger sign apart from a back rash). */
function riskText(risk: api.Risk, item: api.FamilyListItem): string {
  const named = (ids: string[]) => ids.map((f) => t(`safety-${f}-finding`)).join(', ');
  if (risk === 'danger-sign') return t('risk-danger-sign', { signs: named(item.dangerSigns) });
  if (risk === 'safety-stop' && item.otherFindings.length) return t('risk-safety-stop-found', { findings: named(item.otherFindings) });
  return t(`risk-${risk}`);
}

function familyItem(nav: Nav, item: api.FamilyListItem): HTMLElement {
  const f = item.family;
  const place = [f.posyandu, f.rw ? t('family-rw', { rw: f.rw }) : null].filter(Boolean).join(' · ');
  return h('li', { class: `family need-${item.need}`, 'data-family': f.id },
    h('strong', { class: 'family-name' }, `${f.fatherName} & ${f.motherName}`),
    h('span', { class: `need-badge need-${item.need}` }, t(`need-${item.need}`)),
    item.risks.length
      ? h('ul', { class: 'risks', 'data-risks': item.risks.join(' ') }, ...item.risks.map((risk) => h('li', {}, riskText(risk, item))))
      : null,
    h('p', {}, f.pregnant ? t('family-expecting', { date: dateText(f.babyBirthDate) }) : t('family-age', { days: f.babyAgeDays }), place ? ` · ${place}` : ''),
    h('p', {}, item.lastVisit ? t('family-last-visit', { date: dateText(item.lastVisit) }) : t('family-no-visit')),
    h('p', {}, t('family-sessions-7d', { given: item.sessions7d, planned: item.planned7d })),
    item.lastPercent !== null ? h('p', {}, t('family-last-score', { percent: item.lastPercent })) : null,
    item.lastMilkFlow ? h('p', {}, t('family-last-milk', { flow: t(`milk-flow-${item.lastMilkFlow}`) })) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: `visit-${f.id}`, class: 'primary', onclick: () => nav.open((n) => showVisit(n, f, null, (v) => v.replace((r) => showReview(r, f.id)))) }, t('family-visit')),
      h('button', { type: 'button', id: `review-${f.id}`, onclick: () => nav.open((n) => showReview(n, f.id)) }, t('family-review')),
    ),
  );
}

/** The first screen of cadre mode. */
function showFamilies(nav: Nav): void {
  const search = h('input', { id: 'families-search', type: 'search', placeholder: t('families-search'), 'aria-label': t('families-search') });
  const list = h('ul', { id: 'families-list', class: 'families' });
  const error = h('p', { id: 'families-error', class: 'form-error', role: 'alert' });
  const load = async () => {
    try {
      const items = await api.listFamilies(search.value);
      list.replaceChildren(...(items.length ? items.map((item) => familyItem(nav, item)) : [h('li', { class: 'hint' }, t('families-empty'))]));
    } catch (raw) {
      nav.fail(raw, (e) => (error.textContent = t(e.code, e.args)));
    }
  };
  for (const event of ['input', 'change', 'search']) search.addEventListener(event, () => void load());
  const conflictsButton = h('button', { type: 'button', id: 'open-conflicts', class: 'big', hidden: true, onclick: () => nav.open(showConflicts) });
  const countConflicts = () => void api.transferOverview(null, true).then((overview) => {
    conflictsButton.textContent = t('conflicts-open-count', { count: overview.openConflicts });
    conflictsButton.hidden = overview.openConflicts === 0;
  }, () => undefined);
  countConflicts();
  mount(nav.root, h('section', { id: 'families', class: 'screen', 'aria-labelledby': 'families-title' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'families-title' }, t('families-title')),
      h('button', { type: 'button', id: 'cadre-lock', onclick: () => nav.back() }, t('cadre-lock')),
    ),
    search,
    error,
    list,
    h('button', { type: 'button', id: 'families-register', class: 'big primary', onclick: () => nav.open(showRegister) }, t('families-register')),
    h('button', { type: 'button', id: 'open-report', class: 'big', onclick: () => nav.open((n) => showReport(n)) }, t('report-open')),
    h('button', { type: 'button', id: 'open-posko', class: 'big', onclick: () => nav.open(showPoskoSettings) }, t('posko-open')),
    h('button', { type: 'button', id: 'open-cadre-learning', class: 'big', onclick: () => nav.open((n) => showLearning(n, cadreLearner)) }, t('learn-cadre-open')),
    h('button', { type: 'button', id: 'import-bundle', class: 'big', onclick: () => nav.open((n) => showReceive(n, true)) }, t('transfer-receive')),
    h('button', { type: 'button', id: 'export-all', class: 'big', onclick: () => nav.open((n) => showSend(n, null, true)) }, t('transfer-send-all')),
    conflictsButton,
    // What a sync brought shows at once: new families, and clashes to choose.
    serverSection(true, () => {
      void load();
      countConflicts();
    }),
    backupSection(() => nav.home()),
    h('button', { type: 'button', id: 'cadre-exit', class: 'big', onclick: () => nav.back() }, t('cadre-exit')),
  ));
  void load();
}

function showRegister(nav: Nav): void {
  showOnboarding(nav, () => nav.back(), {
    submit: api.registerFamilyAsCadre,
    title: t('register-family-title'),
    footer: h('button', { type: 'button', id: 'back-to-families', class: 'big', onclick: () => nav.back() }, t('back-to-families')),
  });
}
