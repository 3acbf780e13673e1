// The data itself: the screen shown when the database cannot be opened, local backups
// with restore, and a family's own data (download all of it, delete all of it).
import * as api from '../api';
import { h, mount } from '../dom';
import { toAppError, type AppError } from '../errors';
import { LANGUAGES, currentLanguage, setLanguage, t } from '../i18n';
import type { Nav } from '../nav';
import { shareAvailable } from '../share';

function errorOf(raw: unknown): string {
  const error: AppError = toAppError(raw);
  return t(error.code, error.args);
}

/** When the database cannot be opened: what is wrong and the ways out. Nothing here
 * deletes the old file: "start fresh" moves it aside first. */
export function showStorageProblem(nav: Nav, problem: api.StorageProblem): void {
  const onFixed = () => nav.home();
  const status = h('p', { id: 'problem-status', role: 'status' });
  const error = h('p', { id: 'problem-error', class: 'form-error', role: 'alert' });
  const run = async (work: () => Promise<string | null | void>) => {
    error.textContent = '';
    try {
      const message = await work();
      if (message) status.textContent = message;
    } catch (raw) {
      error.textContent = errorOf(raw);
    }
  };
  const confirm = h('div', { id: 'problem-confirm', class: 'card', hidden: true },
    h('p', {}, t('problem-start-fresh-warning', { folder: problem.dataDir })),
    h('button', { type: 'button', id: 'problem-start-fresh-confirm', class: 'big primary', onclick: () => void run(async () => {
      const folder = await api.startFreshStorage();
      status.textContent = t('problem-set-aside', { folder });
      onFixed();
    }) }, t('problem-start-fresh-confirm')),
    h('button', { type: 'button', id: 'problem-start-fresh-cancel', class: 'big', onclick: () => (confirm.hidden = true) }, t('session-cancel')));
  // A copy holds every family: on a cadre's device it asks for her PIN first.
  const pin = h('input', { id: 'problem-pin', type: 'password', inputmode: 'numeric', maxlength: 6, autocomplete: 'off' });
  const pinRow = h('div', { id: 'problem-pin-row', class: 'field', hidden: true },
    h('label', { for: pin.id }, t('cadre-pin')), pin,
    h('button', { type: 'button', id: 'problem-pin-save', class: 'big primary', onclick: () => void saveCopy(pin.value) }, t('problem-save-copy')));
  const saveCopy = async (given: string | null) => {
    error.textContent = '';
    try {
      const file = await api.saveDataCopy(given);
      pinRow.hidden = true;
      if (file) status.textContent = t('problem-copy-saved', { file });
    } catch (raw) {
      const problem = toAppError(raw);
      pinRow.hidden = problem.code !== 'error-cadre-pin-required' && problem.code !== 'error-pin-wrong';
      pin.value = '';
      error.textContent = t(problem.code, problem.args);
    }
  };
  mount(nav.root, h('section', { id: 'storage-problem', class: 'screen', 'aria-labelledby': 'problem-title' },
    h('div', { class: 'language-switch' }, ...LANGUAGES.filter((l) => l !== currentLanguage()).map((language) =>
      h('button', { type: 'button', id: `problem-language-${language}`, onclick: () => {
        setLanguage(language);
        showStorageProblem(nav, problem);
      } }, t(`language-name-${language}`)))),
    h('h1', { id: 'problem-title' }, t('problem-title')),
    h('p', { id: 'problem-what' }, t(`problem-${problem.problem}`)),
    h('p', { class: 'hint' }, t('problem-folder', { folder: problem.dataDir })),
    h('p', { class: 'hint', id: 'problem-detail' }, t('problem-detail', { detail: problem.detail })),
    h('button', { type: 'button', id: 'problem-retry', class: 'big primary', onclick: () => void run(async () => {
      await api.retryStorage();
      onFixed();
    }) }, t('problem-retry')),
    h('button', { type: 'button', id: 'problem-save-copy', class: 'big', onclick: () => void saveCopy(null) }, t('problem-save-copy')),
    pinRow,
    h('button', { type: 'button', id: 'problem-start-fresh', class: 'big', onclick: () => (confirm.hidden = false) }, t('problem-start-fresh')),
    confirm,
    status,
    error,
  ));
}

