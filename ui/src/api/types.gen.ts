// Generated from the Rust types by src-tauri/tests/typescript.rs: do not edit.
// `make types` writes it again after a change on the Rust side.

export type AgeLine = { 
/**
 * Completed months: 0 to 5.
 */
months: number, 
/**
 * Babies of that age whose latest recall is in the period.
 */
babies: number, 
/**
 * Of them, fed only breast milk the day before.
 */
exclusive: number, };

export type AppState = { 
/**
 * The chosen language, or `None` before the first choice.
 */
language: string | null, 
/**
 * This device's family, or `None` before onboarding.
 */
family: Family | null, 
/**
 * The mother agreed to the current consent text (else she is asked again).
 */
consentCurrent: boolean, 
/**
 * Why the database could not be opened, when it could not.
 */
storageProblem: StorageProblem | null, 
/**
 * Whether exports can also go to the system's share sheet (a phone's).
 */
canShare: boolean, };

export type Author = "mother" | "father" | "cadre";

export type BackupInfo = { file: string, 
/**
 * `YYYY-MM-DD HH:MM:SS`, the device's local time when it was made.
 */
madeAt: string, 
/**
 * `daily`, `before-migration-N`, `before-restore`, `manual`.
 */
reason: string, bytes: number, };

export type Band = "baik" | "cukup" | "kurang";

export type CadreScores = { name: string, pre: number | null, post: number | null, };

export type CadreStatus = { hasPin: boolean, open: boolean, name: string | null, idleSeconds: number, 
/**
 * Seconds before another PIN may be tried.
 */
waitSeconds: number, };

export type Checklist = { version: string, rows: Array<string>, 
/**
 * Rows whose 0 means "not competent" whatever the percentage.
 */
critical: Array<string>, 
/**
 * The family's own plan: the duration and repetition rows read it.
 */
plan: MassagePlan, 
/**
 * Who gave the family's last session: the visit form's first guess of whom she
 * watches (one tap to change).
 */
lastGiver: Giver, maxRowScore: number, competentPercent: number, };

export type Conflict = { family: FamilyName | null, id: string, table: string, recordId: string, familyId: string | null, incomingDevice: string, foundAt: string, differences: Array<FieldDifference>, };

export type Cue = { "type": "started" } | { "type": "countdownStarted", pass: number, } | { "type": "passStarted", pass: number, } | { "type": "passHalfway", pass: number, } | { "type": "passEnded", pass: number, } | { "type": "paused" } | { "type": "resumed" } | { "type": "closingStarted" } | { "type": "finished" } | { "type": "stopped", reason: StopReason, };

export type DataExport = { files: Array<string>, records: number, };

export type DataFormat = "json" | "csv";

export type Day = { date: string, finished: number, stopped: number, 
/**
 * Planned slots already due with no session given.
 */
missed: number, };

export type Decision = "new" | "known" | "updated" | "older" | "conflict" | "deleted" | "held";

export type DeletedData = { 
/**
 * Records deleted on this phone.
 */
records: number, server: ServerErasure, };

export type Delivery = "save" | "share";

export type ExportResult = { file: string, records: number, };

export type Exported = { files: Array<string>, };

export type Family = { id: string, fatherName: string, motherName: string, 
/**
 * The birth date, or the expected date of birth while `pregnant`.
 */
babyBirthDate: string, 
/**
 * Days since the birth; while `pregnant`, days until the expected date (negative).
 */
babyAgeDays: number, 
/**
 * Enrolled in pregnancy, the birth not yet recorded: the massage is locked.
 */
pregnant: boolean, 
/**
 * Still pregnant a week past the expected date: see the midwife (`Family::past_due`).
 */
pastDue: boolean, posyandu: string | null, rw: string | null, rt: string | null, motherAge: number | null, motherEducation: string | null, parity: string | null, };

export type FamilyInput = { fatherName: string, motherName: string, 
/**
 * The birth date, or the expected date of birth while `pregnant`.
 */
babyBirthDate: string, 
/**
 * Enrolled before the birth: the massage stays locked until the birth is recorded.
 */
pregnant: boolean, posyandu: string | null, rw: string | null, rt: string | null, consentGiven: boolean, 
/**
 * The mother's age in years, as typed (optional).
 */
motherAge: string | null, motherEducation: string | null, parity: string | null, };

