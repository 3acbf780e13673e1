// The signs that mean "see the midwife", in one place for every screen that shows them:
// the mother's milk status, the cadre's visit, the safety check and a stop for pain.
import { h } from '../dom';
import { t } from '../i18n';

const SIGNS = ['referral-no-milk', 'referral-breast', 'referral-baby', 'referral-nappies', 'referral-mother', 'referral-mother-mood'];

/** The list of referral signs under its heading. */
export function referralSigns(): HTMLElement {
  return h('div', { class: 'referral-signs' },
    h('h2', {}, t('referral-title')),
    h('ul', {}, ...SIGNS.map((id) => h('li', {}, t(id)))));
}

/** What to do when milk is recorded as "tidak ada": contact the midwife today, and why. */
export function referralAdvice(): HTMLElement {
  return h('div', { id: 'referral-advice', class: 'referral warning', role: 'alert' },
    h('p', { class: 'referral-lead' }, t('milk-none-advice')),
    referralSigns());
}
