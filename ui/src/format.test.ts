import { expect, test } from 'vitest';
import { formatNumber, formatP } from './format';

test('Indonesian numbers use a decimal comma, English a point', () => {
  expect(formatNumber(2.6396, 3, 'id')).toBe('2,64');
  expect(formatNumber(-4.359, 3, 'id')).toBe('-4,359');
  expect(formatNumber(-4.359, 3, 'en')).toBe('-4.359');
  expect(formatNumber(72, 1, 'id')).toBe('72');
  expect(formatNumber(2.5, 1, 'id')).toBe('2,5');
});

test('p-values read as the papers print them: "p < 0,001", never "p = < 0,001"', () => {
  expect(formatP(0.0000131, 'p', 'id')).toBe('p < 0,001');
  expect(formatP(0.0348, 'p', 'en')).toBe('p = 0.035');
  expect(formatP(0.0348, 'p eksak', 'id')).toBe('p eksak = 0,035');
});
