// The anatomical picture of the back (assets/back.svg): highlights the zone of the
// current step and moves the thumbs down both sides of the spine with the pass.
import backSvg from '../../../assets/back.svg?raw';
import type { Region } from '../api';

/** Where the thumbs start (C7) and stop (ribs 5-6), in the picture's units. */
const THUMBS_TOP = 70;
const THUMBS_BOTTOM = 160;

/** The thumbs' height for a pass `progress` (0 at C7, 1 at ribs 5-6). */
export function thumbsY(progress: number): number {
  const clamped = Math.min(1, Math.max(0, progress));
  return THUMBS_TOP + clamped * (THUMBS_BOTTOM - THUMBS_TOP);
}

export interface BackPicture {
  element: SVGSVGElement;
  show(region: Region | null, progress: number, moving: boolean): void;
}

/** The part of the back a pass covers (the base of the neck to just below ribs 5-6),
 * for the guide: zoomed in, the lit zone and the thumbs are drawn larger. */
const MASSAGED_PART = '34 40 132 148';

/** Parses the bundled SVG (our own asset, never user data) and wires its parts; with
 * `closeUp`, shows only the part of the back the hands work on, so it can be drawn larger. */
export function backPicture(label: string, closeUp = false): BackPicture {
  const parsed = new DOMParser().parseFromString(backSvg, 'image/svg+xml');
  const element = document.importNode(parsed.documentElement, true) as unknown as SVGSVGElement;
  if (closeUp) element.setAttribute('viewBox', MASSAGED_PART);
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', label);
  element.classList.add('back-picture');
  const zones = [...element.querySelectorAll<SVGElement>('.zone')];
  const thumbs = [...element.querySelectorAll<SVGGElement>('#thumb-left, #thumb-right')];
  return {
    element,
    show(region, progress, moving) {
      for (const zone of zones) zone.classList.toggle('active', region !== null && zone.id.startsWith(`zone-${region}`));
      const y = thumbsY(progress);
      for (const thumb of thumbs) {
        const x = thumb.id === 'thumb-left' ? 87.5 : 112.5;
        thumb.setAttribute('transform', `translate(${x} ${y})`);
      }
      element.classList.toggle('moving', moving);
      element.classList.toggle('thumbs-hidden', region === 'whole-back' || region === null);
    },
  };
}
