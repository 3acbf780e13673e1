import { expect, test } from 'vitest';
import { segments } from './chart';

test('a day stacks finished, then stopped, then missed, leaving out empty parts', () => {
  expect(segments({ date: '2026-11-22', finished: 1, stopped: 0, missed: 1 })).toEqual([
    ['finished', 1],
    ['missed', 1],
  ]);
  expect(segments({ date: '2026-11-22', finished: 0, stopped: 0, missed: 0 })).toEqual([]);
});
