// Sound and vibration cues, so the father never has to look or touch: a rising pair of
// tones when a pass starts, one tone halfway, a falling pair when it ends.
import type { Cue } from '../api';

type Tone = [frequencyHz: number, startS: number, lengthS: number];

/** Only these moments sound; the others (start, pause, …) are shown, not heard. */
const TONES: Partial<Record<Cue['type'], Tone[]>> = {
  passStarted: [[523, 0, 0.18], [784, 0.22, 0.3]],
  passHalfway: [[659, 0, 0.25]],
  passEnded: [[784, 0, 0.18], [523, 0.22, 0.4]],
  closingStarted: [[523, 0, 0.15], [659, 0.18, 0.15], [784, 0.36, 0.4]],
};

const VIBRATION: Partial<Record<Cue['type'], number[]>> = {
  passStarted: [200, 100, 200],
  passHalfway: [150],
  passEnded: [400],
  closingStarted: [200, 100, 200, 100, 400],
};

let audio: AudioContext | null = null;

/** Call from a user gesture (a tap) so the browser lets the page play sound later. */
export function unlockAudio(): void {
  if (!audio && typeof AudioContext !== 'undefined') audio = new AudioContext();
  void audio?.resume();
}

export function playCue(cue: Cue): void {
  const vibration = VIBRATION[cue.type];
  if (vibration) navigator.vibrate?.(vibration);
  if (!audio) return;
  const now = audio.currentTime;
  for (const [frequency, start, length] of TONES[cue.type] ?? []) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, now + start);
    gain.gain.exponentialRampToValueAtTime(0.4, now + start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + start + length);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(now + start);
    oscillator.stop(now + start + length + 0.05);
  }
}