export type FamilyListItem = { family: Family, need: Need, 
/**
 * Risk signs since the last visit, shown in words.
 */
risks: Array<Risk>, 
/**
 * The danger signs the safety checks since the last visit found (question ids),
 * named beside [`Risk::DangerSign`].
 */
dangerSigns: Array<string>, 
/**
 * Their other findings (a wound, a spine operation...), named beside
 * [`Risk::SafetyStop`].
 */
otherFindings: Array<string>, lastVisit: string | null, lastPercent: number | null, sessions7d: number, planned7d: number, lastMilkFlow: string | null, };

export type FamilyName = { id: string, fatherName: string, motherName: string, };

export type FamilyPosko = { posko: Posko | null, 
/**
 * The next posko day, today included.
 */
nextDay: string | null, questions: Array<PoskoQuestion>, };

export type FamilyReview = { family: Family, lastVisitOn: string | null, sessionsSinceVisit: Array<SessionView>, weeks: Array<WeekCount>, visits: Array<VisitView>, trends: Array<RowTrend>, focus: Array<string>, 
/**
 * Rows whose 0 means "not competent" whatever the percentage.
 */
critical: Array<string>, 
/**
 * The family's plan, for the duration and repetition rows' text.
 */
plan: MassagePlan, 
/**
 * Knowledge test: first pre-test and latest post-test score.
 */
preScore: number | null, postScore: number | null, 
/**
 * The father's hands-on trainings, oldest first.
 */
trainings: Array<TrainingView>, 
/**
 * Questions he noted to ask at the posko, newest first.
 */
poskoQuestions: Array<PoskoQuestion>, 
/**
 * The mother agreed to the consent text as it reads now (else the cadre asks her,
 * on the mother's own screen; until then nothing of the family goes to the server).
 */
consentCurrent: boolean, };

export type FamilyServerCode = { 
/**
 * Shown in groups of four.
 */
code: string, hours: number, };

export type FatherVisit = { visitedOn: string, cadreName: string, percent: number, competent: boolean, 
/**
 * Daftar tilik rows not yet done fully, to practise.
 */
toPractise: Array<string>, coachingNotes: string | null, };

export type FeedingAlertView = { item: FoodItem, givenOn: string, };

export type FeedingStatus = { 
/**
 * Born and under six months: the recall is asked.
 */
asked: boolean, 
/**
 * Asked and not answered in the last week.
 */
due: boolean, lastRecalledOn: string | null, 
/**
 * Only breast milk the day before the last answer.
 */
lastExclusive: boolean | null, 
/**
 * The newest thing the baby had that a baby of its age must not.
 */
alert: FeedingAlertView | null, 
/**
 * Whether to ask "since birth, anything but breast milk?" now (the core's rule:
 * once, and again in the sixth month).
 */
askSinceBirth: boolean, 
/**
 * What the last answer listed (the advice after saving reads it).
 */
lastItems: Array<FoodItem>, };

export type FieldDifference = { field: string, 
/**
 * A column's value: text, a number, or empty.
 */
local: string | number | null, incoming: string | number | null, };

export type FollowUp = { 
/**
 * No status yet (enrolment) or the last one is a week old.
 */
milkStatusDue: boolean, lastMilkStatus: MilkStatusView | null, reminders: Reminders, };

export type FoodItem = "breast-milk" | "water" | "formula" | "other-milk" | "sweet-drink" | "food" | "honey" | "medicine";

export type Giver = "father" | "grandmother" | "other-family";

export type History = { days: Array<Day>, sessions: Array<SessionView>, feedback: WeekFeedback, 
/**
 * The cadre's home visits, newest first: what she saw and what to practise.
 */
visits: Array<FatherVisit>, };

export type ImportPreview = { path: string, fileSha256: string, createdAt: string, families: Array<FamilyName>, firstDay: string | null, lastDay: string | null, tally: Array<TallyRow>, 
/**
 * Records the import would add, update, set aside or delete (a newer posko counts
 * as one).
 */
changes: number, 
/**
 * The cadre's posko the file carries, when it is newer than the one here.
 */
posko: Posko | null, };

export type ImportResult = { changes: number, tally: Array<TallyRow>, openConflicts: number, };

export type Indicators = { 
/**
 * By age month 0-5 (the previous-day indicator).
 */
byAge: Array<AgeLine>, 
/**
 * Babies who reached six months in the period.
 */
reachedSixMonths: number, 
/**
 * Of them, only breast milk since birth, asked about at five months.
 */
exclusiveSinceBirth: number, 
/**
 * Of them, not asked about at five months: neither counted in nor out.
 */
notKnown: number, };

