// The posyandu report: the programme's tables for the midwife and the puskesmas, with
// the Wilcoxon signed-rank test on milk production and on knowledge, before and after.
import * as api from '../api';
import { formatDay } from '../dates';
import { h, mount } from '../dom';
import { stackedBars } from '../charts';
import { formatNumber, formatP } from '../format';
import { checklistText } from '../checklist';
import { t } from '../i18n';
import type { Nav } from '../nav';

const PERIODS = [1, 3, 6, 12];

/** A table that scrolls sideways inside its own box on a narrow phone, never the page. */
function table(id: string, head: string[], rows: (string | number)[][]): HTMLElement {
  // Focusable, so a keyboard can scroll it too.
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': head.filter(Boolean).join(' · ') }, h('table', { id, class: 'report-table' },
    h('thead', {}, h('tr', {}, ...head.map((cell) => h('th', {}, cell)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell, i) => (i === 0 ? h('th', {}, String(cell)) : h('td', {}, String(cell)))))))));
}

function frequencyTable(id: string, prefix: string, rows: api.ReportRow[]): HTMLElement {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return table(id, [t('report-category'), t('report-frequency'), t('report-percent')], [
    ...rows.map((r) => [t(`${prefix}-${r.key}`), r.count, formatNumber(r.percent)]),
    [t('report-total'), total, total ? formatNumber(100) : '0'],
  ]);
}

