// Which screen the app opens on, from what the Rust side reports.
import type { AppState } from './api';

export type Screen = 'problem' | 'language' | 'onboarding' | 'home';

export function screenFor(state: AppState): Screen {
  if (state.storageProblem) return 'problem';
  if (state.language === null) return 'language';
  if (state.family === null) return 'onboarding';
  return 'home';
}
