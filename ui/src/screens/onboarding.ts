// Onboarding: the family's details, then the phone goes to the mother for her consent;
// the family and her consent are saved together, or not at all.
import * as api from '../api';
import { dateParts } from '../dateField';
import { h, mount } from '../dom';
import { errorsByField, toAppError, type AppError } from '../errors';
import { t } from '../i18n';
import type { Nav } from '../nav';
import { consentHandover, consentQuestion } from './consent';

interface FieldSpec {
  name: keyof Omit<api.FamilyInput, 'consentGiven' | 'motherEducation' | 'parity'>;
  label: string;
  type: 'text';
  required: boolean;
  maxlength?: number;
  inputmode?: string;
  autocomplete?: string;
}

const FIELDS: FieldSpec[] = [
  { name: 'fatherName', label: 'field-father-name', type: 'text', required: true, maxlength: api.NAME_MAX, autocomplete: 'name' },
  { name: 'motherName', label: 'field-mother-name', type: 'text', required: true, maxlength: api.NAME_MAX },
  { name: 'posyandu', label: 'field-posyandu', type: 'text', required: false, maxlength: api.POSYANDU_MAX },
  { name: 'rw', label: 'field-rw', type: 'text', required: false, maxlength: api.RW_RT_MAX_DIGITS, inputmode: 'numeric' },
  { name: 'rt', label: 'field-rt', type: 'text', required: false, maxlength: api.RW_RT_MAX_DIGITS, inputmode: 'numeric' },
  { name: 'motherAge', label: 'field-mother-age', type: 'text', required: false, maxlength: String(api.MOTHER_AGE.max).length, inputmode: 'numeric' },
];

const EDUCATION = api.EDUCATION_LEVELS;
const PARITY = api.PARITIES;

/** Reads the form into what the command expects; blank optionals become null. */
export function readForm(values: Record<string, string>, consentGiven: boolean): api.FamilyInput {
  const optional = (value: string | undefined) => (value && value.trim() !== '' ? value : null);
  return {
    fatherName: values.fatherName ?? '',
    motherName: values.motherName ?? '',
    babyBirthDate: values.babyBirthDate ?? '',
    pregnant: values.pregnant === 'true',
    posyandu: optional(values.posyandu),
    rw: optional(values.rw),
    rt: optional(values.rt),
    motherAge: optional(values.motherAge),
    motherEducation: optional(values.motherEducation),
    parity: optional(values.parity),
    consentGiven,
  };
}

export interface OnboardingOptions {
  /** Saves the family (the device's own by default; a cadre registers others). */
  submit?: (input: api.FamilyInput) => Promise<api.Family>;
  title?: string;
  /** Extra content under the form (e.g. the way into cadre mode). */
  footer?: Node | null;
  /** Editing a registered family: its values fill the form; consent is not asked again. */
  initial?: api.Family;
  /** Recording the birth of a family enrolled in pregnancy: "born" chosen, the date empty. */
  recordBirth?: boolean;
}

/** Shows `next` where `shown` is; the form's own element (and what was typed) stays for later. */
function swap(shown: HTMLElement, next: HTMLElement): HTMLElement {
  shown.replaceWith(next);
  window.scrollTo(0, 0);
  return next;
}