/** The SPSS-style ranks table, then Z and p with a reading in plain words. */
function wilcoxonBlock(id: string, test: api.Wilcoxon): HTMLElement {
  const group = (label: string, g: api.RankGroup) => [label, g.n, g.n ? formatNumber(g.mean, 2) : '–', formatNumber(g.sum, 1)];
  const ranks = table(`${id}-ranks`, ['', 'N', t('report-mean-rank'), t('report-sum-ranks')], [
    group(t('report-negative-ranks'), test.negative),
    group(t('report-positive-ranks'), test.positive),
    [t('report-ties'), test.ties, '', ''],
    [t('report-total'), test.pairs, '', ''],
  ]);
  const outcome = test.outcome;
  const result = outcome
    ? [
        h('p', { class: 'stat' }, `Z = ${formatNumber(outcome.z, 3)} · ${formatP(outcome.p)}`,
          outcome.pExact !== null ? ` · ${formatP(outcome.pExact, t('report-exact-p'))}` : ''),
        h('p', { class: outcome.significant ? 'reading significant' : 'reading' }, t(outcome.significant ? 'report-significant' : 'report-not-significant')),
      ]
    : [h('p', { class: 'reading' }, t('report-too-few-pairs'))];
  return h('div', { id, class: 'wilcoxon' }, ranks, ...result);
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
  const exportAs = async (format: 'csv' | 'xlsx') => {
    exportStatus.textContent = t('report-exporting');
    try {
      const done = await api.exportReport(months, view.posyandu, view.rw, format);
      exportStatus.textContent = done ? t('report-exported', { files: done.files.join(', ') }) : t('report-export-cancelled');
    } catch (raw) {
      nav.fail(raw, (e) => (exportStatus.textContent = t(e.code, e.args)));
    }
  };
  const failed = r.mostFailed.slice(0, 3).map(([row, fathers]) => [checklistText(row, null), fathers]);
  const comfortRows = r.comfortDistribution.map((count, i) => [t(`comfort-${i + 1}`), count]);

  mount(nav.root, h('section', { id: 'report', class: 'screen report', 'aria-labelledby': 'report-title' },
    h('h1', { id: 'report-title' }, t('report-title')),
    h('p', { id: 'report-scope' }, t('report-scope', {
      from: dateText(view.from),
      to: dateText(view.to),
      posyandu: view.posyandu ?? t('report-all-posyandu'),
      rw: view.rw ? t('family-rw', { rw: view.rw }) : t('report-all-rw'),
    })),
    h('div', { class: 'report-controls no-print' }, period, place, rwSelect),
    h('h2', {}, t('report-participants')),
    table('report-participants', [t('report-category'), t('report-frequency')], [
      [t('report-enrolled'), r.enrolled], [t('report-pregnant'), r.pregnant], [t('report-trained'), r.trained],
      [t('report-post-tested'), r.postTested], [t('report-active'), r.active],
    ]),
    h('h2', {}, t('report-characteristics')),
    frequencyTable('report-age', 'age', r.age),
    frequencyTable('report-education', 'education', r.education),
    frequencyTable('report-parity', 'parity', r.parity),
    h('h2', {}, t('report-milk-before')),
    frequencyTable('report-milk-before', 'milk-status', r.milkBefore),
    h('h2', {}, t('report-milk-after')),
    frequencyTable('report-milk-after', 'milk-status', r.milkAfter),
    stackedBars('report-milk-chart', [
      { label: t('report-before'), segments: r.milkBefore.map((row) => ({ key: row.key, count: row.count })) },
      { label: t('report-after'), segments: r.milkAfter.map((row) => ({ key: row.key, count: row.count })) },
    ], t('report-milk-chart')),
    h('p', { class: 'legend-row' }, ...r.milkBefore.map((row) => h('span', { class: `legend seg-legend-${row.key}` }, t(`milk-status-${row.key}`)))),
    h('h2', {}, t('report-milk-test')),
    wilcoxonBlock('report-milk-test', r.milkTest),
    h('h2', {}, t('report-knowledge')),
    h('p', { id: 'report-knowledge-means' }, t('report-knowledge-means', {
      pre: r.knowledgePreMean === null ? '–' : formatNumber(r.knowledgePreMean),
      post: r.knowledgePostMean === null ? '–' : formatNumber(r.knowledgePostMean),
    })),
    wilcoxonBlock('report-knowledge-test', r.knowledgeTest),
    h('h2', {}, t('report-competence')),
    h('p', { id: 'report-competence' }, t('report-competence-line', {
      assessed: r.assessed, competent: r.competent, percent: r.competentPercent === null ? '–' : formatNumber(r.competentPercent),
    })),
    h('p', { id: 'report-critical-failed', class: r.criticalFailed > 0 ? 'not-competent' : '' }, `${t('report-critical-failed')}: ${r.criticalFailed}`),
    failed.length ? table('report-failed', [t('report-failed-row'), t('report-fathers')], failed) : null,
    h('h2', {}, t('report-sheet-given-by')),
    frequencyTable('report-given-by', 'given-by', r.givenBy),
    h('h2', {}, t('report-cadres')),
    r.cadres.length
      ? table('report-cadres', [t('report-cadre'), t('report-pre'), t('report-post')], [
        ...r.cadres.map((c) => [c.name, c.pre ?? '–', c.post ?? '–']),
        [t('report-cadres-counselled'), r.cadresCounselled, ''],
        [t('report-mean'), r.cadrePreMean === null ? '–' : formatNumber(r.cadrePreMean), r.cadrePostMean === null ? '–' : formatNumber(r.cadrePostMean)],
      ])
      : h('p', { id: 'report-cadres-none', class: 'hint' }, t('report-cadres-none')),
    h('h2', {}, t('report-comfort')),
    h('p', { id: 'report-comfort' }, t('report-comfort-line', { ratings: r.comfortRatings, mean: r.comfortMean === null ? '–' : formatNumber(r.comfortMean) })),
    table('report-comfort-table', [t('report-category'), t('report-frequency')], comfortRows),
    h('div', { class: 'report-controls no-print' },
      h('button', { type: 'button', id: 'export-xlsx', onclick: () => void exportAs('xlsx') }, t('report-export-xlsx')),
      h('button', { type: 'button', id: 'export-csv', onclick: () => void exportAs('csv') }, t('report-export-csv'))),
    exportStatus,
    h('button', { type: 'button', id: 'report-print', class: 'big no-print', onclick: () => window.print() }, t('report-print')),
    h('button', { type: 'button', id: 'back-to-families', class: 'big no-print', onclick: () => nav.home() }, t('back-to-families')),
  ));
}
