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
    rules: {
      ...js.configs.recommended.rules,
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
