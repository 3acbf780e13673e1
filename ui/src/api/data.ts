// The data itself: the database that cannot be opened, backups, a family's own data.
import { invoke } from '@tauri-apps/api/core';
import type { BackupInfo, DataFormat, DeletedData, Delivery } from './types.gen';

export const retryStorage = (): Promise<void> => invoke('retry_storage');
export const startFreshStorage = (): Promise<string> => invoke('start_fresh_storage');
/** Saves a copy of a database that cannot be opened; where it shows a cadre, her PIN. */
export const saveDataCopy = (pin: string | null = null): Promise<string | null> => invoke('save_data_copy', { pin });

export const listBackups = (): Promise<BackupInfo[]> => invoke('list_backups');
export const makeBackup = (): Promise<BackupInfo[]> => invoke('make_backup');
export const restoreBackup = (file: string): Promise<void> => invoke('restore_backup', { file });

export const exportMyData = (
  familyId: string | null,
  format: DataFormat,
  delivery: Delivery = 'save',
): Promise<{ files: string[]; records: number } | null> => invoke('export_my_data', { familyId, format, delivery });
/** Deletes the family's data here; on its paired phone, the server is asked to erase it too. */
export const deleteMyData = (familyId: string | null): Promise<DeletedData> => invoke('delete_my_data', { familyId });
/** The cadre removes a family from her phone (after her PIN), and at the mother's request
 * also from the server. */
export const removeFamily = (familyId: string, pin: string, fromServer: boolean): Promise<DeletedData> =>
  invoke('remove_family', { familyId, pin, fromServer });
