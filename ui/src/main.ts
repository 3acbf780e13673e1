// Starts the UI: asks the Rust side for the app's state and shows the right screen.
import './style.css';
import * as api from './api';
import { mount, h } from './dom';
import { toAppError } from './errors';
import { DEFAULT_LANGUAGE, isLanguage, setLanguage, t, type Language } from './i18n';
import { screenFor } from './router';
import { homeScreen } from './screens/home';
import { languageScreen } from './screens/language';
import { onboardingScreen } from './screens/onboarding';
import { enterCadre } from './screens/cadre';
import { showHistory } from './screens/history';
import { showLearning } from './screens/learning';
import { showMilkStatus } from './screens/milk';
import { showResumeOffer, startSessionFlow } from './screens/session';
import { showReceive, showSend, type TransferNav } from './screens/transfer';
import { myDataSection, showStorageProblem } from './screens/data';
import { consentHandover, consentScreen } from './screens/consent';

const root = document.getElementById('app') ?? document.body;

async function refresh(): Promise<void> {
  try {
    const state = await api.getAppState();
    // A massage cut off by the app closing comes first: offer to resume it.
    const unfinished = state.family && !state.storageProblem ? await api.getUnfinishedSession() : null;
    if (unfinished) {
      setLanguage(isLanguage(state.language) ? state.language : DEFAULT_LANGUAGE);
      showResumeOffer(root, unfinished, () => void refresh());
    } else {
      show(state);
    }
    markFirstScreen();
  } catch (raw) {
    showFatal(raw);
  }
}

/** Marks the first screen shown (the start-up benchmark reads it), once. */
function markFirstScreen(): void {
  if (performance.getEntriesByName('first-screen').length === 0) performance.mark('first-screen');
}

function show(state: api.AppState): void {
  setLanguage(isLanguage(state.language) ? state.language : DEFAULT_LANGUAGE);
  switch (screenFor(state)) {
    case 'problem':
      if (state.storageProblem) showStorageProblem(root, state.storageProblem, () => void refresh());
      break;
    case 'language':
      mount(root, languageScreen(chooseLanguage));
      break;
    case 'onboarding':
      mount(root, onboardingScreen(() => void refresh(), {
        footer: h('button', { type: 'button', id: 'cadre-entry', class: 'big', onclick: () => void enterCadre(root, () => void refresh()) }, t('cadre-entry')),
      }));
      break;
    case 'consent':
      if (state.family) askConsentAgain(state.family);
      break;
    case 'home':
      if (state.family) {
        mount(root, homeScreen(state.family, {
          onLanguage: chooseLanguage,
          onStartMassage: () => startSessionFlow(root, () => void refresh()),
          onHistory: () => void showHistory(root, () => void refresh()),
          onMilkStatus: () => showMilkStatus(root, () => void refresh()),
          onCadre: () => void enterCadre(root, () => void refresh()),
          onLearn: () => void showLearning(root, () => void refresh()),
          onSend: () => void showSend(familyNav(), null, false),
          onReceive: () => showReceive(familyNav()),
          onEditFamily: () => editFamily(state.family),
          onDataChanged: () => void refresh(),
        }));
      }
      break;
  }
}

/** The consent text changed since the mother agreed: she is asked again, on her own screen. */
function askConsentAgain(family: api.Family): void {
  const ask = () => mount(root, consentHandover(() => mount(root, consentScreen({
    title: t('consent-renew-title'),
    intro: t('consent-renew-intro'),
    agree: () => void api.renewConsent().then(refresh, showFatal),
    decline: () => mount(root, h('section', { id: 'consent-declined', class: 'screen mother', 'aria-labelledby': 'consent-declined-title' },
      h('h1', { id: 'consent-declined-title' }, t('consent-declined-title')),
      h('p', {}, t('consent-renew-declined')),
      h('button', { type: 'button', id: 'consent-ask-again', class: 'big primary', onclick: ask }, t('consent-ask-again')),
      h('details', { id: 'family-privacy', class: 'settings' }, h('summary', {}, t('my-data-title')), myDataSection(family.id, () => void refresh())),
    )),
  }))));
  ask();
}

function familyNav(): TransferNav {
  return {
    root,
    back: () => void refresh(),
    fail: (raw, show) => show(toAppError(raw)),
  };
}

function editFamily(family: api.Family | null): void {
  if (!family) return;
  mount(root, onboardingScreen(() => void refresh(), {
    initial: family,
    title: t('family-edit-title'),
    submit: (input) => api.updateFamily(family.id, input),
    footer: h('button', { type: 'button', id: 'edit-family-cancel', class: 'big', onclick: () => void refresh() }, t('session-cancel')),
  }));
}

async function chooseLanguage(language: Language): Promise<void> {
  try {
    await api.setLanguage(language);
    await refresh();
  } catch (raw) {
    showFatal(raw);
  }
}

function showFatal(raw: unknown): void {
  const error = toAppError(raw);
  mount(root, h('p', { id: 'fatal-error', class: 'form-error', role: 'alert' }, t(error.code, error.args)));
}

mount(root, h('p', { class: 'hint' }, t('app-loading')));
void refresh();