function sizeText(bytes: number): string {
  return `${new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
}

/** Backups: the list, "back up now", and restore with a confirmation. */
export function backupSection(onRestored: () => void): HTMLElement {
  const list = h('ul', { id: 'backup-list', class: 'backups' });
  const status = h('p', { id: 'backup-status', role: 'status' });
  const error = h('p', { id: 'backup-error', class: 'form-error', role: 'alert' });
  const show = (backups: api.BackupInfo[]) => {
    list.replaceChildren(...(backups.length ? backups.map((b) => {
      const confirm = h('span', { class: 'confirm', hidden: true },
        h('span', {}, t('backup-restore-warning')),
        h('button', { type: 'button', class: 'primary', id: `restore-confirm-${b.file}`, onclick: () => void (async () => {
          error.textContent = '';
          try {
            await api.restoreBackup(b.file);
            status.textContent = t('backup-restored', { date: b.madeAt });
            onRestored();
          } catch (raw) {
            error.textContent = errorOf(raw);
          }
        })() }, t('backup-restore-confirm')));
      return h('li', { 'data-file': b.file },
        h('span', {}, `${b.madeAt} · ${t(`backup-reason-${b.reason.replace(/-\d+$/, '')}`)} · ${sizeText(b.bytes)}`),
        h('button', { type: 'button', id: `restore-${b.file}`, onclick: () => (confirm.hidden = false) }, t('backup-restore')),
        confirm);
    }) : [h('li', { class: 'hint' }, t('backup-none'))]));
  };
  const load = () => void api.listBackups().then(show, (raw) => (error.textContent = errorOf(raw)));
  load();
  return h('details', { id: 'backup-settings', class: 'settings' },
    h('summary', {}, t('backup-title')),
    h('p', { class: 'hint' }, t('backup-intro')),
    h('button', { type: 'button', id: 'backup-now', onclick: () => void api.makeBackup().then((b) => {
      show(b);
      status.textContent = t('backup-made');
    }, (raw) => (error.textContent = errorOf(raw))) }, t('backup-now')),
    list, status, error);
}

/** What a deletion did here and where the server's copy stands. */
export function deletedText(result: api.DeletedData): string {
  return t(`my-data-deleted-${result.server}`, { records: result.records });
}

/** The family's own data: download it (JSON, CSV) and, unless `withDelete` is false
 * (the cadre's review removes a family in its own section), delete all of it: on the
 * family's paired phone, from the server too. */
export function myDataSection(familyId: string | null, onDeleted: () => void, withDelete = true): HTMLElement {
  const status = h('p', { id: 'my-data-status', role: 'status' });
  const error = h('p', { id: 'my-data-error', class: 'form-error', role: 'alert' });
  const download = (format: 'json' | 'csv', delivery: api.Delivery = 'save') => void (async () => {
    error.textContent = '';
    try {
      const result = await api.exportMyData(familyId, format, delivery);
      if (result) status.textContent = t(delivery === 'share' ? 'my-data-shared' : 'my-data-saved', { records: result.records, files: result.files.length });
    } catch (raw) {
      error.textContent = errorOf(raw);
    }
  })();
  // What goes and where copies stay depends on whether this phone talks to a server.
  const warning = h('p', { id: 'delete-warning' }, t('my-data-delete-warning'));
  void api.getServerStatus().then((server) => {
    if (server.paired && server.forFamily) warning.textContent = t('my-data-delete-warning-paired');
  }, () => undefined);
  const deleteButton = h('button', { type: 'button', id: 'delete-my-data-confirm', class: 'big danger' }, t('my-data-delete-confirm'));
  deleteButton.addEventListener('click', () => void (async () => {
    error.textContent = '';
    deleteButton.disabled = true;
    status.textContent = t('my-data-deleting');
    try {
      const deleted = await api.deleteMyData(familyId);
      // The outcome stays on screen until it is read: "sent" or "waits for the next sync".
      section.replaceChildren(
        h('h2', {}, t('my-data-title')),
        h('p', { id: 'my-data-status', role: 'status' }, deletedText(deleted)),
        h('button', { type: 'button', id: 'my-data-deleted-continue', class: 'big primary', onclick: onDeleted }, t('my-data-deleted-continue')));
    } catch (raw) {
      deleteButton.disabled = false;
      status.textContent = '';
      error.textContent = errorOf(raw);
    }
  })());
  const confirm = h('div', { id: 'delete-confirm', class: 'card warning', hidden: true },
    warning,
    deleteButton,
    h('button', { type: 'button', id: 'delete-my-data-cancel', class: 'big', onclick: () => (confirm.hidden = true) }, t('session-cancel')));
  const section = h('div', { id: 'my-data', class: 'my-data' },
    h('h2', {}, t('my-data-title')),
    h('p', { class: 'hint' }, t(withDelete ? 'my-data-intro' : 'my-data-intro-download')),
    h('button', { type: 'button', id: 'export-my-data-json', class: 'big', onclick: () => download('json') }, t('my-data-json')),
    // A phone cannot save several files through its save dialog: its share sends JSON.
    shareAvailable() ? null : h('button', { type: 'button', id: 'export-my-data-csv', class: 'big', onclick: () => download('csv') }, t('my-data-csv')),
    shareAvailable()
      ? h('button', { type: 'button', id: 'share-my-data', class: 'big', onclick: () => download('json', 'share') }, t('my-data-share'))
      : null,
    withDelete ? h('button', { type: 'button', id: 'delete-my-data', class: 'big', onclick: () => (confirm.hidden = false) }, t('my-data-delete')) : null,
    withDelete ? confirm : null, status, error);
  return section;
}
