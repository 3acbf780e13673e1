// The last 14 days as stacked bars (finished, stopped, missed) against the plan of two.
// Plain SVG built with DOM calls; no chart library.
import { svg } from '../dom';
import type { Day } from '../api';

const BAR = 16;
const GAP = 6;
const UNIT = 28; // height of one session
const TOP = 8;
const LABEL = 16;

/** Bar segments of one day, bottom up: [kind, count]. */
export function segments(day: Day): ['finished' | 'stopped' | 'missed', number][] {
  return (
    [
      ['finished', day.finished],
      ['stopped', day.stopped],
      ['missed', day.missed],
    ] as ['finished' | 'stopped' | 'missed', number][]
  ).filter(([, count]) => count > 0);
}

export function historyChart(days: Day[], label: string): SVGElement {
  const tallest = Math.max(2, ...days.map((d) => d.finished + d.stopped + d.missed));
  const height = TOP + tallest * UNIT + LABEL;
  const width = days.length * (BAR + GAP);
  const chart = svg('svg', { id: 'history-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  const base = TOP + tallest * UNIT;
  days.forEach((day, i) => {
    const x = i * (BAR + GAP) + GAP / 2;
    let y = base;
    for (const [kind, count] of segments(day)) {
      y -= count * UNIT;
      chart.append(svg('rect', { class: `bar bar-${kind}`, x, y: y + 1, width: BAR, height: count * UNIT - 2, rx: 3 }));
    }
    chart.append(svg('text', { class: 'bar-label', x: x + BAR / 2, y: height - 3, 'text-anchor': 'middle' }, day.date.slice(8)));
  });
  const planY = base - 2 * UNIT;
  chart.append(svg('line', { class: 'plan-line', x1: 0, y1: planY, x2: width, y2: planY }));
  return chart;
}
