// Cadre mode: PIN, families, home visits on the daftar tilik, reviews.
import { invoke } from '@tauri-apps/api/core';
import type { Family, FamilyInput } from './app';
import type { MilkFlow, MilkStatus, SessionView } from './followUp';
import type { MassagePlan } from './session';

export interface CadreStatus {
  hasPin: boolean;
  open: boolean;
  name: string | null;
  idleSeconds: number;
  waitSeconds: number;
}

export type Need = 'risk' | 'no-visit' | 'falling-score' | 'few-sessions' | 'on-track';
export type Risk = 'pain-stop' | 'safety-stop' | 'no-milk';

export interface FamilyListItem {
  family: Family;
  need: Need;
  risks: Risk[];
  lastVisit: string | null;
  lastPercent: number | null;
  sessions7d: number;
  planned7d: number;
  lastMilkFlow: MilkFlow | null;
}

export interface RowScore {
  rowId: string;
  score: number;
  note: string | null;
}

export type Band = 'baik' | 'cukup' | 'kurang';

export interface Score {
  total: number;
  maximum: number;
  percent: number;
  band: Band;
  competent: boolean;
  /** Required rows scored 0: not competent whatever the percentage. */
  criticalFailed: string[];
}

export interface Checklist {
  version: string;
  rows: string[];
  critical: string[];
  plan: MassagePlan;
  maxRowScore: number;
  competentPercent: number;
}

export type Motivation = 'cooperative' | 'hesitant' | 'refuses';

export interface VisitInput {
  familyId: string;
  rows: RowScore[];
  coachingNotes: string | null;
  motivation: Motivation | '';
  milkStatus: MilkStatus | null;
}

export interface VisitResult {
  visitId: string;
  originalId: string;
  version: number;
  score: Score;
}

export interface VisitView {
  id: string;
  originalId: string;
  version: number;
  amendReason: string | null;
  visitedOn: string;
  checklistVersion: string;
  percent: number;
  band: Band;
  competent: boolean;
  criticalFailed: string[];
  motivation: Motivation;
  milkStatus: MilkStatus | null;
  coachingNotes: string | null;
  cadreName: string;
  rows: RowScore[];
}

export interface FamilyReview {
  family: Family;
  lastVisitOn: string | null;
  sessionsSinceVisit: SessionView[];
  weeks: { weekStart: string; given: number; planned: number }[];
  visits: VisitView[];
  trends: { rowId: string; scores: (number | null)[] }[];
  focus: string[];
  critical: string[];
  plan: MassagePlan;
  preScore: number | null;
  postScore: number | null;
}

export const cadreStatus = (): Promise<CadreStatus> => invoke('cadre_status');
export const setupCadre = (name: string, pin: string, pinRepeat: string): Promise<void> =>
  invoke('setup_cadre', { name, pin, pinRepeat });
export const unlockCadre = (pin: string): Promise<void> => invoke('unlock_cadre', { pin });
export const lockCadre = (): Promise<void> => invoke('lock_cadre');
export const listFamilies = (query: string): Promise<FamilyListItem[]> => invoke('list_families', { query });
export const registerFamilyAsCadre = (input: FamilyInput): Promise<Family> =>
  invoke('register_family_as_cadre', { input });
export const getChecklist = (familyId: string): Promise<Checklist> => invoke('get_checklist', { familyId });
export const previewScore = (rows: RowScore[]): Promise<Score> => invoke('preview_score', { rows });
export const saveVisit = (input: VisitInput): Promise<VisitResult> => invoke('save_visit', { input });
export const amendVisit = (originalId: string, reason: string, input: VisitInput): Promise<VisitResult> =>
  invoke('amend_visit', { originalId, reason, input });
export const familyReview = (familyId: string): Promise<FamilyReview> => invoke('family_review', { familyId });
