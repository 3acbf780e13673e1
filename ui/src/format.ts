// Numbers as people read them in the chosen language: Indonesian uses a decimal comma.
import { currentLanguage } from './i18n';

/** `value` with at most `digits` decimals, in the current language's style. */
export function formatNumber(value: number, digits = 1, language: string = currentLanguage()): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}
