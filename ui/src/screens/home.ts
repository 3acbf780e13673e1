// Home: greets the father, shows the baby's age, starts the massage; the massage plan
// and the language can be changed here.
import * as api from '../api';
import { formatDay } from '../dates';
import { h, mount } from '../dom';
import { toAppError } from '../errors';
import { LANGUAGES, currentLanguage, t, translate, type Language } from '../i18n';
import { formatNumber } from '../format';
import type { Nav } from '../nav';
import { PASS_LENGTHS, minutesOf } from '../session/format';
import { showCadre } from './cadre';
import { backupSection, myDataSection } from './data';
import { showHistory } from './history';
import { chooseLanguage } from './language';
import { showLearning } from './learning';
import { showMilkStatus } from './milk';
import { feedingCard } from './feeding';
import { showFamilyEdit } from './onboarding';
import { poskoCard } from './posko';
import { serverSection } from './server';
import { showSession } from './session';
import { showReceive, showSend } from './transfer';

/** Reminder times offered: every half hour, mornings 04:00-12:00, evenings 13:00-23:30. */
export function halfHours(fromHour: number, toHour: number): string[] {
  const times: string[] = [];
  for (let hour = fromHour; hour <= toHour; hour++) {
    for (const minute of ['00', '30']) times.push(`${String(hour).padStart(2, '0')}:${minute}`);
  }
  return times;
}

export function showHome(nav: Nav, family: api.Family): void {
  const again = () => nav.home();
  const planSummary = h('p', { id: 'plan-summary', class: 'hint' });
  const planSettings = h('details', { id: 'plan-settings', class: 'settings' });
  const milkCard = h('div', { id: 'milk-card', class: 'card' });
  const reminderSettings = h('details', { id: 'reminder-settings', class: 'settings' });
  void api.getFollowUp().then(
    (followUp) => {
      fillMilkCard(milkCard, followUp, () => nav.open(showMilkStatus));
      fillReminders(reminderSettings, followUp.reminders);
    },
    (raw) => {
      const error = toAppError(raw);
      milkCard.textContent = t(error.code, error.args);
    },
  );
  void api.getProtocol().then(
    (protocol) => {
      showPlan(planSummary, protocol.plan);
      fillPlanSettings(planSettings, protocol.plan, (plan) => showPlan(planSummary, plan));
    },
    (raw) => {
      const error = toAppError(raw);
      planSummary.textContent = t(error.code, error.args);
    },
  );
  mount(nav.root, h(
    'section',
    { class: 'screen', 'aria-labelledby': 'greeting' },
    h('h1', { id: 'greeting' }, t('home-greeting', { name: family.fatherName })),
    family.pregnant
      ? h('p', { id: 'expected-birth', class: 'big-number' }, t('home-expected-birth', { date: longDate(family.babyBirthDate) }))
      : h('p', { id: 'baby-age', class: 'big-number' }, t('home-baby-age', { days: family.babyAgeDays })),
    h('p', { id: 'family-names' }, t('home-family', { father: family.fatherName, mother: family.motherName })),
    family.posyandu ? h('p', { id: 'family-posyandu' }, t('home-posyandu', { posyandu: family.posyandu })) : null,
    family.pregnant
      ? massageLocked(nav, family)
      : h('button', { type: 'button', id: 'start-massage', class: 'big primary', onclick: () => nav.open(showSession) }, t('home-start-massage')),
    planSummary,
    h('button', { type: 'button', id: 'open-history', class: 'big', onclick: () => nav.open(showHistory) }, t('history-open')),
    h('button', { type: 'button', id: 'open-learning', class: 'big', onclick: () => nav.open(showLearning) }, t('learn-open')),
    family.pregnant ? null : milkCard,
    family.pregnant ? null : feedingCard(nav, null),
    poskoCard(),
    h('details', { id: 'family-data', class: 'settings' },
      h('summary', {}, t('family-data-title')),
      h('p', { class: 'hint' }, t('family-data-intro')),
      h('button', { type: 'button', id: 'send-to-cadre', class: 'big', onclick: () => nav.open((n) => showSend(n, null, false)) }, t('transfer-send-to-cadre')),
      h('button', { type: 'button', id: 'receive-bundle', class: 'big', onclick: () => nav.open((n) => showReceive(n, false)) }, t('transfer-receive')),
      h('button', { type: 'button', id: 'edit-family', class: 'big', onclick: () => nav.open((n) => showFamilyEdit(n, family)) }, t('family-edit')),
      myDataSection(null, again)),
    serverSection(false),
    backupSection(again),
    planSettings,
    family.pregnant ? null : reminderSettings,
    languageSwitcher((language) => void chooseLanguage(nav, language)),
    h('button', { type: 'button', id: 'cadre-mode', class: 'big', onclick: () => nav.open(showCadre) }, t('cadre-mode')),
  ));
}

/**
 * Before the birth: why the massage waits and the way to record the birth; a week past
 * the expected date, see the midwife; the antenatal visits and the pregnancy's danger
 * signs, which never wait.
 */
function massageLocked(nav: Nav, family: api.Family): HTMLElement {
  return h('div', { id: 'massage-locked', class: 'card' },
    family.pastDue ? h('p', { id: 'past-due', class: 'warning', role: 'alert' }, t('home-past-hpl')) : null,
    h('h2', {}, t('home-massage-locked-title')),
    h('p', {}, t('home-massage-locked-why')),
    h('button', { type: 'button', id: 'record-birth', class: 'big primary', onclick: () => nav.open((n) => showFamilyEdit(n, family, true)) }, t('home-record-birth')),
    h('p', { id: 'antenatal-visits' }, t('home-anc')),
    h('div', { id: 'pregnancy-danger', class: 'referral' },
      h('h2', {}, t('home-pregnancy-danger-title')),
      h('p', { class: 'referral-lead' }, t('home-pregnancy-danger'))),
  );
}


