import { expect, test } from 'vitest';
import { stack } from './charts';

test('segments stack to the whole bar, leaving out empty ones', () => {
  const parts = stack([
    { key: 'lancar', count: 2 },
    { key: 'tidak-lancar', count: 0 },
    { key: 'tidak-ada', count: 1 },
  ]);
  expect(parts.map((p) => p.key)).toEqual(['lancar', 'tidak-ada']);
  expect(parts[0]).toEqual({ key: 'lancar', start: 0, width: 2 / 3 });
  expect(parts[1]?.start).toBeCloseTo(2 / 3);
  expect(stack([{ key: 'x', count: 0 }])).toEqual([]);
});
