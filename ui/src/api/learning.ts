// Lessons and the knowledge test.
import { invoke } from '@tauri-apps/api/core';
import type { Learning, QuizAnswer, QuizResult } from './types.gen';

export const getLearning = (): Promise<Learning> => invoke('get_learning');
export const markLessonRead = (lessonId: string): Promise<void> => invoke('mark_lesson_read', { lessonId });
export const submitQuiz = (answers: QuizAnswer[]): Promise<QuizResult> => invoke('submit_quiz', { answers });