/** The family's form in `nav.root`; `onSaved` runs once the family (and a new family's consent) is saved. */
export function showOnboarding(nav: Nav, onSaved: (family: api.Family) => void, options: OnboardingOptions = {}): void {
  const submitFamily = options.submit ?? api.registerFamily;
  const today = new Date();
  const inputs = new Map<string, HTMLInputElement>();
  const errorSlots = new Map<string, HTMLElement>();

  const initial = options.initial;
  const initialValues: Record<string, string> = initial ? {
    fatherName: initial.fatherName,
    motherName: initial.motherName,
    posyandu: initial.posyandu ?? '',
    rw: initial.rw ?? '',
    rt: initial.rt ?? '',
    motherAge: initial.motherAge === null ? '' : String(initial.motherAge),
  } : {};

  const fieldRow = (spec: FieldSpec) => {
    const input = h('input', {
      id: `field-${spec.name}`,
      name: spec.name,
      type: spec.type,
      required: spec.required,
      maxlength: spec.maxlength,
      inputmode: spec.inputmode,
      autocomplete: spec.autocomplete ?? 'off',
      'aria-describedby': `${spec.name}-error`,
      value: initialValues[spec.name] || undefined,
    });
    inputs.set(spec.name, input);
    const slot = h('p', { id: `${spec.name}-error`, class: 'field-error' });
    errorSlots.set(spec.name, slot);
    return h('div', { class: 'field' }, h('label', { for: input.id }, t(spec.label)), input, slot);
  };

  const choiceField = (name: 'motherEducation' | 'parity', label: string, options: string[], prefix: string) => {
    const select = h('select', { id: `field-${name}`, 'aria-describedby': `${name}-error` },
      h('option', { value: '' }, t('field-not-recorded')),
      ...options.map((value) => h('option', { value }, t(`${prefix}-${value}`))));
    const slot = h('p', { id: `${name}-error`, class: 'field-error' });
    errorSlots.set(name, slot);
    return { select, element: h('div', { class: 'field' }, h('label', { for: select.id }, t(label)), select, slot) };
  };
  const education = choiceField('motherEducation', 'field-mother-education', EDUCATION, 'education');
  const parity = choiceField('parity', 'field-parity', PARITY, 'parity');
  const pregnantAtFirst = Boolean(initial?.pregnant) && !options.recordBirth;
  const birthDate = birthDateField(today, options.recordBirth ? null : initial?.babyBirthDate ?? null, pregnantAtFirst);
  errorSlots.set('babyBirthDate', birthDate.error);
  const birthStatus = birthStatusField(pregnantAtFirst, (pregnant) => birthDate.setPregnant(pregnant));

  const summary = h('p', { id: 'form-error', class: 'form-error', role: 'alert' });
  const saveLabel = options.initial ? 'family-edit-save' : 'onboarding-next';
  const save = h('button', { id: 'save-family', type: 'submit', class: 'big primary' }, t(saveLabel));
  if (initial) {
    education.select.value = initial.motherEducation ?? '';
    parity.select.value = initial.parity ?? '';
  }

  const showErrors = (error: AppError | null) => {
    const byField = error ? errorsByField(error) : new Map();
    for (const [name, slot] of errorSlots) {
      const fieldError = byField.get(name);
      slot.textContent = fieldError ? t(fieldError.code, fieldError.args) : '';
      const input = name === 'babyBirthDate' ? birthDate.day : inputs.get(name);
      input?.setAttribute('aria-invalid', String(Boolean(fieldError)));
    }
    summary.textContent = !error ? '' : error.fields.length > 0 ? t('form-has-errors') : t(error.code, error.args);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const values = Object.fromEntries([...inputs].map(([name, input]) => [name, input.value]));
    values.babyBirthDate = birthDate.value();
    values.pregnant = String(birthStatus.pregnant());
    values.motherEducation = education.select.value;
    values.parity = parity.select.value;
    save.disabled = true;
    save.textContent = t('onboarding-saving');
    try {
      if (initial) {
        onSaved(await submitFamily(readForm(values, true)));
      } else {
        await api.checkFamily(readForm(values, false));
        shown = swap(shown, consentHandover(() => askMother(values)));
      }
    } catch (raw) {
      // Everything typed stays in the form; only the messages change.
      showErrors(toAppError(raw));
    } finally {
      save.disabled = false;
      save.textContent = t(saveLabel);
    }
  };

  let shown: HTMLElement;
  const backToForm = (error: AppError | null) => {
    shown = swap(shown, section);
    showErrors(error);
  };
  const askMother = (values: Record<string, string>) => {
    const agree = async () => {
      try {
        onSaved(await submitFamily(readForm(values, true)));
      } catch (raw) {
        backToForm(toAppError(raw));
      }
    };
    const decline = () => (shown = swap(shown, h('section', { id: 'consent-declined', class: 'screen mother', 'aria-labelledby': 'consent-declined-title' },
      h('h1', { id: 'consent-declined-title' }, t('consent-declined-title')),
      h('p', {}, t('consent-declined-text')),
      h('button', { type: 'button', id: 'consent-back-to-form', class: 'big', onclick: () => backToForm(null) }, t('consent-back-to-form')),
    )));
    shown = swap(shown, consentQuestion({ title: t('consent-title'), intro: t('consent-intro'), agree: () => void agree(), decline }));
  };

  const section = h('section', { class: 'screen', 'aria-labelledby': 'onboarding-title' },
    h('h1', { id: 'onboarding-title' }, options.title ?? t('onboarding-title')),
    h('p', { class: 'hint' }, t(initial ? 'family-edit-intro' : 'onboarding-intro')),
    h(
      'form',
      { id: 'family-form', novalidate: true, onsubmit: submit },
      summary,
      ...FIELDS.slice(0, 2).map(fieldRow),
      birthStatus.element,
      birthDate.element,
      ...FIELDS.slice(2, 5).map(fieldRow),
      h('fieldset', { class: 'characteristics' },
        h('legend', {}, t('field-mother-details')),
        ...FIELDS.slice(5).map(fieldRow),
        education.element,
        parity.element),
      save,
    ),
    options.footer ?? null,
  );
  shown = section;
  mount(nav.root, section);
}

