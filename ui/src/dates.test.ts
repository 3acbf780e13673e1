import { expect, test } from 'vitest';
import { MONTHS, composeDate, formatDay, localDay } from './dates';

test('day, month and year become YYYY-MM-DD', () => {
  expect(composeDate('5', '3', '2026')).toBe('2026-03-05');
  expect(composeDate(' 12 ', '11', '2025')).toBe('2025-11-12');
});

test('an empty day means no date; nonsense is passed on for Rust to refuse', () => {
  expect(composeDate('', '3', '2026')).toBe('');
  expect(composeDate('3x', '3', '2026')).toBe('2026-03-3x');
});

test('twelve months in order', () => {
  expect(MONTHS.map((m) => m.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
});

test('a date is shown as that calendar day in the app language, also from a longer time', () => {
  expect(formatDay('2026-11-22', { day: 'numeric', month: 'long', year: 'numeric' })).toBe('22 November 2026');
  expect(formatDay('2026-01-05T23:30:00.000+07:00', { day: 'numeric', month: 'short' })).toBe(formatDay('2026-01-05', { day: 'numeric', month: 'short' }));
});

test('the local day is the calendar day on the device, padded', () => {
  expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  expect(localDay(new Date(2026, 11, 31, 0, 5))).toBe('2026-12-31');
});
