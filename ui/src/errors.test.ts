import { describe, expect, test } from 'vitest';
import { errorsByField, toAppError } from './errors';

describe('errors', () => {
  test('keeps a Rust error as sent', () => {
    const raw = {
      code: 'error-invalid-input',
      args: {},
      fields: [
        { field: 'rw', code: 'error-rw-rt-number', args: { max: '3' } },
        { field: 'rw', code: 'error-field-required', args: {} },
      ],
    };
    const error = toAppError(raw);
    expect(error.code).toBe('error-invalid-input');
    expect(errorsByField(error).get('rw')?.code).toBe('error-rw-rt-number');
  });

  test('wraps anything else as an internal error with its text', () => {
    const error = toAppError('command set_language not allowed');
    expect(error).toEqual({
      code: 'error-internal',
      args: { detail: 'command set_language not allowed' },
      fields: [],
    });
  });
});

test('the IPC layer refusing arguments gets its own message id', () => {
  const error = toAppError('invalid args `input` for command `rate_session`: missing field `comfort`');
  expect(error.code).toBe('error-invalid-request');
  expect(error.args.detail).toContain('rate_session');
});