export type Learning = { lessons: Array<Lesson>, statements: Array<Statement>, quizVersion: string, preScore: number | null, postScore: number | null, 
/**
 * The test the father takes next: the pre-test until he has one.
 */
nextTest: TestKind, };

export type Lesson = { read: boolean, id: string, 
/**
 * Which picture the page shows (see `ui/src/icons.ts`).
 */
icon: string, paragraphs: number, };

export type MassagePlan = { passSeconds: number, passes: number, };

export type MilkFlow = "none" | "drips" | "sprays";

export type MilkStatus = "lancar" | "tidak-lancar" | "tidak-ada";

export type MilkStatusInput = { status: string | null, indicators: Array<string>, };

export type MilkStatusView = { recordedOn: string, status: MilkStatus, recordedBy: string, };

export type Missed = { statementId: string, lesson: string, };

export type Need = "risk" | "no-visit" | "falling-score" | "few-sessions" | "on-track";

export type Phase = { "kind": "preparing" } | { "kind": "countdown", pass: number, } | { "kind": "pass", pass: number, } | { "kind": "closing" } | { "kind": "finished" } | { "kind": "stopped", reason: StopReason, };

export type Posko = { cadreName: string, place: string, 
/**
 * ISO weekday: 1 Monday .. 7 Sunday.
 */
weekday: number, 
/**
 * `HH:MM`.
 */
startsAt: string, endsAt: string, 
/**
 * A phone or WhatsApp number, or how else to reach her.
 */
contact: string | null, 
/**
 * When she last changed it (RFC 3339): a newer notice replaces an older one.
 */
updatedAt: string, };

export type PoskoInput = { place: string, weekday: number, startsAt: string, endsAt: string, contact: string | null, };

export type PoskoQuestion = { id: string, askedAt: string, question: string, };

export type Protocol = { version: string, preparation: Array<Step>, safetyQuestions: Array<string>, 
/**
 * Danger signs among them: a "yes" means to the midwife or puskesmas now.
 */
urgentSafetyQuestions: Array<string>, massage: Array<Step>, closing: Array<Step>, plan: MassagePlan, countdownMs: number, 
/**
 * Whether the father has read the massage lesson (else the preparation suggests it).
 */
massageLessonRead: boolean, 
/**
 * Who gave the last session: the preparation screen's first choice.
 */
lastGiver: Giver, };

export type QuizAnswer = { statementId: string, answer: boolean, };

export type QuizResult = { kind: TestKind, correct: number, score: number, missed: Array<Missed>, preScore: number | null, };

export type RankGroup = { n: number, sum: number, 
/**
 * 0 when `n` is 0.
 */
mean: number, };

export type Rating = { skipped: boolean, comfort: number | null, painBefore: number | null, painAfter: number | null, milkFlow: MilkFlow | null, note: string | null, };

export type RatingInput = { skipped: boolean, comfort: number | null, painBefore: number | null, painAfter: number | null, milkFlow: string | null, note: string | null, };

export type RatingView = { sessionId: string, version: number, answeredBy: string, rating: Rating, };

export type RecallInput = { items: Array<FoodItem>, 
/**
 * Since birth: was anything but breast milk ever given (`None`: not asked now).
 */
everOther: boolean | null, firstOtherOn: string | null, };

export type Region = "c7" | "paraspinal" | "whole-back";

export type Reminders = { enabled: boolean, morning: string, evening: string, 
/**
 * The next reminder, local time, or `None` when off.
 */
nextAt: string | null, nextSlot: Slot | null, };

