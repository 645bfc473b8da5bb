// Debian's headless Chromium as the browser scripts run it, and how a script ends: every failure on stderr and a
// non-zero exit, or "ok".
import { chromium } from "playwright-core";

export const launchChromium = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Runs the steps, closes the browser whatever happened, and exits as the failures say.
export async function runSteps(browser, failures, steps) {
  try {
    await steps();
  } catch (error) {
    failures.push(String(error));
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error(failures.join("\n"));
    process.exit(1);
  }
  console.log("ok");
}

// How long one step waits for what it expects. Every wait is for a condition, so this bounds only a failure: it is long
// enough for a machine that runs many of these browsers and servers at once, as ./test.sh does.
export const STEP_PATIENCE_MS = 30000;

// A page in a browser context of its own (its own storage: another device), whose script errors count as failures.
export async function openPage(browser, failures, name, viewport) {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.on("pageerror", (error) => failures.push(`${name}: ${error.message}`));
  page.setDefaultTimeout(STEP_PATIENCE_MS);
  return page;
}
