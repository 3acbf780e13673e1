// Builds DOM nodes from data without ever parsing HTML: text always goes in as
// text nodes, so a name like "<b>Budi</b>" shows as typed.

type Child = Node | string | number | null | undefined | false;

/** Attributes (set with setAttribute) and event listeners of an element. */
export interface Props {
  [attribute: string]: string | number | boolean | EventListener | undefined;
}

/** Creates `<tag>` with its attributes, `on*` listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `root` with `children`. */
export function mount(root: HTMLElement, ...children: Child[]): void {
  root.replaceChildren();
  append(root, children);
  // A new screen starts at its top, not where the last one was scrolled to.
  window.scrollTo(0, 0);
}

/** Marks `chosen` as the pressed button of its group. */
export function toggleGroup(buttons: HTMLButtonElement[], chosen: HTMLButtonElement): void {
  for (const button of buttons) button.setAttribute('aria-pressed', String(button === chosen));
}

/** One-tap choices as pressed buttons (ids `${idPrefix}-${value}`), labelled by `labelledBy`. */
export function choiceGroup<T extends string>(
  idPrefix: string,
  values: readonly T[],
  label: (value: T) => string,
  initial: T | null,
  labelledBy: string,
): { element: HTMLElement; value(): T | null } {
  let chosen = initial;
  const buttons = values.map((value) =>
    h('button', { type: 'button', id: `${idPrefix}-${value}`, class: 'choice', 'aria-pressed': String(value === chosen) }, label(value)));
  buttons.forEach((button, i) =>
    button.addEventListener('click', () => {
      chosen = values[i] ?? null;
      toggleGroup(buttons, button);
    }));
  return {
    element: h('div', { class: 'choices-row', role: 'group', 'aria-labelledby': labelledBy }, ...buttons),
    value: () => chosen,
  };
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with these attributes (and `text`, if given): the one helper every
 *  picture and chart draws with. */
export function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}
