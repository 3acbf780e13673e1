// Moving records between devices as a file: sending (a family to its cadre, or a cadre
// exporting one family or all), receiving with a preview before anything changes, and
// the conflicts a cadre settles when both devices changed the same record.
import * as api from '../api';
import { formatDateTime, formatDay } from '../dates';
import { h, mount } from '../dom';
import { t } from '../i18n';
import { shareAvailable } from '../share';
import { weekdayName } from './posko';
import type { Nav } from '../nav';

/** Kinds of records in the order a bundle holds them. */

function day(iso: string): string {
  return formatDay(iso, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The label of a tally row's kind: a record table, or deletions of one. */
export function kindLabel(table: string): string {
  const deleted = table.startsWith('deleted-');
  const base = deleted ? table.slice('deleted-'.length) : table;
  const name = t(`transfer-table-${base}`);
  return deleted ? t('transfer-deleted-kind', { kind: name }) : name;
}

/** Tally rows grouped as one line per kind: { kind: { decision: count } }. */
export function groupTally(rows: api.TallyRow[]): Map<string, Map<api.Decision, number>> {
  const grouped = new Map<string, Map<api.Decision, number>>();
  for (const row of rows) {
    const byDecision = grouped.get(row.table) ?? new Map<api.Decision, number>();
    byDecision.set(row.decision, (byDecision.get(row.decision) ?? 0) + row.count);
    grouped.set(row.table, byDecision);
  }
  return grouped;
}

function tallyTable(id: string, rows: api.TallyRow[]): HTMLElement {
  const grouped = groupTally(rows);
  const used = api.DECISIONS.filter((d) => rows.some((r) => r.decision === d && r.count > 0));
  return h('div', { class: 'table-scroll' }, h('table', { id, class: 'tally' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('transfer-kind')),
      ...used.map((d) => h('th', { scope: 'col' }, t(`transfer-decision-${d}`))))),
    h('tbody', {}, ...[...grouped].map(([table, byDecision]) =>
      h('tr', { 'data-kind': table }, h('th', { scope: 'row' }, kindLabel(table)),
        ...used.map((d) => h('td', { 'data-decision': d }, String(byDecision.get(d) ?? 0))))))));
}

/** Sending: one family (`familyId`, or this device's own when null) or every family. */
export async function showSend(nav: Nav, familyId: string | null, all: boolean): Promise<void> {
  let overview: api.TransferOverview;
  try {
    overview = await api.transferOverview(familyId, all);
  } catch (raw) {
    nav.fail(raw, (e) => mount(nav.root, h('p', { class: 'form-error', role: 'alert' }, t(e.code, e.args))));
    return;
  }
  const sinceLast = h('input', { type: 'checkbox', id: 'send-since-last' });
  const status = h('p', { id: 'send-status', role: 'status' });
  const error = h('p', { id: 'send-error', class: 'form-error', role: 'alert' });
  // On a phone the file goes to the share sheet first (a father's "send to the cadre":
  // WhatsApp, Bluetooth); saving it stays for both.
  const canShare = shareAvailable();
  const toCadre = familyId === null && !all;
  const share = canShare
    ? h('button', { type: 'button', id: 'send-share', class: 'big primary' }, t(toCadre ? 'transfer-share-to-cadre' : 'transfer-share-file'))
    : null;
  const save = h('button', { type: 'button', id: 'send-save', class: canShare ? 'big' : 'big primary' }, t('transfer-save-file'));
  const send = (button: HTMLButtonElement, delivery: api.Delivery) => void (async () => {
    button.disabled = true;
    error.textContent = '';
    status.textContent = t(delivery === 'share' ? 'transfer-sharing' : 'transfer-saving');
    try {
      const result = await api.exportBundle(familyId, all, sinceLast.checked, delivery);
      status.textContent = !result ? ''
        : t(delivery === 'share' ? 'transfer-shared' : 'transfer-saved', { file: result.file, records: result.records });
    } catch (raw) {
      status.textContent = '';
      nav.fail(raw, (e) => (error.textContent = t(e.code, e.args)));
    } finally {
      button.disabled = false;
    }
  })();
  save.addEventListener('click', () => send(save, 'save'));
  share?.addEventListener('click', () => send(share, 'share'));
  mount(nav.root, h('section', { id: 'send', class: 'screen', 'aria-labelledby': 'send-title' },
    h('h1', { id: 'send-title' }, t(all ? 'transfer-send-all-title' : 'transfer-send-title')),
    h('p', {}, t('transfer-send-intro')),
    h('p', { id: 'send-records' }, t('transfer-records', { records: overview.records })),
    h('p', { id: 'send-last', class: 'hint' }, overview.lastExport
      ? t('transfer-last-export', { date: formatDateTime(overview.lastExport) }) : t('transfer-never-sent')),
    overview.recordsSinceLast !== null
      ? h('label', { class: 'check' }, sinceLast, h('span', {}, t('transfer-since-last', { records: overview.recordsSinceLast })))
      : null,
    share,
    save,
    status,
    error,
    h('button', { type: 'button', id: 'send-back', class: 'big', onclick: () => nav.back() }, t('transfer-back')),
  ));
}

