// @ts-check
// What this browser remembers across tabs and reloads: the instructor's class and the student's seat. It is
// localStorage, not sessionStorage, so that every page opens in any tab of the same browser (docs/security.md says
// what that means for a shared computer).

export const store = {
  get: key => { try { return JSON.parse(localStorage.getItem(key)); } catch { return null; } },
  set: (key, value) => localStorage.setItem(key, JSON.stringify(value)),
  remove: key => localStorage.removeItem(key),
};
