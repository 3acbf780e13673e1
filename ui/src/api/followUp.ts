// After the massage: the mother's rating, milk status, history, reminders.
import { invoke } from '@tauri-apps/api/core';
import type { Author, FollowUp, History, MilkStatus, MilkStatusView, RatingInput, RatingView, Reminders } from './types.gen';

export type { Author };

export const rateSession = (sessionId: string, author: Author, input: RatingInput): Promise<RatingView> =>
  invoke('rate_session', { sessionId, author, input });

export const correctRating = (sessionId: string, author: Author, input: RatingInput): Promise<RatingView> =>
  invoke('correct_rating', { sessionId, author, input });

export const getHistory = (): Promise<History> => invoke('get_history');

export const recordMilkStatus = (author: Author, status: MilkStatus | null, indicators: string[]): Promise<MilkStatusView> =>
  invoke('record_milk_status', { author, input: { status, indicators } });

export const getFollowUp = (): Promise<FollowUp> => invoke('get_follow_up');

export const setReminders = (enabled: boolean, morning: string, evening: string): Promise<Reminders> =>
  invoke('set_reminders', { enabled, morning, evening });

export const testReminder = (): Promise<void> => invoke('test_reminder');
