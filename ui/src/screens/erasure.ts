// The cadre and a family's data: asking the mother for the consent text that names the
// server (on her own screen, at a visit), and removing a family from this phone only
// (moved away) or also from the puskesmas server (her request), behind the cadre's PIN.
import * as api from '../api';
import { h, mount } from '../dom';
import { toAppError } from '../errors';
import { t } from '../i18n';
import type { Nav } from '../nav';
import { consentHandover, consentQuestion } from './consent';
import { deletedText } from './data';

/** The mother has not agreed to the text as it reads now: the cadre hands her the phone. */
export function consentRenewalCard(nav: Nav, family: api.Family, backToReview: () => void): HTMLElement {
  const ask = () => mount(nav.root, consentHandover(() => mount(nav.root, consentQuestion({
    title: t('consent-renew-title'),
    intro: t('consent-renew-intro'),
    agree: () => void api.renewConsent(family.id).then(backToReview, (raw) =>
      nav.fail(raw, (error) => mount(nav.root, h('p', { class: 'form-error' }, t(error.code, error.args))))),
    decline: () => mount(nav.root, h('section', { id: 'consent-declined', class: 'screen', 'aria-labelledby': 'consent-declined-title' },
      h('h1', { id: 'consent-declined-title' }, t('consent-declined-title')),
      h('p', {}, t('consent-renew-declined-cadre')),
      h('button', { type: 'button', id: 'consent-ask-again', class: 'big', onclick: ask }, t('consent-ask-again')),
      h('button', { type: 'button', id: 'consent-back-to-review', class: 'big primary', onclick: backToReview }, t('consent-back-to-review')))),
  }))));
  return h('div', { id: 'review-consent', class: 'card warning' },
    h('p', {}, t('review-consent-old')),
    h('button', { type: 'button', id: 'review-consent-ask', class: 'big primary', onclick: ask }, t('review-consent-ask')));
}

/** Removing a family from the cadre's phone: two choices, each saying what goes, then her PIN. */
export function removeFamilySection(familyId: string, onRemoved: () => void): HTMLElement {
  const status = h('p', { id: 'remove-status', role: 'status' });
  const error = h('p', { id: 'remove-error', class: 'form-error', role: 'alert' });
  const pin = h('input', { id: 'remove-pin', type: 'password', inputmode: 'numeric', maxlength: 6, autocomplete: 'off' });
  let fromServer = false;
  const warning = h('p', { id: 'remove-warning' });
  const confirm = h('div', { id: 'remove-confirm', class: 'card warning', hidden: true },
    warning,
    h('div', { class: 'field' }, h('label', { for: pin.id }, t('cadre-pin')), pin),
    h('button', { type: 'button', id: 'remove-confirm-button', class: 'big danger', onclick: () => void remove() }, t('remove-family-confirm')),
    h('button', { type: 'button', id: 'remove-cancel', class: 'big', onclick: () => (confirm.hidden = true) }, t('session-cancel')));
  const choose = (server: boolean) => {
    fromServer = server;
    warning.textContent = t(server ? 'remove-family-server-warning' : 'remove-family-here-warning');
    pin.value = '';
    confirm.hidden = false;
    pin.focus();
  };
  const section = h('div', { id: 'remove-family', class: 'my-data' },
    h('h2', {}, t('remove-family-title')),
    h('p', { class: 'hint' }, t('remove-family-intro')),
    h('button', { type: 'button', id: 'remove-family-here', class: 'big', onclick: () => choose(false) }, t('remove-family-here')),
    h('button', { type: 'button', id: 'remove-family-server', class: 'big', onclick: () => choose(true) }, t('remove-family-server')),
    confirm, status, error);
  // Without a paired server there is no server copy this phone can reach.
  const serverChoice = section.querySelector<HTMLButtonElement>('#remove-family-server');
  void api.getServerStatus().then((server) => {
    if (serverChoice && !(server.paired && !server.forFamily)) serverChoice.hidden = true;
  }, () => undefined);
  const remove = async () => {
    error.textContent = '';
    status.textContent = t('my-data-deleting');
    try {
      const removed = await api.removeFamily(familyId, pin.value, fromServer);
      section.replaceChildren(
        h('h2', {}, t('remove-family-title')),
        h('p', { id: 'remove-status', role: 'status' }, deletedText(removed)),
        h('button', { type: 'button', id: 'remove-done', class: 'big primary', onclick: onRemoved }, t('back-to-families')));
    } catch (raw) {
      const problem = toAppError(raw);
      status.textContent = '';
      pin.value = '';
      error.textContent = t(problem.code, problem.args);
    }
  };
  return section;
}
