// One typed function per Tauri command.
import { invoke } from '@tauri-apps/api/core';
import type { Language } from './i18n';

export interface Family {
  id: string;
  fatherName: string;
  motherName: string;
  babyBirthDate: string;
  babyAgeDays: number;
  posyandu: string | null;
  rw: string | null;
  rt: string | null;
}

export interface AppState {
  language: string | null;
  family: Family | null;
}

export interface FamilyInput {
  fatherName: string;
  motherName: string;
  babyBirthDate: string;
  posyandu: string | null;
  rw: string | null;
  rt: string | null;
  consentGiven: boolean;
}

export const getAppState = (): Promise<AppState> => invoke('get_app_state');

export const setLanguage = (language: Language): Promise<void> =>
  invoke('set_language', { language });

export const registerFamily = (input: FamilyInput): Promise<Family> =>
  invoke('register_family', { input });
