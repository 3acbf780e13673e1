import { describe, expect, it } from 'vitest';
import { STEP_PICTURES, STEP_PICTURE_ORDER, pictureLabelId } from './stepPictures';

const FILES: Record<string, string> = import.meta.glob('../../../assets/steps/*.svg', { query: '?raw', import: 'default', eager: true });
const LOCALES: Record<string, string> = import.meta.glob('../../../locales/*/session.ftl', { query: '?raw', import: 'default', eager: true });
const locale = (language: string) => LOCALES[`../../../locales/${language}/session.ftl`] ?? '';

describe('the step drawings', () => {
  it('are every file in assets/steps, each shown once, in order', () => {
    const files = Object.keys(FILES).map((path) => path.replace(/^.*\/(.+)\.svg$/, '$1'));
    expect(files.length).toBe(5);
    expect([...STEP_PICTURE_ORDER].sort()).toEqual(files.sort());
    expect(Object.keys(STEP_PICTURES).sort()).toEqual(files.sort());
  });

  it('are plain drawings the strict CSP allows: no script, handler, style or outside link', () => {
    for (const [id, svg] of Object.entries(STEP_PICTURES)) {
      expect(svg, id).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="[\d. ]+">/);
      expect(svg, id).not.toMatch(/<script|\son[a-z]+=|style=|<style|href=|<image/i);
    }
  });

  it('each have a text alternative in both languages', () => {
    for (const language of ['id', 'en']) {
      const text = locale(language);
      for (const id of STEP_PICTURE_ORDER) {
        expect(text, `${language} ${id}`).toMatch(new RegExp(`^${pictureLabelId(id)} = .{20,}$`, 'm'));
      }
    }
  });
});
