// How times read on the guided screen.
import { PASS_SECONDS } from '../api/values.gen';

/** Milliseconds left as m:ss, rounded up so that 0:00 shows only at the very end. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Pass length in minutes as the settings show it (2.5, 3). */
export function minutesOf(seconds: number): number {
  return Math.round((seconds / 60) * 10) / 10;
}

/** The pass lengths offered in the settings, in seconds: the plan's range by half minutes. */
export const PASS_LENGTHS: number[] = Array.from(
  { length: (PASS_SECONDS.max - PASS_SECONDS.min) / 30 + 1 },
  (_, i) => PASS_SECONDS.min + i * 30,
);
