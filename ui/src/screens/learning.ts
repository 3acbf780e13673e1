// Lessons and the knowledge test: the pre-test first, then the lessons, then the
// post-test; afterwards each missed statement links to the lesson that explains it.
import * as api from '../api';
import { h, mount } from '../dom';
import { errorsByField, toAppError } from '../errors';
import { t } from '../i18n';
import { lessonIcon } from '../icons';
import type { Nav } from '../nav';
import { backPicture } from '../session/backPicture';
import { stepFigures } from '../session/stepPictures';

function errorLine(raw: unknown): HTMLElement {
  const error = toAppError(raw);
  const first = errorsByField(error).values().next().value;
  return h('p', { id: 'learning-error', class: 'form-error', role: 'alert' }, first ? t(first.code, first.args) : t(error.code, error.args));
}

/** Whose learning a screen shows: the family's father, or the cadre herself. */
export interface Learner {
  cadre: boolean;
  load(): Promise<api.Learning>;
  markRead(lessonId: string): Promise<void>;
  submit(answers: api.QuizAnswer[]): Promise<api.QuizResult>;
}

export const familyLearner: Learner = {
  cadre: false,
  load: api.getLearning,
  markRead: api.markLessonRead,
  submit: api.submitQuiz,
};

/** The cadre's own counselling (seed 004): her lessons are not marked read. */
export const cadreLearner: Learner = {
  cadre: true,
  load: api.getCadreLearning,
  markRead: () => Promise.resolve(),
  submit: api.submitCadreQuiz,
};

export async function showLearning(nav: Nav, learner: Learner = familyLearner): Promise<void> {
  let learning: api.Learning;
  try {
    learning = await learner.load();
  } catch (raw) {
    mount(nav.root, errorLine(raw));
    return;
  }
  const score = (value: number | null) => (value === null ? t('learn-no-score') : String(value));
  mount(nav.root, h('section', { id: 'learning', class: 'screen', 'aria-labelledby': 'learning-title' },
    h('h1', { id: 'learning-title' }, t(learner.cadre ? 'learn-cadre-title' : 'learn-title')),
    h('p', {}, t(learner.cadre ? 'learn-cadre-intro' : 'learn-intro')),
    h('p', { id: 'learn-scores', class: 'feedback' }, `${t('learn-pre-score', { score: score(learning.preScore) })} · ${t('learn-post-score', { score: score(learning.postScore) })}`),
    h('button', { type: 'button', id: 'start-quiz', class: 'big primary', onclick: () => nav.open((n) => showQuiz(n, learning, learner)) },
      t(learning.nextTest === 'pre' ? 'learn-start-pre' : 'learn-start-post')),
    h('h2', {}, t('learn-lessons')),
    h('ul', { id: 'lessons', class: 'lessons' }, ...learning.lessons.map((lesson) =>
      h('li', {},
        h('button', { type: 'button', id: `lesson-${lesson.id}`, class: 'lesson-link', onclick: () => nav.open((n) => showLesson(n, lesson, learner)) },
          lessonIcon(lesson.icon),
          h('span', {}, t(`lesson-${lesson.id}-title`)),
          lesson.read ? h('span', { class: 'read-mark' }, `✓ ${t('learn-read')}`) : null)))),
    h('button', { type: 'button', id: 'back-home', class: 'big', onclick: () => nav.back() }, t(learner.cadre ? 'back-to-families' : 'session-back-home')),
  ));
}

/** One lesson page; "done reading" marks it read and goes back. */
export function showLesson(nav: Nav, lesson: Pick<api.Lesson, 'id' | 'icon' | 'paragraphs'>, learner: Learner = familyLearner): void {
  const error = h('p', { id: 'learning-error', class: 'form-error', role: 'alert' });
  const done = async () => {
    try {
      await learner.markRead(lesson.id);
      nav.back();
    } catch (raw) {
      error.replaceWith(errorLine(raw));
    }
  };
  const paragraphs = Array.from({ length: lesson.paragraphs }, (_, i) => h('p', {}, t(`lesson-${lesson.id}-p${i + 1}`)));
  mount(nav.root, h('article', { id: 'lesson-page', class: 'screen lesson', 'aria-labelledby': 'lesson-title' },
    h('div', { class: 'lesson-icon' }, lesson.icon === 'hands' ? massagePicture() : lessonIcon(lesson.icon)),
    h('h1', { id: 'lesson-title' }, t(`lesson-${lesson.id}-title`)),
    ...paragraphs,
    lesson.icon === 'hands' ? stepFigures('lesson-pictures') : null,
    h('p', { class: 'source' }, t(`lesson-${lesson.id}-source`)),
    error,
    h('button', { type: 'button', id: 'lesson-done', class: 'big primary', onclick: () => void done() }, t('lesson-done')),
  ));
}

