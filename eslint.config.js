// ESLint flat config: typescript-eslint's recommended rules, Prettier owns formatting.
import tseslint from "typescript-eslint";

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
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='eval']", message: "no eval" },
        { selector: "NewExpression[callee.name='Function']", message: "no new Function" },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: "use textContent, never innerHTML",
        },
      ],
    },
  },
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);
