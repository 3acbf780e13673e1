// Syncing with the puskesmas server: pairing, status, "Sinkronkan sekarang", and a code
// for a family's phone.
import { Channel, invoke } from '@tauri-apps/api/core';
import type { FamilyServerCode, ServerStatus, SyncProgress, SyncResult } from './types.gen';

export const getServerStatus = (): Promise<ServerStatus> => invoke('get_server_status');
export const pairServer = (address: string, code: string): Promise<ServerStatus> =>
  invoke('pair_server', { address, code });
export const unpairServer = (): Promise<ServerStatus> => invoke('unpair_server');
export const syncNow = (onProgress: Channel<SyncProgress>): Promise<SyncResult> => invoke('sync_now', { onProgress });
export const makeFamilyServerCode = (familyId: string): Promise<FamilyServerCode> =>
  invoke('make_family_server_code', { familyId });
