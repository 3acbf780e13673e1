// One typed function per Tauri command.
import { Channel, invoke } from '@tauri-apps/api/core';

export { Channel };
import type { Language } from './i18n';

export interface Family {
  id: string;
  fatherName: string;
  motherName: string;
  babyBirthDate: string;
  babyAgeDays: number;
  posyandu: string | null;
  rw: string | null;
  rt: string | null;
  motherAge: number | null;
  motherEducation: string | null;
  parity: string | null;
}

export type StorageProblemKind = 'read-only' | 'disk-full' | 'damaged' | 'newer-version' | 'other';

export interface StorageProblem {
  problem: StorageProblemKind;
  detail: string;
  dataDir: string;
}

export interface AppState {
  language: string | null;
  family: Family | null;
  /** The mother agreed to the consent text as it reads now (else she is asked again). */
  consentCurrent: boolean;
  storageProblem: StorageProblem | null;
}

export interface FamilyInput {
  fatherName: string;
  motherName: string;
  babyBirthDate: string;
  posyandu: string | null;
  rw: string | null;
  rt: string | null;
  motherAge: string | null;
  motherEducation: string | null;
  parity: string | null;
  consentGiven: boolean;
}

export const getAppState = (): Promise<AppState> => invoke('get_app_state');

export const setLanguage = (language: Language): Promise<void> =>
  invoke('set_language', { language });

export const registerFamily = (input: FamilyInput): Promise<Family> =>
  invoke('register_family', { input });
/** Checks the family's details (nothing saved) before the mother is asked for consent. */
export const checkFamily = (input: FamilyInput): Promise<void> => invoke('check_family', { input });
/** Records the mother's consent to the current consent text for this device's family. */
export const renewConsent = (): Promise<void> => invoke('renew_consent');

// ---- Guided massage ----

export type Region = 'c7' | 'paraspinal' | 'whole-back';

export interface Step {
  id: string;
  region: Region | null;
  timed: boolean;
}

export interface MassagePlan {
  passSeconds: number;
  passes: number;
}

export interface Protocol {
  version: string;
  preparation: Step[];
  safetyQuestions: string[];
  /** Danger signs among them: a "yes" means to the midwife or puskesmas now. */
  urgentSafetyQuestions: string[];
  massage: Step[];
  closing: Step[];
  plan: MassagePlan;
  countdownMs: number;
  massageLessonRead: boolean;
}

export type StopReason = 'no-consent' | 'safety' | 'mother-asked' | 'pain' | 'interrupted' | 'other';

export type Phase =
  | { kind: 'preparing' }
  | { kind: 'countdown'; pass: number }
  | { kind: 'pass'; pass: number }
  | { kind: 'closing' }
  | { kind: 'finished' }
  | { kind: 'stopped'; reason: StopReason };

export interface Snapshot {
  phase: Phase;
  paused: boolean;
  passes: number;
  segmentMs: number;
  remainingMs: number;
  progress: number;
  activeMs: number;
}

export type Cue =
  | { type: 'passStarted'; pass: number }
  | { type: 'passHalfway'; pass: number }
  | { type: 'passEnded'; pass: number }
  | { type: 'closingStarted' };

export interface SessionUpdate {
  sessionId: string;
  seq: number;
  snapshot: Snapshot;
  cues: Cue[];
  saveError: string | null;
}

export interface SafetyVerdict {
  safe: boolean;
  flagged: string[];
  /** A danger sign among them: take her to the midwife or puskesmas now. */
  urgent: boolean;
}

export interface Unfinished {
  sessionId: string;
  resumePass: number;
  passes: number;
  minutesAgo: number;
}

export const getProtocol = (): Promise<Protocol> => invoke('get_protocol');

export const setMassagePlan = (plan: MassagePlan): Promise<MassagePlan> =>
  invoke('set_massage_plan', { passSeconds: plan.passSeconds, passes: plan.passes });

export const beginSession = (consentGiven: boolean): Promise<string> =>
  invoke('begin_session', { consentGiven });

export const checkSafety = (sessionId: string, answeredYes: string[]): Promise<SafetyVerdict> =>
  invoke('check_safety', { sessionId, answeredYes });

export const startSession = (
  sessionId: string,
  prepared: string[],
  onUpdate: Channel<SessionUpdate>,
): Promise<SessionUpdate> => invoke('start_session', { sessionId, prepared, onUpdate });

export const pauseSession = (): Promise<SessionUpdate> => invoke('pause_session');
export const resumeSession = (): Promise<SessionUpdate> => invoke('resume_session');
export const finishSession = (): Promise<SessionUpdate> => invoke('finish_session');
export const stopSession = (reason: StopReason): Promise<SessionUpdate> =>
  invoke('stop_session', { reason });

