// Small SVG charts for the reports, drawn with DOM calls (no library, no HTML strings).
import { svg } from './dom';

export interface Segment {
  key: string;
  count: number;
}

/** Each segment's start and width as shares (0-1) of the bar's total. */
export function stack(segments: Segment[]): { key: string; start: number; width: number }[] {
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  let start = 0;
  return segments
    .filter((s) => s.count > 0)
    .map((s) => {
      const width = total ? s.count / total : 0;
      const part = { key: s.key, start, width };
      start += width;
      return part;
    });
}

/** Horizontal 100 % bars, one per labelled row, segments coloured by key. */
export function stackedBars(id: string, rows: { label: string; segments: Segment[] }[], ariaLabel: string): SVGElement {
  const width = 300;
  const labelWidth = 70;
  const barHeight = 26;
  const chart = svg('svg', { id, viewBox: `0 0 ${width} ${rows.length * (barHeight + 10)}`, role: 'img', 'aria-label': ariaLabel, class: 'chart' });
  rows.forEach((row, i) => {
    const y = i * (barHeight + 10);
    chart.append(svg('text', { x: 0, y: y + barHeight / 2 + 4, class: 'chart-label' }, row.label));
    for (const part of stack(row.segments)) {
      chart.append(svg('rect', {
        x: labelWidth + part.start * (width - labelWidth),
        y,
        width: Math.max(0, part.width * (width - labelWidth) - 1),
        height: barHeight,
        class: `seg seg-${part.key}`,
      }));
    }
  });
  return chart;
}

/** Vertical bars with a label under each and an optional dashed target line. */
export function columns(id: string, bars: { label: string; value: number; target?: number }[], max: number, ariaLabel: string, targetLine?: number): SVGElement {
  const barWidth = 24;
  const gap = 10;
  const height = 110;
  const labelHeight = 16;
  const width = Math.max(1, bars.length) * (barWidth + gap);
  const scale = (value: number) => (max > 0 ? (Math.min(value, max) / max) * (height - 14) : 0);
  const chart = svg('svg', { id, viewBox: `0 0 ${width} ${height + labelHeight}`, role: 'img', 'aria-label': ariaLabel, class: 'chart' });
  bars.forEach((bar, i) => {
    const x = i * (barWidth + gap) + gap / 2;
    if (bar.target !== undefined) {
      chart.append(svg('rect', { x, y: height - scale(bar.target), width: barWidth, height: scale(bar.target), class: 'col-target' }));
    }
    chart.append(svg('rect', { x, y: height - scale(bar.value), width: barWidth, height: scale(bar.value), class: 'col' }));
    chart.append(svg('text', { x: x + barWidth / 2, y: height - scale(bar.value) - 3, 'text-anchor': 'middle', class: 'chart-value' }, String(bar.value)));
    chart.append(svg('text', { x: x + barWidth / 2, y: height + labelHeight - 3, 'text-anchor': 'middle', class: 'chart-label' }, bar.label));
  });
  if (targetLine !== undefined) {
    const y = height - scale(targetLine);
    chart.append(svg('line', { x1: 0, y1: y, x2: width, y2: y, class: 'target-line' }));
  }
  return chart;
}
