// Calendar dates as the app exchanges them: YYYY-MM-DD strings.
import { currentLanguage } from './i18n';

/** The months of the year, by number, with their Fluent ids. */
export const MONTHS: { value: number; label: string }[] = [
  { value: 1, label: 'month-january' },
  { value: 2, label: 'month-february' },
  { value: 3, label: 'month-march' },
  { value: 4, label: 'month-april' },
  { value: 5, label: 'month-may' },
  { value: 6, label: 'month-june' },
  { value: 7, label: 'month-july' },
  { value: 8, label: 'month-august' },
  { value: 9, label: 'month-september' },
  { value: 10, label: 'month-october' },
  { value: 11, label: 'month-november' },
  { value: 12, label: 'month-december' },
];

/**
 * Joins day, month and year as typed into YYYY-MM-DD. An empty day gives "" (the
 * field is required); anything else goes to the Rust side, which judges validity.
 */
export function composeDate(day: string, month: string, year: string): string {
  const trimmed = day.trim();
  if (trimmed === '') return '';
  const two = (text: string) => (/^\d$/.test(text) ? `0${text}` : text);
  return `${year}-${two(month)}-${two(trimmed)}`;
}

/**
 * A YYYY-MM-DD date (or the first ten characters of a longer time) as that calendar day
 * in the app's language, e.g. `{ day: 'numeric', month: 'long' }` → "22 November".
 */
export function formatDay(iso: string, options: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(currentLanguage(), options).format(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

/** The device's local calendar day of `date` as YYYY-MM-DD (not the UTC day). */
export function localDay(date: Date): string {
  return composeDate(String(date.getDate()), String(date.getMonth() + 1), String(date.getFullYear()));
}

/** A moment (RFC 3339) as date and time in the app's language; the text itself if unreadable. */
export function formatDateTime(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(when);
}
