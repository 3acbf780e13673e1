import { expect, test } from 'vitest';
import { setLanguage } from '../i18n';
import { progressLine, statusLines } from './server';
import type { ServerStatus } from '../api';

// setLanguage also sets the page's lang and title: a stand-in page for it.
Object.assign(globalThis, { document: { documentElement: {}, title: '' } });

const paired: ServerStatus = {
  paired: true, address: 'https://ayahasi.puskesmas.id', forFamily: false, pairedAt: '2026-12-01T08:00:00+07:00',
  lastSuccessAt: null, lastAttemptAt: null, lastFailure: null, lastFailureCode: null, lastCounts: null, familiesElsewhere: 0,
  waitingConsent: [], erasuresWaiting: 0,
};

test('a paired phone that never synced says so', () => {
  setLanguage('id');
  expect(statusLines(paired)).toEqual(['Belum pernah sinkron.']);
});

test('a good sync shows when, and its counts', () => {
  setLanguage('id');
  const lines = statusLines({ ...paired, lastSuccessAt: '2026-12-02T15:40:00+07:00', lastAttemptAt: '2026-12-02T15:40:00+07:00',
    lastCounts: { sent: 12, received: 3, toChoose: 1 } });
  expect(lines[0]).toMatch(/^Sinkron terakhir: /);
  expect(lines[1]).toBe('12 catatan terkirim, 3 diterima, 1 perlu dipilih');
  const moved = statusLines({ ...paired, lastSuccessAt: '2026-12-02T15:40:00+07:00', familiesElsewhere: 1 });
  expect(moved.at(-1)).toBe('1 keluarga sudah dipindah puskesmas ke kader lain: catatannya tidak dikirim lagi dari HP ini.');
});

test('families held back for the consent text, and erasures not yet sent, say so even on a failed sync', () => {
  setLanguage('id');
  const failed = { ...paired, lastAttemptAt: '2026-12-02T16:00:00+07:00', lastFailure: 'unreachable' as const };
  const lines = statusLines({ ...failed, waitingConsent: ['Budi', 'Joko'], erasuresWaiting: 1 });
  expect(lines.at(-2)).toBe('2 keluarga belum dikirim ke server karena Ibu belum menyetujui teks persetujuan yang baru (Budi, Joko). Buka ringkasan keluarga dan pilih "Minta persetujuan Ibu".');
  expect(lines.at(-1)).toBe('1 permintaan hapus data keluarga belum terkirim ke server: dikirim otomatis saat HP tersambung internet.');
  const own = statusLines({ ...paired, forFamily: true, waitingConsent: ['Budi'] });
  expect(own.at(-1)).toBe('Data keluarga belum dikirim ke server karena Ibu belum menyetujui teks persetujuan yang baru. Aplikasi menanyakannya kepada Ibu saat dibuka.');
});

test('a failed sync says why and keeps the last good time visible', () => {
  setLanguage('en');
  const lines = statusLines({ ...paired, lastSuccessAt: '2026-12-02T15:40:00+07:00', lastAttemptAt: '2026-12-02T16:00:00+07:00',
    lastFailure: 'unreachable', lastFailureCode: 'error-server-unreachable', lastCounts: { sent: 1, received: 0, toChoose: 0 } });
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('the server could not be reached');
  expect(lines[1]).toMatch(/^Last good sync: /);
  setLanguage('id');
});

test('a sync in progress says how far it got', () => {
  setLanguage('id');
  expect(progressLine({ stage: 'sending', doneKb: 64, totalKb: 512 })).toBe('Mengirim catatan: 64 dari 512 KB…');
  expect(progressLine({ stage: 'receiving', doneKb: 12, totalKb: 0 })).toBe('Menerima catatan: 12 KB…');
  setLanguage('en');
  expect(progressLine({ stage: 'sending', doneKb: 64, totalKb: 512 })).toBe('Sending records: 64 of 512 KB…');
  setLanguage('id');
});
