import { expect, test } from 'vitest';
import { isNewer } from './order';

test('a late tick computed before a pause cannot undo the pause', () => {
  const pauseReply = 41;
  const lateTick = 40;
  expect(isNewer(null, lateTick)).toBe(true);
  expect(isNewer(pauseReply, lateTick)).toBe(false);
  expect(isNewer(pauseReply, pauseReply)).toBe(false);
  expect(isNewer(pauseReply, 42)).toBe(true);
});
