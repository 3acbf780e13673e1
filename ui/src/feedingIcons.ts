// Pictures of what a baby may have had yesterday, so a mother finds it without reading:
// simple shapes, drawn with the one SVG helper, decorative (the button says it in words).
import { svg } from './dom';
import type { FoodItem } from './api';

function icon(...parts: SVGElement[]): SVGElement {
  const picture = svg('svg', { viewBox: '0 0 48 48', class: 'icon food-icon', 'aria-hidden': 'true', focusable: 'false' });
  picture.append(...parts);
  return picture;
}

const line = { fill: 'none', stroke: 'currentColor', 'stroke-width': 2.5, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' };

export function foodIcon(item: FoodItem): SVGElement {
  switch (item) {
    case 'breast-milk': // a drop of milk
      return icon(svg('path', { ...line, d: 'M24 6 C18 16 12 22 12 30 a12 12 0 0 0 24 0 C36 22 30 16 24 6 Z' }));
    case 'water': // a glass of water
      return icon(svg('path', { ...line, d: 'M13 8 h22 l-3 32 h-16 Z' }), svg('path', { ...line, d: 'M15 20 h18' }));
    case 'formula': // a feeding bottle
      return icon(svg('path', { ...line, d: 'M20 6 h8 v5 h-8 Z M17 14 h14 v26 a3 3 0 0 1 -3 3 h-8 a3 3 0 0 1 -3 -3 Z' }), svg('path', { ...line, d: 'M17 24 h6 M17 31 h6' }));
    case 'other-milk': // a carton
      return icon(svg('path', { ...line, d: 'M15 16 l5 -8 h8 l5 8 v26 h-18 Z M15 16 h18' }));
    case 'sweet-drink': // a cup with a straw
      return icon(svg('path', { ...line, d: 'M12 16 h24 l-3 26 h-18 Z' }), svg('path', { ...line, d: 'M26 16 l4 -10 h6' }));
    case 'food': // a bowl with a spoon
      return icon(svg('path', { ...line, d: 'M8 24 h32 a16 14 0 0 1 -32 0 Z' }), svg('path', { ...line, d: 'M30 20 l8 -12' }));
    case 'honey': // a jar with a dipper
      return icon(svg('path', { ...line, d: 'M14 18 h20 v22 a3 3 0 0 1 -3 3 h-14 a3 3 0 0 1 -3 -3 Z M16 12 h16 v6 h-16 Z' }), svg('path', { ...line, d: 'M19 30 h10' }));
    case 'medicine': // a capsule
      return icon(svg('rect', { ...line, x: 8, y: 18, width: 32, height: 12, rx: 6, transform: 'rotate(-35 24 24)' }), svg('path', { ...line, d: 'M21 29 l6 -10' }));
  }
}
