/**
 * Building DOM without markup strings: every piece of text from a sheet, a rules
 * file or a message goes in as a text node (textContent), so a cell holding
 * `<img onerror=…>` shows as those characters and never runs. innerHTML is banned
 * by the lint; this is the one way the pane makes elements.
 */

type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  [name: string]: string | number | boolean | undefined | ((e: Event) => void);
}

/** h("button", { type: "button", onclick }, "text", child…) — attributes set as attributes, text as text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value as EventListener);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, ...children);
  return el;
}

function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "number" ? String(c) : c);
  }
}

let counter = 0;
/** A unique id for aria-labelledby / aria-controls pairs. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
