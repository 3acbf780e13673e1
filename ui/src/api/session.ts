// The guided massage: protocol, consent, safety, the timed passes.
import { Channel, invoke } from '@tauri-apps/api/core';

export type Region = 'c7' | 'paraspinal' | 'whole-back';

export interface Step {
  id: string;
  region: Region | null;
  timed: boolean;
}

export interface MassagePlan {
  passSeconds: number;
  passes: number;
}

export interface Protocol {
  version: string;
  preparation: Step[];
  safetyQuestions: string[];
  /** Danger signs among them: a "yes" means to the midwife or puskesmas now. */
  urgentSafetyQuestions: string[];
  massage: Step[];
  closing: Step[];
  plan: MassagePlan;
  countdownMs: number;
  massageLessonRead: boolean;
}

export type StopReason = 'no-consent' | 'safety' | 'mother-asked' | 'pain' | 'interrupted' | 'other';

export type Phase =
  | { kind: 'preparing' }
  | { kind: 'countdown'; pass: number }
  | { kind: 'pass'; pass: number }
  | { kind: 'closing' }
  | { kind: 'finished' }
  | { kind: 'stopped'; reason: StopReason };

export interface Snapshot {
  phase: Phase;
  paused: boolean;
  passes: number;
  segmentMs: number;
  remainingMs: number;
  progress: number;
  activeMs: number;
}

export type Cue =
  | { type: 'passStarted'; pass: number }
  | { type: 'passHalfway'; pass: number }
  | { type: 'passEnded'; pass: number }
  | { type: 'closingStarted' };

export interface SessionUpdate {
  sessionId: string;
  seq: number;
  snapshot: Snapshot;
  cues: Cue[];
  saveError: string | null;
}

export interface SafetyVerdict {
  safe: boolean;
  flagged: string[];
  /** A danger sign among them: take her to the midwife or puskesmas now. */
  urgent: boolean;
}

export interface Unfinished {
  sessionId: string;
  resumePass: number;
  passes: number;
  minutesAgo: number;
}

export const getProtocol = (): Promise<Protocol> => invoke('get_protocol');

export const setMassagePlan = (plan: MassagePlan): Promise<MassagePlan> =>
  invoke('set_massage_plan', { passSeconds: plan.passSeconds, passes: plan.passes });

export const beginSession = (consentGiven: boolean): Promise<string> =>
  invoke('begin_session', { consentGiven });

export const checkSafety = (sessionId: string, answeredYes: string[]): Promise<SafetyVerdict> =>
  invoke('check_safety', { sessionId, answeredYes });

export const startSession = (
  sessionId: string,
  prepared: string[],
  onUpdate: Channel<SessionUpdate>,
): Promise<SessionUpdate> => invoke('start_session', { sessionId, prepared, onUpdate });

export const pauseSession = (): Promise<SessionUpdate> => invoke('pause_session');
export const resumeSession = (): Promise<SessionUpdate> => invoke('resume_session');
export const finishSession = (): Promise<SessionUpdate> => invoke('finish_session');
export const stopSession = (reason: StopReason): Promise<SessionUpdate> =>
  invoke('stop_session', { reason });

export const watchSession = (onUpdate: Channel<SessionUpdate>): Promise<SessionUpdate | null> =>
  invoke('watch_session', { onUpdate });

export const getUnfinishedSession = (): Promise<Unfinished | null> => invoke('get_unfinished_session');

export const resumeUnfinishedSession = (
  sessionId: string,
  onUpdate: Channel<SessionUpdate>,
): Promise<SessionUpdate> => invoke('resume_unfinished_session', { sessionId, onUpdate });

export const abandonUnfinishedSession = (sessionId: string): Promise<void> =>
  invoke('abandon_unfinished_session', { sessionId });
