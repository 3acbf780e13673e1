// Lessons and the knowledge test.
import { invoke } from '@tauri-apps/api/core';

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
