import { expect, test } from 'vitest';
import { checklistText } from './checklist';

test("the duration and repetition rows read the family's own plan", () => {
  expect(checklistText('duration', { passSeconds: 150, passes: 3 }, 'id')).toBe('Setiap kali pijat 2,5 menit, sesuai rencana keluarga');
  expect(checklistText('repetitions', { passSeconds: 120, passes: 4 }, 'id')).toBe('Pijat 4 kali, sesuai rencana keluarga');
  expect(checklistText('duration', null, 'id')).toBe('Lama setiap kali pijat sesuai rencana keluarga');
  expect(checklistText('duration', { passSeconds: 90, passes: 3 }, 'en')).toBe("Each round lasts 1.5 min, as in the family's plan");
  expect(checklistText('not-on-spine', null, 'en')).toBe('Both thumbs always beside her spine, never pressing on the spine itself');
});
