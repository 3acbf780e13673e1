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
