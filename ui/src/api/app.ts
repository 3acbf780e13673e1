// The app's state, the language and the family's registration.
import { invoke } from '@tauri-apps/api/core';
import type { Language } from '../i18n';
import type { AppState, Family, FamilyInput } from './types.gen';

export const getAppState = (): Promise<AppState> => invoke('get_app_state');

export const setLanguage = (language: Language): Promise<void> =>
  invoke('set_language', { language });

export const registerFamily = (input: FamilyInput): Promise<Family> =>
  invoke('register_family', { input });
/** Checks the family's details (nothing saved) before the mother is asked for consent. */
export const checkFamily = (input: FamilyInput): Promise<void> => invoke('check_family', { input });
/** Records the mother's consent to the current consent text for this device's family. */
/** The mother agrees to the current text: this device's family, or (cadre mode) one of hers. */
export const renewConsent = (familyId: string | null = null): Promise<void> => invoke('renew_consent', { familyId });
