// @ts-check
// A student takes a seat with the class id and a join code.

import { call } from "../net/connection.js";
import { errorText } from "../net/replies.js";
import { store } from "../store.js";
import { buttonIn, field, formIn, fromTemplate, showError } from "../ui/dom.js";

export function showJoin(app, params) {
  const root = fromTemplate("tpl-join");
  const form = formIn(root, "form");
  form.elements.classId.value = params.get("class") ?? "";
  form.elements.code.value = params.get("code") ?? "";
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const request = {
      classId: form.elements.classId.value.trim(),
      code: form.elements.code.value.trim().toUpperCase(),
      name: form.elements.name.value.trim(),
    };
    if (!request.classId || !request.code || !request.name) return showError(field(form, "error"), "Fill in the class id, the code and your name.");
    const button = buttonIn(form, "[type=submit]");
    button.disabled = true;
    const result = await call("joinClass", request);
    button.disabled = false;
    if (!result.ok) return showError(field(form, "error"), errorText(result));
    store.set("player", { token: result.token, gameId: result.gameId, partyId: result.partyId, seatId: result.seatId, name: request.name });
    location.hash = "#/play";
  });
  app.append(root);
  (form.elements.classId.value && form.elements.code.value ? form.elements.name : form.elements.classId).focus();
}
