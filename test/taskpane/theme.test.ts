import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { webLightTheme } from "@fluentui/tokens";
import { renderThemeTokens } from "../../scripts/theme-tokens.js";
import { THEME_TOKENS } from "../../src/taskpane/theme-tokens.js";

describe("the pane's theme tokens", () => {
  it("are up to date with the styles and @fluentui/tokens (else run `npm run theme-tokens`)", () => {
    assert.equal(readFileSync("src/taskpane/theme-tokens.ts", "utf8"), renderThemeTokens("src/taskpane"));
  });

  it("give every token taskpane.css uses webLightTheme's own value", () => {
    const css = readFileSync("src/taskpane/taskpane.css", "utf8");
    const theme = webLightTheme as unknown as Record<string, string | number>;
    const used = [...css.matchAll(/var\(--([A-Za-z0-9]+)/g)].map((m) => m[1]!).filter((n) => Object.hasOwn(theme, n));
    assert.ok(used.includes("colorBrandBackground"));
    for (const name of used) assert.equal(THEME_TOKENS[name], String(theme[name]), name);
  });
});
