// Correcting a family, and moving records between devices as bundle files.
import { invoke } from '@tauri-apps/api/core';
import type { Family, FamilyInput } from './app';

export const updateFamily = (familyId: string, input: FamilyInput): Promise<Family> =>
  invoke('update_family', { familyId, input });

export interface TransferOverview {
  lastExport: string | null;
  records: number;
  recordsSinceLast: number | null;
  openConflicts: number;
}

export type Decision = 'new' | 'known' | 'updated' | 'older' | 'conflict' | 'deleted' | 'held';

export interface TallyRow {
  table: string;
  decision: Decision;
  count: number;
}

export interface FamilyName {
  id: string;
  fatherName: string;
  motherName: string;
}

export interface ImportPreview {
  path: string;
  fileSha256: string;
  createdAt: string;
  families: FamilyName[];
  firstDay: string | null;
  lastDay: string | null;
  tally: TallyRow[];
  changes: number;
}

export interface ImportResult {
  changes: number;
  tally: TallyRow[];
  openConflicts: number;
}

export interface FieldDifference {
  field: string;
  local: string | number | null;
  incoming: string | number | null;
}

export interface Conflict {
  id: string;
  table: string;
  recordId: string;
  familyId: string | null;
  incomingDevice: string;
  foundAt: string;
  differences: FieldDifference[];
  family: FamilyName | null;
}

export const transferOverview = (familyId: string | null, all: boolean): Promise<TransferOverview> =>
  invoke('transfer_overview', { familyId, all });

export const exportBundle = (
  familyId: string | null,
  all: boolean,
  sinceLast: boolean,
): Promise<{ file: string; records: number } | null> => invoke('export_bundle', { familyId, all, sinceLast });

export const previewImport = (): Promise<ImportPreview | null> => invoke('preview_import');

/** Applies the file the last preview showed (kept on the Rust side), named by its hash. */
export const applyImport = (fileSha256: string): Promise<ImportResult> =>
  invoke('apply_import', { fileSha256 });

export const listConflicts = (): Promise<Conflict[]> => invoke('list_conflicts');

export const resolveConflict = (conflictId: string, takeIncoming: boolean): Promise<number> =>
  invoke('resolve_conflict', { conflictId, takeIncoming });
