// ESLint for the web UI's modules and their Node unit tests. Paths are from the repository root: lint.mjs runs
// ESLint there, with the packages of this folder (dev dependencies of the tests, not of the server).
import js from "@eslint/js";
import globals from "globals";

const webUi = "src/NegotiationGame.Host/wwwroot/js/**/*.js";
const unitTests = "tests/NegotiationGame.Host.Tests/node/unit/**/*.mjs";

// Scenario text and names come from the server: writing them as HTML would let a scenario or a player inject markup.
const noHtmlSinks = ["innerHTML", "outerHTML"].map(property => ({
  selector: `AssignmentExpression > MemberExpression.left[property.name='${property}']`,
  message: `Render data as text (textContent or h()); never assign ${property}.`,
}));

// Every module of the web UI is type-checked on its own too (an editor without jsconfig.json still checks it).
const requireTsCheck = {
  meta: { type: "problem", messages: { missing: "Start the module with // @ts-check." } },
  create: context => ({
    Program: program => {
      const first = context.sourceCode.getAllComments()[0];
      if (first?.type !== "Line" || first.value.trim() !== "@ts-check" || first.loc.start.line !== 1) context.report({ node: program, messageId: "missing" });
    },
  }),
};

export default [
  {
    files: [webUi],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      // signalR is the bundled client's global (lib/signalr.min.js, a classic script before the modules).
      globals: { ...globals.browser, signalR: "readonly" },
    },
    plugins: { "web-ui": { rules: { "require-ts-check": requireTsCheck } } },
    rules: {
      ...js.configs.recommended.rules,
      "web-ui/require-ts-check": "error",
      eqeqeq: ["error", "smart"],
      "no-var": "error",
      "prefer-const": "error",
      "no-implicit-globals": "error",
      "no-restricted-syntax": ["error", ...noHtmlSinks,
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "Render data as text; never insertAdjacentHTML." }],
      "no-restricted-properties": ["error", { object: "document", property: "write", message: "Build nodes with h()." }],
    },
  },
  {
    files: [unitTests],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: { ...globals.node } },
  },
];
