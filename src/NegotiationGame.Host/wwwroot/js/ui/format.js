// @ts-check
// How numbers, times and ids read on screen.

import { h } from "./dom.js";

export const paragraphs = text => String(text ?? "").split(/\n\s*\n/).map(p => p.trim()).filter(Boolean).map(p => h("p", { text: p }));

export function prettify(id) {
  const text = String(id ?? "").replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Party ids are short codes ("us", "eu") that read best in capitals when no scenario names them.
export const prettyParty = id => (/^[a-z]{2,3}$/.test(id ?? "") ? id.toUpperCase() : prettify(id));

export const listJoin = items => (items.length ? items.join(", ") : "nobody");

export const points = value => (typeof value === "number" ? value.toFixed(1) : "–");

export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export function formatSeconds(total) {
  const seconds = Math.max(0, Math.round(total));
  const m = Math.floor(seconds / 60);
  return `${m}:${String(seconds % 60).padStart(2, "0")}`;
}

export const fixed2 = value => (typeof value === "number" ? value.toFixed(2) : "–");
