// @ts-check
// A large QR code of a join link, to project in class or scan from a neighbour's screen.

// @ts-expect-error -- a URL the server serves (the build copies qrcode-generator there), no file the type check sees
import qrcode from "/lib/qrcode.mjs";
import { h } from "./dom.js";

export function showQr(url, caption) {
  const qr = qrcode(0, "M");
  qr.addData(url);
  qr.make();
  const size = qr.getModuleCount();
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `-4 -4 ${size + 8} ${size + 8}`);
  svg.setAttribute("class", "qr");
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `QR code for ${url}`);
  const background = document.createElementNS(svg.namespaceURI, "rect");
  Object.entries({ x: -4, y: -4, width: size + 8, height: size + 8, fill: "#fff" }).forEach(([k, v]) => background.setAttribute(k, String(v)));
  svg.append(background);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.isDark(row, col)) continue;
      const cell = document.createElementNS(svg.namespaceURI, "rect");
      Object.entries({ x: col, y: row, width: 1, height: 1, fill: "#111" }).forEach(([k, v]) => cell.setAttribute(k, String(v)));
      svg.append(cell);
    }
  }
  const dialog = h("dialog", { class: "qr-dialog", testid: "qr-dialog" },
    svg,
    h("p", { text: caption }),
    h("p", { class: "muted small", text: url }),
    h("button", { type: "button", class: "primary", text: "Close", onclick: () => dialog.close() }));
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
