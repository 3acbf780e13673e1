// The Server section, in cadre mode and on the family's home: pair with the puskesmas
// server, see when the last sync was and how it went, sync now, disconnect.
import * as api from '../api';
import { formatDateTime } from '../dates';
import { h } from '../dom';
import { errorsByField, toAppError } from '../errors';
import { t } from '../i18n';

function countsArgs(counts: api.SyncCounts): Record<string, number> {
  return { sent: counts.sent, received: counts.received, toChoose: counts.toChoose };
}

/** The status line: the last good sync, or why the last one failed and when it last
 * worked; then what this phone holds back and why. */
export function statusLines(status: api.ServerStatus): string[] {
  return [...syncLines(status), ...heldBackLines(status)];
}

function syncLines(status: api.ServerStatus): string[] {
  const lines: string[] = [];
  if (status.lastFailure && status.lastAttemptAt) {
    lines.push(t('server-last-failed', { when: formatDateTime(status.lastAttemptAt), reason: t(`server-failure-${status.lastFailure}`) }));
    lines.push(status.lastSuccessAt ? t('server-last-good', { when: formatDateTime(status.lastSuccessAt) }) : t('server-never-synced'));
    return lines;
  }
  if (!status.lastSuccessAt) return [t('server-never-synced')];
  lines.push(t('server-last-sync', { when: formatDateTime(status.lastSuccessAt) }));
  if (status.lastCounts) lines.push(t('server-last-sync-counts', countsArgs(status.lastCounts)));
  return lines;
}

/** Families not sent, and erasures not yet sent, with the reason in words. */
export function heldBackLines(status: api.ServerStatus): string[] {
  const lines: string[] = [];
  if (status.familiesElsewhere > 0) lines.push(t('server-families-elsewhere', { count: status.familiesElsewhere }));
  if (status.waitingConsent.length > 0) {
    lines.push(status.forFamily
      ? t('server-own-waiting-consent')
      : t('server-waiting-consent', { count: status.waitingConsent.length, families: status.waitingConsent.join(', ') }));
  }
  if (status.erasuresWaiting > 0) lines.push(t('server-erasures-waiting', { count: status.erasuresWaiting }));
  return lines;
}

/**
 * The section; `forCadre` picks the hint for whose code to type; `onSynced` runs after a
 * sync done here, for the screen around it to show what arrived.
 */
/** The line a sync in progress shows: how far it got. */
export function progressLine(progress: api.SyncProgress): string {
  if (progress.stage === 'receiving') {
    return t('server-sync-receiving-progress', { done: progress.doneKb });
  }
  return t('server-sync-sending-progress', { done: progress.doneKb, total: progress.totalKb });
}

export function serverSection(forCadre: boolean, onSynced: () => void = () => undefined): HTMLElement {
  const section = h('section', { id: 'server-section', class: 'card', 'aria-labelledby': 'server-title' });
  const fill = (status: api.ServerStatus, note?: string) => {
    section.replaceChildren(
      h('h2', { id: 'server-title' }, t('server-title')),
      ...(status.paired ? pairedParts(status, fill, onSynced) : [pairForm(forCadre, fill)]),
      ...(note ? [h('p', { id: 'server-note', role: 'status' }, note)] : []),
    );
  };
  void api.getServerStatus().then((status) => fill(status), (raw) => {
    const error = toAppError(raw);
    section.replaceChildren(h('h2', { id: 'server-title' }, t('server-title')), h('p', { class: 'form-error' }, t(error.code, error.args)));
  });
  return section;
}

type Fill = (status: api.ServerStatus, note?: string) => void;

