// The value lists the Rust side decides (api/values.gen.ts) have no hand copy in the UI:
// a file that names two or more words of one list on one line is writing that list (or
// a union of it) again, and would drift from the Rust side.
import { expect, test } from 'vitest';
import * as values from './api/values.gen';

const SOURCES = import.meta.glob(['./**/*.ts', '!./**/*.test.ts', '!./api/*.gen.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Each generated list of words, by its name. */
const LISTS = Object.entries(values).filter(
  (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((v) => typeof v === 'string'),
);

function copies(): string[] {
  const found: string[] = [];
  for (const [file, text] of Object.entries(SOURCES)) {
    text.split('\n').forEach((line, n) => {
      for (const [name, words] of LISTS) {
        const named = words.filter((word) => line.includes(`'${word}'`));
        if (named.length >= 2) found.push(`${file}:${n + 1} repeats ${name} (${named.join(', ')})`);
      }
    });
  }
  return found;
}

test('no UI file writes a list the Rust side owns', () => {
  expect(LISTS.length).toBeGreaterThan(8);
  expect(copies()).toEqual([]);
});

test('the check would see a copy', () => {
  SOURCES['./copy.ts'] = "const reasons = ['pain', 'other'];";
  try {
    expect(copies()).toContain('./copy.ts:1 repeats STOP_REASONS (pain, other)');
  } finally {
    delete SOURCES['./copy.ts'];
  }
});
