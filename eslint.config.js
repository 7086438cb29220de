// ESLint flat config: typescript-eslint's recommended rules, Prettier owns formatting,
// and the shape of src/ (folder doors, one-way layers) as import restrictions.
import tseslint from "typescript-eslint";

const NO_EVAL = [
  { selector: "CallExpression[callee.name='eval']", message: "no eval" },
  { selector: "NewExpression[callee.name='Function']", message: "no new Function" },
  {
    selector: "AssignmentExpression[left.property.name='innerHTML']",
    message: "use textContent, never innerHTML",
  },
];

/**
 * src/'s folders in layers, lowest first. Data flows one way: a folder imports only
 * from its own layer's folder or lower ones, never from a higher layer or a sibling
 * of its layer (report and office, cli and taskpane are independent of each other).
 */
export const LAYERS = [
  ["dsl"],
  ["rules"],
  ["engine"],
  ["functions"],
  ["workbook"],
  ["report", "office"],
  ["cli", "taskpane"],
];
const LAYER_TEXT = LAYERS.map((l) => l.join("/")).join(" → ");

/**
 * Folders entered only through their doors from outside. dsl: index.ts (the
 * language, with the parser) and runtime.ts (the checked model, precision and
 * diagnostics without it). engine: index.ts (everything, with the rules texts) and
 * scoring.ts (compile, evaluate, rate without the parser or the texts).
 */
export const DOORS = { dsl: ["index", "runtime"], engine: ["index", "scoring"] };

/** A relative import source that leaves the importing folder and enters src/<folder>. */
const into = (folder) => String.raw`^(?:\.\./)+${folder}(?:/|$)`;

/**
 * A file in src/<folder>: no-restricted-imports patterns for static imports and
 * exports, and the same as no-restricted-syntax selectors for import(), which
 * no-restricted-imports does not see. `extra` adds patterns for some files.
 */
function importRules(folder, extra = []) {
  const layer = LAYERS.findIndex((l) => l.includes(folder));
  const patterns = [];
  for (const [i, folders] of LAYERS.entries()) {
    for (const other of folders) {
      if (other === folder || i < layer) continue;
      patterns.push({
        regex: into(other),
        message:
          i === layer
            ? `src/${folder} and src/${other} are independent: neither imports the other (${LAYER_TEXT}).`
            : `Layers run one way (${LAYER_TEXT}): src/${folder} may not import the higher src/${other}.`,
      });
    }
  }
  for (const [other, doors] of Object.entries(DOORS)) {
    if (other === folder) continue;
    patterns.push({
      regex: String.raw`^(?:\.\./)+${other}/(?!(?:${doors.join("|")})\.js$)`,
      message: `Outside src/${other}, import only its doors: ${doors.map((d) => `${other}/${d}.ts`).join(" or ")}.`,
    });
  }
  patterns.push(...extra);
  return {
    "no-restricted-imports": ["error", { patterns }],
    "no-restricted-syntax": [
      "error",
      ...NO_EVAL,
      // esquery's regex literals cannot hold "/", even escaped.
      ...patterns.map(({ regex, message }) => ({
        selector: `ImportExpression[source.value=/${regex.replaceAll("/", String.raw`\x2F`)}/]`,
        message,
      })),
    ],
  };
}

/**
 * The custom functions' bundle carries neither the parser nor the rules texts: the
 * functions and the engine modules that scoring.ts re-exports reach dsl and engine
 * through runtime.ts and scoring.ts only. register-rules.ts (loaded on demand) and
 * the engine's rules-registry.ts and front door are where the parser comes in.
 */
const LIGHT = [
  {
    regex: String.raw`^(?:\.\./)+(?:dsl|engine)/index\.js$|^\./index\.js$`,
    message:
      "The custom functions' bundle must not carry the parser or the rules texts: import dsl/runtime.ts and engine/scoring.ts here (register-rules.ts alone loads the parser, on demand).",
  },
];
const HEAVY = ["src/functions/register-rules.ts", "src/engine/index.ts", "src/engine/rules-registry.ts"];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "lib/",
      "dist/",
      "scratch/",
      "test-output/",
      "src/rules/bundled.ts",
      "src/rules/scoring.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", ...NO_EVAL],
    },
  },
  ...LAYERS.flat().map((folder) => ({ files: [`src/${folder}/**/*.ts`], rules: importRules(folder) })),
  ...["functions", "engine"].map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    ignores: HEAVY,
    rules: importRules(folder, LIGHT),
  })),
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);
