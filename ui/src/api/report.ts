// The posyandu report and its export.
import { invoke } from '@tauri-apps/api/core';

export interface ReportRow {
  key: string;
  count: number;
  percent: number;
}

export interface RankGroup {
  n: number;
  sum: number;
  mean: number;
}

export interface Wilcoxon {
  pairs: number;
  negative: RankGroup;
  positive: RankGroup;
  ties: number;
  outcome: { z: number; p: number; pExact: number | null; significant: boolean } | null;
}

export interface Report {
  enrolled: number;
  trained: number;
  active: number;
  age: ReportRow[];
  education: ReportRow[];
  parity: ReportRow[];
  milkBefore: ReportRow[];
  milkAfter: ReportRow[];
  milkTest: Wilcoxon;
  knowledgePreMean: number | null;
  knowledgePostMean: number | null;
  knowledgeTest: Wilcoxon;
  assessed: number;
  competent: number;
  competentPercent: number | null;
  /** Fathers whose latest visit scored a required row 0 (pressed on the spine). */
  criticalFailed: number;
  mostFailed: [string, number][];
  comfortRatings: number;
  comfortMean: number | null;
  comfortDistribution: number[];
}

export interface ReportView {
  from: string;
  to: string;
  posyandu: string | null;
  rw: string | null;
  posyanduNames: string[];
  rwNumbers: string[];
  report: Report;
}

export const posyanduReport = (months: number, posyandu: string | null, rw: string | null): Promise<ReportView> =>
  invoke('posyandu_report', { months, posyandu, rw });

export const exportReport = (
  months: number,
  posyandu: string | null,
  rw: string | null,
  format: 'csv' | 'xlsx',
): Promise<{ files: string[] } | null> => invoke('export_report', { months, posyandu, rw, format });