export const watchSession = (onUpdate: Channel<SessionUpdate>): Promise<SessionUpdate | null> =>
  invoke('watch_session', { onUpdate });

export const getUnfinishedSession = (): Promise<Unfinished | null> => invoke('get_unfinished_session');

export const resumeUnfinishedSession = (
  sessionId: string,
  onUpdate: Channel<SessionUpdate>,
): Promise<SessionUpdate> => invoke('resume_unfinished_session', { sessionId, onUpdate });

export const abandonUnfinishedSession = (sessionId: string): Promise<void> =>
  invoke('abandon_unfinished_session', { sessionId });

// ---- After the massage ----

export type Author = 'mother' | 'father' | 'cadre';
export type MilkFlow = 'none' | 'drips' | 'sprays';
export type MilkStatus = 'lancar' | 'tidak-lancar' | 'tidak-ada';

export interface RatingInput {
  skipped: boolean;
  comfort: number | null;
  painBefore: number | null;
  painAfter: number | null;
  milkFlow: MilkFlow | null;
  note: string | null;
}

export interface Rating {
  skipped: boolean;
  comfort: number | null;
  painBefore: number | null;
  painAfter: number | null;
  milkFlow: MilkFlow | null;
  note: string | null;
}

export interface RatingView {
  sessionId: string;
  version: number;
  answeredBy: Author;
  rating: Rating;
}

export interface Day {
  date: string;
  finished: number;
  stopped: number;
  missed: number;
}

export interface SessionView {
  id: string;
  at: string;
  outcome: 'finished' | 'stopped' | 'not-started';
  stopReason: StopReason | null;
  rating: Rating | null;
}

export interface WeekFeedback {
  finished: number;
  planned: number;
  tone: 'start' | 'keep-going' | 'great';
  lastComfort: number | null;
  lastMilkFlow: MilkFlow | null;
}

export interface History {
  days: Day[];
  sessions: SessionView[];
  feedback: WeekFeedback;
}

export interface Reminders {
  enabled: boolean;
  morning: string;
  evening: string;
  nextAt: string | null;
  nextSlot: 'morning' | 'evening' | null;
}

export interface MilkStatusView {
  recordedOn: string;
  status: MilkStatus;
  recordedBy: Author;
}

export interface FollowUp {
  milkStatusDue: boolean;
  lastMilkStatus: MilkStatusView | null;
  reminders: Reminders;
}

export const rateSession = (sessionId: string, author: Author, input: RatingInput): Promise<RatingView> =>
  invoke('rate_session', { sessionId, author, input });

export const correctRating = (sessionId: string, author: Author, input: RatingInput): Promise<RatingView> =>
  invoke('correct_rating', { sessionId, author, input });

export const getHistory = (): Promise<History> => invoke('get_history');

export const recordMilkStatus = (author: Author, status: MilkStatus | null, indicators: string[]): Promise<MilkStatusView> =>
  invoke('record_milk_status', { author, input: { status, indicators } });

export const getFollowUp = (): Promise<FollowUp> => invoke('get_follow_up');

export const setReminders = (enabled: boolean, morning: string, evening: string): Promise<Reminders> =>
  invoke('set_reminders', { enabled, morning, evening });

export const testReminder = (): Promise<void> => invoke('test_reminder');

// ---- Cadre mode ----

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

// ---- Learning ----

export interface Lesson {
  id: string;
  icon: string;
  paragraphs: number;
  read: boolean;
}

export interface Statement {
  id: string;
  lesson: string;
}

export interface Learning {
  lessons: Lesson[];
  statements: Statement[];
  quizVersion: string;
  preScore: number | null;
  postScore: number | null;
  nextTest: 'pre' | 'post';
}

export interface QuizAnswer {
  statementId: string;
  answer: boolean;
}

export interface QuizResult {
  kind: 'pre' | 'post';
  correct: number;
  score: number;
  missed: { statementId: string; lesson: string }[];
  preScore: number | null;
}

export const getLearning = (): Promise<Learning> => invoke('get_learning');
export const markLessonRead = (lessonId: string): Promise<void> => invoke('mark_lesson_read', { lessonId });
export const submitQuiz = (answers: QuizAnswer[]): Promise<QuizResult> => invoke('submit_quiz', { answers });

// ---- Reports ----

export interface ReportRow {
  key: string;
  count: number;
  percent: number;
}

export interface RankGroup {
  n: number;
  sum: number;
  mean: number;
}

