// Numbers as people read them in the chosen language: Indonesian uses a decimal comma.
import { currentLanguage } from './i18n';

/** `value` with at most `digits` decimals, in the current language's style. */
export function formatNumber(value: number, digits = 1, language: string = currentLanguage()): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A p-value: three decimals, and "< 0.001" below that (the papers print 0.000). */
export function formatP(p: number, language: string = currentLanguage()): string {
  return p < 0.001 ? `< ${formatNumber(0.001, 3, language)}` : formatNumber(p, 3, language);
}
