/**
 * The Office look without a component library: Fluent's webLightTheme tokens
 * (@fluentui/tokens) become CSS custom properties (--colorBrandBackground …) that
 * taskpane.css uses on native elements. Why not Fluent UI web components: v3
 * (@fluentui/web-components) needs Node 22 to build and we are on Node 20; native
 * buttons, radio groups, lists, tables and live regions give the keyboard and
 * screen-reader behaviour for free, and the tokens give the look. The values of the
 * tokens the styles use are generated into theme-tokens.ts (scripts/theme-tokens.ts),
 * so the pane's start-up carries them and not the token library.
 */
import { THEME_TOKENS } from "./theme-tokens.js";

/** Thai-capable fonts first: Segoe UI (Fluent's default) has no Thai glyphs. */
const FONT_STACK = `"Leelawadee UI", Thonburi, "Noto Sans Thai", sans-serif`;

export function applyTheme(root: HTMLElement): void {
  for (const [name, value] of Object.entries(THEME_TOKENS)) {
    root.style.setProperty(`--${name}`, value);
  }
  root.style.setProperty("--fontFamilyBase", FONT_STACK);
}
