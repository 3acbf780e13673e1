// The posyandu report: the programme's tables for the midwife and the puskesmas, with
// the Wilcoxon signed-rank test on milk production and on knowledge, before and after.
// The tables are the core's (`report_tables`), laid out and numbered there, the same
// the dashboard shows; this screen adds the chart and the sentences that read them.
import * as api from '../api';
import { formatDay } from '../dates';
import { h, mount } from '../dom';
import { stackedBars } from '../charts';
import { shareAvailable } from '../share';
import { formatNumber } from '../format';
import { t } from '../i18n';
import type { Nav } from '../nav';

const PERIODS = [1, 3, 6, 12];

/** One of the core's report tables (the same the dashboard shows), scrolling sideways
 *  inside its own box on a narrow phone, never the page. */
function reportTable(table: api.ReportTable): HTMLElement {
  const row = (cells: api.ReportCell[], cls?: string) => h('tr', cls ? { class: cls } : {},
    ...cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell.text) : h('td', cell.number ? { class: 'num' } : {}, cell.text))));
  // Focusable, so a keyboard can scroll it too.
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': table.title },
    h('table', { id: `report-${table.id}`, class: `report-table ${table.kind}` },
      h('thead', {}, h('tr', {}, ...table.header.map((cell) => h('th', { scope: 'col' }, cell)))),
      h('tbody', {}, ...table.rows.map((cells) => row(cells)), ...(table.total ? [row(table.total, 'total')] : []))));
}

function dateText(iso: string): string {
  return formatDay(iso, { day: 'numeric', month: 'long', year: 'numeric' });
}

export async function showReport(nav: Nav, months = 3, posyandu: string | null = null, rw: string | null = null): Promise<void> {
  let view: api.ReportView;
  try {
    view = await api.posyanduReport(months, posyandu, rw);
  } catch (raw) {
    nav.fail(raw, (e) => mount(nav.root, h('p', { class: 'form-error', role: 'alert' }, t(e.code, e.args))));
    return;
  }
  const r = view.report;
  const period = h('select', { id: 'report-months', 'aria-label': t('report-period') },
    ...PERIODS.map((m) => h('option', { value: String(m), selected: m === months }, t('report-last-months', { months: m }))));
  const place = h('select', { id: 'report-posyandu', 'aria-label': t('report-posyandu') },
    h('option', { value: '' }, t('report-all-posyandu')),
    ...view.posyanduNames.map((name) => h('option', { value: name, selected: name === view.posyandu }, name)));
  const rwSelect = h('select', { id: 'report-rw', 'aria-label': t('report-rw') },
    h('option', { value: '' }, t('report-all-rw')),
    ...view.rwNumbers.map((n) => h('option', { value: n, selected: n === view.rw }, t('family-rw', { rw: n }))));
  const reload = () => nav.replace((n) => showReport(n, Number(period.value), place.value || null, rwSelect.value || null));
  for (const select of [period, place, rwSelect]) select.addEventListener('change', reload);
  const exportStatus = h('p', { id: 'export-status', role: 'status', class: 'no-print' });
  const exportAs = async (format: 'csv' | 'xlsx', delivery: api.Delivery = 'save') => {
    exportStatus.textContent = t('report-exporting');
    try {
      const done = await api.exportReport(months, view.posyandu, view.rw, format, delivery);
      exportStatus.textContent = !done ? t('report-export-cancelled')
        : t(delivery === 'share' ? 'report-shared' : 'report-exported', { files: done.files.join(', ') });
    } catch (raw) {
      nav.fail(raw, (e) => (exportStatus.textContent = t(e.code, e.args)));
    }
  };
  const mean = (value: number | null) => (value === null ? '–' : formatNumber(value));
  // What a screen adds to a table: a chart, a sentence that reads it.
  const before: Record<string, Element[]> = {
    'knowledge-test': [h('p', { id: 'report-knowledge-means' }, t('report-knowledge-means', { pre: mean(r.knowledgePreMean), post: mean(r.knowledgePostMean) }))],
    competence: [h('p', { id: 'report-competence-line' }, t('report-competence-line', { assessed: r.assessed, competent: r.competent, percent: mean(r.competentPercent) }))],
    comfort: [h('p', { id: 'report-comfort-line' }, t('report-comfort-line', { ratings: r.comfortRatings, mean: mean(r.comfortMean) }))],
    cadres: r.cadres.length ? [] : [h('p', { id: 'report-cadres-none', class: 'hint' }, t('report-cadres-none'))],
  };
  const after: Record<string, Element[]> = {
    'milk-after': [
      stackedBars('report-milk-chart', [
        { label: t('report-before'), segments: r.milkBefore.map((row) => ({ key: row.key, count: row.count })) },
        { label: t('report-after'), segments: r.milkAfter.map((row) => ({ key: row.key, count: row.count })) },
      ], t('report-milk-chart')),
      h('p', { class: 'legend-row' }, ...r.milkBefore.map((row) => h('span', { class: `legend seg-legend-${row.key}` }, t(`milk-status-${row.key}`)))),
    ],
    competence: [h('p', { id: 'report-critical-failed', class: r.criticalFailed > 0 ? 'not-competent' : '' }, `${t('report-critical-failed')}: ${r.criticalFailed}`)],
  };
  const tables = view.tables.flatMap((table) => [
    h('h2', {}, table.title), ...(before[table.id] ?? []), reportTable(table), ...(after[table.id] ?? []),
  ]);

  mount(nav.root, h('section', { id: 'report', class: 'screen report', 'aria-labelledby': 'report-title' },
    h('h1', { id: 'report-title' }, t('report-title')),
    h('p', { id: 'report-scope' }, t('report-scope', {
      from: dateText(view.from),
      to: dateText(view.to),
      posyandu: view.posyandu ?? t('report-all-posyandu'),
      rw: view.rw ? t('family-rw', { rw: view.rw }) : t('report-all-rw'),
    })),
    h('div', { class: 'report-controls no-print' }, period, place, rwSelect),
    ...tables,
    h('div', { class: 'report-controls no-print' },
      h('button', { type: 'button', id: 'export-xlsx', onclick: () => void exportAs('xlsx') }, t('report-export-xlsx')),
      // A phone cannot save several files through its save dialog: CSV goes by Share.
      shareAvailable() ? null : h('button', { type: 'button', id: 'export-csv', onclick: () => void exportAs('csv') }, t('report-export-csv')),
      // A phone sends the workbook or the tables on (WhatsApp to the midwife, e-mail).
      ...(shareAvailable() ? [
        h('button', { type: 'button', id: 'share-xlsx', onclick: () => void exportAs('xlsx', 'share') }, t('report-share-xlsx')),
        h('button', { type: 'button', id: 'share-csv', onclick: () => void exportAs('csv', 'share') }, t('report-share-csv')),
      ] : [])),
    exportStatus,
    h('button', { type: 'button', id: 'report-print', class: 'big no-print', onclick: () => window.print() }, t('report-print')),
    h('button', { type: 'button', id: 'back-to-families', class: 'big no-print', onclick: () => nav.home() }, t('back-to-families')),
  ));
}
