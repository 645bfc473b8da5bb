// @ts-check
// The instructor's entry: take over a class from an instructor link, run the class this tab holds, or create one.

import { call } from "../../net/connection.js";
import { errorText } from "../../net/replies.js";
import { route } from "../../router.js";
import { store } from "../../store.js";
import { buttonIn, field, formIn, fromTemplate, showError } from "../../ui/dom.js";
import { showClass } from "./class-room.js";
import { takeRecoveryLink } from "./recovery.js";
import { setUpScenarioPicker } from "./scenario-picker.js";

export function showInstructor(app, params) {
  takeRecoveryLink(params);
  const saved = store.get("instructor");
  if (saved?.instructorToken) showClass(app, saved);
  else showCreateForm(app);
}

function readNumber(form, name, fallback) {
  const value = Number(form.elements[name].value);
  return Number.isFinite(value) && form.elements[name].value !== "" ? value : fallback;
}

function showCreateForm(app) {
  const root = fromTemplate("tpl-instructor-create");
  const form = formIn(root, "form");
  form.elements.seed.value = Math.floor(Math.random() * 100000);
  const scenario = setUpScenarioPicker(root);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const games = readNumber(form, "games", 1);
    if (!Number.isInteger(games) || games < 1 || games > 20) return showError(field(form, "error"), "Choose between 1 and 20 games.");
    const request = {
      title: form.elements.title.value.trim() || "Negotiation seminar",
      ...scenario.request(),
      games,
      briefingSeconds: readNumber(form, "briefingSeconds", 0),
      roundSeconds: readNumber(form, "roundSeconds", 300),
      spectatorDelaySeconds: readNumber(form, "spectatorDelaySeconds", 0),
      seed: readNumber(form, "seed", 1),
    };
    const refusal = scenario.tooLarge(request);
    if (refusal) return showError(field(form, "error"), refusal);
    const button = buttonIn(form, "[type=submit]");
    button.disabled = true;
    const result = await call("createClass", request);
    button.disabled = false;
    if (!result.ok) return showError(field(form, "error"), errorText(result));
    const { classId, instructorToken, gameIds, lobbyCode, joinCodes, spectatorTokens } = result;
    store.set("instructor", { classId, instructorToken, gameIds, lobbyCode, joinCodes, spectatorTokens, title: request.title });
    route();
  });
  app.append(root);
}
