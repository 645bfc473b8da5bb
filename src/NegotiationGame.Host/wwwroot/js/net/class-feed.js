// @ts-check
// The instructor's class as the server pushes it (watchClass, then a classChanged message at each change): the page
// that follows a class is told to read it again, and after a reconnect too, since pushes made meanwhile were lost.

import { onHubMessage, onResync } from "./connection.js";

/** @type {{ classId: string, onChange: () => void } | null} */
let current = null;
let wired = false;

/**
 * Calls onChange whenever the class changes, until the returned function is called (when the page goes).
 * @param {string} classId
 * @param {() => void} onChange
 * @returns {() => void}
 */
export function followClass(classId, onChange) {
  if (!wired) {
    wired = true;
    onHubMessage("classChanged", message => { if (current && message?.classId === current.classId) current.onChange(); });
    onResync(() => current?.onChange());
  }
  const follower = { classId, onChange };
  current = follower;
  return () => { if (current === follower) current = null; };
}
