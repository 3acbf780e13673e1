// After the massage: the mother's rating, milk status, history, reminders.
import { invoke } from '@tauri-apps/api/core';
import type { StopReason } from './session';

export type Author = 'mother' | 'father' | 'cadre';
export type MilkFlow = 'none' | 'drips' | 'sprays';
export type MilkStatus = 'lancar' | 'tidak-lancar' | 'tidak-ada';

export interface RatingInput {
  skipped: boolean;
  comfort: number | null;
  painBefore: number | null;
  painAfter: number | null;
  milkFlow: MilkFlow | null;
  note: string | null;
}

export interface Rating {
  skipped: boolean;
  comfort: number | null;
  painBefore: number | null;
  painAfter: number | null;
  milkFlow: MilkFlow | null;
  note: string | null;
}

export interface RatingView {
  sessionId: string;
  version: number;
  answeredBy: Author;
  rating: Rating;
}

export interface Day {
  date: string;
  finished: number;
  stopped: number;
  missed: number;
}

export interface SessionView {
  id: string;
  at: string;
  outcome: 'finished' | 'stopped' | 'not-started';
  stopReason: StopReason | null;
  rating: Rating | null;
}

export interface WeekFeedback {
  finished: number;
  planned: number;
  tone: 'start' | 'keep-going' | 'great';
  lastComfort: number | null;
  lastMilkFlow: MilkFlow | null;
}

export interface History {
  days: Day[];
  sessions: SessionView[];
  feedback: WeekFeedback;
}

export interface Reminders {
  enabled: boolean;
  morning: string;
  evening: string;
  nextAt: string | null;
  nextSlot: 'morning' | 'evening' | null;
}

export interface MilkStatusView {
  recordedOn: string;
  status: MilkStatus;
  recordedBy: Author;
}

export interface FollowUp {
  milkStatusDue: boolean;
  lastMilkStatus: MilkStatusView | null;
  reminders: Reminders;
}

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
