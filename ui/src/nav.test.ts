// The navigator's stack, and the one signature every screen has.
import { expect, test } from 'vitest';
import { startNav, type Nav } from './nav';

/** A screen that records its drawing under `name` and hands back its nav. */
function recorder() {
  const drawn: string[] = [];
  const navs = new Map<string, Nav>();
  const screen = (name: string) => (nav: Nav) => {
    drawn.push(name);
    navs.set(name, nav);
  };
  return { drawn, navs, screen };
}

const fakeRoot = {} as HTMLElement;

test('open goes forward, back draws the screen below again, home the first', () => {
  const { drawn, navs, screen } = recorder();
  startNav(fakeRoot, screen('home'));
  navs.get('home')?.open(screen('history'));
  navs.get('history')?.open(screen('rating'));
  navs.get('rating')?.back();
  navs.get('history')?.back();
  expect(drawn).toEqual(['home', 'history', 'rating', 'history', 'home']);
  navs.get('home')?.open(screen('learning'));
  navs.get('learning')?.open(screen('lesson'));
  navs.get('lesson')?.home();
  expect(drawn.slice(5)).toEqual(['learning', 'lesson', 'home']);
});

test('replace takes the place of the screen: back skips it', () => {
  const { drawn, navs, screen } = recorder();
  startNav(fakeRoot, screen('families'));
  navs.get('families')?.open(screen('quiz'));
  navs.get('quiz')?.replace(screen('result'));
  navs.get('result')?.back();
  expect(drawn).toEqual(['families', 'quiz', 'result', 'families']);
});

test('a stale nav (a screen left behind) still goes back from where it was', () => {
  const { drawn, navs, screen } = recorder();
  startNav(fakeRoot, screen('a'));
  navs.get('a')?.open(screen('b'));
  navs.get('b')?.open(screen('c'));
  navs.get('b')?.back(); // e.g. a late answer on screen b
  expect(drawn).toEqual(['a', 'b', 'c', 'a']);
});

test('back on the first screen leaves the navigator, or draws it again', () => {
  let left = 0;
  const { drawn, navs, screen } = recorder();
  startNav(fakeRoot, screen('families'), { leave: () => left++ });
  navs.get('families')?.back();
  expect(left).toBe(1);
  startNav(fakeRoot, screen('home'));
  navs.get('home')?.back();
  expect(drawn).toEqual(['families', 'home', 'home']);
});

test('errors the navigator handles never reach the screen', () => {
  const { navs, screen } = recorder();
  startNav(fakeRoot, screen('families'), { handles: (e) => e.code === 'error-cadre-locked' });
  const shown: string[] = [];
  const nav = navs.get('families');
  nav?.fail({ code: 'error-cadre-locked', args: {}, fields: [] }, (e) => shown.push(e.code));
  nav?.fail({ code: 'error-storage', args: {}, fields: [] }, (e) => shown.push(e.code));
  expect(shown).toEqual(['error-storage']);
});

/** Screen files, read as text: every exported `show…` function takes the navigator first. */
const SCREENS = import.meta.glob(['./screens/*.ts', '!./screens/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

test('every screen has the one signature: show…(nav: Nav, …)', () => {
  const wrong: string[] = [];
  let screens = 0;
  for (const [file, text] of Object.entries(SCREENS)) {
    for (const m of text.matchAll(/export (?:async )?function (\w+)\(([^)]*)\)/g)) {
      const [, name = '', params = ''] = m;
      if (!name.startsWith('show')) continue;
      screens++;
      if (!params.startsWith('nav: Nav')) wrong.push(`${file}: ${name}(${params})`);
    }
    // The old signatures: a screen building an element for its caller, or taking a root.
    for (const m of text.matchAll(/export (?:async )?function (\w+Screen|\w+View)\(/g)) wrong.push(`${file}: ${m[1]}`);
    if (/\(root: HTMLElement/.test(text)) wrong.push(`${file}: takes a root`);
  }
  expect(wrong).toEqual([]);
  expect(screens).toBeGreaterThan(20);
});

test('a screen drawn before the one shown now draws into a detached element', () => {
  // No DOM here: a stand-in for the detached element a stale screen is handed.
  const detached = { detached: true } as unknown as HTMLElement;
  (globalThis as { document?: unknown }).document = { createElement: () => detached };
  const root = { real: true } as unknown as HTMLElement;
  const { navs, screen } = recorder();
  startNav(root, screen('home'));
  const home = navs.get('home');
  expect(home?.root).toBe(root);
  // The home's data comes late, after a tap opened the massage: it must not draw over it.
  home?.open(screen('session'));
  expect(home?.root).toBe(detached);
  expect(navs.get('session')?.root).toBe(root);
  // Back: the home is drawn again, with a nav of its own that draws where it should.
  navs.get('session')?.back();
  expect(navs.get('home')?.root).toBe(root);
  expect(navs.get('session')?.root).toBe(detached);
  // A navigator inside a screen of another draws where that screen does, while it does.
  const { navs: inner, screen: innerScreen } = recorder();
  const outer = navs.get('home');
  startNav(() => outer?.root ?? detached, innerScreen('families'));
  expect(inner.get('families')?.root).toBe(root);
  outer?.open(screen('other'));
  expect(inner.get('families')?.root).toBe(detached);
});
