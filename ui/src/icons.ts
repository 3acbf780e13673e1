// Small pictures drawn as SVG, so they look the same on every device: emoji depend on
// fonts a low-end phone or a bare Linux desktop may not have.
import { svg } from './dom';
import type { MilkFlow } from './api';

function icon(...children: SVGElement[]): SVGElement {
  const root = svg('svg', { viewBox: '0 0 48 48', class: 'icon', 'aria-hidden': 'true' });
  root.append(...children);
  return root;
}

/** The mouth's curve for comfort 1 (deep frown) to 5 (big smile): control point offset. */
export function mouthBend(level: number): number {
  return (level - 3) * 6;
}

/** A face for comfort `level`, 1 (very uncomfortable) to 5 (very comfortable). */
export function face(level: number): SVGElement {
  const bend = mouthBend(level);
  const mouthY = 31 - bend / 3;
  return icon(
    svg('circle', { cx: 24, cy: 24, r: 21, class: `face face-${level}` }),
    svg('circle', { cx: 17, cy: 19, r: 2.6, class: 'ink' }),
    svg('circle', { cx: 31, cy: 19, r: 2.6, class: 'ink' }),
    svg('path', { d: `M 15 ${mouthY} Q 24 ${mouthY + bend} 33 ${mouthY}`, class: 'mouth' }),
  );
}

const DROP = 'M 0 -9 C 3 -4 6 -1 6 3 A 6 6 0 0 1 -6 3 C -6 -1 -3 -4 0 -9 Z';

function drop(x: number, y: number, scale: number, filled: boolean): SVGElement {
  return svg('path', { d: DROP, transform: `translate(${x} ${y}) scale(${scale})`, class: filled ? 'drop' : 'drop empty' });
}

/** Milk after the massage: none (an empty, crossed drop), drips (one), sprays (several). */
export function milkIcon(flow: MilkFlow): SVGElement {
  switch (flow) {
    case 'none':
      return icon(drop(24, 26, 1.8, false), svg('path', { d: 'M 10 40 L 38 8', class: 'cross' }));
    case 'drips':
      return icon(drop(24, 26, 2, true));
    case 'sprays':
      return icon(drop(12, 30, 1.1, true), drop(24, 22, 1.5, true), drop(36, 30, 1.1, true), drop(24, 40, 0.7, true));
  }
}

/** The picture of a lesson page (ids from `domain::learning::LESSONS`). */
export function lessonIcon(kind: string): SVGElement {
  switch (kind) {
    case 'drop':
      return milkIcon('drips');
    case 'heart':
      return icon(svg('path', { d: 'M24 40 C 8 28 6 18 12 12 C 17 7 23 10 24 15 C 25 10 31 7 36 12 C 42 18 40 28 24 40 Z', class: 'heart' }));
    case 'hormones':
      return icon(svg('circle', { cx: 17, cy: 24, r: 9, class: 'bubble' }), svg('circle', { cx: 31, cy: 24, r: 9, class: 'bubble alt' }));
    case 'warning':
      return icon(svg('path', { d: 'M24 6 L 44 40 L 4 40 Z', class: 'warn' }), svg('rect', { x: 22.5, y: 17, width: 3, height: 12, class: 'ink' }), svg('circle', { cx: 24, cy: 34, r: 2, class: 'ink' }));
    case 'father':
      return icon(svg('circle', { cx: 24, cy: 14, r: 7, class: 'person' }), svg('path', { d: 'M 10 42 C 10 28 38 28 38 42 Z', class: 'person' }));
    case 'baby': // a baby on the mother's chest, skin to skin
      return icon(svg('path', { d: 'M 8 42 C 8 26 40 26 40 42 Z', class: 'person' }), svg('circle', { cx: 24, cy: 12, r: 7, class: 'person' }),
        svg('ellipse', { cx: 24, cy: 31, rx: 9, ry: 5, class: 'bubble' }), svg('circle', { cx: 16, cy: 29, r: 4, class: 'bubble' }));
    case 'latch': // a baby's head at the breast
      return icon(svg('circle', { cx: 18, cy: 24, r: 13, class: 'bubble alt' }), svg('circle', { cx: 18, cy: 24, r: 4, class: 'ink' }),
        svg('circle', { cx: 35, cy: 27, r: 8, class: 'person' }));
    case 'speech': // two speech bubbles: what people say
      return icon(svg('path', { d: 'M 6 8 H 30 V 24 H 14 L 8 30 V 24 H 6 Z', class: 'bubble' }), svg('path', { d: 'M 20 22 H 42 V 36 H 40 V 42 L 34 36 H 20 Z', class: 'bubble alt' }));
    case 'bottle': // a container of expressed milk
      return icon(svg('rect', { x: 18, y: 6, width: 12, height: 6, rx: 1, class: 'ink' }), svg('rect', { x: 14, y: 12, width: 20, height: 30, rx: 5, class: 'bubble' }),
        svg('rect', { x: 14, y: 24, width: 20, height: 18, rx: 5, class: 'drop' }));
    case 'hands':
      return icon(svg('rect', { x: 12, y: 16, width: 9, height: 20, rx: 4, class: 'person' }), svg('rect', { x: 27, y: 16, width: 9, height: 20, rx: 4, class: 'person' }), svg('path', { d: 'M 24 8 L 24 42', class: 'spine' }));
    default:
      return icon(svg('rect', { x: 19, y: 8, width: 10, height: 32, rx: 2, class: 'cross-plus' }), svg('rect', { x: 8, y: 19, width: 32, height: 10, rx: 2, class: 'cross-plus' }));
  }
}
