// The mother's consent, on her own screen: the phone is handed to her first, she reads
// what is kept and who sees it, and she alone answers (the father cannot tick it for
// her while filling in the family's details).
import * as api from '../api';
import { h, mount } from '../dom';
import { fatalErrorLine } from '../errors';
import { t } from '../i18n';
import type { Nav } from '../nav';
import { myDataSection } from './data';

const PARTS = ['consent-kept', 'consent-why', 'consent-where', 'consent-who', 'consent-how-long', 'consent-rights'];

/** "Give the phone to the mother", then `ready` when she has it. */
export function consentHandover(ready: () => void): HTMLElement {
  return h('section', { id: 'consent-handover', class: 'screen handover', 'aria-labelledby': 'consent-handover-title' },
    h('h1', { id: 'consent-handover-title' }, t('handover-title')),
    h('p', {}, t('consent-handover-text')),
    h('button', { type: 'button', id: 'consent-handover-ready', class: 'big primary', onclick: ready }, t('handover-ready')),
  );
}

export interface ConsentChoice {
  title: string;
  intro: string;
  agree(): void;
  decline(): void;
}

/** The consent text in full and her two answers. */
export function consentQuestion(choice: ConsentChoice): HTMLElement {
  return h('section', { id: 'consent', class: 'screen mother', 'aria-labelledby': 'consent-title' },
    h('h1', { id: 'consent-title' }, choice.title),
    h('p', { id: 'consent-intro' }, choice.intro),
    h('ul', { id: 'consent-text', class: 'consent-text' }, ...PARTS.map((id) => h('li', {}, t(id)))),
    h('p', { class: 'question' }, t('consent-question')),
    h('p', { id: 'consent-error', class: 'form-error', role: 'alert' }),
    h('div', { class: 'choices' },
      h('button', { type: 'button', id: 'consent-yes', class: 'big primary', onclick: choice.agree }, t('consent-yes')),
      h('button', { type: 'button', id: 'consent-no', class: 'big', onclick: choice.decline }, t('consent-no')),
    ),
  );
}

/** The consent text changed since the mother agreed: she is asked again, on her own screen. */
export function showConsentRenewal(nav: Nav, family: api.Family): void {
  const failed = (raw: unknown) =>
    nav.fail(raw, (error) => mount(nav.root, fatalErrorLine(error)));
  const ask = () => mount(nav.root, consentHandover(() => mount(nav.root, consentQuestion({
    title: t('consent-renew-title'),
    intro: t('consent-renew-intro'),
    agree: () => void api.renewConsent().then(() => nav.home(), failed),
    decline: () => mount(nav.root, h('section', { id: 'consent-declined', class: 'screen mother', 'aria-labelledby': 'consent-declined-title' },
      h('h1', { id: 'consent-declined-title' }, t('consent-declined-title')),
      h('p', {}, t('consent-renew-declined')),
      h('button', { type: 'button', id: 'consent-ask-again', class: 'big primary', onclick: ask }, t('consent-ask-again')),
      h('details', { id: 'family-privacy', class: 'settings' }, h('summary', {}, t('my-data-title')), myDataSection(family.id, () => nav.home())),
    )),
  }))));
  ask();
}
