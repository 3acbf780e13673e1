// How a daftar tilik row reads: the duration and repetition rows read the family's own
// plan ("2,5 menit", "3 kali"); where no single plan applies (reports), a general text.
import { PLAN_ROWS, type MassagePlan } from './api';
import { formatNumber } from './format';
import { currentLanguage, translate, type Language } from './i18n';
import { minutesOf } from './session/format';


/** The text of row `rowId`, filled in from `plan` when there is one. */
export function checklistText(rowId: string, plan: MassagePlan | null, language: Language = currentLanguage()): string {
  if (!PLAN_ROWS.includes(rowId)) return translate(language, `checklist-${rowId}`);
  if (!plan) return translate(language, `checklist-${rowId}-any-plan`);
  const minutes = formatNumber(minutesOf(plan.passSeconds), 1, language);
  return translate(language, `checklist-${rowId}`, { minutes, passes: plan.passes });
}
