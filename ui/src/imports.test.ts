// No import circle anywhere in the UI (type-only imports included): screens reach one
// another through a navigator, so a newcomer can read them from the top down.
import { expect, test } from 'vitest';

/** Every UI source file (tests aside) by its path from `src`, e.g. `./screens/cadre.ts`. */
const SOURCES = import.meta.glob(['./**/*.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** `spec` (e.g. `../api`) seen from `file`, as a path like the keys of `SOURCES`. */
function resolve(file: string, spec: string): string {
  const parts = file.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return [`${base}.ts`, `${base}/index.ts`].find((path) => path in SOURCES) ?? base;
}

/** The project files `file` imports or re-exports (relative specifiers only). */
function importsOf(file: string): string[] {
  const text = SOURCES[file] ?? '';
  return [...text.matchAll(/(?:(?:import|export)[^'"]*?from\s+|import\s+)'(\.[^']+)'/g)]
    .map((m) => resolve(file, m[1] ?? ''))
    .filter((path) => path in SOURCES);
}

/** Every circle of imports, each as the files around it. */
function circles(files: string[]): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (file: string, path: string[]) => {
    state.set(file, 'open');
    for (const next of importsOf(file)) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) walk(next, [...path, next]);
    }
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) walk(file, [file]);
  return found;
}

test('the UI has no import circle', () => {
  const files = Object.keys(SOURCES);
  expect(files.length).toBeGreaterThan(20);
  expect(circles(files).map((circle) => circle.join(' -> '))).toEqual([]);
});