function pairForm(forCadre: boolean, fill: Fill): HTMLElement {
  const address = h('input', { id: 'server-address', type: 'url', inputmode: 'url', autocomplete: 'url', maxlength: 200, placeholder: 'https://' });
  const code = h('input', { id: 'server-code', type: 'text', autocomplete: 'off', autocapitalize: 'characters', maxlength: 40 });
  const addressError = h('p', { id: 'server-address-error', class: 'field-error' });
  const codeError = h('p', { id: 'server-code-error', class: 'field-error' });
  const status = h('p', { id: 'server-pair-status', role: 'status' });
  const button = h('button', { type: 'button', id: 'server-pair', class: 'big primary' }, t('server-pair'));
  button.onclick = async () => {
    addressError.textContent = '';
    codeError.textContent = '';
    status.textContent = t('server-pairing');
    button.disabled = true;
    try {
      fill(await api.pairServer(address.value, code.value));
    } catch (raw) {
      const error = toAppError(raw);
      const fields = errorsByField(error);
      const onAddress = fields.get('address');
      const onCode = fields.get('code');
      if (onAddress) addressError.textContent = t(onAddress.code, onAddress.args);
      if (onCode) codeError.textContent = t(onCode.code, onCode.args);
      status.textContent = fields.size ? '' : t(error.code, error.args);
    } finally {
      button.disabled = false;
    }
  };
  return h('details', { id: 'server-pair-form', class: 'settings' },
    h('summary', {}, t('server-pair-open')),
    h('p', { class: 'hint' }, t('server-intro')),
    h('div', { class: 'field' }, h('label', { for: address.id }, t('server-address')), address,
      h('p', { class: 'hint' }, t('server-address-hint')), addressError),
    h('div', { class: 'field' }, h('label', { for: code.id }, t('server-code')), code,
      h('p', { class: 'hint' }, t(forCadre ? 'server-code-hint-cadre' : 'server-code-hint-family')), codeError),
    button,
    status);
}

function pairedParts(status: api.ServerStatus, fill: Fill, onSynced: () => void): HTMLElement[] {
  const lines = h('div', { id: 'server-status' }, ...statusLines(status).map((line) => h('p', {}, line)));
  const result = h('p', { id: 'server-sync-result', role: 'status' });
  const sync = h('button', { type: 'button', id: 'server-sync', class: 'big primary' }, t('server-sync-now'));
  sync.onclick = async () => {
    sync.disabled = true;
    // The last sync's outcome goes: what shows next is this one's.
    document.getElementById('server-note')?.remove();
    const progress = new api.Channel<api.SyncProgress>();
    progress.onmessage = (now) => {
      result.textContent = progressLine(now);
    };
    try {
      const done = await api.syncNow(progress);
      const note = [t('server-sync-done', countsArgs(done.counts))];
      if (done.counts.toChoose > 0) note.push(t('server-sync-to-choose'));
      fill(done.status, note.join(' '));
      onSynced();
    } catch (raw) {
      const error = toAppError(raw);
      const message = t(error.code, error.args);
      try {
        fill(await api.getServerStatus(), message);
      } catch {
        result.textContent = message;
      }
    } finally {
      sync.disabled = false;
    }
  };
  const confirm = h('button', { type: 'button', id: 'server-unpair-confirm', class: 'big' }, t('server-unpair-confirm'));
  confirm.onclick = async () => {
    try {
      fill(await api.unpairServer(), t('server-unpaired'));
    } catch (raw) {
      const error = toAppError(raw);
      result.textContent = t(error.code, error.args);
    }
  };
  return [
    h('p', { id: 'server-paired-to' }, t('server-paired-to', { address: status.address ?? '' })),
    ...(status.forFamily ? [h('p', { class: 'hint' }, t('server-paired-family'))] : []),
    lines,
    sync,
    result,
    h('details', { id: 'server-unpair', class: 'settings' },
      h('summary', {}, t('server-unpair-open')),
      h('p', { class: 'hint' }, t('server-unpair-why')),
      confirm),
  ];
}

/** In a family's review: a one-time code for the family's own phone. */
export function familyCodeButton(familyId: string): HTMLElement {
  const shown = h('p', { id: 'family-server-code-text', role: 'status' });
  const button = h('button', { type: 'button', id: 'family-server-code', class: 'big' }, t('server-family-code'));
  button.onclick = async () => {
    button.disabled = true;
    shown.textContent = t('server-family-code-making');
    try {
      const made = await api.makeFamilyServerCode(familyId);
      shown.replaceChildren(t('server-family-code-made', { code: made.code, hours: made.hours }));
    } catch (raw) {
      const error = toAppError(raw);
      shown.textContent = t(error.code, error.args);
    } finally {
      button.disabled = false;
    }
  };
  return h('div', { id: 'family-server' }, button, shown);
}
