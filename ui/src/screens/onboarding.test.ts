import { expect, test } from 'vitest';
import { readForm } from './onboarding';

test('blank optional fields are sent as null, required ones as typed', () => {
  const input = readForm(
    { fatherName: ' Budi ', motherName: '', babyBirthDate: '2026-11-01', posyandu: '  ', rw: '11', rt: '' },
    true,
  );
  expect(input).toEqual({
    fatherName: ' Budi ',
    motherName: '',
    babyBirthDate: '2026-11-01',
    pregnant: false,
    posyandu: null,
    rw: '11',
    rt: null,
    motherAge: null,
    motherEducation: null,
    parity: null,
    consentGiven: true,
  });
});
