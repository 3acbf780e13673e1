// A calendar date as day, month and year in the app's language. (WebKit's own date
// input follows the system locale's order, which need not be the user's.)
import { composeDate, MONTHS } from './dates';
import { h } from './dom';
import { t } from './i18n';

export interface DateParts {
  day: HTMLInputElement;
  month: HTMLSelectElement;
  year: HTMLSelectElement;
  /** Offers these years, keeping the chosen one when it is among them. */
  setYears(years: number[]): void;
  /** YYYY-MM-DD as typed ("" while the day is empty); the Rust side judges validity. */
  value(): string;
}

/** Fields `${prefix}Day`, `${prefix}Month`, `${prefix}Year`, starting at `initial` (YYYY-MM-DD). */
export function dateParts(prefix: string, initial: string | null, today: Date, describedBy: string): DateParts {
  const [initialYear, initialMonth, initialDay] = (initial ?? '').split('-').map(Number);
  const day = h('input', {
    id: `${prefix}Day`,
    type: 'text',
    inputmode: 'numeric',
    maxlength: 2,
    autocomplete: 'off',
    'aria-label': t('date-day'),
    'aria-describedby': describedBy,
    value: initialDay ? String(initialDay) : undefined,
  });
  const month = h(
    'select',
    { id: `${prefix}Month`, 'aria-label': t('date-month') },
    ...MONTHS.map(({ value, label }) =>
      h('option', { value: String(value), selected: value === (initialMonth || today.getMonth() + 1) }, t(label)),
    ),
  );
  const year = h('select', { id: `${prefix}Year`, 'aria-label': t('date-year') });
  const setYears = (years: number[]) => {
    const chosen = Number(year.value) || initialYear || today.getFullYear();
    year.replaceChildren(...years.map((y) => h('option', { value: String(y), selected: y === chosen }, String(y))));
  };
  return { day, month, year, setYears, value: () => composeDate(day.value, month.value, year.value) };
}
