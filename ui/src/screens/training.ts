// The hands-on training (seed 004: by a midwife or a certified massage therapist) of
// whoever gives the massage, the father or another family member (seed 002), as the
// cadre records it on the family's review: the trainings so far, and a form for a new one.
import * as api from '../api';
import { dateParts } from '../dateField';
import { formatDay, localDay } from '../dates';
import { choiceGroup, h } from '../dom';
import { errorsByField, toAppError } from '../errors';
import { GIVERS, giverLabelId } from '../giver';
import { t } from '../i18n';

const TRAINERS: readonly api.Trainer[] = ['midwife', 'therapist'];

function trainingLine(training: api.TrainingView): HTMLElement {
  const when = formatDay(training.trainedOn, { day: 'numeric', month: 'long', year: 'numeric' });
  const by = t(`trainer-${training.trainer}`);
  const who = t(giverLabelId(training.trainee));
  return h('li', { 'data-training': training.id, 'data-trainee': training.trainee },
    training.trainerName
      ? t('training-line-named', { date: when, who, trainer: by, name: training.trainerName })
      : t('training-line', { date: when, who, trainer: by }));
}

/** The trainings of a family and the form to record one; the list updates on save. */
export function trainingSection(familyId: string, trainings: api.TrainingView[]): HTMLElement {
  const list = h('ul', { id: 'review-trainings', class: 'sessions' });
  const empty = h('p', { id: 'review-trainings-none', class: 'hint' }, t('training-none'));
  const show = (rows: api.TrainingView[]) => {
    list.replaceChildren(...rows.map(trainingLine));
    empty.hidden = rows.length > 0;
  };
  show(trainings);

  const today = new Date();
  const date = dateParts('field-trained', localDay(today), today, 'trainedOn-error');
  date.setYears([today.getFullYear(), today.getFullYear() - 1, today.getFullYear() - 2]);
  const trainer = choiceGroup('trainer', TRAINERS, (v) => t(`trainer-${v}`), 'midwife', 'training-trainer-title');
  // Whoever gives the massage may be trained (seed 002: the father or the grandmother).
  const trainee = choiceGroup('trainee', GIVERS, (v) => t(giverLabelId(v)), 'father', 'training-trainee-title');
  const name = h('input', { id: 'field-trainerName', type: 'text', maxlength: 80, autocomplete: 'off' });
  const dateError = h('p', { id: 'trainedOn-error', class: 'field-error' });
  const status = h('p', { id: 'training-status', role: 'status' });
  const save = async () => {
    status.textContent = '';
    dateError.textContent = '';
    try {
      show(await api.recordTraining(familyId, {
        trainedOn: date.value(),
        trainer: trainer.value() ?? '',
        trainerName: name.value.trim() || null,
        trainee: trainee.value() ?? 'father',
      }));
      status.textContent = t('training-saved');
      name.value = '';
    } catch (raw) {
      const error = toAppError(raw);
      const dateProblem = errorsByField(error).get('trainedOn');
      dateError.textContent = dateProblem ? t(dateProblem.code, dateProblem.args) : '';
      const first = error.fields[0];
      status.textContent = first ? t(first.code, first.args) : t(error.code, error.args);
    }
  };
  return h('div', { id: 'training' },
    list,
    empty,
    h('details', { id: 'training-form', class: 'settings' },
      h('summary', {}, t('training-record')),
      h('fieldset', { class: 'field date-field' }, h('legend', {}, t('training-date')),
        h('div', { class: 'date-parts' }, date.day, date.month, date.year), dateError),
      h('h3', { id: 'training-trainee-title' }, t('training-trainee')),
      trainee.element,
      h('h3', { id: 'training-trainer-title' }, t('training-trainer')),
      trainer.element,
      h('div', { class: 'field' }, h('label', { for: name.id }, t('training-trainer-name')), name),
      h('button', { type: 'button', id: 'training-save', class: 'big primary', onclick: () => void save() }, t('training-save')),
      status));
}
