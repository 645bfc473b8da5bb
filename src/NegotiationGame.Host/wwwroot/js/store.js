// @ts-check
// What this tab remembers across reloads: the instructor's class and the student's seat.

export const store = {
  get: key => { try { return JSON.parse(sessionStorage.getItem(key)); } catch { return null; } },
  set: (key, value) => sessionStorage.setItem(key, JSON.stringify(value)),
  remove: key => sessionStorage.removeItem(key),
};
