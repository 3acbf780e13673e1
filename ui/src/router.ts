// Which screen the app opens on, from what the Rust side reports.
import type { AppState } from './api';

export type Screen = 'language' | 'onboarding' | 'home';

export function screenFor(state: AppState): Screen {
  if (state.language === null) return 'language';
  if (state.family === null) return 'onboarding';
  return 'home';
}