export interface Wilcoxon {
  pairs: number;
  negative: RankGroup;
  positive: RankGroup;
  ties: number;
  outcome: { z: number; p: number; pExact: number | null; significant: boolean } | null;
}

export interface Report {
  enrolled: number;
  trained: number;
  active: number;
  age: ReportRow[];
  education: ReportRow[];
  parity: ReportRow[];
  milkBefore: ReportRow[];
  milkAfter: ReportRow[];
  milkTest: Wilcoxon;
  knowledgePreMean: number | null;
  knowledgePostMean: number | null;
  knowledgeTest: Wilcoxon;
  assessed: number;
  competent: number;
  competentPercent: number | null;
  /** Fathers whose latest visit scored a required row 0 (pressed on the spine). */
  criticalFailed: number;
  mostFailed: [string, number][];
  comfortRatings: number;
  comfortMean: number | null;
  comfortDistribution: number[];
}

export interface ReportView {
  from: string;
  to: string;
  posyandu: string | null;
  rw: string | null;
  posyanduNames: string[];
  rwNumbers: string[];
  report: Report;
}

export const posyanduReport = (months: number, posyandu: string | null, rw: string | null): Promise<ReportView> =>
  invoke('posyandu_report', { months, posyandu, rw });

export const exportReport = (
  months: number,
  posyandu: string | null,
  rw: string | null,
  format: 'csv' | 'xlsx',
): Promise<{ files: string[] } | null> => invoke('export_report', { months, posyandu, rw, format });

export const updateFamily = (familyId: string, input: FamilyInput): Promise<Family> =>
  invoke('update_family', { familyId, input });

export interface TransferOverview {
  lastExport: string | null;
  records: number;
  recordsSinceLast: number | null;
  openConflicts: number;
}

export type Decision = 'new' | 'known' | 'updated' | 'older' | 'conflict' | 'deleted' | 'held';

export interface TallyRow {
  table: string;
  decision: Decision;
  count: number;
}

export interface FamilyName {
  id: string;
  fatherName: string;
  motherName: string;
}

export interface ImportPreview {
  path: string;
  fileSha256: string;
  createdAt: string;
  families: FamilyName[];
  firstDay: string | null;
  lastDay: string | null;
  tally: TallyRow[];
  changes: number;
}

export interface ImportResult {
  changes: number;
  tally: TallyRow[];
  openConflicts: number;
}

export interface FieldDifference {
  field: string;
  local: string | number | null;
  incoming: string | number | null;
}

export interface Conflict {
  id: string;
  table: string;
  recordId: string;
  familyId: string | null;
  incomingDevice: string;
  foundAt: string;
  differences: FieldDifference[];
  family: FamilyName | null;
}

export const transferOverview = (familyId: string | null, all: boolean): Promise<TransferOverview> =>
  invoke('transfer_overview', { familyId, all });

export const exportBundle = (
  familyId: string | null,
  all: boolean,
  sinceLast: boolean,
): Promise<{ file: string; records: number } | null> => invoke('export_bundle', { familyId, all, sinceLast });

export const previewImport = (): Promise<ImportPreview | null> => invoke('preview_import');

/** Applies the file the last preview showed (kept on the Rust side), named by its hash. */
export const applyImport = (fileSha256: string): Promise<ImportResult> =>
  invoke('apply_import', { fileSha256 });

export const listConflicts = (): Promise<Conflict[]> => invoke('list_conflicts');

export const resolveConflict = (conflictId: string, takeIncoming: boolean): Promise<number> =>
  invoke('resolve_conflict', { conflictId, takeIncoming });

export const retryStorage = (): Promise<void> => invoke('retry_storage');
export const startFreshStorage = (): Promise<string> => invoke('start_fresh_storage');
/** Saves a copy of a database that cannot be opened; where it shows a cadre, her PIN. */
export const saveDataCopy = (pin: string | null = null): Promise<string | null> => invoke('save_data_copy', { pin });

export interface BackupInfo {
  file: string;
  madeAt: string;
  reason: string;
  bytes: number;
}

export const listBackups = (): Promise<BackupInfo[]> => invoke('list_backups');
export const makeBackup = (): Promise<BackupInfo[]> => invoke('make_backup');
export const restoreBackup = (file: string): Promise<void> => invoke('restore_backup', { file });

export const exportMyData = (familyId: string | null, format: 'json' | 'csv'): Promise<{ files: string[]; records: number } | null> =>
  invoke('export_my_data', { familyId, format });
export const deleteMyData = (familyId: string | null): Promise<number> => invoke('delete_my_data', { familyId });
