// @ts-check
// What a hub reply's error means to the page: which codes are worth retrying, and the sentence to show.

export const RETRY_MS = 3000;
export const FATAL_CODES = ["Unauthorized", "Forbidden"]; // retrying cannot fix these

export const errorText = result => result?.error?.message || result?.error?.code || "Something went wrong.";
