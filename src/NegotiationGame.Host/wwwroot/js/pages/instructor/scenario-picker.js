// @ts-check
// The create-class form's scenario: a picker of the bundled scenarios and the server's library, a scenario file to
// upload, and a GENIUS domain to convert, each shown as a preview (parties, issues, outcome count) before creating.
// The server checks every file; its problems are listed here as text, each with its JSON path.

import { call } from "../../net/connection.js";
import { errorText } from "../../net/replies.js";
import { h } from "../../ui/dom.js";

// The hub reads messages of at most 64 KB (docs/protocol.md "Uploading a scenario"); a larger one closes the
// connection instead of being answered, so the form measures what it would send first.
const MESSAGE_LIMIT_BYTES = 64 * 1024;
const DEFAULT_SCENARIO = "ukraine-2025";
const CONVERTED = "converted";

const messageBytes = (method, argument) =>
  new TextEncoder().encode(JSON.stringify({ type: 1, invocationId: "0", target: method, arguments: [argument] })).length + 1;

function tooLarge(method, argument) {
  const bytes = messageBytes(method, argument);
  return bytes <= MESSAGE_LIMIT_BYTES ? null
    : `That is ${Math.ceil(bytes / 1024)} KB to send; the server accepts at most 64 KB at once (a scenario file of about 55 KB). Shorten the texts of the file.`;
}

const readText = file => file.text();

export function setUpScenarioPicker(root) {
  const select = root.querySelector("[data-testid=scenario]");
  const problems = root.querySelector("[data-testid=scenario-problems]");
  const preview = root.querySelector("[data-testid=scenario-preview]");
  let converted = null;

  const showProblems = (result, fallback) => {
    const listed = result?.error?.problems ?? [];
    problems.replaceChildren(
      h("p", { text: listed.length ? "The server refused the file:" : errorText(result) || fallback }),
      listed.length ? h("ul", {}, listed.map(problem => h("li", { text: `${problem.path}: ${problem.message}` }))) : null);
    problems.hidden = false;
    preview.hidden = true;
  };
  const showPreview = (scenario, outcomes, notes = []) => {
    problems.hidden = true;
    preview.replaceChildren(
      h("h3", { text: scenario.title }),
      h("p", { text: `Parties: ${scenario.parties.map(party => party.name).join(", ")}` }),
      h("p", { text: `Issues: ${scenario.issues.map(issue => `${issue.name} (${issue.options.length} options)`).join(", ")}` }),
      h("p", { text: `${outcomes.toLocaleString("en")} possible outcomes`, testid: "scenario-outcomes" }),
      notes.length ? h("ul", {}, notes.map(note => h("li", { text: note }))) : null);
    preview.hidden = false;
  };
  const addChoice = (value, label) => {
    select.querySelector(`option[value="${CSS.escape(value)}"]`)?.remove();
    select.append(h("option", { value, text: label }));
    select.value = value;
  };

  call("listScenarios", {}).then(result => {
    if (!result.ok) return;
    select.replaceChildren(...result.scenarios.map(choice => h("option", {
      value: choice.id,
      text: choice.bundled ? `${choice.title} (bundled)` : `${choice.title} (uploaded by ${choice.uploadedBy})`,
    })));
    select.value = DEFAULT_SCENARIO;
    select.disabled = false;
  });

  root.querySelector("[data-testid=scenario-file]").addEventListener("change", async event => {
    const [file] = event.target.files;
    if (!file) return;
    const request = { scenarioJson: await readText(file) };
    const refusal = tooLarge("UploadScenario", request);
    if (refusal) return showProblems(null, refusal);
    const result = await call("uploadScenario", request);
    if (!result.ok) return showProblems(result, "The file was not accepted.");
    addChoice(result.choice.id, `${result.choice.title} (uploaded)`);
    showPreview(result.scenario, result.outcomes);
  });

  root.querySelector("[data-testid=genius-convert]").addEventListener("click", async () => {
    const [domainFile] = root.querySelector("[data-testid=genius-domain]").files;
    const profileFiles = [...root.querySelector("[data-testid=genius-profiles]").files];
    if (!domainFile || profileFiles.length === 0) return showProblems(null, "Choose the domain file and one profile file per party.");
    const asFile = async file => ({ name: file.name, xml: await readText(file) });
    const request = { domain: await asFile(domainFile), profiles: await Promise.all(profileFiles.map(asFile)) };
    const refusal = tooLarge("ImportGenius", request);
    if (refusal) return showProblems(null, refusal);
    const result = await call("importGenius", request);
    if (!result.ok) return showProblems(result, "The files could not be converted.");
    converted = result.scenarioJson;
    addChoice(CONVERTED, `${result.scenario.title} (converted from GENIUS)`);
    showPreview(result.scenario, result.outcomes, result.notes);
  });

  // What createClass names: a converted domain travels as its text, anything else by its id; null when too large.
  return {
    request() {
      if (select.value !== CONVERTED) return { scenario: select.value || DEFAULT_SCENARIO };
      return { scenarioJson: converted };
    },
    tooLarge: request => tooLarge("CreateClass", request),
  };
}
