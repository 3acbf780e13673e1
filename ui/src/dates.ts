// Calendar dates as the app exchanges them: local YYYY-MM-DD strings.

/** `date` as YYYY-MM-DD in the device's own time zone (not UTC). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The same day `years` years earlier (29 Feb falls back to 28 Feb). */
export function yearsBefore(date: Date, years: number): Date {
  const earlier = new Date(date.getFullYear() - years, date.getMonth(), date.getDate());
  if (earlier.getMonth() !== date.getMonth()) earlier.setDate(0);
  return earlier;
}
