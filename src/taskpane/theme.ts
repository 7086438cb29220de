/**
 * The Office look without a component library: Fluent's webLightTheme tokens
 * (@fluentui/tokens) become CSS custom properties (--colorBrandBackground …) that
 * taskpane.css uses on native elements. Why not Fluent UI web components: v3
 * (@fluentui/web-components) needs Node 22 to build and we are on Node 20; native
 * buttons, radio groups, lists, tables and live regions give the keyboard and
 * screen-reader behaviour for free, and the tokens give the look.
 */
import { webLightTheme } from "@fluentui/tokens";

/** Thai-capable fonts first: Segoe UI (Fluent's default) has no Thai glyphs. */
const FONT_STACK = `"Leelawadee UI", Thonburi, "Noto Sans Thai", sans-serif`;

export function applyTheme(root: HTMLElement): void {
  for (const [name, value] of Object.entries(webLightTheme)) {
    root.style.setProperty(`--${name}`, String(value));
  }
  root.style.setProperty("--fontFamilyBase", FONT_STACK);
}
