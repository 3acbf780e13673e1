// How cadre screens reach one another without importing one another (no import
// circle): the families screen (cadre.ts) builds the navigator, the others only call it.
import type * as api from '../api';
import type { AppError } from '../errors';
import type { TransferNav } from './transfer';

/** Where cadre screens go, and how they report errors (a locked mode asks for the PIN). */
export interface CadreNav {
  root: HTMLElement;
  families(): void;
  /** Leaves cadre mode (locked) for the app's home. */
  exit(): void;
  fail(raw: unknown, show: (error: AppError) => void): void;
  review(familyId: string): void;
  visit(family: api.Family, amending: api.VisitView | null): void;
  report(): void;
  /** The transfer screens inside cadre mode; back goes to `back`, else the families. */
  transfer(back?: () => void): TransferNav;
}
