// The posyandu report and its export.
import { invoke } from '@tauri-apps/api/core';
import type { ReportView } from './types.gen';

export const posyanduReport = (months: number, posyandu: string | null, rw: string | null): Promise<ReportView> =>
  invoke('posyandu_report', { months, posyandu, rw });

export const exportReport = (
  months: number,
  posyandu: string | null,
  rw: string | null,
  format: 'csv' | 'xlsx',
): Promise<{ files: string[] } | null> => invoke('export_report', { months, posyandu, rw, format });