export type Report = { enrolled: number, 
/**
 * Of those enrolled, families still expecting their baby (enrolled in pregnancy).
 */
pregnant: number, 
/**
 * Fathers whose hands-on training is recorded.
 */
trained: number, 
/**
 * Fathers who took the knowledge post-test.
 */
postTested: number, active: number, age: Array<ReportRow>, education: Array<ReportRow>, parity: Array<ReportRow>, milkBefore: Array<ReportRow>, milkAfter: Array<ReportRow>, milkTest: Wilcoxon, knowledgePreMean: number | null, knowledgePostMean: number | null, knowledgeTest: Wilcoxon, assessed: number, competent: number, competentPercent: number | null, 
/**
 * Fathers whose latest visit scored a critical row 0 (pressed on the spine).
 */
criticalFailed: number, 
/**
 * Rows failed at the latest visits, most often first: (row, fathers).
 */
mostFailed: Array<[string, number]>, comfortRatings: number, comfortMean: number | null, 
/**
 * How many ratings gave 1, 2, 3, 4 and 5.
 */
comfortDistribution: [number, number, number, number, number], 
/**
 * Sessions given in the period by who gave them (shares of those sessions, not of
 * families): the father, the grandmother, another family member, not recorded.
 */
givenBy: Array<ReportRow>, 
/**
 * The cadres' own counselling (seed 004): each cadre who took the test, her scores.
 */
cadres: Array<CadreScores>, 
/**
 * Cadres with both a pre-test and a post-test: counselled.
 */
cadresCounselled: number, 
/**
 * Exclusive breastfeeding: the day before by age month, and since birth at six
 * months (`feeding::indicators_of`).
 */
feeding: Indicators, cadrePreMean: number | null, cadrePostMean: number | null, };

export type ReportCell = { text: string, number: boolean, };

export type ReportFormat = "csv" | "xlsx";

export type ReportRow = { key: string, count: number, percent: number, };

export type ReportTable = { id: string, title: string, kind: ReportTableKind, header: Array<string>, rows: Array<Array<ReportCell>>, total: Array<ReportCell> | null, };

export type ReportTableKind = "frequency" | "wilcoxon" | "plain";

export type ReportView = { from: string, to: string, posyandu: string | null, rw: string | null, posyanduNames: Array<string>, rwNumbers: Array<string>, report: Report, 
/**
 * The report's tables as the screen shows them: the core's one layout, the same
 * the dashboard shows and the exports hold.
 */
tables: Array<ReportTable>, };

export type Risk = "danger-sign" | "pain-stop" | "safety-stop" | "no-milk" | "other-feeding";

export type RowScore = { rowId: string, score: number, note: string | null, };

export type RowTrend = { rowId: string, scores: Array<number | null>, };

export type SafetyVerdict = { safe: boolean, flagged: Array<string>, 
/**
 * A danger sign among them: go to the midwife or puskesmas now.
 */
urgent: boolean, };

export type Score = { total: number, maximum: number, 
/**
 * Rounded half up to a whole percent.
 */
percent: number, band: Band, 
/**
 * At least the competent percentage and no critical row at 0.
 */
competent: boolean, 
/**
 * Critical rows scored 0, in checklist order: the reason a visit is not competent
 * whatever its percentage.
 */
criticalFailed: Array<string>, };

export type ServerErasure = "not-asked" | "sent" | "waiting";

export type ServerStatus = { paired: boolean, address: string | null, 
/**
 * Paired as a family's phone (its own family only).
 */
forFamily: boolean, pairedAt: string | null, lastSuccessAt: string | null, lastAttemptAt: string | null, lastFailure: SyncFailure | null, 
/**
 * The message id of the last failure.
 */
lastFailureCode: string | null, lastCounts: SyncCounts | null, 
/**
 * Families this phone no longer sends: the server says another cadre has them now.
 */
familiesElsewhere: number, 
/**
 * Families this phone holds back because the mother has not agreed to the consent
 * text that names the server (the father's name of each).
 */
waitingConsent: Array<string>, 
/**
 * Families deleted here whose erasure has not reached the server yet.
 */
erasuresWaiting: number, };

export type SessionOutcome = "finished" | "stopped" | "not-started";

export type SessionUpdate = { sessionId: string, 
/**
 * Increases with every update of the session: the channel and command replies are
 * separate paths, so the UI drops anything older than what it has drawn.
 */
seq: number, snapshot: Snapshot, cues: Array<Cue>, 
/**
 * A Fluent error id when the last transition could not be saved.
 */
saveError: string | null, };

export type SessionView = { id: string, at: string, outcome: SessionOutcome, stopReason: string | null, 
/**
 * The mother's current rating; `None` when she has not been asked or not answered.
 */
rating: Rating | null, 
/**
 * Who gave it; `None` when it never started, or was recorded before this was asked.
 */
givenBy: Giver | null, };

export type Slot = "morning" | "evening";

export type Snapshot = { phase: Phase, paused: boolean, passes: number, 
/**
 * Length of the current countdown or pass.
 */
segmentMs: number, 
/**
 * Time left in it.
 */
remainingMs: number, 
/**
 * 0.0 at the start of the current segment, 1.0 at its end.
 */
progress: number, activeMs: number, };

