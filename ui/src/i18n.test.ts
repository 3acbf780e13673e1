import { describe, expect, test } from 'vitest';
import { buildBundle, sourcesOf, translate } from './i18n';

describe('i18n', () => {
  test('reads the same .ftl files as Rust, for both languages', () => {
    expect(sourcesOf('id').length).toBeGreaterThan(1);
    expect(sourcesOf('id').length).toBe(sourcesOf('en').length);
  });

  test('formats arguments without bidi isolation marks', () => {
    const text = translate('id', 'home-greeting', { name: 'Budi' });
    expect(text).toBe('Selamat datang, Pak Budi!');
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });

  test('English plurals pick one and other; Indonesian has one form', () => {
    expect(translate('en', 'home-baby-age', { days: 1 })).toBe("Baby's age: 1 day");
    expect(translate('en', 'home-baby-age', { days: 12 })).toBe("Baby's age: 12 days");
    expect(translate('id', 'home-baby-age', { days: 1 })).toBe('Usia bayi: 1 hari');
  });

  test('a missing message shows its id instead of nothing', () => {
    expect(translate('en', 'no-such-message')).toBe('no-such-message');
  });

  // (Syntax errors are caught on the Rust side, whose parser reports them.)
  test('an id defined twice across files fails loudly', () => {
    const twice = { '../../locales/id/a.ftl': 'same = one\n', '../../locales/id/b.ftl': 'same = two\n' };
    expect(() => buildBundle('id', twice)).toThrow(/locale id/);
  });
});
