// The guided massage: protocol, consent, safety, the timed passes.
import { Channel, invoke } from '@tauri-apps/api/core';
import type { Giver, MassagePlan, Protocol, SafetyVerdict, SessionUpdate, SpeechStatus, StopReason, Unfinished } from './types.gen';

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
  givenBy: Giver,
  onUpdate: Channel<SessionUpdate>,
): Promise<SessionUpdate> => invoke('start_session', { sessionId, prepared, givenBy, onUpdate });

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

/** Whether the steps are spoken, and whether this device has a voice for the language. */
export const getSpeechStatus = (): Promise<SpeechStatus> => invoke('get_speech_status');

export const setSpeech = (enabled: boolean): Promise<void> => invoke('set_speech', { enabled });