/** Receiving: pick a file, see what it would change, then apply it (or not). */
/** `inCadreMode`: the result offers the conflicts screen. */
export function showReceive(nav: Nav, inCadreMode: boolean): void {
  const body = h('div', { id: 'receive-body' });
  const error = h('p', { id: 'receive-error', class: 'form-error', role: 'alert' });
  const pick = h('button', { type: 'button', id: 'receive-pick', class: 'big primary' }, t('transfer-pick-file'));
  pick.addEventListener('click', () => void (async () => {
    error.textContent = '';
    body.replaceChildren(h('p', { role: 'status' }, t('transfer-reading')));
    try {
      const preview = await api.previewImport();
      body.replaceChildren(preview ? previewOf(nav, preview, body, error, inCadreMode) : '');
    } catch (raw) {
      body.replaceChildren();
      nav.fail(raw, (e) => (error.textContent = t(e.code, e.args)));
    }
  })());
  mount(nav.root, h('section', { id: 'receive', class: 'screen', 'aria-labelledby': 'receive-title' },
    h('h1', { id: 'receive-title' }, t('transfer-receive-title')),
    h('p', {}, t('transfer-receive-intro')),
    pick,
    error,
    body,
    h('button', { type: 'button', id: 'receive-back', class: 'big', onclick: () => nav.back() }, t('transfer-back')),
  ));
}

function previewOf(nav: Nav, preview: api.ImportPreview, body: HTMLElement, error: HTMLElement, inCadreMode: boolean): HTMLElement {
  const apply = h('button', { type: 'button', id: 'receive-apply', class: 'big primary', disabled: preview.changes === 0 },
    t('transfer-apply', { changes: preview.changes }));
  apply.addEventListener('click', () => void (async () => {
    apply.disabled = true;
    apply.textContent = t('transfer-applying');
    try {
      const result = await api.applyImport(preview.fileSha256);
      body.replaceChildren(resultOf(nav, result, inCadreMode));
    } catch (raw) {
      apply.disabled = false;
      apply.textContent = t('transfer-apply', { changes: preview.changes });
      nav.fail(raw, (e) => (error.textContent = t(e.code, e.args)));
    }
  })());
  return h('div', { id: 'receive-preview' },
    h('h2', {}, t('transfer-preview-title')),
    h('ul', { id: 'receive-families' }, ...preview.families.map((f) => h('li', {}, `${f.fatherName} & ${f.motherName}`))),
    h('p', {}, t('transfer-made-on', { date: formatDateTime(preview.createdAt) })),
    preview.firstDay && preview.lastDay
      ? h('p', { id: 'receive-span' }, t('transfer-session-span', { from: day(preview.firstDay), to: day(preview.lastDay) }))
      : null,
    tallyTable('receive-tally', preview.tally),
    preview.posko
      ? h('p', { id: 'receive-posko' }, t('transfer-posko', {
        cadre: preview.posko.cadreName,
        line: t('posko-when-where', { weekday: weekdayName(preview.posko.weekday), from: preview.posko.startsAt, to: preview.posko.endsAt, place: preview.posko.place }),
      }))
      : null,
    h('p', { id: 'receive-summary' }, preview.changes === 0 ? t('transfer-nothing-new') : t('transfer-will-change', { changes: preview.changes })),
    apply,
  );
}

