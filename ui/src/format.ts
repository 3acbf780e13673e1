// Numbers as people read them in the chosen language: Indonesian uses a decimal comma.
import { currentLanguage } from './i18n';

/** `value` with at most `digits` decimals, in the current language's style. */
export function formatNumber(value: number, digits = 1, language: string = currentLanguage()): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/**
 * A p-value as the programme's papers print it: "p = 0,035", or "p < 0,001" below that
 * (never "p = < 0,001"). `name` is the symbol shown ("p", or "p eksak").
 */
export function formatP(p: number, name = 'p', language: string = currentLanguage()): string {
  return p < 0.001 ? `${name} < ${formatNumber(0.001, 3, language)}` : `${name} = ${formatNumber(p, 3, language)}`;
}
