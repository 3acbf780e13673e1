// The app's state, the language and the family's registration.
import { invoke } from '@tauri-apps/api/core';
import type { Language } from '../i18n';

export interface Family {
  id: string;
  fatherName: string;
  motherName: string;
  babyBirthDate: string;
  babyAgeDays: number;
  posyandu: string | null;
  rw: string | null;
  rt: string | null;
  motherAge: number | null;
  motherEducation: string | null;
  parity: string | null;
}

export type StorageProblemKind = 'read-only' | 'disk-full' | 'damaged' | 'newer-version' | 'other';

export interface StorageProblem {
  problem: StorageProblemKind;
  detail: string;
  dataDir: string;
}

export interface AppState {
  language: string | null;
  family: Family | null;
  /** The mother agreed to the consent text as it reads now (else she is asked again). */
  consentCurrent: boolean;
  storageProblem: StorageProblem | null;
}

export interface FamilyInput {
  fatherName: string;
  motherName: string;
  babyBirthDate: string;
  posyandu: string | null;
  rw: string | null;
  rt: string | null;
  motherAge: string | null;
  motherEducation: string | null;
  parity: string | null;
  consentGiven: boolean;
}

export const getAppState = (): Promise<AppState> => invoke('get_app_state');

export const setLanguage = (language: Language): Promise<void> =>
  invoke('set_language', { language });

export const registerFamily = (input: FamilyInput): Promise<Family> =>
  invoke('register_family', { input });
/** Checks the family's details (nothing saved) before the mother is asked for consent. */
export const checkFamily = (input: FamilyInput): Promise<void> => invoke('check_family', { input });
/** Records the mother's consent to the current consent text for this device's family. */
export const renewConsent = (): Promise<void> => invoke('renew_consent');