function resultOf(nav: Nav, result: api.ImportResult, inCadreMode: boolean): HTMLElement {
  return h('div', { id: 'receive-result', role: 'status' },
    h('p', { id: 'receive-done' }, t('transfer-applied', { changes: result.changes })),
    tallyTable('receive-result-tally', result.tally),
    result.openConflicts > 0 ? h('p', { id: 'receive-conflicts' }, t('transfer-conflicts-waiting', { count: result.openConflicts })) : null,
    result.openConflicts > 0 && inCadreMode
      ? h('button', { type: 'button', id: 'receive-open-conflicts', class: 'big', onclick: () => nav.replace(showConflicts) }, t('conflicts-open'))
      : null,
  );
}

/** Fields whose label the app knows; others show their name. */
const FIELD_LABELS: Record<string, string> = {
  father_name: 'field-father-name',
  mother_name: 'field-mother-name',
  baby_birth_date: 'field-baby-birth-date',
  posyandu: 'field-posyandu',
  rw: 'field-rw',
  rt: 'field-rt',
  mother_age: 'field-mother-age',
  mother_education: 'field-mother-education',
  parity: 'field-parity',
  pregnant: 'field-pregnant',
  pass_seconds: 'conflict-field-pass-seconds',
  passes: 'conflict-field-passes',
};

function valueText(value: string | number | null): string {
  return value === null || value === '' ? t('conflict-empty') : String(value);
}

/** Conflicts waiting for the cadre: her version or the incoming one, field by field. */
export async function showConflicts(nav: Nav): Promise<void> {
  let conflicts: api.Conflict[];
  try {
    conflicts = await api.listConflicts();
  } catch (raw) {
    nav.fail(raw, (e) => mount(nav.root, h('p', { class: 'form-error', role: 'alert' }, t(e.code, e.args))));
    return;
  }
  const error = h('p', { id: 'conflicts-error', class: 'form-error', role: 'alert' });
  const choose = async (conflict: api.Conflict, takeIncoming: boolean) => {
    try {
      await api.resolveConflict(conflict.id, takeIncoming);
      nav.replace(showConflicts);
    } catch (raw) {
      nav.fail(raw, (e) => (error.textContent = t(e.code, e.args)));
    }
  };
  const item = (conflict: api.Conflict) => h('li', { class: 'card conflict', 'data-conflict': conflict.id },
    h('h2', {}, conflict.family ? `${conflict.family.fatherName} & ${conflict.family.motherName}` : t('conflict-no-family'),
      ' — ', t(`transfer-table-${conflict.table}`)),
    h('p', { class: 'hint' }, t('conflict-found', { date: formatDateTime(conflict.foundAt) })),
    h('div', { class: 'table-scroll' }, h('table', { class: 'conflict-fields' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('conflict-field')),
        h('th', { scope: 'col' }, t('conflict-here')), h('th', { scope: 'col' }, t('conflict-incoming')))),
      h('tbody', {}, ...conflict.differences.map((d) => h('tr', { 'data-field': d.field },
        h('th', { scope: 'row' }, FIELD_LABELS[d.field] ? t(FIELD_LABELS[d.field] ?? '') : d.field),
        h('td', { class: 'here' }, valueText(d.local)),
        h('td', { class: 'incoming' }, valueText(d.incoming))))))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: `keep-local-${conflict.id}`, onclick: () => void choose(conflict, false) }, t('conflict-keep-here')),
      h('button', { type: 'button', id: `take-incoming-${conflict.id}`, class: 'primary', onclick: () => void choose(conflict, true) }, t('conflict-take-incoming'))));
  mount(nav.root, h('section', { id: 'conflicts', class: 'screen', 'aria-labelledby': 'conflicts-title' },
    h('h1', { id: 'conflicts-title' }, t('conflicts-title')),
    h('p', {}, t('conflicts-intro')),
    error,
    conflicts.length
      ? h('ul', { id: 'conflicts-list', class: 'conflicts' }, ...conflicts.map(item))
      : h('p', { id: 'conflicts-none', class: 'hint' }, t('conflicts-none')),
    h('button', { type: 'button', id: 'conflicts-back', class: 'big', onclick: () => nav.back() }, t('transfer-back')),
  ));
}
