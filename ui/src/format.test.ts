import { expect, test } from 'vitest';
import { formatNumber } from './format';

test('Indonesian numbers use a decimal comma, English a point', () => {
  expect(formatNumber(2.6396, 3, 'id')).toBe('2,64');
  expect(formatNumber(-4.359, 3, 'id')).toBe('-4,359');
  expect(formatNumber(-4.359, 3, 'en')).toBe('-4.359');
  expect(formatNumber(72, 1, 'id')).toBe('72');
  expect(formatNumber(2.5, 1, 'id')).toBe('2,5');
});
