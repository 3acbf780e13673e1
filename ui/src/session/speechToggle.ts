// The spoken guidance's switch on the guided screen: one tap turns the voice off (or on
// again), remembered on the device; when the device has no voice for the language, a
// notice says so once and the sound cues carry on.
import * as api from '../api';
import { h } from '../dom';
import { t } from '../i18n';

export function speechToggle(): HTMLElement {
  // The words say the state ("on"/"off"): no aria-pressed, whose name would have to stay
  // the same while its state changes.
  const button = h('button', { type: 'button', id: 'guide-speech', class: 'speech-toggle' });
  const notice = h('p', { id: 'guide-speech-unavailable', class: 'hint', role: 'status', hidden: true }, t('speech-unavailable'));
  let enabled = true;
  const draw = () => {
    button.textContent = t(enabled ? 'speech-on' : 'speech-off');
  };
  button.addEventListener('click', (event) => {
    event.stopPropagation(); // not a tap-to-pause
    enabled = !enabled;
    draw();
    api.setSpeech(enabled).catch(() => {
      // Not remembered, but this session already follows the tap.
    });
  });
  draw();
  api.getSpeechStatus().then((status) => {
    enabled = status.enabled;
    draw();
    notice.hidden = !(status.enabled && status.voiceAvailable === false);
  }, () => {
    notice.hidden = true;
  });
  return h('div', { class: 'speech-row' }, button, notice);
}
