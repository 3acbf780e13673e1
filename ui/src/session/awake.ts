// Keeps the screen on during a session where the webview offers the Screen Wake Lock
// API (Android's WebView, recent iOS). On desktop the Rust side does it (platform.rs).

let lock: WakeLockSentinel | null = null;

export async function keepAwake(on: boolean): Promise<void> {
  try {
    if (on && !lock && 'wakeLock' in navigator) {
      lock = await navigator.wakeLock.request('screen');
      lock.addEventListener('release', () => (lock = null));
    } else if (!on && lock) {
      await lock.release();
      lock = null;
    }
  } catch {
    // Refused (e.g. the page is hidden): the desktop inhibitor still holds.
  }
}

/** A wake lock is dropped when the page is hidden; take it again when it is shown. */
export function rearmOnVisible(isActive: () => boolean): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && isActive()) void keepAwake(true);
  });
}
