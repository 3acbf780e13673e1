import { expect, test } from 'vitest';
import { formatClock, minutesOf, PASS_LENGTHS } from './format';

test('the clock rounds up and never goes below 0:00', () => {
  expect(formatClock(150_000)).toBe('2:30');
  expect(formatClock(149_001)).toBe('2:30');
  expect(formatClock(149_000)).toBe('2:29');
  expect(formatClock(999)).toBe('0:01');
  expect(formatClock(0)).toBe('0:00');
  expect(formatClock(-5)).toBe('0:00');
});

test('pass lengths run from 1 to 5 minutes by half minutes', () => {
  expect(PASS_LENGTHS.map(minutesOf)).toEqual([1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
});
