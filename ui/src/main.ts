// Starts the UI: one navigator whose first screen asks the Rust side for the app's state
// and shows what fits it. Every screen is a `Screen` (see nav.ts): read that file first.
import './style.css';
import * as api from './api';
import { mount, h } from './dom';
import { fatalErrorLine, toAppError } from './errors';
import { DEFAULT_LANGUAGE, isLanguage, setLanguage, t } from './i18n';
import { startNav, type Nav } from './nav';
import { screenFor } from './router';
import { setShareAvailable } from './share';
import { showHome } from './screens/home';
import { showLanguage } from './screens/language';
import { showOnboarding } from './screens/onboarding';
import { showCadre } from './screens/cadre';
import { showResumeOffer } from './screens/session';
import { showStorageProblem } from './screens/data';
import { showConsentRenewal } from './screens/consent';

const root = document.getElementById('app') ?? document.body;

/** The first screen: whatever the app's state calls for (drawn again by `nav.home()`). */
async function showStart(nav: Nav): Promise<void> {
  try {
    const state = await api.getAppState();
    setLanguage(isLanguage(state.language) ? state.language : DEFAULT_LANGUAGE);
    setShareAvailable(state.canShare);
    // A massage cut off by the app closing comes first: offer to resume it.
    const unfinished = state.family && !state.storageProblem ? await api.getUnfinishedSession() : null;
    if (unfinished) showResumeOffer(nav, unfinished);
    else show(nav, state);
    markFirstScreen();
  } catch (raw) {
    showFatal(raw);
  }
}

/** Marks the first screen shown (the start-up benchmark reads it), once. */
function markFirstScreen(): void {
  if (performance.getEntriesByName('first-screen').length === 0) performance.mark('first-screen');
}

function show(nav: Nav, state: api.AppState): void {
  switch (screenFor(state)) {
    case 'problem':
      if (state.storageProblem) showStorageProblem(nav, state.storageProblem);
      break;
    case 'language':
      showLanguage(nav);
      break;
    case 'onboarding':
      showOnboarding(nav, () => nav.home(), {
        footer: h('button', { type: 'button', id: 'cadre-entry', class: 'big', onclick: () => nav.open(showCadre) }, t('cadre-entry')),
      });
      break;
    case 'consent':
      if (state.family) showConsentRenewal(nav, state.family);
      break;
    case 'home':
      if (state.family) showHome(nav, state.family);
      break;
  }
}

function showFatal(raw: unknown): void {
  mount(root, fatalErrorLine(toAppError(raw)));
}

mount(root, h('p', { class: 'hint' }, t('app-loading')));
startNav(root, showStart);
