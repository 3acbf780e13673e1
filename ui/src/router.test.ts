import { expect, test } from 'vitest';
import type { Family } from './api';
import { screenFor } from './router';

const family: Family = {
  id: '0193a1b2-0000-7000-8000-000000000000',
  fatherName: 'Budi',
  motherName: 'Siti',
  babyBirthDate: '2026-11-01',
  babyAgeDays: 21,
  pregnant: false,
  pastDue: false,
  motherAge: null,
  motherEducation: null,
  parity: null,
  posyandu: null,
  rw: null,
  rt: null,
};

test('language first, then the family, then home', () => {
  expect(screenFor({ language: null, family: null, consentCurrent: false, storageProblem: null, canShare: false })).toBe('language');
  expect(screenFor({ language: 'id', family: null, consentCurrent: false, storageProblem: null, canShare: false })).toBe('onboarding');
  expect(screenFor({ language: 'en', family, consentCurrent: true, storageProblem: null, canShare: false })).toBe('home');
});

test('a consent given to an older text is asked again before home', () => {
  expect(screenFor({ language: 'id', family, consentCurrent: false, storageProblem: null, canShare: false })).toBe('consent');
});

test('a database that cannot be opened comes before everything', () => {
  const storageProblem = { problem: 'damaged' as const, detail: 'file is not a database', dataDir: '/data' };
  expect(screenFor({ language: null, family: null, consentCurrent: false, storageProblem, canShare: false })).toBe('problem');
});