function longDate(iso: string): string {
  return formatDay(iso, { day: 'numeric', month: 'long', year: 'numeric' });
}


function showPlan(target: HTMLElement, plan: api.MassagePlan): void {
  target.textContent = t('home-plan', { passes: plan.passes, minutes: formatNumber(minutesOf(plan.passSeconds)) });
}

function fillPlanSettings(details: HTMLElement, plan: api.MassagePlan, onSaved: (plan: api.MassagePlan) => void): void {
  const length = h('select', { id: 'plan-pass-seconds' },
    ...PASS_LENGTHS.map((seconds) =>
      h('option', { value: String(seconds), selected: seconds === plan.passSeconds }, formatNumber(minutesOf(seconds)))));
  const passes = h('select', { id: 'plan-passes' },
    ...[1, 2, 3, 4, 5].map((n) => h('option', { value: String(n), selected: n === plan.passes }, String(n))));
  const status = h('p', { id: 'plan-status', role: 'status' });
  const save = async () => {
    try {
      const saved = await api.setMassagePlan({ passSeconds: Number(length.value), passes: Number(passes.value) });
      status.textContent = t('plan-saved');
      onSaved(saved);
    } catch (raw) {
      const error = toAppError(raw);
      status.textContent = t(error.code, error.args);
    }
  };
  details.replaceChildren(
    h('summary', {}, t('plan-title')),
    h('div', { class: 'field' }, h('label', { for: length.id }, t('plan-pass-length')), length),
    h('div', { class: 'field' }, h('label', { for: passes.id }, t('plan-passes')), passes),
    h('button', { type: 'button', id: 'plan-save', onclick: () => void save() }, t('plan-save')),
    status,
  );
}

function fillMilkCard(card: HTMLElement, followUp: api.FollowUp, onRecord: () => void): void {
  const last = followUp.lastMilkStatus;
  card.replaceChildren(
    followUp.milkStatusDue ? h('p', { id: 'milk-status-due', class: 'due' }, t('milk-status-due')) : '',
    last
      ? h('p', { id: 'milk-status-last' }, t('milk-status-last', { date: shortDate(last.recordedOn), status: t(`milk-status-${last.status}`) }))
      : '',
    h('button', { type: 'button', id: 'record-milk-status', class: followUp.milkStatusDue ? 'big primary' : 'big', onclick: onRecord }, t('milk-status-record')),
  );
}

function shortDate(iso: string): string {
  return formatDay(iso, { day: 'numeric', month: 'long' });
}

function nextReminderText(reminders: api.Reminders): string {
  if (!reminders.enabled || !reminders.nextAt) return t('reminders-off');
  const time = new Intl.DateTimeFormat(currentLanguage(), { weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(reminders.nextAt));
  return t('reminders-next', { time });
}

function fillReminders(details: HTMLElement, reminders: api.Reminders): void {
  const enabled = h('input', { type: 'checkbox', id: 'reminders-enabled', checked: reminders.enabled });
  const timeSelect = (id: string, times: string[], chosen: string) =>
    h('select', { id }, ...times.map((time) => h('option', { value: time, selected: time === chosen }, time)));
  const morning = timeSelect('reminders-morning', halfHours(4, 12), reminders.morning);
  const evening = timeSelect('reminders-evening', halfHours(13, 23), reminders.evening);
  const next = h('p', { id: 'reminders-next', class: 'hint' }, nextReminderText(reminders));
  const status = h('p', { id: 'reminders-status', role: 'status' });
  const save = async () => {
    try {
      const saved = await api.setReminders(enabled.checked, morning.value, evening.value);
      status.textContent = t('reminders-saved');
      next.textContent = nextReminderText(saved);
    } catch (raw) {
      const error = toAppError(raw);
      status.textContent = error.fields[0] ? t(error.fields[0].code, error.fields[0].args) : t(error.code, error.args);
    }
  };
  const test = async () => {
    try {
      await api.testReminder();
    } catch (raw) {
      const error = toAppError(raw);
      status.textContent = t(error.code, error.args);
    }
  };
  details.replaceChildren(
    h('summary', {}, t('reminders-title')),
    next,
    h('label', { class: 'check' }, enabled, h('span', {}, t('reminders-enabled'))),
    h('div', { class: 'field' }, h('label', { for: morning.id }, t('reminders-morning')), morning),
    h('div', { class: 'field' }, h('label', { for: evening.id }, t('reminders-evening')), evening),
    h('button', { type: 'button', id: 'reminders-save', onclick: () => void save() }, t('reminders-save')),
    h('button', { type: 'button', id: 'reminders-test', onclick: () => void test() }, t('reminders-test')),
    status,
  );
}

function languageSwitcher(onLanguage: (language: Language) => void): HTMLElement {
  return h(
    'nav',
    { class: 'language-switch', 'aria-label': t('home-language') },
    h('span', {}, t('home-language')),
    ...LANGUAGES.map((language) =>
      h(
        'button',
        {
          type: 'button',
          id: `switch-language-${language}`,
          lang: language,
          'aria-pressed': String(language === currentLanguage()),
          onclick: () => onLanguage(language),
        },
        translate(language, `language-name-${language}`),
      ),
    ),
  );
}
