import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEP_PICTURES, STEP_PICTURE_ORDER, pictureLabelId } from './stepPictures';

const assets = new URL('../../../assets/steps/', import.meta.url);
const locale = (language: string) => readFileSync(new URL(`../../../locales/${language}/session.ftl`, import.meta.url), 'utf8');

describe('the step drawings', () => {
  it('are every file in assets/steps, each shown once, in order', () => {
    const files = readdirSync(assets).filter((f) => f.endsWith('.svg')).map((f) => f.replace(/\.svg$/, ''));
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
