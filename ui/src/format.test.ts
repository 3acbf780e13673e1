import { expect, test } from 'vitest';
import { formatNumber, formatP } from './format';

test('Indonesian numbers use a decimal comma, English a point', () => {
  expect(formatNumber(2.6396, 3, 'id')).toBe('2,64');
  expect(formatNumber(-4.359, 3, 'id')).toBe('-4,359');
  expect(formatNumber(-4.359, 3, 'en')).toBe('-4.359');
  expect(formatNumber(72, 1, 'id')).toBe('72');
});

test('tiny p-values read as below 0.001', () => {
  expect(formatP(0.0000131, 'id')).toBe('< 0,001');
  expect(formatP(0.0348, 'en')).toBe('0.035');
});
