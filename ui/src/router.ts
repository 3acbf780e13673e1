// Which screen the app opens on, from what the Rust side reports.
import type { AppState } from './api';

export type Screen = 'problem' | 'language' | 'onboarding' | 'consent' | 'home';

export function screenFor(state: AppState): Screen {
  if (state.storageProblem) return 'problem';
  if (state.language === null) return 'language';
  if (state.family === null) return 'onboarding';
  if (!state.consentCurrent) return 'consent';
  return 'home';
}