/**
 * Correcting a registered family (each edit is kept as a new version), or with
 * `recordBirth` recording the birth of a family enrolled in pregnancy. Saving or
 * cancelling goes back; a refusal the navigator handles (cadre mode locked) goes there.
 */
export function showFamilyEdit(nav: Nav, family: api.Family, recordBirth = false): void {
  showOnboarding(nav, () => nav.back(), {
    initial: family,
    recordBirth,
    title: t(recordBirth ? 'record-birth-title' : 'family-edit-title'),
    submit: async (input) => {
      try {
        return await api.updateFamily(family.id, input);
      } catch (raw) {
        nav.fail(raw, () => undefined);
        throw raw;
      }
    },
    footer: h('button', { type: 'button', id: 'edit-family-cancel', class: 'big', onclick: () => nav.back() }, t('session-cancel')),
  });
}

/** Born, or still expected (enrolling in pregnancy): two radio buttons. */
function birthStatusField(pregnantAtFirst: boolean, onChange: (pregnant: boolean) => void) {
  const choice = (id: string, pregnant: boolean) => {
    const input = h('input', { type: 'radio', name: 'birth-status', id, checked: pregnant === pregnantAtFirst });
    input.addEventListener('change', () => onChange(pregnant));
    return { input, row: h('label', { class: 'check' }, input, h('span', {}, t(id))) };
  };
  const born = choice('field-born', false);
  const pregnant = choice('field-pregnant', true);
  return {
    element: h('fieldset', { class: 'field choices-inline' }, h('legend', {}, t('field-birth-status')), born.row, pregnant.row),
    pregnant: () => pregnant.input.checked,
  };
}

/** The baby's birth date (or, in pregnancy, the expected one) as day, month and year. */
function birthDateField(today: Date, initial: string | null, pregnantAtFirst: boolean) {
  const parts = dateParts('field-babyBirth', initial, today, 'babyBirthDate-error');
  const thisYear = today.getFullYear();
  const legend = h('legend', {});
  // Next year only for an expected date; the Rust side checks the exact limits.
  const setPregnant = (pregnant: boolean) => {
    parts.setYears(pregnant ? [thisYear, thisYear + 1] : [thisYear, thisYear - 1, thisYear - 2]);
    legend.textContent = t(pregnant ? 'field-expected-birth-date' : 'field-baby-birth-date');
  };
  setPregnant(pregnantAtFirst);
  const error = h('p', { id: 'babyBirthDate-error', class: 'field-error' });
  const element = h('fieldset', { class: 'field date-field' }, legend, h('div', { class: 'date-parts' }, parts.day, parts.month, parts.year), error);
  return { element, error, day: parts.day, setPregnant, value: parts.value };
}
