// @ts-check
// A student takes a seat with the class id and a join code; a browser that holds the class's seat gets it back at
// once, and a student without it (a new device, or after the start) asks the instructor and waits.

import { call } from "../net/connection.js";
import { errorText } from "../net/replies.js";
import { askForSeat, pendingRequestOf, rejoin, seatKeyOf, takeSeat } from "../seats.js";
import { buttonIn, field, formIn, fromTemplate, h, showError } from "../ui/dom.js";
import { showSeatWait } from "./seat-wait.js";

// Refusals after which only the instructor can seat the student.
const ASK_INSTEAD = ["ClassStarted", "ClassFull"];

export function showJoin(app, params) {
  const classId = params.get("class") ?? "";
  if (classId && pendingRequestOf(classId)) return showSeatWait(app, classId, () => showJoinForm(app, params));
  if (classId && seatKeyOf(classId)) return comeBack(app, params, classId);
  showJoinForm(app, params);
}

async function comeBack(app, params, classId) {
  const card = h("section", { class: "card narrow", testid: "rejoining" }, h("h1", { text: "Taking your seat back…" }));
  app.replaceChildren(card);
  const { seat, reply } = await rejoin(classId);
  if (!document.contains(card)) return;
  if (seat) { location.hash = "#/play"; return; }
  const form = showJoinForm(app, params);
  if (reply?.error?.code === "UnknownSeat") {
    showError(field(form, "notice"), "This browser's seat is no longer recognised. Join again, or ask the instructor for your seat.");
  } else {
    showError(field(form, "error"), errorText(reply));
  }
}

function showJoinForm(app, params) {
  const root = fromTemplate("tpl-join");
  const form = formIn(root, "form");
  form.elements.classId.value = params.get("class") ?? "";
  form.elements.code.value = params.get("code") ?? "";
  const errorNode = field(form, "error");
  const read = () => ({
    classId: form.elements.classId.value.trim(),
    code: form.elements.code.value.trim().toUpperCase(),
    name: form.elements.name.value.trim(),
  });

  form.addEventListener("submit", async event => {
    event.preventDefault();
    const request = read();
    if (!request.classId || !request.code || !request.name) return showError(errorNode, "Fill in the class id, the code and your name.");
    if (seatKeyOf(request.classId)) return comeBack(app, params, request.classId);
    const result = await whileDisabled(buttonIn(form, "[type=submit]"), () => call("joinClass", request));
    if (result.ok) {
      takeSeat(request.classId, result, request.name);
      location.hash = "#/play";
    } else if (ASK_INSTEAD.includes(result.error?.code)) {
      await ask(request);
    } else {
      showError(errorNode, errorText(result));
    }
  });

  buttonIn(form, "[data-action=ask]").addEventListener("click", () => {
    const request = read();
    if (!request.classId || !request.code || !request.name) return showError(errorNode, "Fill in the class id, the code and the name you joined with.");
    return ask(request);
  });

  async function ask(request) {
    const result = await whileDisabled(buttonIn(form, "[data-action=ask]"), () => askForSeat(request.classId, request.code, request.name));
    if (!result.ok) return showError(errorNode, errorText(result));
    showSeatWait(app, request.classId, () => showJoinForm(app, params));
  }

  app.replaceChildren(root);
  (form.elements.classId.value && form.elements.code.value ? form.elements.name : form.elements.classId).focus();
  return form;
}

async function whileDisabled(button, work) {
  button.disabled = true;
  try {
    return await work();
  } finally {
    button.disabled = false;
  }
}
