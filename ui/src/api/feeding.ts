// What the baby had yesterday (the recall) and where the family stands.
import { invoke } from '@tauri-apps/api/core';
import type { FeedingStatus, RecallInput } from './types.gen';

/** `null`: the device's own family; an id: a family in cadre mode. */
export const getFeedingStatus = (familyId: string | null): Promise<FeedingStatus> =>
  invoke('get_feeding_status', { familyId });

export const recordFeedingRecall = (familyId: string | null, input: RecallInput): Promise<FeedingStatus> =>
  invoke('record_feeding_recall', { familyId, input });
