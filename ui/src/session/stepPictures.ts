// Drawings of what a father must see to massage safely (assets/steps/*.svg): how the
// mother sits or lies, the fists beside the spine with the thumbs up, the small circles
// down to the bra-strap line and never on the spine, and the warm cloth afterwards.
// Each has a text alternative in locales/ (`picture-<id>`), shown as its caption too.
import sitting from '../../../assets/steps/position-sitting.svg?raw';
import side from '../../../assets/steps/position-side.svg?raw';
import fists from '../../../assets/steps/fists.svg?raw';
import circles from '../../../assets/steps/circles.svg?raw';
import cloth from '../../../assets/steps/cloth.svg?raw';
import { h } from '../dom';
import { t } from '../i18n';

export const STEP_PICTURES = {
  'position-sitting': sitting,
  'position-side': side,
  fists,
  circles,
  cloth,
} as const;

export type StepPictureId = keyof typeof STEP_PICTURES;

/** Every drawing in the order a session needs them. */
export const STEP_PICTURE_ORDER: readonly StepPictureId[] = ['position-sitting', 'position-side', 'fists', 'circles', 'cloth'];

/** The message id of a drawing's text alternative. */
export const pictureLabelId = (id: StepPictureId): string => `picture-${id}`;

/** The drawing as an image element (our own asset, parsed, never user data). */
export function stepPicture(id: StepPictureId): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(STEP_PICTURES[id], 'image/svg+xml');
  const element = document.importNode(parsed.documentElement, true) as unknown as SVGSVGElement;
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', t(pictureLabelId(id)));
  element.classList.add('step-picture');
  element.dataset.picture = id;
  return element;
}

/** The drawing with its text alternative as a visible caption. */
export function stepFigure(id: StepPictureId): HTMLElement {
  return h('figure', { class: 'step-figure', 'data-picture': id }, stepPicture(id), h('figcaption', {}, t(pictureLabelId(id))));
}

/** Every drawing, in order, as captioned figures. */
export function stepFigures(id: string): HTMLElement {
  return h('div', { id, class: 'step-figures' }, ...STEP_PICTURE_ORDER.map(stepFigure));
}
