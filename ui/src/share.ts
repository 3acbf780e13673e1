// Whether this device can hand a file to the system's share sheet (a phone's: WhatsApp,
// Bluetooth, e-mail), as the Rust side says at start. Export screens then offer "send"
// beside "save"; a computer keeps the save dialog only.
let available = false;

export function setShareAvailable(value: boolean): void {
  available = value;
}

export function shareAvailable(): boolean {
  return available;
}
