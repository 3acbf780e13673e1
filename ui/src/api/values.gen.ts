// Generated from the Rust core by src-tauri/tests/typescript.rs: do not edit.
// `make types` writes it again after a change on the Rust side.
import type { Author, Decision, FoodItem, Giver, MilkFlow, MilkStatus, StopReason } from './types.gen';

/** The reasons a person may give for stopping a session (the rest are the app's own). */
export const STOP_REASONS: StopReason[] = ['pain', 'mother-asked', 'interrupted', 'other'];
export const MILK_STATUSES: MilkStatus[] = ['lancar', 'tidak-lancar', 'tidak-ada'];
/** The indicators of milk production, in the order the mother reads them. */
export const MILK_INDICATORS: string[] = ['breasts-full-then-soft', 'milk-drips', 'feeds-8-12', 'satisfied-wakes', 'yellow-stools-3', 'wet-nappies-6', 'weight-gain'];
export const MILK_FLOWS: MilkFlow[] = ['none', 'drips', 'sprays'];
export const AUTHORS: Author[] = ['mother', 'father', 'cadre'];
export const GIVERS: Giver[] = ['father', 'grandmother', 'other-family'];
/** What a baby may have had yesterday, in the order the recall shows them. */
export const FOOD_ITEMS: FoodItem[] = ['breast-milk', 'water', 'formula', 'other-milk', 'sweet-drink', 'food', 'honey', 'medicine'];
export const DECISIONS: Decision[] = ['new', 'updated', 'known', 'older', 'conflict', 'deleted', 'held'];
/** The tables a bundle carries, in the order they are applied. */
export const TABLES: string[] = ['family', 'cadre', 'consent', 'massage_plan', 'massage_session', 'session_rating', 'milk_status', 'feeding_recall', 'home_visit', 'visit_score', 'lesson_read', 'quiz_attempt', 'posko_question', 'hands_on_training'];
export const MOTIVATIONS: string[] = ['cooperative', 'hesitant', 'refuses'];
/** Daftar tilik rows whose text reads the family's own plan. */
export const PLAN_ROWS: string[] = ['duration', 'repetitions'];
export const EDUCATION_LEVELS: string[] = ['sd', 'smp', 'sma', 'perguruan-tinggi'];
export const PARITIES: string[] = ['primipara', 'multipara'];
/** A pass's length in seconds, and how many passes: a plan's limits. */
export const PASS_SECONDS = { min: 60, max: 300 };
export const PASSES = { min: 1, max: 5 };
/** Field limits of the family's form. */
export const NAME_MAX = 60;
export const POSYANDU_MAX = 80;
export const RW_RT_MAX_DIGITS = 3;
export const MOTHER_AGE = { min: 12, max: 60 };
