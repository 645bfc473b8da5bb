// Runs ESLint (eslint.config.js beside this file) on the web UI's modules and their unit tests, from the repository
// root, and prints one line a problem: "path:line:column rule message". Exits 1 on any problem, 2 if it cannot run.
// Usage: node lint.mjs
import { ESLint } from "eslint";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(here, "eslint.config.js"), errorOnUnmatchedPattern: true });
const results = await eslint.lintFiles(["src/NegotiationGame.Host/wwwroot/js", "tests/NegotiationGame.Host.Tests/node/unit"]);

let problems = 0;
for (const result of results) {
  for (const message of result.messages) {
    problems++;
    console.log(`${path.relative(root, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? "parse"} ${message.message}`);
  }
}
console.log(`${results.length} files linted, ${problems} problems`);
process.exitCode = problems > 0 ? 1 : 0;
