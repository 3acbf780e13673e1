// The posyandu report and its export.
import { invoke } from '@tauri-apps/api/core';
import type { Delivery, ReportFormat, ReportView } from './types.gen';

export const posyanduReport = (months: number, posyandu: string | null, rw: string | null): Promise<ReportView> =>
  invoke('posyandu_report', { months, posyandu, rw });

export const exportReport = (
  months: number,
  posyandu: string | null,
  rw: string | null,
  format: ReportFormat,
  delivery: Delivery = 'save',
): Promise<{ files: string[] } | null> => invoke('export_report', { months, posyandu, rw, format, delivery });
