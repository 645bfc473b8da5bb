// @ts-check
// What the debrief and the comparison share: the instructor key of this browser and the download links.

import { callUntilAnswered, currentNodeUrl } from "../net/connection.js";
import { errorText } from "../net/replies.js";
import { store } from "../store.js";
import { field, h, showError } from "../ui/dom.js";

export function savedInstructor(errorNode) {
  const saved = store.get("instructor");
  if (saved?.instructorToken) return saved;
  showError(errorNode, "Open this page in the browser that created the class: only it holds the instructor key.");
  return null;
}

/** Downloads ask the server for a short-lived link at the moment of the click: the instructor key never sits in a URL. */
export function exportLinks(root, saved, gameId) {
  const wire = (node, request, filename) => {
    if (!node) return;
    Object.assign(node, { href: "#", download: filename });
    node.addEventListener("click", async event => {
      event.preventDefault();
      const result = await callUntilAnswered("createDownloadLink", { token: saved.instructorToken, ...request });
      if (!result.ok) return showError(field(root, "error"), errorText(result));
      const link = h("a", { href: currentNodeUrl(result.url), download: filename });
      document.body.append(link);
      link.click();
      link.remove();
    });
  };
  wire(field(root, "exportCsv"), {}, `${saved.classId}-summary.csv`);
  if (gameId) wire(field(root, "exportJsonl"), { gameId }, `${gameId}.jsonl`);
}

export const debriefError = result => (result.error?.code === "GameNotFound"
  ? "This game has not started yet: its debrief opens once the class has started."
  : errorText(result));

export const hideLoading = root => { field(root, "loading").hidden = true; };
