import { expect, test } from 'vitest';
import { mouthBend } from './icons';

test('faces go from a frown to a smile', () => {
  const bends = [1, 2, 3, 4, 5].map(mouthBend);
  expect(bends).toEqual([...bends].sort((a, b) => a - b));
  expect(mouthBend(1)).toBeLessThan(0);
  expect(mouthBend(3)).toBe(0);
  expect(mouthBend(5)).toBeGreaterThan(0);
});
