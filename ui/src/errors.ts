// Errors from the Rust side arrive as { code, args, fields }; the code is a Fluent id.
import { h } from './dom';
import { t, type Args } from './i18n';

export interface FieldError {
  field: string;
  code: string;
  args: Args;
}

export interface AppError {
  code: string;
  args: Args;
  fields: FieldError[];
}

/** Normalizes whatever a command rejected with into an AppError. */
export function toAppError(raw: unknown): AppError {
  if (typeof raw === 'object' && raw !== null && typeof (raw as AppError).code === 'string') {
    const error = raw as Partial<AppError>;
    return {
      code: error.code ?? 'error-unknown',
      args: error.args ?? {},
      fields: Array.isArray(error.fields) ? error.fields : [],
    };
  }
  // The IPC layer's own argument check (a wrong type, a missing field) refuses before
  // any command runs; it answers with text, not a code.
  if (typeof raw === 'string' && raw.startsWith('invalid args')) {
    return { code: 'error-invalid-request', args: { detail: raw }, fields: [] };
  }
  // Not one of ours (e.g. a refused permission): show a generic message with the text.
  return { code: 'error-internal', args: { detail: String(raw) }, fields: [] };
}

/** The first error reported for each field, by field name. */
export function errorsByField(error: AppError): Map<string, FieldError> {
  const byField = new Map<string, FieldError>();
  for (const fieldError of error.fields) {
    if (!byField.has(fieldError.field)) byField.set(fieldError.field, fieldError);
  }
  return byField;
}

/** The line shown in place of a screen that could not be drawn at all (`#fatal-error`). */
export function fatalErrorLine(error: AppError): HTMLElement {
  return h('p', { id: 'fatal-error', class: 'form-error', role: 'alert' }, t(error.code, error.args));
}
