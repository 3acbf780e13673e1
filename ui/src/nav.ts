// How every screen is shown: a screen is a function of a `Nav`, and a navigator keeps the
// screens opened so far as a stack. `open` goes forward, `back` returns to the screen below,
// drawn again so it shows what changed meanwhile. Screens never import the screen they came
// from: they go back, or are handed what to open.
import { toAppError, type AppError } from './errors';

/** The one signature of every screen: draw into `nav.root`, leave through `nav`. */
export type Screen = (nav: Nav) => void | Promise<void>;

export interface Nav {
  readonly root: HTMLElement;
  /** Shows `screen` above this one; its `back` returns here. */
  open(screen: Screen): void;
  /** Shows `screen` instead of this one; its `back` goes where this one's went. */
  replace(screen: Screen): void;
  /** Returns to the screen below (drawn again); at the first screen, leaves the navigator. */
  back(): void;
  /** Returns to the navigator's first screen (the home, or the cadre's families). */
  home(): void;
  /** Reports an error: `show` displays it, unless the navigator handles it (cadre mode locks). */
  fail(raw: unknown, show: (error: AppError) => void): void;
}

export interface NavOptions {
  /** What `back` on the first screen does; by default the first screen is drawn again. */
  leave?: () => void;
  /** Errors that belong to the navigator rather than the screen (return true if handled). */
  handles?: (error: AppError) => boolean;
}

/**
 * Starts a navigator on `root` with `first` as its bottom screen, and draws it. `root` may
 * be a function: a navigator inside a screen of another passes that screen's `nav.root`.
 */
export function startNav(root: HTMLElement | (() => HTMLElement), first: Screen, options: NavOptions = {}): Nav {
  const stack: Screen[] = [first];
  const rootNow = typeof root === 'function' ? root : () => root;
  // Each drawing of a screen is numbered. A screen drawn before the latest one (its data
  // came late: the home still loading when a tap opened the massage) draws into a detached
  // element, never over the screen shown now.
  let drawing = 0;
  const draw = (depth: number) => {
    const screen = stack[depth];
    drawing += 1;
    if (screen) void screen(navAt(depth, drawing));
  };
  const navAt = (depth: number, mine: number): Nav => ({
    get root() {
      return mine === drawing ? rootNow() : document.createElement('div');
    },
    open(screen) {
      stack.length = depth + 1;
      stack.push(screen);
      draw(depth + 1);
    },
    replace(screen) {
      stack.length = depth;
      stack.push(screen);
      draw(depth);
    },
    back() {
      if (depth === 0) {
        if (options.leave) options.leave();
        else draw(0);
        return;
      }
      stack.length = depth;
      draw(depth - 1);
    },
    home() {
      stack.length = 1;
      draw(0);
    },
    fail(raw, show) {
      const error = toAppError(raw);
      if (!options.handles?.(error)) show(error);
    },
  });
  draw(0);
  return navAt(0, drawing);
}
