// Cadre mode: PIN, families, home visits on the daftar tilik, reviews.
import { invoke } from '@tauri-apps/api/core';
import type { CadreStatus, Checklist, Family, FamilyInput, FamilyListItem, FamilyReview, Learning, QuizAnswer, QuizResult, RowScore, Score, TrainingInput, TrainingView, VisitInput, VisitResult } from './types.gen';

export type Motivation = string;

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

// Trained in the programme's sense: the cadre's own test, the father's hands-on training.
export const getCadreLearning = (): Promise<Learning> => invoke('get_cadre_learning');
export const submitCadreQuiz = (answers: QuizAnswer[]): Promise<QuizResult> => invoke('submit_cadre_quiz', { answers });
export const recordTraining = (familyId: string, input: TrainingInput): Promise<TrainingView[]> =>
  invoke('record_training', { familyId, input });