function showQuiz(nav: Nav, learning: api.Learning, learner: Learner): void {
  const answers = new Map<string, boolean>();
  const error = h('p', { id: 'quiz-error', class: 'form-error', role: 'alert' });
  const item = (statement: api.Statement, index: number) => {
    const choice = (value: boolean) =>
      h('button', {
        type: 'button',
        id: `quiz-${statement.id}-${value}`,
        'aria-pressed': 'false',
        onclick: (event: Event) => {
          answers.set(statement.id, value);
          const row = (event.currentTarget as HTMLElement).parentElement;
          for (const button of row?.querySelectorAll('button') ?? []) button.setAttribute('aria-pressed', String(button === event.currentTarget));
        },
      }, t(value ? 'quiz-true' : 'quiz-false'));
    return h('fieldset', { class: 'safety-question' },
      h('legend', {}, `${index + 1}. ${t(`quiz-${statement.id}`)}`),
      h('div', { class: 'yes-no' }, choice(true), choice(false)));
  };
  const submit = async () => {
    const given = [...answers].map(([statementId, answer]) => ({ statementId, answer }));
    try {
      const result = await learner.submit(given);
      nav.replace((n) => showResult(n, learning, result, answers, learner));
    } catch (raw) {
      error.replaceChildren(errorLine(raw));
    }
  };
  mount(nav.root, h('section', { id: 'quiz', class: 'screen', 'aria-labelledby': 'quiz-title' },
    h('h1', { id: 'quiz-title' }, t(learning.nextTest === 'pre' ? 'quiz-title-pre' : 'quiz-title-post')),
    h('p', {}, t('quiz-intro')),
    ...learning.statements.map(item),
    error,
    h('button', { type: 'button', id: 'quiz-submit', class: 'big primary', onclick: () => void submit() }, t('quiz-submit')),
  ));
}

/** The score; each missed statement opens its lesson, and back returns here. */
function showResult(nav: Nav, learning: api.Learning, result: api.QuizResult, given: Map<string, boolean>, learner: Learner): void {
  const lessonOf = (id: string) => learning.lessons.find((l) => l.id === id);
  const missed = result.missed.map((m) => {
    const lesson = lessonOf(m.lesson);
    const rightAnswer = !(given.get(m.statementId) ?? false);
    return h('li', { 'data-statement': m.statementId },
      h('p', {}, t(`quiz-${m.statementId}`)),
      h('p', { class: 'hint' }, t('quiz-answer-was', { answer: t(rightAnswer ? 'quiz-true' : 'quiz-false') })),
      lesson ? h('button', { type: 'button', id: `missed-${m.statementId}`, onclick: () => nav.open((n) => showLesson(n, lesson, learner)) }, t('quiz-read-lesson', { lesson: t(`lesson-${lesson.id}-title`) })) : null);
  });
  mount(nav.root, h('section', { id: 'quiz-result', class: 'screen', 'aria-labelledby': 'quiz-score' },
    h('h1', { id: 'quiz-score' }, t(learner.cadre ? 'quiz-cadre-score' : 'quiz-score', { score: result.score })),
    result.kind === 'post' && result.preScore !== null
      ? h('p', { id: 'quiz-gain', class: 'feedback' }, t('quiz-gain', { pre: result.preScore, score: result.score }))
      : h('p', { id: 'quiz-next' }, t('quiz-pre-then-read')),
    missed.length ? h('h2', {}, t('quiz-missed')) : h('p', { id: 'quiz-all-right' }, t('quiz-all-right')),
    missed.length ? h('ul', { id: 'quiz-missed', class: 'sessions' }, ...missed) : null,
    h('button', { type: 'button', id: 'back-to-learning', class: 'big primary', onclick: () => nav.back() }, t('learn-lessons')),
  ));
}

/** The massage lesson shows the back itself: the zone and the thumbs at C7. */
function massagePicture(): SVGSVGElement {
  const picture = backPicture(t('guide-picture-label'));
  picture.show('paraspinal', 0, false);
  return picture.element;
}
