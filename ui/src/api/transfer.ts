// Correcting a family, and moving records between devices as bundle files.
import { invoke } from '@tauri-apps/api/core';
import type { Conflict, Delivery, Family, FamilyInput, ImportPreview, ImportResult, TransferOverview } from './types.gen';

export const updateFamily = (familyId: string, input: FamilyInput): Promise<Family> =>
  invoke('update_family', { familyId, input });

export const transferOverview = (familyId: string | null, all: boolean): Promise<TransferOverview> =>
  invoke('transfer_overview', { familyId, all });

export const exportBundle = (
  familyId: string | null,
  all: boolean,
  sinceLast: boolean,
  delivery: Delivery = 'save',
): Promise<{ file: string; records: number } | null> => invoke('export_bundle', { familyId, all, sinceLast, delivery });

export const previewImport = (): Promise<ImportPreview | null> => invoke('preview_import');

/** Applies the file the last preview showed (kept on the Rust side), named by its hash. */
export const applyImport = (fileSha256: string): Promise<ImportResult> =>
  invoke('apply_import', { fileSha256 });

export const listConflicts = (): Promise<Conflict[]> => invoke('list_conflicts');

export const resolveConflict = (conflictId: string, takeIncoming: boolean): Promise<number> =>
  invoke('resolve_conflict', { conflictId, takeIncoming });