export type SpeechStatus = { enabled: boolean, 
/**
 * `None` when the engine did not answer in time (it is still starting).
 */
voiceAvailable: boolean | null, };

export type Statement = { id: string, lesson: string, };

export type Step = { id: string, region: Region | null, 
/**
 * Whether the step is one of the timed passes.
 */
timed: boolean, };

export type StopReason = "no-consent" | "safety" | "mother-asked" | "pain" | "interrupted" | "other";

export type StorageProblem = { problem: StorageProblemKind, detail: string, dataDir: string, };

export type StorageProblemKind = "read-only" | "disk-full" | "damaged" | "newer-version" | "other";

export type SyncCounts = { 
/**
 * Records and deletions this device sent.
 */
sent: number, 
/**
 * Records added, updated or deleted here from the server.
 */
received: number, 
/**
 * Clashes set aside for the cadre to choose.
 */
toChoose: number, };

export type SyncFailure = "unreachable" | "refused" | "rejected" | "server-error" | "local";

export type SyncProgress = { stage: SyncStage, 
/**
 * Kilobytes sent or received so far in this stage.
 */
doneKb: number, 
/**
 * Kilobytes this push sends in all; 0 while receiving (not known ahead).
 */
totalKb: number, };

export type SyncResult = { counts: SyncCounts, status: ServerStatus, };

export type SyncStage = "sending" | "receiving";

export type TallyRow = { table: string, decision: Decision, count: number, };

export type TestKind = "pre" | "post";

export type Tone = "start" | "keep-going" | "great";

export type Trainer = "midwife" | "therapist";

export type TrainingInput = { 
/**
 * `YYYY-MM-DD`.
 */
trainedOn: string, trainer: string, trainerName: string | null, 
/**
 * Who was trained (seed 002: whoever gives the massage may learn it, the father or
 * the grandmother); the father when not given.
 */
trainee: string | null, };

export type TrainingView = { id: string, trainedOn: string, trainer: Trainer, trainerName: string | null, 
/**
 * Who was trained; trainings recorded before it was asked were the father's.
 */
trainee: Giver, };

export type TransferOverview = { 
/**
 * When these families were last sent from this device.
 */
lastExport: string | null, 
/**
 * Records the bundle would hold, everything / only what changed since.
 */
records: number, recordsSinceLast: number | null, openConflicts: number, };

export type Unfinished = { sessionId: string, resumePass: number, passes: number, minutesAgo: number, };

export type VisitInput = { familyId: string, rows: Array<RowScore>, coachingNotes: string | null, motivation: string, milkStatus: string | null, 
/**
 * Whom she watched massage: `father`, `grandmother`, `other-family` (required;
 * `None` is refused with a message, not by the IPC layer).
 */
observed: string | null, };

export type VisitResult = { visitId: string, originalId: string, version: number, score: Score, };

export type VisitView = { id: string, originalId: string, version: number, amendReason: string | null, visitedOn: string, checklistVersion: string, percent: number, band: string, competent: boolean, coachingNotes: string | null, motivation: string, milkStatus: string | null, 
/**
 * Whom she watched massage; `None` on visits recorded before this was asked.
 */
observed: Giver | null, cadreName: string, rows: Array<RowScore>, 
/**
 * Critical rows scored 0 (only checklist versions that have them).
 */
criticalFailed: Array<string>, };

export type WeekCount = { weekStart: string, given: number, planned: number, };

export type WeekFeedback = { finished: number, planned: number, tone: Tone, 
/**
 * Comfort the mother gave the latest rated session.
 */
lastComfort: number | null, lastMilkFlow: MilkFlow | null, };

export type Wilcoxon = { 
/**
 * All pairs given.
 */
pairs: number, 
/**
 * After < before.
 */
negative: RankGroup, 
/**
 * After > before.
 */
positive: RankGroup, 
/**
 * After = before (dropped from the ranking).
 */
ties: number, 
/**
 * `None` with fewer than two usable pairs.
 */
outcome: WilcoxonOutcome | null, };

export type WilcoxonOutcome = { z: number, 
/**
 * Two-sided, from the normal approximation.
 */
p: number, 
/**
 * Two-sided exact p (conditional on the ranks, ties included), for small n.
 */
pExact: number | null, 
/**
 * At the 5 % level, on the exact p when there is one.
 */
significant: boolean, };
